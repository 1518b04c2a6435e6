//! The body of a sync generator: the async generators' body (the closure,
//! then its future, and the one-byte hand-off its yields go through), polled
//! with a context of the sync generator's own.

use core::future::Future;
use core::task::{Context, Poll, Waker};

use crate::body::{Body, Progress};
use crate::co::Co;
use crate::hand_off::HandOff;
use crate::machine::{GeneratorBody, ResumeRule, TakesResume, UnitResume};
use crate::protocol::GeneratorState;
use crate::sync::cold::panic_cold;

mod sealed {
    pub trait Sealed {}
}

/// The body of a [`SyncGen`](crate::SyncGen): what `#[sync_gen]` and
/// `sync_gen_block!` build.
///
/// Sealed: only this crate implements it. It appears in the return types the
/// macros write (`SyncGen<impl SyncBody<Yield = u32, …>>`) and is dyn
/// compatible, so that a body can be type-erased behind a box.
///
/// ```
/// use asyncgen_runtime::{SyncBody, SyncGen};
///
/// // A function signature that accepts any sync generator yielding `u32`s.
/// fn takes(_gen: SyncGen<impl SyncBody<Yield = u32, Resume = (), Return = ()>>) {}
/// ```
pub trait SyncBody: sealed::Sealed {
    /// The type of the values the body yields.
    type Yield;
    /// The type of the values the body receives back from each `yield`.
    type Resume;
    /// The body's completion value.
    type Return;

    #[doc(hidden)]
    fn progress(&self) -> Progress;

    /// Resumes the body with `arg` (`None`: no resume value, allowed only
    /// to start the body); `None` if it had already finished.
    ///
    /// # Safety
    ///
    /// `self` is pinned: it is not moved from this call until it is dropped.
    #[doc(hidden)]
    unsafe fn step(
        &mut self,
        arg: &mut Option<Self::Resume>,
    ) -> Option<GeneratorState<Self::Yield, Self::Return>>;
}

const NOT_READY: &str = "a `#[sync_gen]` body awaited a future that is not ready: a sync \
    generator has no executor to wait for it, so its body must never wait; use `#[async_gen]` \
    (or `async_gen_block!`) for a body that awaits";

const NO_RESUME_VALUE: &str = "a sync generator suspended at a `yield` was resumed without a \
    resume value: `yield_from!` can only delegate to a generator that has not started or, with \
    resume type `()`, one suspended at a yield";

impl<Y, A, F, Fut, Rule> sealed::Sealed for GeneratorBody<Y, A, F, Fut, Rule> {}

impl<Y, A, F, Fut, Rule: ResumeRule> SyncBody for GeneratorBody<Y, A, F, Fut, Rule>
where
    F: FnOnce(Co<'static, Y, A>) -> Fut,
    Fut: Future,
{
    type Yield = Y;
    type Resume = A;
    type Return = Fut::Output;

    fn progress(&self) -> Progress {
        Body::progress(self)
    }

    // `always`, as is the whole chain from `Iterator::next` down to here:
    // LLVM then weighs the body's poll inside the consumer's loop.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    unsafe fn step(&mut self, arg: &mut Option<A>) -> Option<GeneratorState<Y, Fut::Output>> {
        // Only `yield_from!` passes `None`; for an `Iterator` this folds away.
        if arg.is_none() && Body::progress(self) == Progress::Suspended {
            panic_cold(NO_RESUME_VALUE);
        }
        // The body never waits, so nothing ever wakes it: any waker will do.
        let mut cx = Context::from_waker(Waker::noop());
        // SAFETY: the caller's contract is `poll_step`'s.
        match unsafe { Body::poll_step(self, &mut cx, arg) } {
            Poll::Ready(state) => state,
            Poll::Pending => not_ready(self.hand_off()),
        }
    }
}

/// The body returned `Pending` without yielding: it waits for a future that
/// nothing will wake. The generator is finished (its parked future is dropped
/// with it). Generic over the values only: shared by the generators of one
/// item type.
#[cold]
#[inline(never)]
fn not_ready<Y, A>(hand_off: &HandOff<Y, A>) -> ! {
    hand_off.finish();
    panic_cold(NOT_READY)
}

/// Builds a sync generator from its body. Used by the macros; not a public API.
///
/// The `for<'co> AsyncFnOnce` bound keeps the handle inside the body (it must
/// work for a handle of any lifetime), as for async generators; the second
/// bound only names the future.
#[doc(hidden)]
pub fn new<Y, A, R, F, Fut>(
    body: F,
) -> crate::SyncGen<impl SyncBody<Yield = Y, Resume = A, Return = R>>
where
    F: for<'co> AsyncFnOnce(Co<'co, Y, A>) -> R,
    F: FnOnce(Co<'static, Y, A>) -> Fut,
    Fut: Future<Output = R>,
{
    crate::SyncGen::from_body(GeneratorBody::<Y, A, F, Fut, TakesResume>::unstarted(body))
}

/// [`new`] for a body whose resume type is `()` and whose yields end at their
/// `suspend` (see the async generators' `new_unit`). Used by the macros; not
/// a public API.
#[doc(hidden)]
pub fn new_unit<Y, R, F, Fut>(
    body: F,
) -> crate::SyncGen<impl SyncBody<Yield = Y, Resume = (), Return = R>>
where
    F: for<'co> AsyncFnOnce(Co<'co, Y, ()>) -> R,
    F: FnOnce(Co<'static, Y, ()>) -> Fut,
    Fut: Future<Output = R>,
{
    crate::SyncGen::from_body(GeneratorBody::<Y, (), F, Fut, UnitResume>::unstarted(body))
}
