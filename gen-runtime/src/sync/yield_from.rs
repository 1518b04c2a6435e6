//! `yield_from!(source)` in a sync body: drive the source as a sync generator
//! when it is one (forwarding resume values, ending with its completion
//! value), and as an `IntoIterator` otherwise (ending with `()`).
//!
//! As for async generators, method resolution chooses at compile time:
//! `(&SyncProbe(&source)).sync_via()` finds `SyncVia::sync_via` on
//! `SyncProbe` itself when the source is a sync generator, and only otherwise
//! on `&SyncProbe`, which drives `IntoIterator`s.

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

impl<T: SyncGenerator<A>, A> SyncVia<A> for SyncProbe<'_, T> {
    type Drive = DriveSyncGenerator;

    fn sync_via(&self) -> DriveSyncGenerator {
        DriveSyncGenerator
    }
}

// Unbounded: a source that is neither kind fails at `DriveIterator::start`,
// with rustc's "`T` is not an iterator" at the user's `yield_from!`.
impl<T, A> SyncVia<A> for &SyncProbe<'_, T> {
    type Drive = DriveIterator<A>;

    fn sync_via(&self) -> DriveIterator<A> {
        DriveIterator(PhantomData)
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
