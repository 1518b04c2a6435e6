//! The declared completion type, given to the body's value, so that a value
//! of another type (a missing `Ok(())`, a wrong tail) is reported at the
//! user's tokens, as for an `async fn`, not at the attribute (where rustc
//! reports the async closure of the expansion).
//!
//! The body's `return`s (and `?`s) get the type too, without a type written
//! inside the body, where the user's own items and imports may give its
//! names another meaning: rustc takes a closure's return type from its first
//! `return`, and the first is one of the macro's, never run, before the body.

use proc_macro2::{Delimiter, Group, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Type;
use syn::spanned::Spanned;

use crate::hygiene::hygienic;

/// Input: the runtime's path (located at the declared type), the body's
/// statements, the declared completion type, the span of the body's braces.
/// Output:
/// ```text
/// if false { return unreachable_value::<R>(); } // at the declared type
/// let __done: R = { body };
/// __done
/// ```
/// The braces are the macro's (its edition's rules for the temporaries of
/// the body's tail, as for the closure block the body sat in), located at
/// the user's: a body without its tail value is reported there. A body that
/// never completes (an endless `loop`) leaves the tail unreachable: not the
/// user's code to warn about.
pub(crate) fn typed_body(
    krate: &TokenStream,
    stmts: TokenStream,
    completion_ty: &Type,
    braces: Span,
) -> TokenStream {
    let mut body = Group::new(Delimiter::Brace, stmts);
    body.set_span(Span::call_site().located_at(braces));
    let done = hygienic("__done", braces);
    // rustc's "return type inferred to be `R` here" then points at the
    // declared type.
    let at = Span::call_site().located_at(completion_ty.span());
    let first_return = quote_spanned! {at=>
        if false {
            return #krate::__private::unreachable_value::<#completion_ty>();
        }
    };
    quote! {
        #first_return
        // The type is the user's, checked where they wrote it.
        #[allow(clippy::type_complexity)]
        let #done: #completion_ty = #body;
        #[allow(unreachable_code)]
        #done
    }
}
