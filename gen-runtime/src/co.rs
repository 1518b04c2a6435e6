//! The body's handle to its generator's hand-off: the only way to yield.
//!
//! A `yield v` becomes `{ co.yield_(v); co.suspend().await; co.resumed() }`:
//! the value is moved once, straight into the generator's transit slot; the
//! body returns `Pending` once; the generator takes the value out; a resume
//! value travels the same slot the other way. When the resume type is `()`
//! the yield ends at the `suspend` (a generator built by `new_unit` puts no
//! resume value in transit).

use core::future::Future;
use core::marker::PhantomData;
use core::panic::Location;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll};

use crate::hand_off::HandOff;

/// The body's handle to its generator's hand-off.
///
/// The macros name it with a hygienic identifier that user code cannot
/// write, and the higher-ranked lifetime `'co` (chosen by the runtime,
/// invariant) keeps it inside the body: borrowck rejects any attempt to store
/// it anywhere that outlives the body or to swap it with another generator's
/// handle.
pub struct Co<'co, Y, A> {
    /// A raw pointer rather than a reference: the body future keeps it across
    /// suspensions, while the generator reborrows itself on every poll.
    hand_off: NonNull<HandOff<Y, A>>,
    /// Invariant in `'co`: a handle can never be reinterpreted as another
    /// generator's handle of a longer or shorter lifetime. A lifetime of the
    /// handle, not of the values: `Co<'static, ...>` is fine for borrowed items.
    _invariant: PhantomData<fn(&'co ()) -> &'co ()>,
}

// SAFETY: the handle is used only through `&mut self`, while the generator
// that owns the hand-off is inside the poll of the body (see `Co::new`).
// Moving it to another thread (say, a scoped thread inside the body) moves the
// right to use the hand-off there; the generator does not touch it until the
// body's poll returns, which happens after that thread is joined. The values
// that cross are `Y` and `A`, hence the bounds.
unsafe impl<Y: Send, A: Send> Send for Co<'_, Y, A> {}

// SAFETY: `Co` has no `&self` method, so a shared reference to it grants nothing.
unsafe impl<Y, A> Sync for Co<'_, Y, A> {}

impl<Y, A> Co<'_, Y, A> {
    /// # Safety
    ///
    /// `hand_off` stays where it is for as long as the handle exists, and the
    /// handle is used only while its generator polls the body (or drops it).
    pub(crate) unsafe fn new(hand_off: &HandOff<Y, A>) -> Self {
        Self { hand_off: NonNull::from(hand_off), _invariant: PhantomData }
    }

    fn hand_off(&mut self) -> &HandOff<Y, A> {
        // SAFETY: `Co::new`'s contract: the hand-off outlives the handle and
        // is used here only during the body's poll or drop. It is all cells,
        // so this shared reference freezes nothing.
        unsafe { self.hand_off.as_ref() }
    }

    /// Moves `value` into the generator's transit slot: the generator hands
    /// it to its consumer when the body returns `Pending` at the
    /// [`suspend`](Co::suspend) that follows.
    ///
    /// # Panics
    ///
    /// If the slot still holds a yielded value nobody took (a yield outside
    /// the body's own control flow, which the macros reject at compile time);
    /// the message names the caller's location.
    #[doc(hidden)]
    #[track_caller]
    #[inline]
    pub fn yield_(&mut self, value: Y /* the type given as `yield = T` */) {
        self.hand_off().yield_value(value, Location::caller());
    }

    /// Returns `Pending` once, handing control (and the value just yielded)
    /// to the generator; completes when the generator resumes the body.
    #[doc(hidden)]
    #[inline]
    pub fn suspend(&mut self) -> Suspend<'_, Y, A> {
        Suspend { polled: false, _borrow: PhantomData }
    }

    /// The value the generator resumed the body with, after a [`suspend`](Co::suspend).
    ///
    /// # Panics
    ///
    /// If the body was not resumed from a yield by its generator: only a body
    /// that awaits its `Suspend` somewhere other than right after a yield (which
    /// the macros never generate) can get here otherwise. A body built by
    /// `new_unit` (which the macros never let take it) gets the `()` it was
    /// resumed with once per yield, and this panic the second time.
    #[doc(hidden)]
    #[inline]
    pub fn resumed(&mut self) -> A {
        self.hand_off().take_resumed()
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

    #[inline]
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
