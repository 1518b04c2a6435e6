//! The `Context` a sync generator polls its body with: its waker carries the
//! address of the generator's slot, so the body's state holds no pointer into
//! the generator (SPEC §4 allows this for sync generators only: they have no
//! executor whose waker could be replaced).

use core::ptr;
use core::task::{Context, RawWaker, RawWakerVTable, Waker};

/// The vtable of every waker that `SyncGen` makes. A single non-generic
/// `static`: one address in the whole program (unlike a `const` or a trait
/// object's vtable, a `static` is one memory location), which
/// [`slot_in`] compares against.
static SLOT_WAKER: RawWakerVTable = RawWakerVTable::new(clone_as_noop, ignore, ignore, ignore);

/// A clone is a no-op waker, never one of ours: code in the body that keeps
/// a clone past the poll keeps nothing that [`slot_in`] accepts.
fn clone_as_noop(_: *const ()) -> RawWaker {
    RawWaker::new(ptr::null(), Waker::noop().vtable())
}

/// Waking does nothing: a sync generator is resumed by its consumer, never by
/// a wake-up.
fn ignore(_: *const ()) {}

/// Input: the address of a generator's slot. Output: the waker that the
/// generator polls its body with during one resume.
pub(crate) fn slot_waker(slot: *mut ()) -> Waker {
    // SAFETY: none of `SLOT_WAKER`'s functions reads the data pointer, so any
    // pointer fulfils `RawWaker`'s contract; `clone_as_noop` returns a valid
    // waker (the standard no-op one) and the others do nothing, which is
    // thread-safe.
    unsafe { Waker::new(slot.cast_const(), &SLOT_WAKER) }
}

/// Input: the context a yield future is polled with, and the token (slot
/// address) its handle recorded when its generator started the body.
/// Output: the slot, if `cx` is the context of that very generator's
/// current resume; `None` for any other context (another generator's, an
/// executor's, `Waker::noop()`).
pub(crate) fn slot_in(cx: &Context<'_>, token: usize) -> Option<*mut ()> {
    let waker = cx.waker();
    let ours = ptr::eq(waker.vtable(), &SLOT_WAKER) && waker.data().addr() == token;
    ours.then(|| waker.data().cast_mut())
}
