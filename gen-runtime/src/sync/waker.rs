//! The `Context` a sync generator polls its body with: its waker points at
//! the slot of the current resume (a `Frame` on the generator's stack), so
//! the body's state holds no pointer into the generator (SPEC §4 allows this
//! for sync generators only: they have no executor whose waker could be
//! replaced).

use core::ptr;
use core::task::{Context, RawWaker, RawWakerVTable, Waker};

/// The vtable of every waker that `SyncGen` makes. A single non-generic
/// `static`: one address in the whole program (unlike a `const` or a trait
/// object's vtable, a `static` is one memory location), which
/// [`frame_in`] compares against.
static FRAME_WAKER: RawWakerVTable = RawWakerVTable::new(clone_as_noop, ignore, ignore, ignore);

/// A clone is a no-op waker, never one of ours: code in the body that keeps
/// a clone past the poll keeps nothing that [`frame_in`] accepts.
fn clone_as_noop(_: *const ()) -> RawWaker {
    RawWaker::new(ptr::null(), Waker::noop().vtable())
}

/// Waking does nothing: a sync generator is resumed by its consumer, never by
/// a wake-up.
fn ignore(_: *const ()) {}

/// Input: a pointer to a live `Frame`, valid until the waker is dropped.
/// Output: the waker that the generator polls its body with for one resume.
pub(crate) fn frame_waker(frame: *mut ()) -> Waker {
    // SAFETY: none of `FRAME_WAKER`'s functions reads the data pointer, so any
    // pointer fulfils `RawWaker`'s contract; `clone_as_noop` returns a valid
    // waker (the standard no-op one) and the others do nothing, which is
    // thread-safe.
    unsafe { Waker::new(frame.cast_const(), &FRAME_WAKER) }
}

/// Input: the context a yield future is polled with.
/// Output: if `cx` is the context of a `SyncGen` resume in progress, the id
/// of that generator (see `SyncCo`'s token) and its frame; `None` for any
/// other context (an executor's, `Waker::noop()`).
pub(crate) fn frame_in(cx: &Context<'_>) -> Option<(usize, *mut ())> {
    let waker = cx.waker();
    if !ptr::eq(waker.vtable(), &raw const FRAME_WAKER) {
        return None;
    }
    let frame = waker.data().cast_mut();
    // SAFETY: only `frame_waker` makes wakers with `FRAME_WAKER` (the
    // vtable is private, safe code cannot build a waker from a vtable, and
    // clones are no-op wakers), always with a pointer to a `Frame` that
    // lives until the waker is dropped, at the end of the poll this context
    // belongs to. `Frame` is `repr(C)` with a `usize` first, whatever its
    // type parameters: this read is in bounds and initialized. `id` is never
    // written while the waker exists, so the read races with nothing.
    let id = unsafe { frame.cast::<usize>().read() };
    Some((id, frame))
}
