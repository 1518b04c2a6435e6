//! Sync generators (JavaScript's `function*`): [`SyncGen`] and its protocol.
//!
//! # How the hand-off works
//!
//! A sync generator's body is an async generator's body: the same closure
//! that becomes a future on the first resume, the same handle (`Co`), the
//! same hand-off (one state byte for the whole generator and one slot for
//! the value in transit), the same `yield v` (`co.yield_(v);
//! co.suspend().await; co.resumed()`, without `co.resumed()` for a resume
//! type of `()`). Only the driver differs: a sync
//! generator has no executor, so each resume polls the body with a
//! `Context` of its own (a no-op waker: the body never waits). The body
//! returns `Pending` with a value in the slot: that is the yield; `Ready`:
//! the completion value. A body that returns `Pending` without yielding
//! waits for a future that nothing will wake, which panics, saying to use
//! `#[async_gen]`, and finishes the generator.
//!
//! [`SyncGen`]: crate::SyncGen

pub(crate) mod body;
mod cold;
pub(crate) mod completion;
pub(crate) mod generator;
pub(crate) mod protocol;
pub(crate) mod yield_from;
