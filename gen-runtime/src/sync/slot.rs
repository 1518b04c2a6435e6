//! What crosses between a sync generator and its body during one resume.

use core::marker::PhantomData;

/// Makes a type invariant in `Y` and `A`, without owning either.
pub(crate) type Invariant<Y, A> = PhantomData<fn(Y, A) -> (Y, A)>;

/// The value in transit.
pub(crate) enum Transit<Y, A> {
    /// Nothing in transit.
    Empty,
    /// The body yielded this value; the generator has not taken it yet.
    Yielded(Y),
    /// The generator resumed the body with this value; the body has not taken it yet.
    Resumed(A),
}

impl<Y, A> Transit<Y, A> {
    pub(crate) fn take(&mut self) -> Self {
        core::mem::replace(self, Transit::Empty)
    }
}

/// The slot of one resume: a local of the generator's `step`, which the
/// waker of the body's context points at. It lives on the stack, not in the
/// generator: it is needed only while the body runs.
///
/// `repr(C)` puts `id` first, so a yield future can read the id of any frame
/// (of any `Y` and `A`) before it knows the frame is its own generator's.
#[repr(C)]
pub(crate) struct Frame<Y, A> {
    /// The identity of the generator resuming (see `SyncCo`'s token).
    pub(crate) id: usize,
    pub(crate) transit: Transit<Y, A>,
}
