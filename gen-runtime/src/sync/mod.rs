//! Sync generators (JavaScript's `function*`): [`SyncGen`] and its protocol.
//!
//! # How the hand-off works
//!
//! A sync generator has no executor, so it polls its body (an async closure,
//! which the compiler turns into a state machine) with a `Context` of its
//! own, whose waker carries the address of the generator's slot. The body's
//! handle holds no pointer, only that address as a plain number (its
//! token): a `yield v` becomes `co.yield_(v).await`, whose first poll checks
//! that the context is one of ours (the waker's vtable is a private
//! `static`) for this very generator (the waker's data address equals the
//! token), moves `v` into the slot and returns `Pending`. The generator
//! takes the value, returns it, and on the next resume puts the resume value
//! in the slot and polls the body again, whose pending yield then completes
//! with it.
//!
//! Any other context panics at the yield: a handle captured into another
//! generator's body, a yield polled by hand with `Waker::noop()`. A clone of
//! our waker is a no-op waker, so nothing outlives the poll. And a body that
//! waits on a future that is not ready panics, since nothing would ever
//! wake it.

pub(crate) mod body;
pub(crate) mod co;
pub(crate) mod completion;
pub(crate) mod generator;
pub(crate) mod protocol;
mod slot;
mod waker;
pub(crate) mod yield_from;
