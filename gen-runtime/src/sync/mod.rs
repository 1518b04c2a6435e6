//! Sync generators (JavaScript's `function*`): [`SyncGen`] and its protocol.
//!
//! # How the hand-off works
//!
//! A sync generator has no executor, so it polls its body (an async closure,
//! which the compiler turns into a state machine) with a `Context` of its
//! own, whose waker points at the slot of the current resume: a `Frame` on
//! the stack of `resume`, holding the generator's identity (the address of
//! its progress byte) and the value in transit. The body's handle holds no
//! pointer, only that identity as a plain number (its token): a `yield v`
//! becomes `co.yield_(v).await`, whose first poll checks that the context is
//! one of ours (the waker's vtable is a private `static`) for this very
//! generator (the frame's identity equals the token), moves `v` into the
//! frame and returns `Pending`. The generator takes the value and returns it;
//! the next resume puts the resume value in a new frame and polls the body
//! again, whose pending yield then completes with it. The generator itself
//! stores no slot: the value crosses on the stack.
//!
//! Any other context panics at the yield: a handle captured into another
//! generator's body, a yield polled by hand with `Waker::noop()`. A clone of
//! our waker is a no-op waker, so nothing outlives the poll. And a body that
//! waits on a future that is not ready panics, since nothing would ever
//! wake it.

pub(crate) mod body;
pub(crate) mod co;
mod cold;
pub(crate) mod completion;
pub(crate) mod generator;
pub(crate) mod protocol;
mod slot;
mod waker;
pub(crate) mod yield_from;
