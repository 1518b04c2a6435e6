//! `yield_from!(source)` support: drive a source as a generator when it is
//! one (forwarding resume values, ending with its completion value), and as a
//! plain `Stream` otherwise (ending with `()`).
//!
//! The choice is made at compile time by method resolution: the expansion
//! calls `(&&Probe(&source)).via()`, which finds `Via::via` on `&Probe` when
//! the source is a generator, otherwise on `&&Probe` when it is a `Stream`,
//! and only otherwise on `Probe` itself, whose `step` is the one error the
//! user sees.

use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::Stream;

use crate::protocol::{AsyncGenerator, GeneratorState};

/// A borrowed source, probed for the way `yield_from!` drives it.
#[doc(hidden)]
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// How a source is driven: implemented for `&Probe<T>` when `T` is a
/// generator, for `&&Probe<T>` when `T` is a `Stream`, and for `Probe<T>`
/// otherwise; method resolution on a `&&Probe` tries them in that order.
#[doc(hidden)]
pub trait Via<A> {
    /// `DriveGenerator`, `DriveStream` or `DriveNeither`.
    type Drive;

    fn via(&self) -> Self::Drive;
}

impl<T: AsyncGenerator<A> + ?Sized, A> Via<A> for &Probe<'_, T> {
    type Drive = DriveGenerator;

    fn via(&self) -> DriveGenerator {
        DriveGenerator
    }
}

impl<T: Stream + ?Sized, A> Via<A> for &&Probe<'_, T> {
    type Drive = DriveStream<A>;

    fn via(&self) -> DriveStream<A> {
        DriveStream(PhantomData)
    }
}

// Unbounded: a source that is neither kind fails at `DriveNeither::step`.
impl<T: ?Sized, A> Via<A> for Probe<'_, T> {
    type Drive = DriveNeither<T>;

    fn via(&self) -> DriveNeither<T> {
        DriveNeither(PhantomData)
    }
}

/// Hands a resume value of the outer generator on to the source:
/// `yield_from!` needs both to take the same resume type.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`yield_from!` passes this generator's resume values (`{Self}`) on to a source that takes `{Inner}`",
    label = "the source's resume type is not this generator's",
    note = "`yield_from!(source)` forwards every value this generator is resumed with to \
            `source`, so both must have the same resume type; drive the source by hand with \
            `AsyncGeneratorExt::resume` to convert between them"
)]
pub trait SameResume<Inner> {
    fn into_source(self) -> Inner;
}

impl<A> SameResume<A> for A {
    fn into_source(self) -> A {
        self
    }
}

/// Stores `value` as the source's next resume value. Taking the slot first
/// fixes `Inner` before `SameResume` is checked, so a mismatch is reported
/// with the message above.
#[doc(hidden)]
pub fn forward_resume<Outer: SameResume<Inner>, Inner>(slot: &mut Option<Inner>, value: Outer) {
    *slot = Some(value.into_source());
}

/// Drives a generator source.
#[doc(hidden)]
pub struct DriveGenerator;

impl DriveGenerator {
    /// The empty slot for the resume values of `source`, of its resume type.
    #[must_use]
    pub fn resume_slot<G: AsyncGenerator<A> + ?Sized, A>(&self, source: &Pin<&mut G>) -> Option<A> {
        let _ = source;
        None
    }

    /// One resume of `source` with `arg`.
    pub fn step<'a, G: AsyncGenerator<A> + ?Sized, A>(
        &self,
        source: Pin<&'a mut G>,
        arg: &'a mut Option<A>,
    ) -> StepGenerator<'a, G, A> {
        StepGenerator { source, arg }
    }
}

/// Drives a plain `Stream` source: items become yields, the end completes
/// with `()`, and the resume values (of type `A`) are dropped.
#[doc(hidden)]
pub struct DriveStream<A>(PhantomData<fn(A)>);

impl<A> DriveStream<A> {
    /// The empty slot for the resume values `source` drops.
    #[must_use]
    pub fn resume_slot<S: ?Sized>(&self, source: &Pin<&mut S>) -> Option<A> {
        let _ = source;
        None
    }

    /// The next item of `source`, as a generator step.
    pub fn step<'a, S: Stream + ?Sized>(
        &self,
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

/// A source that is neither a generator nor a `Stream` (an iterator, a sync
/// generator): `step` cannot be called, which is the one error of such a
/// `yield_from!`, in the user's terms (see [`AsyncSource`]).
#[doc(hidden)]
pub struct DriveNeither<T: ?Sized>(PhantomData<fn(&T)>);

mod sealed {
    pub trait Never {}
}

/// Implemented by nothing (its supertrait is private): what a source that
/// `yield_from!` in an async body cannot drive is reported as lacking.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`yield_from!` in an async generator takes a generator or a `Stream`, and `{Self}` \
               is neither",
    label = "not an async generator nor a `Stream`",
    note = "to re-yield the items of an iterator or a sync generator, loop over it: \
            `for x in source {{ yield_!(x); }}`"
)]
pub trait AsyncSource: sealed::Never {}

impl<T: ?Sized> DriveNeither<T> {
    /// An empty slot: the refused source takes nothing.
    #[must_use]
    pub fn resume_slot<A>(&self, source: &Pin<&mut T>) -> Option<A> {
        let _ = source;
        None
    }

    /// Never callable: no type is an `AsyncSource`. (The bound is on the
    /// source's type as the impl's parameter: rustc then reports it at the
    /// call, the user's `yield_from!`.) Completes at once, so that the
    /// refused source adds no second error.
    pub fn step<A, Y>(
        &self,
        source: Pin<&mut T>,
        arg: &mut Option<A>,
    ) -> core::future::Ready<GeneratorState<Y, ()>>
    where
        T: AsyncSource,
    {
        let _ = (source, arg);
        core::future::ready(GeneratorState::Complete(()))
    }
}
