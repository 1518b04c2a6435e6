//! A yield that the rewriter takes from another macro's input may belong to
//! a generator nested there that it cannot recognise (`agb! { yield 1; }`
//! after `use asyncgen::async_gen_block as agb`, or a `#[gen_attr]` imported
//! under another name): lexically, the nearest generator around a yield owns
//! it. So such a rewrite is marked:
//!
//! ```text
//! { $crate::__private::__nearest_generator_yield! { (yield_!(v)) { rewrite } } }
//! ```
//!
//! Every generator macro first takes back the marked yields in its input
//! (`take_back`) and rewrites them as its own (marking them again where a
//! generator nested in it may own them); where none does, the marker
//! expands to the rewrite. So a yield belongs to the nearest generator
//! around it once every macro is expanded, as a `yield` belongs to its
//! nearest coroutine in Rust itself: a user's macro that builds a generator
//! around its input (`lazily!(yield_!(1))` expanding to
//! `async_gen_block! { ... }`) gives it the yield too. A `#[for_await]`
//! loop is marked the same way.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;

/// The name of the facade's marker macro (`#[doc(hidden)]`).
const MARKER: &str = "__nearest_generator_yield";

/// Input: the crate path, a yield as written and its rewrite.
/// Output: the rewrite, marked (see the module docs). In braces, not an
/// invisible group: rustc may flatten those in a macro's input.
pub(crate) fn mark(
    krate: &TokenStream,
    original: &TokenStream,
    rewrite: &TokenStream,
) -> TokenStream {
    let call = quote!(#krate::__private::__nearest_generator_yield! { (#original) #rewrite });
    TokenTree::Group(Group::new(Delimiter::Brace, call)).into()
}

/// Input: a generator's input. Output: it with every marked yield, at any
/// depth, replaced by the yield as written: the nearest generator (this one,
/// or one nested in it) rewrites it. Groups without a marker are kept as
/// they are, not rebuilt, which would change how `stringify!` prints them.
pub(crate) fn take_back(tokens: TokenStream) -> TokenStream {
    taken_back(tokens.clone().into_iter().collect()).unwrap_or(tokens)
}

/// `take_back` of a stream's trees, `None` if there is no marker. Each
/// group's stream is read once: a proc macro reads it from the compiler.
fn taken_back(trees: Vec<TokenTree>) -> Option<TokenStream> {
    let changed: Vec<Option<TokenStream>> = trees
        .iter()
        .map(|token| {
            let TokenTree::Group(group) = token else { return None };
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            if group.delimiter() == Delimiter::Brace {
                if let Some(original) = marked_original(&inner) {
                    return Some(take_back(original));
                }
            }
            taken_back(inner).map(|stream| {
                let mut new = Group::new(group.delimiter(), stream);
                new.set_span(group.span());
                TokenTree::Group(new).into()
            })
        })
        .collect();
    if changed.iter().all(Option::is_none) {
        return None;
    }
    let tokens = trees
        .into_iter()
        .zip(changed)
        .flat_map(|(token, changed)| changed.unwrap_or_else(|| token.into()));
    Some(tokens.collect())
}

/// Input: the trees of a `{ ... }` group. Output: the yield they mark, if
/// they are `path::__private::__nearest_generator_yield! { (original) rewrite }`.
fn marked_original(trees: &[TokenTree]) -> Option<TokenStream> {
    // The cheap tests first: most groups end otherwise.
    let [path @ .., TokenTree::Ident(name), TokenTree::Punct(bang), TokenTree::Group(input)] =
        trees
    else {
        return None;
    };
    if bang.as_char() != '!' || input.delimiter() != Delimiter::Brace || name != MARKER {
        return None;
    }
    // The crate path (`$crate`, `::asyncgen`, a `crate = path`) and `__private`.
    let path_only = path.iter().all(|token| match token {
        TokenTree::Ident(_) => true,
        TokenTree::Punct(punct) => punct.as_char() == ':',
        _ => false,
    });
    match input.stream().into_iter().next()? {
        TokenTree::Group(original)
            if path_only && original.delimiter() == Delimiter::Parenthesis =>
        {
            Some(original.stream())
        }
        _ => None,
    }
}
