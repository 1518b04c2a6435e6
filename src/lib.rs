//! Async generators for stable Rust (crate docs are filled in below).
#![no_std]

pub use asyncgen_macro::async_gen;
pub use asyncgen_runtime::{
    AsyncGen, AsyncGenerator, AsyncGeneratorExt, Body, GeneratorState, Resume, StreamCompletion,
};

/// Writes a generator as an expression; see the crate docs.
#[macro_export]
macro_rules! async_gen_block {
    ($($body:tt)*) => {
        $crate::__private::async_gen_block_impl! { $crate; $($body)* }
    };
}

/// Yields a value from an `#[async_gen]` function; outside one it is an error.
#[macro_export]
macro_rules! yield_ {
    ($($value:tt)*) => {
        ::core::compile_error! {
            "`yield_!` can only be used inside the body of an `#[async_gen]` function or an `async_gen_block!`"
        }
    };
}

#[doc(hidden)]
pub mod __private {
    pub use asyncgen_macro::async_gen_block_impl;
    pub use asyncgen_runtime::__private::*;
    pub use core::option::Option::{None, Some};
    pub use core::pin::pin;
}
