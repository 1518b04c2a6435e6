//! The runtime of [asyncgen](https://docs.rs/asyncgen): the [`AsyncGen`] type
//! that the `#[async_gen]` and `async_gen_block!` macros build, and the
//! generator protocol.
//!
//! Users depend on the `asyncgen` facade, which re-exports everything here.
//! The crate is `#![no_std]` and needs no allocator: a generator is its body's
//! state machine plus one slot for the value in transit, and nothing else.
//!
//! # How the hand-off works
//!
//! The generator owns the body and a hand-off: one state byte for the whole
//! generator and one slot for the value in transit. On the first poll it
//! starts the body with a handle (`Co`) to the hand-off. `yield v` in the body
//! moves `v` into the slot and returns `Pending`; the generator, seeing
//! `Yielded` after the body's poll, returns the value as the item. Resuming
//! puts the resume value in the slot and polls the body again, whose pending
//! `yield` then completes with that value (with a resume type of `()`, built
//! by `new_unit`, there is no value to put there: resuming stores nothing,
//! it only polls the body). No thread-local, no waker tricks: the
//! handle is tied to its own slot by a higher-ranked lifetime, so it cannot
//! be stored outside the body, nor swapped with another generator's handle.
//!
//! ```
//! use asyncgen_runtime::{AsyncGen, AsyncGeneratorExt, Body, GeneratorState};
//! # use asyncgen_runtime::__private::new;
//! # fn doubler() -> AsyncGen<impl Body<Yield = u32, Resume = u32, Return = &'static str>> {
//! #     new::<u32, u32, &'static str, _, _>(async |mut co| {
//! #         let mut last = 0;
//! #         loop {
//! #             co.yield_(last);
//! #             last = { co.suspend().await; co.resumed() } * 2;
//! #             if last > 100 { return "too big" }
//! #         }
//! #     })
//! # }
//!
//! // `doubler()` is what this returns:
//! // #[async_gen(yield = u32, resume = u32)]
//! // async fn doubler() -> &'static str {
//! //     let mut last = 0;
//! //     loop {
//! //         last = yield_!(last) * 2;
//! //         if last > 100 { return "too big" }
//! //     }
//! // }
//! futures::executor::block_on(async {
//!     let mut doubler = core::pin::pin!(doubler());
//!     // The first resume starts the body; its argument is dropped, as in JavaScript.
//!     assert_eq!(doubler.as_mut().resume(0).await, GeneratorState::Yielded(0));
//!     assert_eq!(doubler.as_mut().resume(21).await, GeneratorState::Yielded(42));
//!     assert_eq!(doubler.as_mut().resume(51).await, GeneratorState::Complete("too big"));
//! });
//! ```
#![no_std]

#[cfg(feature = "alloc")]
extern crate alloc;

mod body;
mod co;
mod completion;
mod generator;
mod hand_off;
mod machine;
mod next;
mod protocol;
mod sync;
mod yield_from;

pub use crate::body::Body;
pub use crate::completion::StreamCompletion;
pub use crate::generator::AsyncGen;
pub use crate::protocol::{AsyncGenerator, AsyncGeneratorExt, GeneratorState, Resume};
pub use crate::sync::body::SyncBody;
pub use crate::sync::completion::IteratorCompletion;
pub use crate::sync::generator::SyncGen;
pub use crate::sync::protocol::SyncGenerator;

/// Items used by the code the macros generate. Not a public API: names and
/// signatures here change without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::co::{Co, Suspend};
    pub use crate::machine::{new, new_unit};
    pub use crate::next::{Next, next};
    pub use crate::protocol::GeneratorState;
    pub use crate::yield_from::{
        AsyncSource, DriveGenerator, DriveNeither, DriveStream, Probe, SameResume, StepGenerator,
        StepStream, Via, forward_resume,
    };

    /// The sync generators' side (`#[sync_gen]`, `sync_gen_block!`).
    pub mod sync {
        pub use crate::sync::body::{new, new_unit};
        pub use crate::sync::yield_from::{
            DriveIterator, DriveNeither, DriveSyncGenerator, IterSource, SyncProbe, SyncSource,
            SyncVia,
        };
    }
}
