//! The one implementation of [`Body`]: the closure the macros build, which
//! becomes a future on the first poll, and the hand-off its yields go through.
//!
//! Every generator instantiates the functions here, so they are few and
//! small: the work of a step is in functions generic over the values only
//! (`HandOff::enter`, `poll_stored`), shared by every generator of one item
//! type. The future is reached by a pointer cast (`Code` is `repr(C)`) and
//! stored by a union field assignment, so the only small generic helper per
//! generator is the `ManuallyDrop::take` that moves the closure out.

// `as` casts rather than `pointer::cast`: each `cast::<T>` would be one more
// generic function instantiated for every generator.
#![allow(clippy::ptr_as_ptr)]

use core::cell::UnsafeCell;
use core::future::Future;
use core::marker::{PhantomData, PhantomPinned};
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::ptr;
use core::task::{Context, Poll};

use crate::body::{Body, Progress, Sealed};
use crate::co::Co;
use crate::hand_off::{HandOff, Phase};
use crate::protocol::GeneratorState;

/// A generator's body: its code (the closure, then the future it returns)
/// and its hand-off, whose state byte says which of the two is stored.
///
/// `Rule` says how the body takes its resume values: [`TakesResume`] (built
/// by [`new`]) or [`UnitResume`] (built by [`new_unit`]: the resume type is
/// `()`, the body never takes it, and resuming it stores nothing).
///
/// The name appears in compiler notes ("required for `GeneratorBody<…>` to
/// implement `Send`"), hence one that reads as what it is.
pub(crate) struct GeneratorBody<Y, A, F, Fut, Rule> {
    /// Reached only through `&mut`, never through a shared reference: a
    /// suspended body may hold references into itself (a pinned local being
    /// awaited, a `&mut` to a local held across a yield), which a shared
    /// reference covering its bytes would invalidate under Stacked and Tree
    /// Borrows. The `UnsafeCell` keeps a shared borrow of the generator
    /// (`Debug`, `is_complete`) from freezing these bytes.
    code: UnsafeCell<Code<F, Fut>>,
    hand_off: HandOff<Y, A>,
    /// The body's `Co` points at `hand_off`: the body must not move once
    /// started.
    _pinned: PhantomPinned,
    _rule: PhantomData<Rule>,
}

/// How a body takes its resume values: the last parameter of
/// [`GeneratorBody`], named after what it means because compiler notes print
/// it.
pub(crate) trait ResumeRule {
    /// The resume type is `()` and the body never takes it.
    const UNIT: bool;
}

/// Each yield of the body ends with [`Co::resumed`], which takes the resume
/// value (a body built by [`new`]).
pub(crate) struct TakesResume;

impl ResumeRule for TakesResume {
    const UNIT: bool = false;
}

/// The resume type is `()` and the body's yields end at their `suspend`,
/// taking nothing (a body built by [`new_unit`]).
pub(crate) struct UnitResume;

impl ResumeRule for UnitResume {
    const UNIT: bool = true;
}

/// The closure (`Unstarted`) or the future (`Running` to `Resumed`, and
/// `Finished`), or nothing (`Complete`), as the state byte says. `repr(C)`: both fields are
/// at offset 0, so a pointer to the union is a pointer to either.
#[repr(C)]
union Code<F, Fut> {
    start: ManuallyDrop<F>,
    future: ManuallyDrop<Fut>,
}

// SAFETY: exactly the auto-trait rule for the fields (the closure, the
// future, and values of `Y` and `A` in transit), written out so that a
// compiler note about a body that is not `Send` stops here instead of naming
// every cell and union inside.
unsafe impl<Y: Send, A: Send, F: Send, Fut: Send, Rule> Send for GeneratorBody<Y, A, F, Fut, Rule> {}

// SAFETY: a shared reference grants one thing only: reading the state byte
// (`progress`). Writes need the generator's `Pin<&mut _>` or run inside the
// body's poll under it, so they never overlap a shared borrow. The bounds
// mirror the contents, so the generator is `Sync` exactly when they are.
unsafe impl<Y: Sync, A: Sync, F: Sync, Fut: Sync, Rule> Sync for GeneratorBody<Y, A, F, Fut, Rule> {}

impl<Y, A, F, Fut, Rule> Sealed for GeneratorBody<Y, A, F, Fut, Rule> {}

impl<Y, A, F, Fut, Rule: ResumeRule> Body for GeneratorBody<Y, A, F, Fut, Rule>
where
    F: FnOnce(Co<'static, Y, A>) -> Fut,
    Fut: Future,
{
    type Yield = Y;
    type Resume = A;
    type Return = Fut::Output;

    fn progress(&self) -> Progress {
        match self.hand_off.phase() {
            Phase::Unstarted => Progress::Unstarted,
            Phase::Suspended => Progress::Suspended,
            Phase::Running | Phase::Yielded | Phase::Resumed => Progress::Running,
            Phase::Complete | Phase::Finished => Progress::Complete,
        }
    }

    // `always`: see `AsyncGen::poll_next`, of which this is the whole work.
    // The work itself is in `HandOff::enter` and `poll_stored`, generic over
    // the values only and so shared by every generator of one item type;
    // what is left here is what needs the body's own types.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    unsafe fn poll_step(
        &mut self,
        cx: &mut Context<'_>,
        arg: &mut Option<A>,
    ) -> Poll<Option<GeneratorState<Y, Fut::Output>>> {
        if !self.hand_off.enter(arg, Rule::UNIT) && self.start_or_stop() {
            return Poll::Ready(None);
        }
        // SAFETY: the state byte is `Running` to `Resumed`: the future is
        // stored; the caller's contract pins it; it stays where it is until
        // it is dropped in place, by `poll_stored` or by the generator's
        // `drop`.
        let future = unsafe { Pin::new_unchecked(&mut *(&raw mut self.code as *mut Fut)) };
        // SAFETY: it is the stored future, and the state byte says so.
        unsafe { poll_stored(&self.hand_off, future, cx, Rule::UNIT) }
    }
}

/// Polls the stored future and hands its step on (`unit_resume`: the
/// body's [`ResumeRule`]). Through `dyn Future`, so
/// that it is generic over the values only: one copy serves every generator
/// of one item type in a debug build, and an optimised build, which inlines
/// it (`always` below), calls the known `poll` directly.
///
/// # Safety
///
/// `future` is the future stored in the generator that owns `hand_off`, and
/// the state byte says it is stored (`Running` to `Resumed`). When it
/// returns, it is dropped here, in place, and the byte says `Complete`.
#[cfg_attr(not(debug_assertions), allow(clippy::inline_always), inline(always))]
#[cfg_attr(debug_assertions, inline)]
unsafe fn poll_stored<Y, A, R>(
    hand_off: &HandOff<Y, A>,
    mut future: Pin<&mut dyn Future<Output = R>>,
    cx: &mut Context<'_>,
    unit_resume: bool,
) -> Poll<Option<GeneratorState<Y, R>>> {
    let guard = FinishOnUnwind(hand_off);
    let step = future.as_mut().poll(cx);
    core::mem::forget(guard);
    match step {
        Poll::Pending => hand_off.after_pending(unit_resume),
        Poll::Ready(value) => {
            // Dropped now, not with the generator, so that its captures
            // go as soon as the body returns.
            hand_off.close();
            // SAFETY: the future is stored (the caller's contract) and
            // pinned; the byte now says it is not, so it is dropped exactly
            // once, where it is.
            unsafe { ptr::drop_in_place(future.get_unchecked_mut()) };
            Poll::Ready(Some(GeneratorState::Complete(value)))
        }
    }
}

impl<Y, A, F, Fut, Rule> GeneratorBody<Y, A, F, Fut, Rule>
where
    F: FnOnce(Co<'static, Y, A>) -> Fut,
{
    /// The cold states at the start of a step (see [`HandOff::enter`]).
    /// Output: `true` if the body is over (nothing to poll); otherwise the
    /// future is stored.
    #[cold]
    #[inline(never)]
    fn start_or_stop(&mut self) -> bool {
        // Compared as bytes: no comparison function called per generator in
        // a debug build.
        let phase = self.hand_off.phase() as u8;
        if phase != Phase::Unstarted as u8 {
            return phase >= Phase::Complete as u8;
        }
        // SAFETY: the hand-off is pinned beside the body and outlives
        // it (the generator's `drop` drops the future first). The handle cannot
        // leave the body: `new` only accepts closures that work for
        // every handle lifetime (`for<'co> AsyncFnOnce`), so the
        // `'static` is never observable by the body.
        let co = unsafe { Co::new(&self.hand_off) };
        self.hand_off.set_phase(Phase::Complete);
        let code = self.code.get_mut();
        // SAFETY: `Unstarted` stored the closure; the byte says `Complete`
        // (nothing stored) while it runs, so a panic in it leaves nothing
        // to drop twice.
        let start = unsafe { ManuallyDrop::take(&mut code.start) };
        // (A union field assignment: `ManuallyDrop` fields drop nothing when
        // assigned, and no generic function is instantiated per generator.)
        code.future = ManuallyDrop::new(start(co));
        self.hand_off.set_phase(Phase::Running);
        false
    }
}

impl<Y, A, F, Fut, Rule> GeneratorBody<Y, A, F, Fut, Rule> {
    /// A body whose closure is stored, not started. (The sync generators'
    /// constructor; `new` builds the same value for an `AsyncGen` without
    /// calling it: one generic function less per async generator.)
    pub(crate) const fn unstarted(body: F) -> Self {
        Self {
            code: UnsafeCell::new(Code { start: ManuallyDrop::new(body) }),
            hand_off: HandOff::unstarted(),
            _pinned: PhantomPinned,
            _rule: PhantomData,
        }
    }

    /// The hand-off, for a sync generator to finish a body it gives up on.
    pub(crate) fn hand_off(&self) -> &HandOff<Y, A> {
        &self.hand_off
    }
}

/// Finishes the body if its poll unwinds, so that later polls see a
/// finished generator instead of a second panic; the unwound future (which
/// holds nothing any more) is dropped with the generator. Disarmed
/// (forgotten) on every normal return. Generic over the values only, not the
/// body: its functions are shared by the generators of one item type (a
/// guard that dropped the future would add three functions per generator).
struct FinishOnUnwind<'a, Y, A>(&'a HandOff<Y, A>);

impl<Y, A> Drop for FinishOnUnwind<'_, Y, A> {
    fn drop(&mut self) {
        self.0.finish();
    }
}

impl<Y, A, F, Fut, Rule> Drop for GeneratorBody<Y, A, F, Fut, Rule> {
    // `always`: folded into the drop glue that calls it, one function less
    // per generator in a debug build.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn drop(&mut self) {
        // `matches!` and `match`, not `==`: no comparison function called
        // per generator in a debug build.
        if matches!(self.hand_off.phase(), Phase::Complete) {
            return;
        }
        match self.hand_off.close() {
            Phase::Complete => {}
            // SAFETY: `Unstarted` stores the closure; the byte now says
            // it is not, so it is dropped exactly once.
            Phase::Unstarted => unsafe { ptr::drop_in_place(&raw mut self.code as *mut F) },
            // SAFETY: every other state stores the future (`Finished`: a
            // finished one); the byte now says it is not, so it is dropped
            // exactly once, where it is: a body being dropped is pinned.
            _ => unsafe { ptr::drop_in_place(&raw mut self.code as *mut Fut) },
        }
    }
}

/// Builds a generator from its body. Used by the macros; not a public API.
///
/// The `for<'co> AsyncFnOnce` bound is what makes the hand-off sound: the body
/// must work for a handle of any lifetime, so it cannot store the handle
/// anywhere that outlives the body. The second bound only names the future.
/// Each yield of the body ends with [`Co::resumed`], which takes the resume
/// value.
#[doc(hidden)]
pub fn new<Y, A, R, F, Fut>(
    body: F,
) -> crate::AsyncGen<impl Body<Yield = Y, Resume = A, Return = R>>
where
    F: for<'co> AsyncFnOnce(Co<'co, Y, A>) -> R,
    F: FnOnce(Co<'static, Y, A>) -> Fut,
    Fut: Future<Output = R>,
{
    crate::AsyncGen {
        body: GeneratorBody::<Y, A, F, Fut, TakesResume> {
            code: UnsafeCell::new(Code { start: ManuallyDrop::new(body) }),
            hand_off: HandOff::unstarted(),
            _pinned: PhantomPinned,
            _rule: PhantomData,
        },
    }
}

/// [`new`] for a body whose resume type is `()`: each of its yields ends at
/// its [`Co::suspend`], without [`Co::resumed`] (a `()` has nothing to take),
/// and the generator resumes it without a store. Used by the macros; not a
/// public API.
#[doc(hidden)]
pub fn new_unit<Y, R, F, Fut>(
    body: F,
) -> crate::AsyncGen<impl Body<Yield = Y, Resume = (), Return = R>>
where
    F: for<'co> AsyncFnOnce(Co<'co, Y, ()>) -> R,
    F: FnOnce(Co<'static, Y, ()>) -> Fut,
    Fut: Future<Output = R>,
{
    crate::AsyncGen {
        body: GeneratorBody::<Y, (), F, Fut, UnitResume> {
            code: UnsafeCell::new(Code { start: ManuallyDrop::new(body) }),
            hand_off: HandOff::unstarted(),
            _pinned: PhantomPinned,
            _rule: PhantomData,
        },
    }
}
