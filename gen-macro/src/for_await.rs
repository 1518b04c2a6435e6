//! `#[for_await] for pat in stream { ... }`: a `for` loop over a `Stream`.

use proc_macro2::{Delimiter, Group, Ident, Span};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprForLoop};

use crate::visitor::{Rewriter, hygienic};

/// Whether the loop carries `#[for_await]` (or `#[asyncgen::for_await]`).
pub(crate) fn is_marked(attrs: &[Attribute]) -> bool {
    attrs.iter().any(is_for_await)
}

pub(crate) fn is_for_await(attr: &Attribute) -> bool {
    attr.path().segments.last().is_some_and(|segment| segment.ident == "for_await")
}

/// Input: `'label: #[for_await] for pat in stream { body }`.
/// Output:
/// ```text
/// {
///     let mut __stream = pin!(stream);     // on the generator's own state
///     'label: while let Some(__item) = next(__stream.as_mut()).await {
///         let pat = __item;
///         body's statements
///     }
/// }
/// ```
/// A `while` loop, like a `for` loop, rejects `break value` (at the user's
/// `break`, the loop spanned at the user's `for`). The body's statements are
/// spliced in rather than nested as a block, which would warn
/// `unused_braces` for a one-expression body.
pub(crate) fn expand(rewriter: &Rewriter, for_loop: &ExprForLoop) -> Expr {
    let ExprForLoop { attrs, label, for_token, pat, expr, body, .. } = for_loop;
    let attrs = attrs.iter().filter(|attr| !is_for_await(attr));
    let stream = syn::Ident::new("__stream", Span::mixed_site());
    let item = syn::Ident::new("__item", Span::mixed_site());
    let krate = &rewriter.krate;
    let expr_span = expr.span();
    let krate_at_expr = rewriter.krate_at(expr_span);
    let stream_at_expr = hygienic("__stream", expr_span);
    let next =
        quote_spanned!(expr_span=> #krate_at_expr::__private::next(#stream_at_expr.as_mut()).await);
    let while_token = Ident::new("while", for_token.span);
    let stmts = &body.stmts;
    let mut loop_body = Group::new(Delimiter::Brace, quote!(let #pat = #item; #(#stmts)*));
    loop_body.set_span(body.brace_token.span.join());
    Expr::Verbatim(quote! {
        #(#attrs)*
        {
            let mut #stream = #krate::__private::pin!(#expr);
            #label #while_token let #krate::__private::Some(#item) = #next #loop_body
        }
    })
}
