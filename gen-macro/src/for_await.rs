//! `#[for_await] for pat in stream { ... }`: a `for` loop over a `Stream`.

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Attribute, Expr, ExprBreak, ExprForLoop, Label};

use crate::hygiene::hygienic;

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
/// `unused_braces` for a one-expression body. `krate` is the facade's path;
/// `krate_at_expr` the same, located at the stream expression; the errors
/// (a `break value`) go to `errors`.
pub(crate) fn expand(
    krate: &TokenStream,
    krate_at_expr: &TokenStream,
    for_loop: &mut ExprForLoop,
    errors: &mut TokenStream,
) -> Expr {
    let mut values =
        BreakValues { label: for_loop.label.clone(), depth: 0, errors: TokenStream::new() };
    values.visit_block_mut(&mut for_loop.body);
    errors.extend(values.errors);
    let ExprForLoop { attrs, label, for_token, pat, expr, body, .. } = for_loop;
    let attrs = attrs.iter().filter(|attr| !is_for_await(attr));
    let stream = syn::Ident::new("__stream", Span::mixed_site());
    let item = syn::Ident::new("__item", Span::mixed_site());
    let expr_span = expr.span();
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

const BREAK_WITH_VALUE: &str = "`break` with a value in a `#[for_await]` loop: like a `for` \
    loop, it cannot break with a value; assign the value to a variable declared before the \
    loop, then `break`";

/// Finds each `break value` that leaves the `#[for_await]` loop (unlabelled
/// and outside nested loops, or naming the loop's label): an error at that
/// `break`, whose value is dropped so that rustc adds none about the
/// generated loop.
struct BreakValues {
    label: Option<Label>,
    /// How many loops nested in the body enclose the visitor.
    depth: usize,
    errors: TokenStream,
}

impl BreakValues {
    fn leaves_the_loop(&self, label: Option<&syn::Lifetime>) -> bool {
        match label {
            None => self.depth == 0,
            Some(label) => self.label.as_ref().is_some_and(|own| own.name == *label),
        }
    }
}

impl VisitMut for BreakValues {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Break(ExprBreak { break_token, label, expr: value @ Some(_), .. })
                if self.leaves_the_loop(label.as_ref()) =>
            {
                if let Some(value) = value.take() {
                    let error =
                        syn::Error::new_spanned(quote!(#break_token #value), BREAK_WITH_VALUE);
                    self.errors.extend(error.to_compile_error());
                }
            }
            Expr::ForLoop(_) | Expr::While(_) | Expr::Loop(_) => {
                self.depth += 1;
                visit_mut::visit_expr_mut(self, expr);
                self.depth -= 1;
            }
            // Breaks cannot leave these.
            Expr::Closure(_) | Expr::Async(_) | Expr::Const(_) => {}
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_item_mut(&mut self, _item: &mut syn::Item) {}
}
