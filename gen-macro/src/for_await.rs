//! `#[for_await] for pat in stream { ... }`: a `for` loop over a `Stream`.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
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
///     'label: loop {
///         let pat = match next(__stream.as_mut()).await {
///             Some(__item) => __item,
///             None => break 'label,
///         };
///         body
///     }
/// }
/// ```
/// Without a user label the loop has none: the `break` sits directly in it,
/// and a generated label would shadow (and warn about) an enclosing one.
pub(crate) fn expand(rewriter: &Rewriter, for_loop: &ExprForLoop) -> Expr {
    let ExprForLoop { attrs, label, pat, expr, body, .. } = for_loop;
    let attrs = attrs.iter().filter(|attr| !is_for_await(attr));
    let stream = syn::Ident::new("__stream", Span::mixed_site());
    let item = syn::Ident::new("__item", Span::mixed_site());
    let (label_def, label_use) = match label {
        Some(label) => (quote!(#label), label.name.to_token_stream()),
        None => (TokenStream::new(), TokenStream::new()),
    };
    let krate = &rewriter.krate;
    let expr_span = expr.span();
    let krate_at_expr = rewriter.krate_at(expr_span);
    let stream_at_expr = hygienic("__stream", expr_span);
    let next =
        quote_spanned!(expr_span=> #krate_at_expr::__private::next(#stream_at_expr.as_mut()).await);
    Expr::Verbatim(quote! {
        #(#attrs)*
        {
            let mut #stream = #krate::__private::pin!(#expr);
            #label_def loop {
                let #pat = match #next {
                    #krate::__private::Some(#item) => #item,
                    #krate::__private::None => break #label_use,
                };
                #body
            }
        }
    })
}
