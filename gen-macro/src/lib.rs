//! Procedural macros of [asyncgen](https://docs.rs/asyncgen). Use them through
//! the `asyncgen` facade, which documents them: the expansions name the
//! runtime through it.

mod args;
mod block;
mod error;
mod expand;
mod for_await;
mod params;
mod tokens;
mod visitor;

use proc_macro::TokenStream;

/// Turns an `async fn` into an async generator; see `asyncgen::async_gen`.
#[proc_macro_attribute]
pub fn async_gen(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::async_gen(args.into(), item.into()).into()
}

/// The implementation behind `asyncgen::async_gen_block!`, which passes the
/// facade's `$crate` path first.
#[doc(hidden)]
#[proc_macro]
pub fn async_gen_block_impl(input: TokenStream) -> TokenStream {
    block::async_gen_block(input.into()).into()
}
