//! `yield_from!(source)` support: drive a source as a generator when it is
//! one (forwarding resume values, ending with its completion value), and as a
//! plain `Stream` otherwise (ending with `()`).
//!
//! The choice is made at compile time by method resolution: the expansion
//! calls `(&Probe(&source)).via()`, which finds `ViaGenerator::via` on
//! `Probe` itself when the source is a generator, and only otherwise goes on
//! to `ViaStream::via` on `&Probe`.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::Stream;

use crate::protocol::{AsyncGenerator, GeneratorState};

/// A borrowed source, probed for the way `yield_from!` drives it.
#[doc(hidden)]
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// Chosen when the source implements [`AsyncGenerator`].
#[doc(hidden)]
pub trait ViaGenerator<A> {
    fn via(&self) -> DriveGenerator {
        DriveGenerator
    }
}

impl<T: AsyncGenerator<A> + ?Sized, A> ViaGenerator<A> for Probe<'_, T> {}

/// Chosen when the source is a `Stream` but not a generator.
#[doc(hidden)]
pub trait ViaStream {
    fn via(&self) -> DriveStream {
        DriveStream
    }
}

impl<T: Stream + ?Sized> ViaStream for &Probe<'_, T> {}

/// Drives a generator source.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct DriveGenerator;

impl DriveGenerator {
    /// One resume of `source` with `arg`.
    pub fn step<'a, G: AsyncGenerator<A> + ?Sized, A>(
        self,
        source: Pin<&'a mut G>,
        arg: &'a mut Option<A>,
    ) -> StepGenerator<'a, G, A> {
        StepGenerator { source, arg }
    }
}

/// Drives a plain `Stream` source: items become yields, the end completes
/// with `()`, and resume values are dropped.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct DriveStream;

impl DriveStream {
    /// The next item of `source`, as a generator step.
    pub fn step<'a, S: Stream + ?Sized, A>(
        self,
        source: Pin<&'a mut S>,
        arg: &'a mut Option<A>,
    ) -> StepStream<'a, S> {
        drop(arg.take());
        StepStream { source }
    }
}

/// Future of one [`DriveGenerator::step`].
#[doc(hidden)]
#[must_use = "futures do nothing unless awaited"]
pub struct StepGenerator<'a, G: ?Sized, A> {
    source: Pin<&'a mut G>,
    arg: &'a mut Option<A>,
}

impl<G: AsyncGenerator<A> + ?Sized, A> Future for StepGenerator<'_, G, A> {
    type Output = GeneratorState<G::Yield, G::Return>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        this.source.as_mut().poll_resume(cx, this.arg)
    }
}

/// Future of one [`DriveStream::step`].
#[doc(hidden)]
#[must_use = "futures do nothing unless awaited"]
pub struct StepStream<'a, S: ?Sized> {
    source: Pin<&'a mut S>,
}

impl<S: Stream + ?Sized> Future for StepStream<'_, S> {
    type Output = GeneratorState<S::Item, ()>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.source.as_mut().poll_next(cx).map(|item| match item {
            Some(value) => GeneratorState::Yielded(value),
            None => GeneratorState::Complete(()),
        })
    }
}
