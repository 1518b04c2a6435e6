//! `AsyncGen`: the one generator type, and its `Stream` implementation.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::stream::{FusedStream, Stream};

use crate::body::{Body, Progress};
use crate::completion::{self, StreamCompletion};
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
/// * Its body type can be erased: `Pin<Box<AsyncGen<dyn Body<...>>>>` keeps
///   every capability above.
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
/// # use asyncgen_runtime::{AsyncGen, Body, __private::new_unit};
/// # fn numbers() -> AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>> {
/// #     new_unit::<u32, (), _, _>(async |mut co| for i in 0..3 { co.yield_(i); co.suspend().await; })
/// # }
/// use futures::StreamExt;
///
/// // `numbers()` is what `#[async_gen(yield = u32)] async fn numbers()` returns.
/// let mut numbers = core::pin::pin!(numbers());
/// let items: Vec<u32> = futures::executor::block_on(numbers.as_mut().collect());
/// assert_eq!(items, [0, 1, 2]);
/// assert!(numbers.is_complete());
/// assert_eq!(format!("{numbers:?}"), "AsyncGen { state: Complete, .. }");
/// ```
#[must_use = "generators do nothing unless polled"]
pub struct AsyncGen<B: Body + ?Sized> {
    pub(crate) body: B,
}

mod pinned {
    /// Never implemented: what makes [`AsyncGen`](crate::AsyncGen) `!Unpin`
    /// with one error, in the user's terms, when it is polled unpinned.
    #[diagnostic::on_unimplemented(
        message = "an async generator must be pinned before it is polled",
        label = "this generator is not pinned",
        note = "pin it first: `let mut gen = core::pin::pin!(gen);` (or `Box::pin(gen)`), \
                then call `.next()` on `gen`"
    )]
    pub trait MustBePinned {}

    /// Never implemented: the bound of the hidden inherent `AsyncGen::next`,
    /// which method lookup reaches both for an unpinned generator and for a
    /// pinned one that is not a `Stream`, so its message states both rules.
    #[diagnostic::on_unimplemented(
        message = "`.next()` needs a pinned generator that is a `Stream`",
        label = "this generator is not pinned, or is not a `Stream`",
        note = "pin it first: `let mut gen = core::pin::pin!(gen);` (or `Box::pin(gen)`), \
                then call `.next()` on `gen`",
        note = "a generator is a `Stream` only when its resume type is `()` and it completes \
                with `()` or `Result<(), E>`; drive any other generator with \
                `AsyncGeneratorExt::resume`, which returns `GeneratorState::Yielded(v)` or \
                `GeneratorState::Complete(r)`"
    )]
    pub trait NextNeedsPinnedStream {}
}

/// Not `Unpin`: the body's handle points into the generator, so it must not
/// move once polled. Spelled as an impl whose bound never holds, so that the
/// compiler's complaint is the note of `MustBePinned` instead of a list of
/// the runtime's fields.
impl<B: Body + ?Sized> Unpin for AsyncGen<B> where B: pinned::MustBePinned {}

impl<B: Body + ?Sized> AsyncGen<B> {
    /// Found before `StreamExt::next` when `.next()` is called on a generator
    /// that is not pinned, or on a pinned one that is not a `Stream` (on a
    /// pinned stream, `Pin<&mut AsyncGen>` finds the stream method first), so
    /// that the mistake is one error that states the rules, not one per trait
    /// bound of the stream method and its future. Its bound never holds: it
    /// cannot be called.
    #[doc(hidden)]
    // Named after `StreamExt::next` on purpose, to be found before it.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> core::future::Pending<Option<B::Yield>>
    where
        B: pinned::NextNeedsPinnedStream,
    {
        core::future::pending()
    }
}

impl<B: Body + ?Sized> AsyncGen<B> {
    /// Whether the body has finished (returned or panicked).
    ///
    /// ```
    /// # use asyncgen_runtime::{AsyncGen, Body, __private::new_unit};
    /// # fn one() -> AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>> {
    /// #     new_unit::<u32, (), _, _>(async |mut co| { co.yield_(1); co.suspend().await; })
    /// # }
    /// use futures::StreamExt;
    ///
    /// let mut one = core::pin::pin!(one());
    /// assert!(!one.is_complete());
    /// futures::executor::block_on(async {
    ///     assert_eq!(one.next().await, Some(1));
    ///     assert!(!one.is_complete());
    ///     assert_eq!(one.next().await, None);
    /// });
    /// assert!(one.is_complete());
    /// ```
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.body.progress() == Progress::Complete
    }
}

impl<B: Body + ?Sized> AsyncGenerator<B::Resume> for AsyncGen<B> {
    type Yield = B::Yield;
    type Return = B::Return;

    #[inline]
    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<B::Resume>,
    ) -> Poll<GeneratorState<B::Yield, B::Return>> {
        // SAFETY: `body` is structurally pinned: `AsyncGen` never moves it
        // out and has no `Drop` impl of its own, so it stays where it is
        // until it is dropped, as `poll_step` requires.
        match unsafe { self.get_unchecked_mut().body.poll_step(cx, arg) } {
            Poll::Ready(Some(state)) => Poll::Ready(state),
            Poll::Ready(None) => resumed_after_completion(),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn resumed_after_completion() -> ! {
    panic!(
        "`AsyncGen` resumed after it completed or panicked: a generator cannot be resumed \
         after `GeneratorState::Complete`, nor delegated to by `yield_from!` (its completion \
         value was already taken); check `is_complete()` before resuming"
    )
}

impl<B> Stream for AsyncGen<B>
where
    B: Body<Resume = ()> + ?Sized,
    B::Return: StreamCompletion<B::Yield>,
{
    type Item = <B::Return as StreamCompletion<B::Yield>>::Item;

    // `always`: with a plain `#[inline]`, LLVM keeps `poll_next` out of line
    // in a consumer that is itself an `async` block (a task), which costs
    // 14 instructions per item of `task_count` and 56 per generator of
    // `task_spawn_small` (callgrind, fat LTO). The body's own poll stays
    // LLVM's choice. In a debug build it folds `poll_next` and `poll_step`
    // into their caller (two functions less per generator; the build time
    // of 200 generators did not move measurably).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // SAFETY: `body` is structurally pinned: `AsyncGen` never moves it
        // out and has no `Drop` impl of its own, so it stays where it is
        // until it is dropped, as `poll_step` requires.
        let step = unsafe { self.get_unchecked_mut().body.poll_step(cx, &mut Some(())) };
        completion::poll_item(step)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        completion::size_hint(self.is_complete())
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

/// Shows where the body is: `Unstarted`, `Suspended` (at a `yield`, waiting
/// for its consumer), `Running` (started, waiting at an `.await`) or
/// `Complete`.
impl<B: Body + ?Sized> fmt::Debug for AsyncGen<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsyncGen").field("state", &self.body.progress()).finish_non_exhaustive()
    }
}
