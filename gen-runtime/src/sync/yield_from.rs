//! `yield_from!(source)` in a sync body: drive the source as a sync generator
//! when it is one (forwarding resume values, ending with its completion
//! value), and as an `IntoIterator` otherwise (ending with `()`).
//!
//! As for async generators, method resolution chooses at compile time:
//! `(&&SyncProbe(&source)).sync_via()` finds `SyncVia::sync_via` on
//! `&SyncProbe` when the source is a sync generator, otherwise on
//! `&&SyncProbe` when it is an `IntoIterator`, and only otherwise on
//! `SyncProbe` itself, whose `start` is the one error the user sees.

use core::marker::PhantomData;
use core::pin::Pin;

use crate::protocol::GeneratorState;
use crate::sync::protocol::SyncGenerator;

/// A borrowed source, probed for the way `yield_from!` drives it.
#[doc(hidden)]
pub struct SyncProbe<'a, T>(pub &'a T);

/// How a source is driven; see the module docs.
#[doc(hidden)]
pub trait SyncVia<A> {
    /// `DriveSyncGenerator` or `DriveIterator`.
    type Drive;

    fn sync_via(&self) -> Self::Drive;
}

impl<T: SyncGenerator<A>, A> SyncVia<A> for &SyncProbe<'_, T> {
    type Drive = DriveSyncGenerator;

    fn sync_via(&self) -> DriveSyncGenerator {
        DriveSyncGenerator
    }
}

impl<T: IntoIterator, A> SyncVia<A> for &&SyncProbe<'_, T> {
    type Drive = DriveIterator<A>;

    fn sync_via(&self) -> DriveIterator<A> {
        DriveIterator(PhantomData)
    }
}

// Unbounded: a source that is neither kind fails at `DriveNeither::start`.
impl<T, A> SyncVia<A> for SyncProbe<'_, T> {
    type Drive = DriveNeither<T>;

    fn sync_via(&self) -> DriveNeither<T> {
        DriveNeither(PhantomData)
    }
}

/// Drives a sync generator source, pinned where `yield_from!` stands.
#[doc(hidden)]
pub struct DriveSyncGenerator;

impl DriveSyncGenerator {
    /// The source itself, to be pinned.
    pub fn start<G>(&self, source: G) -> G {
        source
    }

    /// The empty slot for the resume values of `source`, of its resume type.
    #[must_use]
    pub fn resume_slot<G: SyncGenerator<A> + ?Sized, A>(&self, source: &Pin<&mut G>) -> Option<A> {
        let _ = source;
        None
    }

    /// One resume of `source` with `arg`; `None` (the first step of a
    /// delegation with a resume type other than `()`) only starts it.
    pub fn step<G: SyncGenerator<A> + ?Sized, A>(
        &self,
        source: Pin<&mut G>,
        arg: Option<A>,
    ) -> GeneratorState<G::Yield, G::Return> {
        source.resume_or_start(arg)
    }
}

/// Drives an `IntoIterator` source: items become yields, the end completes
/// with `()`, and the resume values (of type `A`) are dropped.
#[doc(hidden)]
pub struct DriveIterator<A>(PhantomData<fn(A)>);

/// An iterator, held (not pinned) where `yield_from!` stands.
#[doc(hidden)]
pub struct IterSource<I>(I);

// The iterator is never pinned: `Pin<&mut IterSource<I>>` gives `&mut I`.
impl<I> Unpin for IterSource<I> {}

impl<A> DriveIterator<A> {
    /// The source's iterator.
    pub fn start<T: IntoIterator>(&self, source: T) -> IterSource<T::IntoIter> {
        IterSource(source.into_iter())
    }

    /// The empty slot for the resume values `source` drops.
    #[must_use]
    pub fn resume_slot<I>(&self, source: &Pin<&mut IterSource<I>>) -> Option<A> {
        let _ = source;
        None
    }

    /// The next item of `source`, as a generator step.
    pub fn step<I: Iterator>(
        &self,
        source: Pin<&mut IterSource<I>>,
        arg: Option<A>,
    ) -> GeneratorState<I::Item, ()> {
        drop(arg);
        match source.get_mut().0.next() {
            Some(value) => GeneratorState::Yielded(value),
            None => GeneratorState::Complete(()),
        }
    }
}

/// A source that is neither a sync generator nor an `IntoIterator` (an async
/// generator, a `Stream`): `start` cannot be called, which is the one error
/// of such a `yield_from!`, in the user's terms (see [`SyncSource`]).
#[doc(hidden)]
pub struct DriveNeither<T>(PhantomData<fn(T)>);

mod sealed {
    pub trait Never {}
}

/// Implemented by nothing (its supertrait is private): what a source that
/// `yield_from!` in a sync body cannot drive is reported as lacking.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`yield_from!` in a sync generator takes a sync generator or an iterator, and \
               `{Self}` is neither",
    label = "not a sync generator nor an `IntoIterator`",
    note = "to forward the items of an async generator or a `Stream`, make this generator \
            `#[async_gen]` (or `async_gen_block!`), whose `yield_from!` awaits them"
)]
pub trait SyncSource: sealed::Never {}

impl<T> DriveNeither<T> {
    /// Never callable: no type is a `SyncSource`. (The bound is on the
    /// source's type as the impl's parameter, not the argument's: rustc then
    /// reports it at the call, the user's `yield_from!`.)
    pub fn start(&self, source: T) -> T
    where
        T: SyncSource,
    {
        source
    }

    /// An empty slot: the refused source takes nothing.
    #[must_use]
    pub fn resume_slot<S: ?Sized, A>(&self, source: &Pin<&mut S>) -> Option<A> {
        let _ = source;
        None
    }

    /// Ends the delegation: a step of the source that `start` refused.
    /// Unbounded, so that the refused source adds no second error here.
    pub fn step<S: ?Sized, A, Y>(
        &self,
        source: Pin<&mut S>,
        arg: Option<A>,
    ) -> GeneratorState<Y, ()> {
        let _ = (source, arg);
        GeneratorState::Complete(())
    }
}
