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
//! The generator owns a slot and the body. On the first poll it starts the
//! body with a handle (`Co`) to the slot. `yield v` in the body moves `v`
//! into the slot and returns `Pending`; the generator, seeing a value in its
//! slot after the body's poll, returns it as the item. Resuming puts the
//! resume value in the slot and polls the body again, whose pending `yield`
//! then completes with that value. No thread-local, no waker tricks: the
//! handle is tied to its own slot by a higher-ranked lifetime, so it cannot
//! be stored outside the body, nor swapped with another generator's handle.
//!
//! ```
//! use asyncgen_runtime::{AsyncGen, Body};
//!
//! fn size_of_generator(gen: &AsyncGen<impl Body>) -> usize {
//!     core::mem::size_of_val(gen)
//! }
//! ```
#![no_std]

mod body;
mod co;
mod completion;
mod generator;
mod next;
mod protocol;

pub use crate::body::Body;
pub use crate::completion::StreamCompletion;
pub use crate::generator::AsyncGen;
pub use crate::protocol::{AsyncGenerator, AsyncGeneratorExt, GeneratorState, Resume};

/// Items used by the code the macros generate. Not a public API: names and
/// signatures here change without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::body::new;
    pub use crate::co::{Co, Suspend};
    pub use crate::next::{Next, next};
}
