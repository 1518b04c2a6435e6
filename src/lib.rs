#![doc = include_str!("../README.md")]
#![no_std]

#[cfg(feature = "alloc")]
extern crate alloc;

#[cfg(feature = "alloc")]
use alloc::boxed::Box;
#[cfg(feature = "alloc")]
use core::pin::Pin;

#[doc(inline)]
pub use asyncgen_macro::{async_gen, sync_gen};
#[doc(inline)]
pub use asyncgen_runtime::{
    AsyncGen, AsyncGenerator, AsyncGeneratorExt, Body, GeneratorState, Resume, StreamCompletion,
};
#[doc(inline)]
pub use asyncgen_runtime::{IteratorCompletion, SyncBody, SyncGen, SyncGenerator};

#[doc = include_str!("from_javascript.md")]
pub mod from_javascript {}

/// A boxed generator with its body type erased, `Send`: what
/// `#[async_gen(yield = Y, boxed)]` returns.
///
/// It keeps every capability of [`AsyncGen`] (`Stream`, `FusedStream`,
/// [`AsyncGenerator`], `Debug`), is `Unpin`, and can be named: in struct
/// fields, trait signatures, and recursive generators.
///
/// ```
/// use asyncgen::{BoxAsyncGen, async_gen};
/// use futures::StreamExt;
///
/// struct Tree(u32, Vec<Tree>);
///
/// // Recursion needs a nameable type: `boxed`.
/// #[async_gen(yield = u32, boxed)]
/// async fn walk(tree: &Tree) {
///     yield_!(tree.0);
///     for child in &tree.1 {
///         yield_from!(walk(child));
///     }
/// }
///
/// let tree = Tree(1, vec![Tree(2, vec![Tree(3, vec![])]), Tree(4, vec![])]);
/// let walker: BoxAsyncGen<'_, u32> = walk(&tree);
/// let items: Vec<u32> = futures::executor::block_on(walker.collect());
/// assert_eq!(items, [1, 2, 3, 4]);
/// ```
///
/// # Lifetimes
///
/// A boxed generator captures every argument, so its lifetime `'a` is one
/// that every argument outlives, chosen from the signature's tokens (see
/// [`async_gen`]). Two things the tokens cannot show:
///
/// * a lifetime hidden in a path type: `c: std::str::Chars` borrows, but
///   looks as if it borrows nothing, so the box would be `'static` and rustc
///   says "returning this value requires that `'1` must outlive `'static`".
///   Write the lifetime: `c: std::str::Chars<'_>`.
/// * a trait that declares `-> BoxAsyncGen<'_, T>` with more than one
///   borrowed argument: `'_` there is `self`'s lifetime alone, but the
///   generator also captures the other arguments, so no generator can
///   implement that signature (rustc reports E0195, "lifetime parameters do
///   not match the trait definition"). Declare one lifetime for all of them,
///   in the trait and in the impl:
///
/// ```
/// use asyncgen::{BoxAsyncGen, async_gen};
/// use futures::StreamExt;
///
/// trait Search {
///     fn matches<'a>(&'a self, needle: &'a str) -> BoxAsyncGen<'a, usize>;
/// }
///
/// struct Haystack(String);
///
/// impl Search for Haystack {
///     #[async_gen(yield = usize, boxed)]
///     async fn matches<'a>(&'a self, needle: &'a str) {
///         for (at, _) in self.0.match_indices(needle) {
///             yield_!(at);
///         }
///     }
/// }
///
/// #[async_gen(yield = char, boxed)]
/// async fn chars(c: std::str::Chars<'_>) {
///     for ch in c {
///         yield_!(ch);
///     }
/// }
///
/// let haystack = Haystack("abcabc".to_string());
/// let at: Vec<usize> = futures::executor::block_on(haystack.matches("bc").collect());
/// assert_eq!(at, [1, 4]);
/// let letters: String = futures::executor::block_on(chars("xyz".chars()).collect());
/// assert_eq!(letters, "xyz");
/// ```
#[cfg(feature = "alloc")]
pub type BoxAsyncGen<'a, Y, R = (), A = ()> =
    Pin<Box<AsyncGen<dyn Body<Yield = Y, Return = R, Resume = A> + Send + 'a>>>;

/// A boxed generator with its body type erased, not `Send`: what
/// `#[async_gen(yield = Y, boxed_local)]` returns. See [`BoxAsyncGen`].
///
/// ```
/// use std::rc::Rc;
/// use asyncgen::{LocalBoxAsyncGen, async_gen};
/// use futures::StreamExt;
///
/// #[async_gen(yield = usize, boxed_local)]
/// async fn counts(shared: Rc<Vec<u8>>) {
///     yield_!(shared.len()); // an `Rc` held across a yield: not `Send`
///     yield_!(Rc::strong_count(&shared));
/// }
///
/// let generators: Vec<LocalBoxAsyncGen<'_, usize>> = vec![counts(Rc::new(vec![1, 2])), counts(Rc::new(vec![]))];
/// let items: Vec<Vec<usize>> = futures::executor::block_on(async {
///     let mut all = Vec::new();
///     for generator in generators {
///         all.push(generator.collect().await);
///     }
///     all
/// });
/// assert_eq!(items, [vec![2, 1], vec![0, 1]]);
/// ```
#[cfg(feature = "alloc")]
pub type LocalBoxAsyncGen<'a, Y, R = (), A = ()> =
    Pin<Box<AsyncGen<dyn Body<Yield = Y, Return = R, Resume = A> + 'a>>>;

/// A boxed sync generator with its body type erased, `Send`: what
/// `#[sync_gen(yield = Y, boxed)]` returns.
///
/// It keeps every capability of [`SyncGen`] (`Iterator` and
/// `FusedIterator` for the completion types of [`IteratorCompletion`],
/// [`SyncGenerator`], `Debug`), is `Unpin`, and can be named: in struct
/// fields, trait signatures, and recursive generators.
///
/// ```
/// use asyncgen::{BoxSyncGen, sync_gen};
///
/// struct Tree(u32, Vec<Tree>);
///
/// // Recursion needs a nameable type: `boxed`.
/// #[sync_gen(yield = u32, boxed)]
/// fn walk(tree: &Tree) {
///     yield_!(tree.0);
///     for child in &tree.1 {
///         yield_from!(walk(child));
///     }
/// }
///
/// let tree = Tree(1, vec![Tree(2, vec![Tree(3, vec![])]), Tree(4, vec![])]);
/// let walker: BoxSyncGen<'_, u32> = walk(&tree);
/// assert_eq!(walker.collect::<Vec<_>>(), [1, 2, 3, 4]);
/// ```
#[cfg(feature = "alloc")]
pub type BoxSyncGen<'a, Y, R = (), A = ()> =
    Pin<Box<SyncGen<dyn SyncBody<Yield = Y, Return = R, Resume = A> + Send + 'a>>>;

/// A boxed sync generator with its body type erased, not `Send`: what
/// `#[sync_gen(yield = Y, boxed_local)]` returns. See [`BoxSyncGen`].
///
/// ```
/// use std::rc::Rc;
/// use asyncgen::{LocalBoxSyncGen, sync_gen};
///
/// #[sync_gen(yield = usize, boxed_local)]
/// fn counts(shared: Rc<Vec<u8>>) {
///     yield_!(shared.len()); // an `Rc` held across a yield: not `Send`
///     yield_!(Rc::strong_count(&shared));
/// }
///
/// let generators: Vec<LocalBoxSyncGen<'_, usize>> = vec![counts(Rc::new(vec![1, 2])), counts(Rc::new(vec![]))];
/// let items: Vec<Vec<usize>> = generators.into_iter().map(Iterator::collect).collect();
/// assert_eq!(items, [vec![2, 1], vec![0, 1]]);
/// ```
#[cfg(feature = "alloc")]
pub type LocalBoxSyncGen<'a, Y, R = (), A = ()> =
    Pin<Box<SyncGen<dyn SyncBody<Yield = Y, Return = R, Resume = A> + 'a>>>;

/// Writes an async generator as an expression; plain `yield v` works here on
/// stable.
///
/// The block captures its environment like an `async move` block; the yield
/// type and the completion type are inferred. Inside it, `yield v` (or
/// `yield_!(v)`) yields, `for await pat in stream { ... }` and
/// `#[for_await] for` loop over a `Stream`, and `return` / `?` end the
/// generator with a completion value. The resume type is `()` unless the
/// value of some `yield` is used, in which case it is inferred; a block
/// without a `yield` yields `()`, as async-stream's `stream!` does.
///
/// A plain `yield` inside another macro's input (a `tokio::select!` arm) is
/// this block's, except inside a nested generator macro, which the block
/// recognises by name: `async_gen_block!`, `sync_gen_block!`, `stream!` and
/// `try_stream!`. The asyncgen macros keep their yields under another name
/// too (`use asyncgen::async_gen_block as agb`); async-stream's are not
/// recognised then: their yields are rejected at compile time ("use of
/// unreachable label"), never taken by this block.
///
/// ```
/// use asyncgen::async_gen_block;
/// use futures::StreamExt;
///
/// let names = vec!["ada", "grace"];
/// let greetings = async_gen_block! {
///     for name in names {
///         yield format!("hello, {name}");
///     }
/// };
/// let items: Vec<String> = futures::executor::block_on(core::pin::pin!(greetings).collect());
/// assert_eq!(items, ["hello, ada", "hello, grace"]);
/// ```
#[macro_export]
macro_rules! async_gen_block {
    ($($body:tt)*) => {
        $crate::__private::async_gen_block_impl! { $crate; $($body)* }
    };
}

/// Writes a sync generator (JavaScript's `function*`) as an expression;
/// plain `yield v` works here on stable.
///
/// The block captures its environment like a `move` closure; the yield type
/// and the completion type are inferred (a block without a `yield` yields
/// `()`). Inside it, `yield v` (or `yield_!(v)`) yields, `yield_from!(x)`
/// re-yields another sync generator's or any iterator's items, and `return`
/// / `?` end the generator with a completion value. The resume type is `()`
/// unless the value of some `yield` is used, in which case it is inferred.
/// `.await` is an error: use [`async_gen_block!`] for that.
///
/// ```
/// use asyncgen::sync_gen_block;
///
/// let names = vec!["ada", "grace"];
/// let greetings = sync_gen_block! {
///     for name in names {
///         yield format!("hello, {name}");
///     }
///     yield_from!(["bye".to_string()]);
/// };
/// let items: Vec<String> = core::pin::pin!(greetings).collect();
/// assert_eq!(items, ["hello, ada", "hello, grace", "bye"]);
/// ```
#[macro_export]
macro_rules! sync_gen_block {
    ($($body:tt)*) => {
        $crate::__private::sync_gen_block_impl! { $crate; $($body)* }
    };
}

/// Yields a value from the body of an [`#[async_gen]`](async_gen) function.
///
/// `#[async_gen]` rewrites every `yield_!(v)` of its own body, so no import is
/// needed there. This macro exists only to give a clear error when `yield_!`
/// is used anywhere else.
///
/// ```
/// use asyncgen::async_gen;
///
/// #[async_gen(yield = &'static str)]
/// async fn greetings() {
///     yield_!("hello");
///     yield_!("world");
/// }
/// # let _ = greetings();
/// ```
///
/// ```compile_fail
/// use asyncgen::yield_;
///
/// async fn not_a_generator() {
///     yield_!(1); // error: `yield_!` can only be used inside the body of ...
/// }
/// ```
#[macro_export]
macro_rules! yield_ {
    ($($value:tt)*) => {
        ::core::compile_error! {
            "`yield_!` can only be used inside the body of an `#[async_gen]` or `#[sync_gen]` function, an `async_gen_block!` or a `sync_gen_block!`; a `yield_!` that another macro produces, or one imported under another name, is not rewritten: write `yield_!` itself in the body, around the macro that computes the value"
        }
    };
}

/// Yields every item of another generator or stream, as JavaScript's `yield*`.
///
/// In the body of an [`#[async_gen]`](async_gen) function or an
/// [`async_gen_block!`], `yield_from!(source)`:
///
/// * over a generator (an [`AsyncGenerator`] whose resume type is this
///   generator's), re-yields each of its items, passes each resume value on to
///   it, and evaluates to its completion value;
/// * over any other `Stream`, re-yields its items and evaluates to `()`.
///
/// A source that was already started or partly consumed continues from where
/// it stands. No import is needed in a generator body; outside one, this
/// macro is a compile error.
///
/// # Panics
///
/// Over a generator that already completed (its completion value was taken),
/// as resuming it would; a completed `Stream` yields nothing and gives `()`.
/// Over a generator suspended at a `yield` when the resume type is not `()`:
/// there is no resume value to continue it with.
///
/// ```
/// use asyncgen::{GeneratorState, AsyncGeneratorExt, async_gen};
///
/// #[async_gen(yield = u32)]
/// async fn inner() -> &'static str {
///     yield_!(1);
///     yield_!(2);
///     "inner done"
/// }
///
/// #[async_gen(yield = u32)]
/// async fn outer() -> String {
///     let inner_result = yield_from!(inner());
///     yield_from!(futures::stream::iter([3, 4]));
///     format!("outer saw {inner_result}")
/// }
///
/// futures::executor::block_on(async {
///     let mut outer = core::pin::pin!(outer());
///     for expected in 1..=4 {
///         assert_eq!(outer.as_mut().resume(()).await, GeneratorState::Yielded(expected));
///     }
///     let done = outer.as_mut().resume(()).await;
///     assert_eq!(done, GeneratorState::Complete("outer saw inner done".to_string()));
/// });
/// ```
#[macro_export]
macro_rules! yield_from {
    ($($source:tt)*) => {
        ::core::compile_error! {
            "`yield_from!` can only be used inside the body of an `#[async_gen]` or `#[sync_gen]` function, an `async_gen_block!` or a `sync_gen_block!`, under its own name: a `yield_from!` imported under another name, or produced by another macro, is not rewritten"
        }
    };
}

/// A yield that a generator rewrote inside another macro's input (or in a
/// nested `fn`), written `(yield as written) rewrite`: a generator macro
/// nested there takes the yield back as its own; where none does, this
/// expands to the rewrite. Used by the macros; not a public API.
#[doc(hidden)]
#[macro_export]
macro_rules! __nearest_generator_yield {
    (($($original:tt)*) $($rewrite:tt)*) => {
        $($rewrite)*
    };
}

/// Items used by the code the macros generate. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::__nearest_generator_yield;
    #[cfg(feature = "alloc")]
    pub use alloc::boxed::Box;
    pub use asyncgen_macro::{async_gen_block_impl, sync_gen_block_impl};
    pub use asyncgen_runtime::__private::*;
    pub use core::option::Option::{None, Some};
    pub use core::pin::pin;

    /// Boxes the generator of `#[async_gen(boxed)]` / `#[sync_gen(boxed)]`.
    /// The bound is spelled here, not left to the unsizing to `dyn ... +
    /// Send`, so that rustc's note for a generator that is not `Send` quotes
    /// the line below, which names the fix.
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn boxed_send<G>(generator: G) -> core::pin::Pin<Box<G>>
    where
        G: Send, // `boxed` is `Send`: for a generator that is not, write `boxed_local`
    {
        Box::pin(generator)
    }

    /// The value of the `break` that each rewritten yield carries to prove
    /// that it sits in the generator's own body (a `break` cannot leave a
    /// closure or an `async` block), and of the `return` that gives a body's
    /// `return`s their declared completion type. Both are inside `if false`:
    /// this is never called. A generic function rather than a diverging
    /// expression, so that it fits any completion type without warning
    /// `unreachable_code`.
    ///
    /// # Panics
    ///
    /// Always; it is never called.
    #[must_use]
    pub fn unreachable_value<T>() -> T {
        unreachable!("the label check of a yield is never run")
    }
}
