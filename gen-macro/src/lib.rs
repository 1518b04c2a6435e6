//! Procedural macros of [asyncgen](https://docs.rs/asyncgen). Use them through
//! the `asyncgen` facade, which documents them: the expansions name the
//! runtime through it.

mod args;
mod block;
mod checks;
mod completion;
mod discarded;
mod error;
mod expand;
mod fallback;
mod flavor;
mod for_await;
mod hygiene;
mod lifetime;
mod nearest;
mod params;
mod sync;
mod sync_yield_from;
mod tokens;
mod visitor;
mod yield_from;

use proc_macro::TokenStream;

/// Turns an `async fn` into an async generator.
///
/// ```
/// use asyncgen::async_gen;
/// use futures::StreamExt;
///
/// #[async_gen(yield = u32)]
/// async fn countdown(from: u32) {
///     for n in (1..=from).rev() {
///         yield_!(n);
///     }
/// }
///
/// let items: Vec<u32> = futures::executor::block_on(core::pin::pin!(countdown(3)).collect());
/// assert_eq!(items, [3, 2, 1]);
/// ```
///
/// # Arguments
///
/// * `yield = T` (required): the type of the yielded values. It is the
///   expected type of every yielded expression, so inference and coercions
///   work as in `let x: T = ...` (`yield_!(s.parse()?)`, `yield_!(Box::new(x))`
///   into `Box<dyn Trait>`).
/// * `resume = A`: the type each `yield_!` evaluates to, for two-way
///   generators driven with `AsyncGeneratorExt::resume`. Default `()`.
/// * `boxed`: return `BoxAsyncGen<'a, T, R, A>` (`Pin<Box<...>>`, `Send`, the
///   body's type erased), for recursion and for naming the type in struct
///   fields and trait signatures; `boxed_local` returns `LocalBoxAsyncGen`,
///   which need not be `Send`. The lifetime `'a` is the simplest that works:
///   `'static` when no argument borrows, `'_` when exactly one lifetime is
///   elided (such as `&self`), the one named lifetime when there is one
///   (each provided that every type parameter is declared to outlive it:
///   `T: 'static`, or `T: 'a`), and otherwise a new lifetime `'g` that every
///   argument is bounded by. So a trait-impl method keeps the trait's
///   signature when the trait declares `-> BoxAsyncGen<'_, T>` with `&self`
///   (generic: `fn f<T: 'static>(&self, t: T) -> BoxAsyncGen<'_, T>`, or
///   `fn f<'a, T: 'a>(&'a self, t: T) -> BoxAsyncGen<'a, T>`), and, for
///   `self` taken by value, `fn f<'g>(self) -> BoxAsyncGen<'g, T> where
///   Self: 'g`.
/// * `crate = path`: where the `asyncgen` crate is, if it was renamed.
///
/// # The function
///
/// Only on `async fn`s: free functions, methods with any receiver, trait-impl
/// methods; generics, `where` clauses, lifetimes and `impl Trait` arguments
/// work as for any `async fn`. The function's return type `-> R` (default
/// `()`) is the generator's completion value. The function becomes a plain
/// `fn` returning `AsyncGen<impl Body<Yield = T, Resume = A, Return = R>>`;
/// calling it does no work: the body starts on the first poll, and every
/// argument is moved into the generator, as for an `async fn`.
///
/// # In the body
///
/// * `yield_!(v)` yields `v` (`yield_!()` yields `()`). On a nightly compiler
///   with `#![feature(coroutines)]`, plain `yield v` means the same; stable
///   rustc rejects the `yield` keyword before any attribute runs.
/// * `#[for_await] for pat in stream { ... }` drives any `Stream`, also in
///   the input of other macros (a `select!` arm), as `yield_!` does.
/// * `?` and `return` work as in any `async fn`.
/// * `yield_!` inside a closure or a nested `async` block is an error at
///   that `yield_!`: those run outside the generator's own control flow.
///
/// ```
/// use asyncgen::async_gen;
/// use futures::StreamExt;
///
/// // A `Result<(), E>` completion makes a stream of `Result<T, E>`: each
/// // yield is an `Ok` item, and an error ends the stream as its last item.
/// #[async_gen(yield = u32)]
/// async fn parse_all<'a>(words: &'a [&'a str]) -> Result<(), core::num::ParseIntError> {
///     for word in words {
///         yield_!(word.parse()?);
///     }
///     Ok(())
/// }
///
/// let words = ["1", "2", "x", "4"];
/// let items: Vec<_> = futures::executor::block_on(core::pin::pin!(parse_all(&words)).collect());
/// assert_eq!(items.len(), 3);
/// assert_eq!(items[..2], [Ok(1), Ok(2)]);
/// assert!(items[2].is_err());
/// ```
#[proc_macro_attribute]
pub fn async_gen(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::attribute(args.into(), item.into(), flavor::Flavor::Async).into()
}

/// The implementation behind `asyncgen::async_gen_block!`, which passes the
/// facade's `$crate` path first.
#[doc(hidden)]
#[proc_macro]
pub fn async_gen_block_impl(input: TokenStream) -> TokenStream {
    block::async_gen_block(input.into()).into()
}

/// Turns a plain `fn` into a sync generator (JavaScript's `function*`).
///
/// ```
/// use asyncgen::sync_gen;
///
/// #[sync_gen(yield = u64)]
/// fn fibonacci() {
///     let (mut a, mut b) = (0, 1);
///     loop {
///         yield_!(a);
///         (a, b) = (b, a + b);
///     }
/// }
///
/// let first: Vec<u64> = core::pin::pin!(fibonacci()).take(5).collect();
/// assert_eq!(first, [0, 1, 1, 2, 3]);
/// ```
///
/// # Arguments
///
/// As for `#[async_gen]`: `yield = T` (required), `resume = A`, `boxed`
/// (returns `BoxSyncGen<'a, T, R, A>`), `boxed_local` (`LocalBoxSyncGen`),
/// `crate = path`.
///
/// # The function
///
/// Only on plain `fn`s (an `async fn` is an error: use `#[async_gen]`): free
/// functions, methods with any receiver, trait-impl methods, generics,
/// lifetimes, `impl Trait` arguments. The return type `-> R` (default `()`)
/// is the completion value. The function returns
/// `SyncGen<impl SyncBody<Yield = T, Resume = A, Return = R>>` and does no
/// work: the body starts on the first `next()` or `resume`, and every
/// argument is moved into the generator.
///
/// # In the body
///
/// * `yield_!(v)` yields `v` and evaluates to the resume value.
/// * `yield_from!(g)` yields every item of another sync generator `g`
///   (passing resume values on, evaluating to its completion value) or of
///   any `IntoIterator` (evaluating to `()`).
/// * `?` and `return` end the generator with a completion value.
/// * `.await` and `#[for_await]` are errors: a sync generator cannot wait.
///
/// The mistakes `#[async_gen]` reports before expanding are reported here
/// too, in the same words: `?` in a body that completes with `()`, a call
/// of the function by itself without `boxed`, the attribute applied twice,
/// a trait method without a body (declare `-> BoxSyncGen<'_, T>` instead).
///
/// ```
/// use asyncgen::{GeneratorState, SyncGenerator, sync_gen};
///
/// // Two-way: each `yield_!` evaluates to the value the generator is resumed with.
/// #[sync_gen(yield = u32, resume = u32)]
/// fn running_total() -> &'static str {
///     let mut total = 0;
///     while total < 10 {
///         total += yield_!(total);
///     }
///     "reached ten"
/// }
///
/// let mut total = core::pin::pin!(running_total());
/// assert_eq!(total.as_mut().resume(0), GeneratorState::Yielded(0)); // the first argument is dropped
/// assert_eq!(total.as_mut().resume(4), GeneratorState::Yielded(4));
/// assert_eq!(total.as_mut().resume(6), GeneratorState::Complete("reached ten"));
/// ```
#[proc_macro_attribute]
pub fn sync_gen(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::attribute(args.into(), item.into(), flavor::Flavor::Sync).into()
}

/// The implementation behind `asyncgen::sync_gen_block!`, which passes the
/// facade's `$crate` path first.
#[doc(hidden)]
#[proc_macro]
pub fn sync_gen_block_impl(input: TokenStream) -> TokenStream {
    block::sync_gen_block(input.into()).into()
}
