//! A yield that the rewriter takes from another macro's input may belong to
//! a generator nested there that it cannot recognise (`agb! { yield 1; }`
//! after `use asyncgen::async_gen_block as agb`, or a `#[gen_attr]` imported
//! under another name): lexically, the nearest generator around a yield owns
//! it. So such a rewrite is marked:
//!
//! ```text
//! $crate::__private::__nearest_generator_yield! { (yield_!(v)) { rewrite } }
//! ```
//!
//! (inside an invisible group). A generator macro that finds the marker in
//! its own body takes the original yield back and rewrites it as its own;
//! where none does, the marker expands to the rewrite.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;
use syn::{Expr, Macro};

/// The name of the facade's marker macro (`#[doc(hidden)]`).
const MARKER: &str = "__nearest_generator_yield";

/// Input: the crate path, a yield as written and its rewrite.
/// Output: the rewrite, marked (see the module docs).
pub(crate) fn mark(
    krate: &TokenStream,
    original: &TokenStream,
    rewrite: &TokenStream,
) -> TokenStream {
    let call = quote!(#krate::__private::__nearest_generator_yield! { (#original) #rewrite });
    TokenTree::Group(Group::new(Delimiter::None, call)).into()
}

/// Input: an expression. Output: the yield it marks, if it is a marker.
pub(crate) fn original_in_expr(expr: &Expr) -> Option<Expr> {
    match expr {
        Expr::Group(group) => original_in_expr(&group.expr),
        Expr::Macro(expr_macro) => original_in_macro(&expr_macro.mac),
        _ => None,
    }
}

/// Input: a macro call. Output: the yield it marks, if it is a marker.
pub(crate) fn original_in_macro(mac: &Macro) -> Option<Expr> {
    if mac.path.segments.last().is_none_or(|segment| segment.ident != MARKER) {
        return None;
    }
    syn::parse2(original(mac.tokens.clone())?).ok()
}

/// Input: a group of tokens. Output: the tokens of the yield it marks, if
/// it is an invisible group around a marker.
pub(crate) fn original_in_group(group: &Group) -> Option<TokenStream> {
    if group.delimiter() != Delimiter::None {
        return None;
    }
    // The crate path (`$crate`, `::asyncgen`, a `crate = path`), then the name.
    let mut tokens = group.stream().into_iter();
    loop {
        match tokens.next()? {
            TokenTree::Ident(ident) if ident == MARKER => break,
            TokenTree::Ident(_) => {}
            TokenTree::Punct(punct) if matches!(punct.as_char(), ':' | '$') => {}
            _ => return None,
        }
    }
    let _bang = tokens.next()?;
    match tokens.next()? {
        TokenTree::Group(input) => original(input.stream()),
        _ => None,
    }
}

/// Input: a marker's input, `(original) rewrite`. Output: `original`.
fn original(input: TokenStream) -> Option<TokenStream> {
    match input.into_iter().next()? {
        TokenTree::Group(original) if original.delimiter() == Delimiter::Parenthesis => {
            Some(original.stream())
        }
        _ => None,
    }
}
