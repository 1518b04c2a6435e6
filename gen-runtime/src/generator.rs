//! `AsyncGen`: the one generator type, and its `Stream` implementation.

use core::fmt;
use core::marker::PhantomPinned;
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::stream::{FusedStream, Stream};

use crate::body::{Body, Progress};
use crate::co::SlotCell;
use crate::completion::StreamCompletion;
use crate::protocol::{AsyncGenerator, GeneratorState};

/// An async generator: the value returned by an `#[async_gen]` function or an
/// `async_gen_block!`.
///
/// It owns the body (the state machine the compiler builds from the async
/// code) and the slot through which yielded and resume values cross, and
/// nothing else: no allocation, no thread-local, no global state.
///
/// * It is a [`Stream`] when its resume type is `()` and its completion type
///   is `()` (items are the yielded values) or `Result<(), E>` (items are
///   `Ok(yielded)`, then one last `Err(e)` if the body fails); see
///   [`StreamCompletion`].
/// * It is a [`FusedStream`]: after the end every poll is `Ready(None)`.
/// * It implements the two-way [`AsyncGenerator`] protocol for any resume type.
/// * It is `Send` / `Sync` exactly when its body and values are.
///
/// Like any future, it must be pinned before it is polled
/// (`core::pin::pin!`, `Box::pin`).
///
/// # Panics
///
/// A panic in the body propagates out of the poll that ran it; the generator is
/// complete from then on, so later `Stream` polls return `Ready(None)`.
///
/// ```
/// use asyncgen_runtime::{AsyncGen, Body};
/// use futures::StreamExt;
///
/// // `#[async_gen]` functions return `AsyncGen<impl Body<…>>`.
/// fn count(gen: AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>>) -> usize {
///     futures::executor::block_on(core::pin::pin!(gen).count())
/// }
/// # let _ = count;
/// ```
#[must_use = "generators do nothing unless polled"]
pub struct AsyncGen<B: Body + ?Sized> {
    slot: SlotCell<B::Yield, B::Resume>,
    /// The body's `Co` points at `slot`: the generator must not move once started.
    _pinned: PhantomPinned,
    /// Dropped by hand, before `slot`: destructors in the body may still reach
    /// the slot. Last, so that the body can be unsized behind a box.
    body: ManuallyDrop<B>,
}

impl<B: Body> AsyncGen<B> {
    pub(crate) const fn from_body(body: B) -> Self {
        Self { slot: SlotCell::new(), _pinned: PhantomPinned, body: ManuallyDrop::new(body) }
    }
}

impl<B: Body + ?Sized> AsyncGen<B> {
    /// Whether the body has finished (returned or panicked).
    ///
    /// ```
    /// # use asyncgen_runtime::{AsyncGen, Body};
    /// fn finished(gen: &AsyncGen<impl Body>) -> bool {
    ///     gen.is_complete()
    /// }
    /// ```
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.body.progress() == Progress::Complete
    }

    fn project(self: Pin<&mut Self>) -> (Pin<&mut B>, &SlotCell<B::Yield, B::Resume>) {
        // SAFETY: `body` is structurally pinned (never moved, dropped in place
        // by `Drop`) and `slot` is only used through a shared reference.
        let this = unsafe { self.get_unchecked_mut() };
        // SAFETY: as above: the pinned generator pins its body.
        let body = unsafe { Pin::new_unchecked(&mut *this.body) };
        (body, &this.slot)
    }
}

impl<B: Body + ?Sized> Drop for AsyncGen<B> {
    fn drop(&mut self) {
        // SAFETY: `body` is dropped exactly once, here, in place (it is pinned),
        // while `slot` is still alive for any destructor in the body that uses it.
        unsafe { ManuallyDrop::drop(&mut self.body) }
    }
}

impl<B: Body + ?Sized> AsyncGenerator<B::Resume> for AsyncGen<B> {
    type Yield = B::Yield;
    type Return = B::Return;

    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<B::Resume>,
    ) -> Poll<GeneratorState<B::Yield, B::Return>> {
        let (body, slot) = self.project();
        match body.progress() {
            Progress::Unstarted => drop(arg.take()),
            Progress::Started => slot.offer_resume(arg),
            Progress::Complete => panic!(
                "`AsyncGen` resumed after it completed or panicked: \
                 a generator cannot be resumed after `GeneratorState::Complete`"
            ),
        }
        // SAFETY: `slot` belongs to the generator that owns `body`, is
        // declared before it and dropped after it (see `Drop`), and is not
        // touched by this function while the body runs.
        match unsafe { body.poll_body(slot, cx) } {
            Poll::Ready(value) => {
                slot.clear();
                Poll::Ready(GeneratorState::Complete(value))
            }
            Poll::Pending => match slot.take_yielded() {
                Some(value) => Poll::Ready(GeneratorState::Yielded(value)),
                None => Poll::Pending,
            },
        }
    }
}

impl<B> Stream for AsyncGen<B>
where
    B: Body<Resume = ()> + ?Sized,
    B::Return: StreamCompletion<B::Yield>,
{
    type Item = <B::Return as StreamCompletion<B::Yield>>::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.is_complete() {
            return Poll::Ready(None);
        }
        self.poll_resume(cx, &mut Some(())).map(|state| match state {
            GeneratorState::Yielded(value) => Some(B::Return::item(value)),
            GeneratorState::Complete(completion) => completion.last_item(),
        })
    }
}

impl<B> FusedStream for AsyncGen<B>
where
    B: Body<Resume = ()> + ?Sized,
    B::Return: StreamCompletion<B::Yield>,
{
    fn is_terminated(&self) -> bool {
        self.is_complete()
    }
}

impl<B: Body + ?Sized> fmt::Debug for AsyncGen<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.body.progress() {
            Progress::Unstarted => "Unstarted",
            Progress::Started => "Suspended",
            Progress::Complete => "Complete",
        };
        f.debug_struct("AsyncGen").field("state", &format_args!("{state}")).finish_non_exhaustive()
    }
}
