//! The two-way generator protocol: resume values in, yielded and completion values out.

use core::future::Future;
use core::ops::DerefMut;
use core::pin::Pin;
use core::task::{Context, Poll};

/// What one resume of a generator produced, as in JavaScript's
/// `{ value, done }`.
///
/// ```
/// use asyncgen_runtime::GeneratorState;
///
/// let state: GeneratorState<u32, &str> = GeneratorState::Yielded(1);
/// assert!(matches!(state, GeneratorState::Yielded(1)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GeneratorState<Y, R> {
    /// The body yielded a value and is suspended (`{ value, done: false }`).
    Yielded(Y),
    /// The body finished with its completion value (`{ value, done: true }`).
    Complete(R),
}

/// A generator that can be resumed with values of type `A`.
///
/// Every [`AsyncGen`](crate::AsyncGen) implements it; `A` is its resume type
/// (`()` unless the generator was declared with `resume = A`).
///
/// ```
/// use core::pin::Pin;
/// use core::task::{Context, Poll};
/// use asyncgen_runtime::{AsyncGenerator, GeneratorState};
///
/// // A generator written by hand: echoes each resume value back, twice.
/// struct Echo(u8);
///
/// impl AsyncGenerator<u8> for Echo {
///     type Yield = u8;
///     type Return = ();
///     fn poll_resume(
///         mut self: Pin<&mut Self>,
///         _: &mut Context<'_>,
///         arg: &mut Option<u8>,
///     ) -> Poll<GeneratorState<u8, ()>> {
///         if self.0 == 2 {
///             return Poll::Ready(GeneratorState::Complete(()));
///         }
///         self.0 += 1;
///         Poll::Ready(GeneratorState::Yielded(arg.take().unwrap_or(0)))
///     }
/// }
/// # let _ = Echo(0);
/// ```
pub trait AsyncGenerator<A = ()> {
    /// The type of the values the generator yields.
    type Yield;
    /// The generator's completion value.
    type Return;

    /// Resumes the body until it yields, completes, or waits.
    ///
    /// `arg` is taken (set to `None`) when the body is resumed from a
    /// `yield`: the body receives it as the value of that `yield`. The first
    /// resume's argument is dropped, as JavaScript drops the first
    /// `next(v)`'s argument. While the body waits at an ordinary `.await`,
    /// `arg` is left in place for the poll that resumes it from its yield.
    ///
    /// # Panics
    ///
    /// Implementations in this crate panic when resumed after they returned
    /// [`GeneratorState::Complete`] (or after the body panicked), and when the
    /// body is suspended at a `yield` and `arg` is `None`.
    ///
    /// ```
    /// use core::task::{Context, Poll, Waker};
    /// use asyncgen_runtime::{AsyncGenerator, GeneratorState};
    /// # use asyncgen_runtime::__private::new;
    /// # let echo = new::<u8, u8, (), _, _>(async |mut co| {
    /// #     let mut last = 0;
    /// #     loop { co.yield_(last); co.suspend().await; last = co.resumed(); }
    /// # });
    /// // `echo` yields back each value it is resumed with.
    /// let mut echo = core::pin::pin!(echo);
    /// let mut cx = Context::from_waker(Waker::noop());
    /// let mut arg = Some(7);
    /// // The first resume starts the body; its argument is taken and dropped.
    /// assert_eq!(echo.as_mut().poll_resume(&mut cx, &mut arg), Poll::Ready(GeneratorState::Yielded(0)));
    /// assert_eq!(arg, None);
    /// assert_eq!(echo.as_mut().poll_resume(&mut cx, &mut Some(9)), Poll::Ready(GeneratorState::Yielded(9)));
    /// ```
    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<A>,
    ) -> Poll<GeneratorState<Self::Yield, Self::Return>>;
}

impl<P, A> AsyncGenerator<A> for Pin<P>
where
    P: DerefMut<Target: AsyncGenerator<A>>,
{
    type Yield = <P::Target as AsyncGenerator<A>>::Yield;
    type Return = <P::Target as AsyncGenerator<A>>::Return;

    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<A>,
    ) -> Poll<GeneratorState<Self::Yield, Self::Return>> {
        self.as_deref_mut().poll_resume(cx, arg)
    }
}

impl<G: AsyncGenerator<A> + Unpin + ?Sized, A> AsyncGenerator<A> for &mut G {
    type Yield = G::Yield;
    type Return = G::Return;

    fn poll_resume(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<A>,
    ) -> Poll<GeneratorState<G::Yield, G::Return>> {
        G::poll_resume(Pin::new(&mut **self), cx, arg)
    }
}

/// Adds [`resume`](AsyncGeneratorExt::resume) to every [`AsyncGenerator`].
///
/// ```
/// use asyncgen_runtime::{AsyncGeneratorExt, GeneratorState};
/// # use asyncgen_runtime::AsyncGenerator;
/// # use core::{pin::{pin, Pin}, task::{Context, Poll}};
/// # struct Once(bool);
/// # impl AsyncGenerator<u8> for Once {
/// #     type Yield = u8;
/// #     type Return = &'static str;
/// #     fn poll_resume(mut self: Pin<&mut Self>, _: &mut Context<'_>, _: &mut Option<u8>)
/// #         -> Poll<GeneratorState<u8, &'static str>> {
/// #         if self.0 { return Poll::Ready(GeneratorState::Complete("done")) }
/// #         self.0 = true;
/// #         Poll::Ready(GeneratorState::Yielded(7))
/// #     }
/// # }
/// futures::executor::block_on(async {
///     let mut once = pin!(Once(false));
///     assert_eq!(once.as_mut().resume(0).await, GeneratorState::Yielded(7));
///     assert_eq!(once.as_mut().resume(0).await, GeneratorState::Complete("done"));
/// });
/// ```
pub trait AsyncGeneratorExt<A>: AsyncGenerator<A> {
    /// Resumes the generator with `arg` (JavaScript's `generator.next(arg)`).
    ///
    /// # Panics
    ///
    /// As [`AsyncGenerator::poll_resume`]: when the generator already completed.
    ///
    /// ```
    /// use asyncgen_runtime::{AsyncGeneratorExt, GeneratorState};
    /// # use asyncgen_runtime::__private::new;
    /// # let total = new::<u32, u32, u32, _, _>(async |mut co| {
    /// #     let mut total = 0;
    /// #     for _ in 0..2 { co.yield_(total); co.suspend().await; total += co.resumed(); }
    /// #     total
    /// # });
    /// // `total` sums two resume values, then completes with the sum.
    /// futures::executor::block_on(async {
    ///     let mut total = core::pin::pin!(total);
    ///     assert_eq!(total.as_mut().resume(0).await, GeneratorState::Yielded(0));
    ///     assert_eq!(total.as_mut().resume(5).await, GeneratorState::Yielded(5));
    ///     assert_eq!(total.as_mut().resume(6).await, GeneratorState::Complete(11));
    /// });
    /// ```
    fn resume(self: Pin<&mut Self>, arg: A) -> Resume<'_, Self, A> {
        Resume { generator: self, arg: Some(arg) }
    }
}

impl<G: AsyncGenerator<A> + ?Sized, A> AsyncGeneratorExt<A> for G {}

/// Future returned by [`AsyncGeneratorExt::resume`]: one resume of the
/// generator, ready with its [`GeneratorState`].
///
/// ```
/// use asyncgen_runtime::{AsyncGeneratorExt, GeneratorState, Resume};
/// # use asyncgen_runtime::__private::new;
/// # let once = new::<&str, (), (), _, _>(async |mut co| { co.yield_("hi"); co.suspend().await; co.resumed() });
/// let mut once = core::pin::pin!(once);
/// let step: Resume<'_, _, ()> = once.as_mut().resume(());
/// assert_eq!(futures::executor::block_on(step), GeneratorState::Yielded("hi"));
/// ```
#[must_use = "futures do nothing unless awaited"]
#[derive(Debug)]
pub struct Resume<'a, G: ?Sized, A> {
    generator: Pin<&'a mut G>,
    arg: Option<A>,
}

// The resume value is moved, never pinned.
impl<G: ?Sized, A> Unpin for Resume<'_, G, A> {}

impl<G: AsyncGenerator<A> + ?Sized, A> Future for Resume<'_, G, A> {
    type Output = GeneratorState<G::Yield, G::Return>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        this.generator.as_mut().poll_resume(cx, &mut this.arg)
    }
}
