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
    taken_back(&tokens).unwrap_or(tokens)
}

/// `take_back`, `None` if there is no marker.
fn taken_back(tokens: &TokenStream) -> Option<TokenStream> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let changed: Vec<Option<TokenStream>> = trees
        .iter()
        .map(|token| match token {
            TokenTree::Group(group) => match marked_original(group) {
                Some(original) => Some(take_back(original)),
                None => taken_back(&group.stream()).map(|stream| {
                    let mut new = Group::new(group.delimiter(), stream);
                    new.set_span(group.span());
                    TokenTree::Group(new).into()
                }),
            },
            _ => None,
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

/// Input: a group. Output: the yield it marks, if it is `{ path::__private::
/// __nearest_generator_yield! { (original) rewrite } }`.
fn marked_original(group: &Group) -> Option<TokenStream> {
    if group.delimiter() != Delimiter::Brace {
        return None;
    }
    // The crate path (`$crate`, `::asyncgen`, a `crate = path`), then the name.
    let mut tokens = group.stream().into_iter();
    loop {
        match tokens.next()? {
            TokenTree::Ident(ident) if ident == MARKER => break,
            TokenTree::Ident(_) => {}
            TokenTree::Punct(punct) if punct.as_char() == ':' => {}
            _ => return None,
        }
    }
    let (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(input)), None) =
        (tokens.next(), tokens.next(), tokens.next())
    else {
        return None;
    };
    if bang.as_char() != '!' {
        return None;
    }
    match input.stream().into_iter().next()? {
        TokenTree::Group(original) if original.delimiter() == Delimiter::Parenthesis => {
            Some(original.stream())
        }
        _ => None,
    }
}
