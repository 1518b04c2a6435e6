//! The body of a sync generator: an async closure that becomes a future on
//! the first resume, polled with the generator's own context.

use core::cell::UnsafeCell;
use core::future::Future;
use core::marker::{PhantomData, PhantomPinned};
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::protocol::GeneratorState;
use crate::sync::co::SyncCo;
use crate::sync::cold::panic_cold;
use crate::sync::slot::{Frame, Invariant, Transit};
use crate::sync::waker;

mod sealed {
    pub trait Sealed {}
}

/// Where a sync generator's body is in its life.
///
/// Two bytes: the address of a generator's progress field is its identity
/// (see `SyncLazy`), and a yield future adds 1 to it to record that it
/// handed its value over, so identities must be even and at least 2 apart.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum SyncProgress {
    /// Not resumed yet: the body has not started.
    Unstarted,
    /// Parked at a `yield`, waiting for its consumer to resume it.
    Suspended,
    /// Returned its completion value, or panicked.
    Complete,
}

// The identities must be even (see above): refuse to build where `u16` is
// byte-aligned rather than hand out odd ones.
const _: () = assert!(core::mem::align_of::<SyncProgress>() >= 2);

/// The body of a [`SyncGen`](crate::SyncGen): what `#[sync_gen]` and
/// `sync_gen_block!` build.
///
/// Sealed: only this crate implements it. It appears in the return types the
/// macros write (`SyncGen<impl SyncBody<Yield = u32, …>>`) and is dyn
/// compatible, so that a body can be type-erased behind a box.
///
/// ```
/// use asyncgen_runtime::{SyncBody, SyncGen};
///
/// // A function signature that accepts any sync generator yielding `u32`s.
/// fn takes(_gen: SyncGen<impl SyncBody<Yield = u32, Resume = (), Return = ()>>) {}
/// ```
pub trait SyncBody: sealed::Sealed {
    /// The type of the values the body yields.
    type Yield;
    /// The type of the values the body receives back from each `yield`.
    type Resume;
    /// The body's completion value.
    type Return;

    #[doc(hidden)]
    fn progress(&self) -> SyncProgress;

    /// Resumes the body with `arg` (`None`: no resume value, allowed only
    /// to start the body); `None` if it had already finished.
    #[doc(hidden)]
    fn step(
        self: Pin<&mut Self>,
        arg: Option<Self::Resume>,
    ) -> Option<GeneratorState<Self::Yield, Self::Return>>;
}

/// A body that starts lazily. Its slot is not here: it lives on the stack of
/// each resume (see `Frame`).
pub(crate) struct SyncLazy<Y, A, F, Fut> {
    state: StateCell<State<F, Fut>>,
    /// Its address is the generator's identity, the handle's token: a
    /// generator nested in this one's body lies inside `state`, so no other
    /// live generator's `progress` has the same address.
    progress: SyncProgress,
    /// The body may point into itself, and its identity is an address: the
    /// generator must not move once started.
    _pinned: PhantomPinned,
    /// Invariant in the types that cross.
    _types: Invariant<Y, A>,
}

// SAFETY: exactly the auto-trait rule for the fields: the closure or the
// future (the values in transit live on the resuming stack, not here, and
// `progress`, `PhantomPinned` and `Invariant` are always `Send`), written out
// so that a compiler note about a body that is not `Send` stops here instead
// of naming the cell and the state inside.
unsafe impl<Y, A, F: Send, Fut: Send> Send for SyncLazy<Y, A, F, Fut> {}

enum State<F, Fut> {
    Unstarted(F),
    Started(Fut),
    Complete,
}

/// The body's state, reached only through `&mut`: a shared borrow of the
/// generator (`Debug`, `is_complete`) must not freeze the bytes of a
/// suspended body, which may hold references into itself (see the async
/// generator's `StateCell`).
struct StateCell<T>(UnsafeCell<T>);

// SAFETY: a shared `StateCell` grants no access at all: its only method takes
// `&mut self`. Sharing it across threads is therefore as safe as sharing `T`.
unsafe impl<T: Sync> Sync for StateCell<T> {}

const NOT_READY: &str = "a `#[sync_gen]` body awaited a future that is not ready: a sync \
    generator has no executor to wait for it, so its body must never wait; use `#[async_gen]` \
    (or `async_gen_block!`) for a body that awaits";

const LOST_AT_END: &str = "a sync generator body finished while a value it yielded was \
    still waiting for the consumer, which would lose that value: a yield was polled but not \
    awaited to completion";

const NO_RESUME_VALUE: &str = "a sync generator suspended at a `yield` was resumed without a \
    resume value: `yield_from!` can only delegate to a generator that has not started or, with \
    resume type `()`, one suspended at a yield";

impl<Y, A, F, Fut> sealed::Sealed for SyncLazy<Y, A, F, Fut> {}

impl<Y, A, F, Fut> SyncBody for SyncLazy<Y, A, F, Fut>
where
    F: FnOnce(SyncCo<'static, Y, A>) -> Fut,
    Fut: Future,
{
    type Yield = Y;
    type Resume = A;
    type Return = Fut::Output;

    fn progress(&self) -> SyncProgress {
        self.progress
    }

    /// Every panic is out of line, and the whole chain from `Iterator::next`
    /// down to here is inlined before LLVM weighs the body's poll: then the
    /// poll is inlined into the consumer's loop (count: 57 -> 41
    /// instructions per item, `benches/sync_instructions.sh`), where a plain
    /// `#[inline]` left `step` out of line with the poll inside it.
    // `inline(always)` is the measured point of this function, see above.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn step(self: Pin<&mut Self>, arg: Option<A>) -> Option<GeneratorState<Y, Fut::Output>> {
        // SAFETY: a started future is structurally pinned: it is only reached
        // through the `Pin` below and is dropped in place. The closure of an
        // unstarted body is not pinned and is moved out. `progress` is a
        // plain byte, never pinned.
        let this = unsafe { self.get_unchecked_mut() };
        let transit = match this.state.0.get_mut() {
            State::Started(_) => match arg {
                Some(arg) => Transit::Resumed(arg),
                None => panic_cold(NO_RESUME_VALUE),
            },
            State::Unstarted(_) => {
                this.start(arg);
                Transit::Empty
            }
            State::Complete => return None,
        };
        let id = this.id();
        let mut frame = Frame { id, transit };
        let waker = waker::frame_waker((&raw mut frame).cast());
        let guard = CompleteOnDrop { state: this.state.0.get_mut(), progress: &mut this.progress };
        let State::Started(future) = &mut *guard.state else { unreachable!() };
        // SAFETY: see above; the future stays where it is until it is dropped.
        let future = unsafe { Pin::new_unchecked(future) };
        let polled = future.poll(&mut Context::from_waker(&waker));
        // From here on the frame is the generator's again: the waker is
        // dropped and no yield future can run.
        drop(waker);
        match polled {
            Poll::Pending => {
                core::mem::forget(guard);
                if let Transit::Yielded(value) = frame.transit {
                    Some(GeneratorState::Yielded(value))
                } else {
                    this.finish();
                    panic_cold(NOT_READY)
                }
            }
            Poll::Ready(value) => {
                drop(guard);
                if let Transit::Yielded(_) = frame.transit {
                    panic_cold(LOST_AT_END);
                }
                Some(GeneratorState::Complete(value))
            }
        }
    }
}

impl<Y, A, F, Fut> SyncLazy<Y, A, F, Fut>
where
    F: FnOnce(SyncCo<'static, Y, A>) -> Fut,
{
    /// The generator's identity: the address of its progress field (even: see `SyncProgress`).
    fn id(&self) -> usize {
        core::ptr::from_ref(&self.progress).addr()
    }

    /// Turns the closure into the body future (the first resume's argument
    /// is dropped: the body has not reached a yield).
    fn start(&mut self, arg: Option<A>) {
        drop(arg);
        let id = self.id();
        let state = self.state.0.get_mut();
        let State::Unstarted(start) = core::mem::replace(state, State::Complete) else {
            unreachable!()
        };
        *state = State::Started(start(SyncCo::new(id)));
        self.progress = SyncProgress::Suspended;
    }
}

impl<Y, A, F, Fut> SyncLazy<Y, A, F, Fut> {
    #[cold]
    fn finish(&mut self) {
        self.progress = SyncProgress::Complete;
        *self.state.0.get_mut() = State::Complete;
    }
}

/// Marks the body complete, dropping its future in place, when dropped: on
/// completion, and if the body's poll panics (so that later resumes see a
/// finished generator instead of a second panic). Completion is recorded
/// before the future's destructor runs, which may panic too.
struct CompleteOnDrop<'a, F, Fut> {
    state: &'a mut State<F, Fut>,
    progress: &'a mut SyncProgress,
}

impl<F, Fut> Drop for CompleteOnDrop<'_, F, Fut> {
    fn drop(&mut self) {
        *self.progress = SyncProgress::Complete;
        *self.state = State::Complete;
    }
}

/// Builds a sync generator from its body. Used by the macros; not a public API.
///
/// The `for<'co> AsyncFnOnce` bound keeps the handle inside the body (it must
/// work for a handle of any lifetime); the second bound only names the future.
#[doc(hidden)]
pub fn new<Y, A, R, F, Fut>(
    body: F,
) -> crate::SyncGen<impl SyncBody<Yield = Y, Resume = A, Return = R>>
where
    F: for<'co> AsyncFnOnce(SyncCo<'co, Y, A>) -> R,
    F: FnOnce(SyncCo<'static, Y, A>) -> Fut,
    Fut: Future<Output = R>,
{
    crate::SyncGen::from_body(SyncLazy {
        state: StateCell(UnsafeCell::new(State::Unstarted(body))),
        progress: SyncProgress::Unstarted,
        _pinned: PhantomPinned,
        _types: PhantomData,
    })
}
