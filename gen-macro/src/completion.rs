//! The declared completion type, given to the body's value and to each of
//! its `return`s, so that a value of another type (a missing `Ok(())`) is
//! reported at the user's tokens, as for an `async fn`, not at the attribute
//! (where rustc reports the async closure of the expansion).

use proc_macro2::{Delimiter, Group, Span, TokenStream};
use quote::quote;
use syn::Type;

use crate::hygiene::hygienic;

/// Input: a completion value (the body, or a `return`'s value) whose tokens
/// span `span`, and the declared completion type.
/// Output: `{ let __done: R = value; __done }`, the braces at `span`. (A value
/// that never completes, an endless `loop`, leaves the tail unreachable: not
/// the user's code to warn about.)
pub(crate) fn typed(value: &TokenStream, completion_ty: &Type, span: Span) -> TokenStream {
    let done = hygienic("__done", span);
    let steps = quote! {
        let #done: #completion_ty = #value;
        #[allow(unreachable_code)]
        #done
    };
    let mut block = Group::new(Delimiter::Brace, steps);
    block.set_span(span);
    quote!(#block)
}

/// Input: the body's statements, the declared completion type, the span of
/// the body's braces. Output: the body as a block at those braces, typed
/// (a body without its tail value is reported there, as an `async fn`'s).
pub(crate) fn typed_body(stmts: TokenStream, completion_ty: &Type, braces: Span) -> TokenStream {
    let mut body = Group::new(Delimiter::Brace, stmts);
    body.set_span(braces);
    typed(&quote!(#body), completion_ty, braces)
}
