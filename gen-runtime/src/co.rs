//! The hand-off between a generator and its body: one slot, one handle.
//!
//! The slot lives inside the pinned [`AsyncGen`](crate::AsyncGen); the body
//! reaches it through a [`Co`] handle. Values cross in one move each way: a
//! `yield v` becomes `{ co.yield_(v); co.suspend().await; co.resumed() }`,
//! which writes `v` straight into the slot and returns `Pending` once; the
//! generator takes the value out; a resume value travels the same slot in the
//! other direction.

use core::cell::Cell;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::ptr::NonNull;

use crate::body::Progress;
use core::task::{Context, Poll};

/// What the slot holds between the generator and its body. Besides the
/// values in transit, it tracks where the body is, so that a shared borrow of
/// the generator (`Debug`, `is_complete`) never has to look at the body.
pub(crate) enum Slot<Y, A> {
    /// The body has not been polled yet.
    Unstarted,
    /// The body is running, or parked at an ordinary `.await`.
    Running,
    /// The body has yielded this value; the generator has not taken it yet.
    Yielded(Y),
    /// The generator took the yielded value; the body waits for a resume value.
    Suspended,
    /// The generator resumed the body with this value; the body has not taken it yet.
    Resumed(A),
    /// The body returned or panicked.
    Complete,
}

/// The slot shared by a generator and its body's [`Co`] handle.
///
/// Public only so that the sealed [`Body`](crate::Body) trait can name it; it
/// lives in a private module and cannot be named or built outside this crate.
pub struct SlotCell<Y, A>(Cell<Slot<Y, A>>);

// SAFETY: the slot is written only (a) by the generator's `poll_resume`, which
// holds the generator's `Pin<&mut _>`, and (b) by the body's `Co`, which runs
// only inside that same `poll_resume` call (it is owned by the body, which the
// generator owns, and cannot escape the body). Through a shared borrow of the
// generator, the slot is only read (`progress`). So no write can race
// with anything, whatever thread holds a `&AsyncGen`; the bounds mirror the
// values that the slot may carry.
unsafe impl<Y: Sync, A: Sync> Sync for SlotCell<Y, A> {}

impl<Y, A> SlotCell<Y, A> {
    pub(crate) const fn new() -> Self {
        Self(Cell::new(Slot::Unstarted))
    }

    /// Where the body is.
    pub(crate) fn progress(&self) -> Progress {
        // SAFETY: only reads. Writes happen through the generator's
        // `Pin<&mut _>` or inside the body's poll (which runs under that
        // exclusive borrow), so none can overlap the shared borrow of the
        // generator that this read comes through.
        match unsafe { &*self.0.as_ptr() } {
            Slot::Unstarted => Progress::Unstarted,
            Slot::Suspended => Progress::Suspended,
            Slot::Running | Slot::Yielded(_) | Slot::Resumed(_) => Progress::Running,
            Slot::Complete => Progress::Complete,
        }
    }

    /// Called by the generator as it starts the body.
    pub(crate) fn start(&self) {
        self.0.set(Slot::Running);
    }

    /// Called by the generator when the body returned or panicked; drops
    /// whatever a misbehaving body left behind (a yield never awaited).
    pub(crate) fn complete(&self) {
        self.0.set(Slot::Complete);
    }

    /// Called by the generator after the body returned `Pending`: takes the
    /// yielded value, if the body yielded, and marks the body as suspended.
    pub(crate) fn take_yielded(&self) -> Option<Y> {
        match self.0.replace(Slot::Suspended) {
            Slot::Yielded(value) => Some(value),
            other => {
                self.0.set(other);
                None
            }
        }
    }

    /// Called by the generator before it polls a started body: if the body is
    /// suspended at a yield, hands it the resume value.
    ///
    /// # Panics
    ///
    /// If the body is suspended at a yield and `arg` is `None`.
    pub(crate) fn offer_resume(&self, arg: &mut Option<A>) {
        match self.0.replace(Slot::Running) {
            Slot::Suspended => {
                let Some(value) = arg.take() else {
                    self.0.set(Slot::Suspended);
                    panic!(
                        "`AsyncGen` resumed at a `yield` without a resume value: \
                         `poll_resume` needs `Some(arg)` whenever the body is suspended at a yield"
                    );
                };
                self.0.set(Slot::Resumed(value));
            }
            other => self.0.set(other),
        }
    }
}

/// A pointer to a slot, held by the body's `Co`.
///
/// A raw pointer rather than a reference: the body future stores it across
/// suspensions, where a reference into the generator would be invalidated by
/// any shared borrow of the generator under Stacked Borrows. It only hands
/// out the slot through `&mut self`, so sharing it across threads grants nothing.
struct SlotPtr<Y, A>(NonNull<SlotCell<Y, A>>);

// SAFETY: the pointer is only used through `&mut self`, while the generator
// that owns the slot is inside `poll_resume` (see `Co::new`). Moving it to
// another thread (say, a scoped thread inside the body) moves the right to use
// the slot there; the generator does not touch the slot until the body's poll
// returns, which happens after that thread is joined. The values that cross
// are `Y` and `A`, hence the bounds.
unsafe impl<Y: Send, A: Send> Send for SlotPtr<Y, A> {}

// SAFETY: `SlotPtr` has no `&self` method, so a shared reference to it grants nothing.
unsafe impl<Y, A> Sync for SlotPtr<Y, A> {}

impl<Y, A> SlotPtr<Y, A> {
    fn cell(&mut self) -> &Cell<Slot<Y, A>> {
        // SAFETY: `Co::new`'s contract: the slot outlives the handle, and is
        // only used here during the body's poll.
        unsafe { &self.0.as_ref().0 }
    }
}

/// The body's handle to its generator's slot: the only way to yield.
///
/// The macros name it with a hygienic identifier that user code cannot
/// write, and the higher-ranked lifetime `'co` (chosen by the runtime, invariant)
/// keeps it inside the body: borrowck rejects any attempt to store it anywhere
/// that outlives the body or to swap it with another generator's handle.
pub struct Co<'co, Y, A> {
    slot: SlotPtr<Y, A>,
    /// Invariant in `'co`: a handle can never be reinterpreted as another
    /// generator's handle of a longer or shorter lifetime. A lifetime of the
    /// handle, not of the slot's contents: `Co<'static, ...>` is fine for
    /// borrowed items.
    _invariant: PhantomData<fn(&'co ()) -> &'co ()>,
}

impl<Y, A> Co<'_, Y, A> {
    /// # Safety
    ///
    /// `slot` stays valid for as long as the handle exists, and is only used
    /// by it while its generator is polling the body.
    pub(crate) unsafe fn new(slot: &SlotCell<Y, A>) -> Self {
        Self { slot: SlotPtr(NonNull::from(slot)), _invariant: PhantomData }
    }

    /// Moves `value` into the slot: the generator hands it to its consumer
    /// once the body returns `Pending` at the [`suspend`](Co::suspend) that
    /// follows. The value is moved exactly once, straight into the slot.
    #[doc(hidden)]
    pub fn yield_(&mut self, value: Y) {
        self.slot.cell().set(Slot::Yielded(value));
    }

    /// Returns `Pending` once, handing control (and the value just yielded)
    /// to the generator; completes when the generator resumes the body.
    #[doc(hidden)]
    pub fn suspend(&mut self) -> Suspend<'_, Y, A> {
        Suspend { polled: false, _borrow: PhantomData }
    }

    /// The value the generator resumed the body with, after a [`suspend`](Co::suspend).
    ///
    /// # Panics
    ///
    /// If the body was not resumed from a yield by its generator: only a body
    /// that awaits its `Suspend` somewhere other than right after a yield (which
    /// the macros never generate) can get here otherwise.
    #[doc(hidden)]
    pub fn resumed(&mut self) -> A {
        let slot = self.slot.cell();
        match slot.replace(Slot::Running) {
            Slot::Resumed(value) => value,
            other => {
                slot.set(other);
                panic!("a generator body continued past a yield without being resumed from it")
            }
        }
    }
}

/// Future returned by [`Co::suspend`]: `Pending` exactly once.
///
/// It holds no pointer, only a flag: it lives in every suspended state of the
/// body, so it is kept to one byte. The generator does not poll the body again
/// until its consumer resumes it, so the second poll is that resume.
#[doc(hidden)]
#[must_use = "a yield does nothing unless awaited"]
pub struct Suspend<'a, Y, A> {
    polled: bool,
    /// Borrows the handle, so a body has at most one pending yield.
    _borrow: PhantomData<&'a mut Co<'a, Y, A>>,
}

impl<Y, A> Future for Suspend<'_, Y, A> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        // No waker is registered: the generator that polled this body sees the
        // yielded value as soon as the body returns `Pending`, and it is the
        // generator's consumer who decides when to resume.
        if self.polled {
            Poll::Ready(())
        } else {
            self.polled = true;
            Poll::Pending
        }
    }
}
