//! The body's handle of a sync generator and its yield future.
//!
//! `yield v` in a `#[sync_gen]` body becomes `__co.yield_(v).await`. The
//! future holds the value until its first poll, which moves it into the
//! slot that the poll's context points at and returns `Pending`; the
//! generator then takes the value. On the next resume the generator puts the
//! resume value in the slot, polls the body again, and the future completes
//! with that value.

use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::sync::slot::Transit;
use crate::sync::waker;

/// The body's handle: the only way for a sync generator body to yield.
///
/// It holds no pointer, only a token: the address of its generator's slot,
/// recorded when the generator started the body (the generator is pinned, so
/// the address stays the same until it is dropped, and the handle, owned by
/// the body, never outlives it). A yield future checks that the context it is
/// polled with carries exactly that slot; see [`Yield`].
///
/// The macros name it with a hygienic identifier; the higher-ranked,
/// invariant `'co` keeps it inside the body, as for async generators.
pub struct SyncCo<'co, Y, A> {
    token: usize,
    /// Invariant in `'co`, `Y` and `A` (a handle is never reinterpreted with
    /// other types); `Send` / `Sync` as `Y` and `A` are, since its yield
    /// future moves a `Y` in and an `A` out on whatever thread polls it.
    _marker: PhantomData<(fn(&'co ()) -> &'co (), fn(Y) -> Y, fn(A) -> A, Y, A)>,
}

impl<Y, A> SyncCo<'_, Y, A> {
    /// Input: the address of the slot of the generator that starts the body.
    pub(crate) fn new(token: usize) -> Self {
        Self { token, _marker: PhantomData }
    }

    /// Yields `value`: the future returns `Pending` once, handing `value` to
    /// the generator, and completes with the value the generator is resumed
    /// with.
    #[doc(hidden)]
    pub fn yield_(&mut self, value: Y) -> Yield<'_, Y, A> {
        Yield { token: self.token, value: Some(value), _co: PhantomData }
    }
}

/// Future returned by [`SyncCo::yield_`].
///
/// # Panics
///
/// If polled with any context other than the one its own generator polls
/// its body with (another generator's, an executor's, `Waker::noop()`): its
/// value could not reach its consumer there. Also if it would overwrite a
/// yielded value its consumer has not taken, or is polled again before its
/// generator resumed the body.
#[doc(hidden)]
#[must_use = "a yield does nothing unless awaited"]
pub struct Yield<'a, Y, A> {
    token: usize,
    value: Option<Y>,
    /// Borrows the handle: a body has at most one yield future at a time, so
    /// at most one of them (on at most one thread) reaches the slot.
    _co: PhantomData<&'a mut SyncCo<'a, Y, A>>,
}

// The value is moved, never pinned.
impl<Y, A> Unpin for Yield<'_, Y, A> {}

const FOREIGN_CONTEXT: &str = "a sync generator's yield was polled outside its own generator's \
    body (in another generator's body, or by hand): its value could not reach its consumer";

const OVERWRITE: &str = "a sync generator's yield was polled while an earlier yielded value \
    was still waiting for the consumer, which would lose that value: a yield was polled but \
    not awaited to completion (inside a `select`-like combinator?)";

const NOT_RESUMED: &str =
    "a sync generator body continued past a yield without being resumed from it";

impl<Y, A> Future for Yield<'_, Y, A> {
    type Output = A;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<A> {
        let this = self.get_mut();
        let Some(slot) = waker::slot_in(cx, this.token) else { panic!("{FOREIGN_CONTEXT}") };
        // SAFETY: `slot_in` returned the data pointer of a waker built with
        // the private `SLOT_WAKER` vtable (safe code cannot build a waker from
        // a vtable, and clones of ours are no-op wakers), so `cx` is the
        // context of a `SyncGen` resume in progress, and its data is that
        // generator's `&raw mut` slot, valid for the whole poll. Its address
        // equals this handle's token, the slot address of the generator that
        // created the handle: that generator is alive (the handle lives inside
        // its body, which cannot hand it out: `for<'co>`), and a live, pinned,
        // non-zero-sized slot is the only object starting at that address (a
        // started generator cannot sit inside another's slot: values there are
        // moved, pinned ones cannot be). So it is a `Transit<Y, A>`, of this
        // handle's types. Nothing else uses it during this poll: the
        // generator leaves the slot alone while its body runs, and the
        // body's only other way to it is another yield future of the same
        // handle, excluded by the `&mut` borrow this one holds.
        let slot = unsafe { &mut *slot.cast::<Transit<Y, A>>() };
        match this.value.take() {
            Some(value) => {
                if matches!(slot, Transit::Yielded(_)) {
                    panic!("{OVERWRITE}");
                }
                *slot = Transit::Yielded(value);
                Poll::Pending
            }
            None => match slot.take() {
                Transit::Resumed(resumed) => Poll::Ready(resumed),
                other => {
                    *slot = other;
                    panic!("{NOT_RESUMED}");
                }
            },
        }
    }
}
