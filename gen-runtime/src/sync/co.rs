//! The body's handle of a sync generator and its yield future.
//!
//! `yield v` in a `#[sync_gen]` body becomes `__co.yield_(v).await`. The
//! future holds the value until its first poll, which moves it into the
//! slot (the frame of the current resume) that the poll's context points at
//! and returns `Pending`; the
//! generator then takes the value. On the next resume the generator puts the
//! resume value in the slot, polls the body again, and the future completes
//! with that value.

use core::future::Future;
use core::marker::PhantomData;
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::sync::cold::panic_cold;
use crate::sync::slot::{Frame, Invariant, Transit};
use crate::sync::waker;

type InvariantLifetime<'co> = fn(&'co ()) -> &'co ();

/// The body's handle: the only way for a sync generator body to yield.
///
/// It holds no pointer, only a token: its generator's identity (an address
/// inside the generator, recorded when the generator started the body; the
/// generator is pinned, so it stays the same until it is dropped, and the
/// handle, owned by the body, never outlives it). A yield future checks
/// that the context it is polled with is that generator's; see [`Yield`].
///
/// The macros name it with a hygienic identifier; the higher-ranked,
/// invariant `'co` keeps it inside the body, as for async generators.
pub struct SyncCo<'co, Y, A> {
    token: usize,
    /// Invariant in `'co`, `Y` and `A`: a handle is never reinterpreted with
    /// another lifetime or other types.
    _invariant: PhantomData<InvariantLifetime<'co>>,
    _types: Invariant<Y, A>,
    /// `Send` / `Sync` as `Y` and `A` are: its yield future moves a `Y` in
    /// and an `A` out on whatever thread polls it.
    _values: PhantomData<(Y, A)>,
}

impl<Y, A> SyncCo<'_, Y, A> {
    /// Input: the identity of the generator that starts the body.
    pub(crate) fn new(token: usize) -> Self {
        Self { token, _invariant: PhantomData, _types: PhantomData, _values: PhantomData }
    }

    /// Yields `value`: the future returns `Pending` once, handing `value` to
    /// the generator, and completes with the value the generator is resumed
    /// with.
    #[doc(hidden)]
    pub fn yield_(&mut self, value: Y) -> Yield<'_, Y, A> {
        Yield { state: self.token, value: ManuallyDrop::new(value), _co: PhantomData }
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
    /// The handle's token (an even number: see `SyncProgress`) while
    /// `value` is here; `token + HANDED_OVER` once the first poll moved it
    /// into the slot. One subtraction then both checks the context and tells
    /// the two polls apart.
    state: usize,
    /// Initialized exactly while `state` is the bare token.
    value: ManuallyDrop<Y>,
    /// Borrows the handle: a body has at most one yield future at a time, so
    /// at most one of them (on at most one thread) reaches the slot.
    _co: PhantomData<&'a mut SyncCo<'a, Y, A>>,
}

/// Added to the token once the value is handed over.
const HANDED_OVER: usize = 1;

// The value is moved, never pinned.
impl<Y, A> Unpin for Yield<'_, Y, A> {}

impl<Y, A> Drop for Yield<'_, Y, A> {
    fn drop(&mut self) {
        if self.state & HANDED_OVER == 0 {
            // SAFETY: the value is still here (see `value`), and is dropped
            // only once: `self` is being dropped.
            unsafe { ManuallyDrop::drop(&mut self.value) }
        }
    }
}

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
        let Some((id, frame)) = waker::frame_in(cx) else { panic_cold(FOREIGN_CONTEXT) };
        // `state - id` is 0 or 1 only when `id` is this handle's token: ids
        // are even addresses at least 2 apart (see `SyncProgress`).
        let handed_over = match this.state.wrapping_sub(id) {
            0 => false,
            HANDED_OVER => true,
            _ => panic_cold(FOREIGN_CONTEXT),
        };
        // SAFETY: `frame_in` returned the frame of a `SyncGen` resume in
        // progress, whose id equals this handle's token. Ids are the address
        // of the generator's progress field, taken when it started the body:
        // the generator that created this handle is alive (the handle lives
        // inside its body, which cannot hand it out: `for<'co>`), started, so
        // pinned, and no other live generator's progress field has that
        // address (a generator nested in another's body lies inside the
        // other's body state, which does not overlap the other's progress
        // field). So the frame is that generator's, a `Frame<Y, A>` of this
        // handle's types, valid for the whole poll. Nothing else uses its
        // `transit` during this poll: the generator leaves it alone while
        // its body runs, and the body's only other way to it is another
        // yield future of the same handle, excluded by the `&mut` borrow
        // this one holds.
        let slot = unsafe { &mut (*frame.cast::<Frame<Y, A>>()).transit };
        if handed_over {
            // On a misuse, what the slot held is dropped as the panic
            // unwinds (the frame would drop it anyway).
            return match slot.take() {
                Transit::Resumed(resumed) => Poll::Ready(resumed),
                _ => panic_cold(NOT_RESUMED),
            };
        }
        if matches!(slot, Transit::Yielded(_)) {
            panic_cold(OVERWRITE);
        }
        this.state += HANDED_OVER;
        // SAFETY: `state` was the bare token, so the value was here; the
        // state now says it is gone, so it is neither read nor dropped again.
        let value = unsafe { ManuallyDrop::take(&mut this.value) };
        // A resume value the body never took (its yield was dropped after
        // being polled) is dropped here.
        *slot = Transit::Yielded(value);
        Poll::Pending
    }
}
