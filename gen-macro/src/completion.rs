//! The declared completion type, given to the body's value, so that a value
//! of another type (a missing `Ok(())`, a wrong tail) is reported at the
//! user's tokens, as for an `async fn`, not at the attribute (where rustc
//! reports the async closure of the expansion).
//!
//! Only the body's value: a `return`'s value could be typed the same way
//! only inside the body, where the user's own items and imports may give the
//! names of the declared type another meaning.

use proc_macro2::{Delimiter, Group, Span, TokenStream};
use quote::quote;
use syn::Type;

use crate::hygiene::hygienic;

/// Input: the body's statements, the declared completion type, the span of
/// the body's braces.
/// Output: `let __done: R = { body }; __done`. The braces are the macro's
/// (its edition's rules for the temporaries of the body's tail, as for the
/// closure block the body sat in), located at the user's: a body without its
/// tail value is reported there. A body that never completes (an endless
/// `loop`) leaves the tail unreachable: not the user's code to warn about.
pub(crate) fn typed_body(stmts: TokenStream, completion_ty: &Type, braces: Span) -> TokenStream {
    let mut body = Group::new(Delimiter::Brace, stmts);
    body.set_span(Span::call_site().located_at(braces));
    let done = hygienic("__done", braces);
    quote! {
        // The type is the user's, checked where they wrote it.
        #[allow(clippy::type_complexity)]
        let #done: #completion_ty = #body;
        #[allow(unreachable_code)]
        #done
    }
}
