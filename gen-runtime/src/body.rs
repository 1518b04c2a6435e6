//! The body of a generator: a closure that becomes a future on the first
//! poll, and the slot its yields go through.

use core::cell::UnsafeCell;
use core::future::Future;
use core::marker::PhantomPinned;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::co::{Co, SlotCell};
use crate::protocol::GeneratorState;

mod sealed {
    pub trait Sealed {}
}

/// Where a generator's body is in its life.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Not polled yet: the body has not started.
    Unstarted,
    /// Parked at a `yield`, waiting for its consumer to resume it.
    Suspended,
    /// Started and parked at an ordinary `.await`.
    Running,
    /// Returned its completion value, or panicked.
    Complete,
}

/// The body of an [`AsyncGen`](crate::AsyncGen): what the macros build from an
/// `async fn` or an `async_gen_block!`, together with the slot its yields go
/// through.
///
/// The trait is sealed: only this crate implements it. It appears in the
/// return types the macros write (`AsyncGen<impl Body<Yield = u32, …>>`) and is
/// dyn compatible, so that a body can be type-erased behind a box.
///
/// ```
/// use asyncgen_runtime::{AsyncGen, Body};
///
/// // A function signature that accepts any generator yielding `u32`s.
/// fn takes(_gen: AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>>) {}
/// ```
pub trait Body: sealed::Sealed {
    /// The type of the values the body yields.
    type Yield;
    /// The type of the values the body receives back from each `yield`.
    type Resume;
    /// The body's completion value.
    type Return;

    #[doc(hidden)]
    fn progress(&self) -> Progress;

    /// Resumes the body; `Ready(None)` if it had already finished (returned
    /// or panicked), in which case nothing is polled and `arg` is left alone.
    /// One check serves both callers: `Stream` ends, `resume` panics.
    #[doc(hidden)]
    fn poll_step(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<Self::Resume>,
    ) -> Poll<Option<GeneratorState<Self::Yield, Self::Return>>>;
}

/// A body that starts lazily (calling the generator function does no work),
/// and its slot.
pub(crate) struct Lazy<Y, A, F, Fut> {
    /// Declared before `slot` so that it is dropped first: destructors in the
    /// body may still reach the slot through the body's `Co`.
    state: StateCell<State<F, Fut>>,
    slot: SlotCell<Y, A>,
    /// The body's `Co` points at `slot`: the body must not move once started.
    _pinned: PhantomPinned,
}

enum State<F, Fut> {
    Unstarted(F),
    Started(Fut),
    Complete,
}

/// The body's state, reached only through `&mut`.
///
/// A suspended async body may hold references into itself (a pending
/// `.await` on a pinned local, a `&mut` to a local held across a yield).
/// A shared reference covering those bytes would, under Stacked and Tree
/// Borrows, assert they are frozen and invalidate those inner references. So
/// the state lives in an `UnsafeCell` (a shared borrow of the generator does
/// not freeze it) and is never reached through a shared reference: `&self`
/// methods read the slot instead.
struct StateCell<T>(UnsafeCell<T>);

// SAFETY: a shared `StateCell` grants no access at all: its only method takes
// `&mut self`. Sharing it across threads is therefore as safe as sharing `T`.
unsafe impl<T: Sync> Sync for StateCell<T> {}

impl<T> StateCell<T> {
    fn get_mut(&mut self) -> &mut T {
        self.0.get_mut()
    }
}

impl<Y, A, F, Fut> sealed::Sealed for Lazy<Y, A, F, Fut> {}

impl<Y, A, F, Fut> Body for Lazy<Y, A, F, Fut>
where
    F: FnOnce(Co<'static, Y, A>) -> Fut,
    Fut: Future,
{
    type Yield = Y;
    type Resume = A;
    type Return = Fut::Output;

    fn progress(&self) -> Progress {
        self.slot.progress()
    }

    fn poll_step(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<A>,
    ) -> Poll<Option<GeneratorState<Y, Fut::Output>>> {
        // SAFETY: a started future is structurally pinned: it is only reached
        // through the `Pin` below and is dropped in place. The closure of an
        // unstarted body is not pinned and is moved out. `slot` is only used
        // through shared references.
        let this = unsafe { self.get_unchecked_mut() };
        let (state, slot) = (this.state.get_mut(), &this.slot);
        match state {
            State::Unstarted(_) => {
                drop(arg.take());
                let State::Unstarted(start) = core::mem::replace(state, State::Complete) else {
                    unreachable!()
                };
                // SAFETY: `slot` is pinned beside the body and dropped after
                // it, and it is touched only before and after the body's
                // polls. The handle cannot leave the body: `new` only accepts
                // closures that work for every handle lifetime
                // (`for<'co> AsyncFnOnce`), so the `'static` is never
                // observable by the body.
                let co = unsafe { Co::new(slot) };
                slot.start();
                *state = State::Started(start(co));
            }
            State::Started(_) => slot.offer_resume(arg),
            State::Complete => return Poll::Ready(None),
        }
        let guard = CompleteOnDrop { state, slot };
        let State::Started(future) = &mut *guard.state else { unreachable!() };
        // SAFETY: see above; the future stays where it is until it is dropped.
        match unsafe { Pin::new_unchecked(future) }.poll(cx) {
            // The guard drops the finished future now: its captures go as
            // soon as the body returns, not when the generator is dropped.
            Poll::Ready(value) => {
                drop(guard);
                Poll::Ready(Some(GeneratorState::Complete(value)))
            }
            Poll::Pending => {
                core::mem::forget(guard);
                match slot.take_yielded() {
                    Some(value) => Poll::Ready(Some(GeneratorState::Yielded(value))),
                    None => Poll::Pending,
                }
            }
        }
    }
}

/// Marks the body complete, dropping its future in place, when dropped: on
/// completion, and if the body's poll panics (so that later polls see a
/// finished generator instead of a second panic).
struct CompleteOnDrop<'a, Y, A, F, Fut> {
    state: &'a mut State<F, Fut>,
    slot: &'a SlotCell<Y, A>,
}

impl<Y, A, F, Fut> Drop for CompleteOnDrop<'_, Y, A, F, Fut> {
    fn drop(&mut self) {
        *self.state = State::Complete;
        self.slot.complete();
    }
}

/// Builds a generator from its body. Used by the macros; not a public API.
///
/// The `for<'co> AsyncFnOnce` bound is what makes the hand-off sound: the body
/// must work for a handle of any lifetime, so it cannot store the handle
/// anywhere that outlives the body. The second bound only names the future.
#[doc(hidden)]
pub fn new<Y, A, R, F, Fut>(
    body: F,
) -> crate::AsyncGen<impl Body<Yield = Y, Resume = A, Return = R>>
where
    F: for<'co> AsyncFnOnce(Co<'co, Y, A>) -> R,
    F: FnOnce(Co<'static, Y, A>) -> Fut,
    Fut: Future<Output = R>,
{
    crate::AsyncGen::from_body(Lazy {
        state: StateCell(UnsafeCell::new(State::Unstarted(body))),
        slot: SlotCell::new(),
        _pinned: PhantomPinned,
    })
}
