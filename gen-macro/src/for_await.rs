//! `#[for_await] for pat in stream { ... }`: a `for` loop over a `Stream`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprForLoop, Lifetime};

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
pub(crate) fn expand(krate: &TokenStream, for_loop: &ExprForLoop) -> Expr {
    let ExprForLoop { attrs, label, pat, expr, body, .. } = for_loop;
    let attrs = attrs.iter().filter(|attr| !is_for_await(attr));
    let stream = syn::Ident::new("__stream", Span::mixed_site());
    let item = syn::Ident::new("__item", Span::mixed_site());
    let label = label.as_ref().map_or_else(
        || Lifetime::new("'__for_await", Span::mixed_site()),
        |label| label.name.clone(),
    );
    let expr_span = expr.span();
    let next = quote_spanned!(expr_span=> #krate::__private::next(#stream.as_mut()));
    Expr::Verbatim(quote! {
        #(#attrs)*
        {
            let mut #stream = #krate::__private::pin!(#expr);
            #label: loop {
                let #pat = match #next.await {
                    #krate::__private::Some(#item) => #item,
                    #krate::__private::None => break #label,
                };
                #body
            }
        }
    })
}
