//! The one implementation of [`Body`]: the closure the macros build, which
//! becomes a future on the first poll, and the hand-off its yields go through.
//!
//! Every generator instantiates the functions here, so they are few and
//! call no small generic helpers: the closure and the future are reached by
//! pointer casts (`Code` is `repr(C)`).

// `as` casts rather than `pointer::cast`: each `cast::<T>` would be one more
// generic function instantiated for every generator.
#![allow(clippy::ptr_as_ptr)]

use core::cell::UnsafeCell;
use core::future::Future;
use core::marker::PhantomPinned;
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
/// The name appears in compiler notes ("required for `GeneratorBody<…>` to
/// implement `Send`"), hence one that reads as what it is.
pub(crate) struct GeneratorBody<Y, A, F, Fut> {
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
unsafe impl<Y: Send, A: Send, F: Send, Fut: Send> Send for GeneratorBody<Y, A, F, Fut> {}

// SAFETY: a shared reference grants one thing only: reading the state byte
// (`progress`). Writes need the generator's `Pin<&mut _>` or run inside the
// body's poll under it, so they never overlap a shared borrow. The bounds
// mirror the contents, so the generator is `Sync` exactly when they are.
unsafe impl<Y: Sync, A: Sync, F: Sync, Fut: Sync> Sync for GeneratorBody<Y, A, F, Fut> {}

impl<Y, A, F, Fut> Sealed for GeneratorBody<Y, A, F, Fut> {}

impl<Y, A, F, Fut> Body for GeneratorBody<Y, A, F, Fut>
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
    #[allow(clippy::inline_always)]
    #[inline(always)]
    unsafe fn poll_step(
        &mut self,
        cx: &mut Context<'_>,
        arg: &mut Option<A>,
    ) -> Poll<Option<GeneratorState<Y, Fut::Output>>> {
        let phase = self.hand_off.phase();
        if phase > Phase::Suspended {
            if phase == Phase::Unstarted {
                // The first resume value has no yield to go to. Taken here,
                // not in `start_or_stop`: a `Stream`'s `Some(())` then never
                // needs to be in memory.
                drop(arg.take());
            }
            if self.start_or_stop() {
                return Poll::Ready(None);
            }
        } else if phase == Phase::Suspended {
            self.hand_off.resume_with(arg);
        }
        let guard = FinishOnUnwind(&self.hand_off);
        // SAFETY: the state byte is `Running` to `Resumed`: the future is
        // stored; the caller's contract pins it; it stays where it is until
        // the generator's `drop` drops it in place.
        let future = unsafe { Pin::new_unchecked(&mut *(&raw mut self.code as *mut Fut)) };
        let step = future.poll(cx);
        core::mem::forget(guard);
        match step {
            Poll::Pending => match self.hand_off.take_yielded() {
                Some(value) => Poll::Ready(Some(GeneratorState::Yielded(value))),
                None => Poll::Pending,
            },
            Poll::Ready(value) => {
                // Dropped now, not with the generator, so that its captures
                // go as soon as the body returns. Completion is recorded
                // first: if a destructor panics, the generator still says
                // `Complete`; if one yields, the value is dropped at once.
                self.hand_off.drop_in_transit();
                self.hand_off.set_phase(Phase::Complete);
                // SAFETY: the future is stored; the byte now says it is not,
                // so it is dropped exactly once, where it is.
                unsafe { ptr::drop_in_place(&raw mut self.code as *mut Fut) };
                Poll::Ready(Some(GeneratorState::Complete(value)))
            }
        }
    }
}

impl<Y, A, F, Fut> GeneratorBody<Y, A, F, Fut>
where
    F: FnOnce(Co<'static, Y, A>) -> Fut,
{
    /// The cold states at the start of a step. Input: `Unstarted`,
    /// `Complete`, or a body parked at an ordinary `.await` after an unusual
    /// hand-off (`Yielded`, `Resumed`). Output: `true` if the body is
    /// complete (nothing to poll); otherwise the future is stored.
    #[cold]
    #[inline(never)]
    fn start_or_stop(&mut self) -> bool {
        let phase = self.hand_off.phase();
        if phase != Phase::Unstarted {
            return phase >= Phase::Complete;
        }
        // SAFETY: `Unstarted` stores the closure; the byte says
        // `Complete` (nothing stored) before the closure runs, so a
        // panic in it leaves nothing to drop twice.
        let start = unsafe { ptr::read(&raw mut self.code as *mut F) };
        self.hand_off.set_phase(Phase::Complete);
        // SAFETY: the hand-off is pinned beside the body and outlives
        // it (the generator's `drop` drops the future first). The handle cannot
        // leave the body: `new` only accepts closures that work for
        // every handle lifetime (`for<'co> AsyncFnOnce`), so the
        // `'static` is never observable by the body.
        let co = unsafe { Co::new(&self.hand_off) };
        let future = start(co);
        // SAFETY: nothing is stored (the closure was moved out).
        // (A union field assignment rather than `ptr::write`: no generic
        // function instantiated per generator; `ManuallyDrop` fields drop
        // nothing when assigned.)
        unsafe { (*self.code.get()).future = ManuallyDrop::new(future) };
        self.hand_off.set_phase(Phase::Running);
        false
    }
}

impl<Y, A, F, Fut> GeneratorBody<Y, A, F, Fut> {
    /// A body whose closure is stored, not started. (The sync generators'
    /// constructor; `new` builds the same value for an `AsyncGen` without
    /// calling it: one generic function less per async generator.)
    pub(crate) const fn unstarted(body: F) -> Self {
        Self {
            code: UnsafeCell::new(Code { start: ManuallyDrop::new(body) }),
            hand_off: HandOff::unstarted(),
            _pinned: PhantomPinned,
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

impl<Y, A, F, Fut> Drop for GeneratorBody<Y, A, F, Fut> {
    // `always`: folded into the drop glue that calls it, one function less
    // per generator in a debug build.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn drop(&mut self) {
        let stored = self.hand_off.phase();
        if stored == Phase::Complete {
            return;
        }
        // What is in transit goes first, and the byte says `Complete`
        // before any destructor of the body runs: if one panics, the
        // generator still says `Complete`; if one yields, the value is
        // dropped at once (no consumer can take it).
        self.hand_off.drop_in_transit();
        self.hand_off.set_phase(Phase::Complete);
        if stored == Phase::Unstarted {
            // SAFETY: `Unstarted` stores the closure; the byte now says
            // it is not, so it is dropped exactly once.
            unsafe { ptr::drop_in_place(&raw mut self.code as *mut F) };
        } else {
            // SAFETY: every other state stores the future (`Finished`: a
            // finished one); the byte now says it is not, so it is dropped
            // exactly once, where it is: a body being dropped is pinned.
            unsafe { ptr::drop_in_place(&raw mut self.code as *mut Fut) };
        }
    }
}

/// Builds a generator from its body. Used by the macros; not a public API.
///
/// The `for<'co> AsyncFnOnce` bound is what makes the hand-off sound: the body
/// must work for a handle of any lifetime, so it cannot store the handle
/// anywhere that outlives the body. The second bound only names the future.
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
        body: GeneratorBody {
            code: UnsafeCell::new(Code { start: ManuallyDrop::new(body) }),
            hand_off: HandOff::unstarted(),
            _pinned: PhantomPinned,
        },
    }
}
