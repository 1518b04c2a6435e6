//! The one implementation of [`Body`]: the closure the macros build, which
//! becomes a future on the first poll, and the hand-off its yields go through.

use core::cell::UnsafeCell;
use core::future::Future;
use core::marker::PhantomPinned;
use core::mem::ManuallyDrop;
use core::pin::Pin;
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

/// The closure (`Unstarted`) or the future (`Running` to `Resumed`), or
/// nothing (`Complete`), as the state byte says.
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
            Phase::Complete => Progress::Complete,
        }
    }

    #[inline]
    fn poll_step(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<A>,
    ) -> Poll<Option<GeneratorState<Y, Fut::Output>>> {
        // SAFETY: the future is structurally pinned: it is reached only
        // through the `Pin` below and dropped in place. The closure is not
        // pinned; it is moved out once, by `start`.
        let this = unsafe { self.get_unchecked_mut() };
        let phase = this.hand_off.phase();
        if phase > Phase::Suspended {
            if this.start_or_stop(arg) {
                return Poll::Ready(None);
            }
        } else if phase == Phase::Suspended {
            this.hand_off.resume_with(arg);
        }
        let guard = FinishOnDrop { code: &mut this.code, hand_off: &this.hand_off };
        // SAFETY: the state byte is `Running` to `Resumed`: the future is
        // stored, and stays where it is until `finish` drops it in place.
        let future = unsafe { Pin::new_unchecked(&mut *(*guard.code.get()).future) };
        match future.poll(cx) {
            Poll::Pending => {
                let hand_off = guard.hand_off;
                core::mem::forget(guard);
                match hand_off.take_yielded() {
                    Some(value) => Poll::Ready(Some(GeneratorState::Yielded(value))),
                    None => Poll::Pending,
                }
            }
            // The guard drops the finished future now: its captures go as
            // soon as the body returns, not when the generator is dropped.
            Poll::Ready(value) => {
                drop(guard);
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
    fn start_or_stop(&mut self, arg: &mut Option<A>) -> bool {
        match self.hand_off.phase() {
            Phase::Complete => true,
            Phase::Unstarted => {
                // The first resume value has no yield to go to.
                drop(arg.take());
                let code = self.code.get_mut();
                // SAFETY: `Unstarted` stores the closure; the byte says
                // `Complete` (nothing stored) before the closure runs, so a
                // panic in it leaves nothing to drop twice.
                let start = unsafe { ManuallyDrop::take(&mut code.start) };
                self.hand_off.set_phase(Phase::Complete);
                // SAFETY: the hand-off is pinned beside the body and outlives
                // it (`finish` drops the future first). The handle cannot
                // leave the body: `new` only accepts closures that work for
                // every handle lifetime (`for<'co> AsyncFnOnce`), so the
                // `'static` is never observable by the body.
                let co = unsafe { Co::new(&self.hand_off) };
                code.future = ManuallyDrop::new(start(co));
                self.hand_off.set_phase(Phase::Running);
                false
            }
            _ => false,
        }
    }
}

/// Finishes the body when dropped: on completion, and if the body's poll
/// panics (so that later polls see a finished generator, not a second panic).
struct FinishOnDrop<'a, Y, A, F, Fut> {
    code: &'a mut UnsafeCell<Code<F, Fut>>,
    hand_off: &'a HandOff<Y, A>,
}

impl<Y, A, F, Fut> Drop for FinishOnDrop<'_, Y, A, F, Fut> {
    fn drop(&mut self) {
        // SAFETY: a `FinishOnDrop` exists only while the future is stored.
        unsafe { finish(self.code, self.hand_off) };
    }
}

/// Drops what is in transit, records completion, then drops the future in
/// place. Completion comes before the future's destructors: if one panics, the
/// generator still says `Complete`; if one yields, the value is dropped at
/// once (no consumer can take it).
///
/// # Safety
///
/// The state byte is `Running` to `Resumed`: the future is stored.
#[cold]
#[inline(never)]
unsafe fn finish<Y, A, F, Fut>(code: &mut UnsafeCell<Code<F, Fut>>, hand_off: &HandOff<Y, A>) {
    hand_off.drop_in_transit();
    hand_off.set_phase(Phase::Complete);
    // SAFETY: the caller's contract: the future is stored; the byte now says
    // it is not, so it is dropped exactly once, where it is.
    unsafe { ManuallyDrop::drop(&mut code.get_mut().future) };
}

impl<Y, A, F, Fut> Drop for GeneratorBody<Y, A, F, Fut> {
    fn drop(&mut self) {
        match self.hand_off.phase() {
            Phase::Complete => {}
            Phase::Unstarted => {
                self.hand_off.set_phase(Phase::Complete);
                // SAFETY: `Unstarted` stores the closure; the byte now says
                // it is not, so it is dropped exactly once.
                unsafe { ManuallyDrop::drop(&mut self.code.get_mut().start) };
            }
            // SAFETY: every other state stores the future.
            _ => unsafe { finish(&mut self.code, &self.hand_off) },
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
