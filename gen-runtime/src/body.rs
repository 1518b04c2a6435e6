//! The body of a generator: a closure that becomes a future on the first poll.

use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::co::{Co, SlotCell};

mod sealed {
    pub trait Sealed {}
}

/// Where a generator's body is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[doc(hidden)]
pub enum Progress {
    /// Not polled yet: the body has not started.
    Unstarted,
    /// Started and not finished.
    Started,
    /// Returned its completion value, or panicked.
    Complete,
}

/// The body of an [`AsyncGen`](crate::AsyncGen): what the macros build from an
/// `async fn` or an `async_gen_block!`.
///
/// The trait is sealed: only this crate implements it. It appears in the
/// return types the macros write (`AsyncGen<impl Body<Yield = u32, …>>`) and is
/// object safe, so that a body can be type-erased behind a box.
///
/// ```
/// use asyncgen_runtime::{AsyncGen, Body};
///
/// // A function signature that accepts any generator yielding `u32`s.
/// fn takes(_gen: AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>>) {}
/// ```
pub trait Body: sealed::Sealed {
    /// The type of the values the body yields.
    type Yield;
    /// The type of the values the body receives back from each `yield`.
    type Resume;
    /// The body's completion value.
    type Return;

    #[doc(hidden)]
    fn progress(&self) -> Progress;

    /// Polls the body, starting it with a handle to `slot` on the first call.
    ///
    /// # Safety
    ///
    /// `slot` is the slot of the generator that owns `self` and it outlives
    /// `self`; the generator touches it only outside this call.
    #[doc(hidden)]
    unsafe fn poll_body(
        self: Pin<&mut Self>,
        slot: &SlotCell<Self::Yield, Self::Resume>,
        cx: &mut Context<'_>,
    ) -> Poll<Self::Return>;
}

/// A body that starts lazily: calling the generator function does no work.
pub(crate) enum Lazy<Y, A, F, Fut> {
    Unstarted(F, PhantomData<fn(Y, A)>),
    Started(Fut),
    Complete,
}

impl<Y, A, F, Fut> sealed::Sealed for Lazy<Y, A, F, Fut> {}

impl<Y, A, F, Fut> Body for Lazy<Y, A, F, Fut>
where
    F: FnOnce(Co<'static, Y, A>) -> Fut,
    Fut: Future,
{
    type Yield = Y;
    type Resume = A;
    type Return = Fut::Output;

    fn progress(&self) -> Progress {
        match self {
            Lazy::Unstarted(..) => Progress::Unstarted,
            Lazy::Started(_) => Progress::Started,
            Lazy::Complete => Progress::Complete,
        }
    }

    unsafe fn poll_body(
        self: Pin<&mut Self>,
        slot: &SlotCell<Y, A>,
        cx: &mut Context<'_>,
    ) -> Poll<Fut::Output> {
        // SAFETY: `Lazy` never moves a started future: `Fut` is structurally
        // pinned (it is only reached through the `Pin` below and dropped in
        // place), while `F` is not pinned and may be moved out.
        let this = unsafe { self.get_unchecked_mut() };
        if let Lazy::Unstarted(..) = this {
            let Lazy::Unstarted(start, _) = core::mem::replace(this, Lazy::Complete) else {
                unreachable!()
            };
            // SAFETY: the caller guarantees that `slot` outlives this body and
            // is left alone while the body runs. The handle cannot leave the
            // body: `new` only accepts closures that work for every handle
            // lifetime (`for<'co> AsyncFnOnce`), so the `'static` is never
            // observable by the body.
            let co = unsafe { Co::new(slot) };
            *this = Lazy::Started(start(co));
        }
        let guard = CompleteOnUnwind(this);
        let Lazy::Started(future) = &mut *guard.0 else {
            panic!("`AsyncGen` resumed after it completed or panicked");
        };
        // SAFETY: see above; the future stays where it is until it is dropped.
        let poll = unsafe { Pin::new_unchecked(future) }.poll(cx);
        if poll.is_pending() {
            core::mem::forget(guard);
        }
        // Otherwise the guard drops the finished future now: its captures go
        // as soon as the body returns, not when the generator is dropped.
        poll
    }
}

/// Marks the body complete, dropping the future in place, when the guard is
/// dropped: on completion, and if the body's poll panics (so that later polls
/// see a finished generator instead of a second panic).
struct CompleteOnUnwind<'a, Y, A, F, Fut>(&'a mut Lazy<Y, A, F, Fut>);

impl<Y, A, F, Fut> Drop for CompleteOnUnwind<'_, Y, A, F, Fut> {
    fn drop(&mut self) {
        *self.0 = Lazy::Complete;
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
    crate::AsyncGen::from_body(Lazy::Unstarted(body, PhantomData))
}
