//! `#[sync_gen] fn` and `sync_gen_block!`: the same rewriter and expansion
//! as the async forms, in the sync flavor. The differences: the names of the
//! runtime items (see `flavor.rs`), `yield_from!` over sync generators and
//! iterators (see `sync_yield_from.rs`), and `.await` / `#[for_await]`
//! refused at their tokens (here).

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::ItemFn;
use syn::visit_mut::VisitMut;

use crate::error::format_err;
use crate::flavor::Flavor;
use crate::visitor::{Form, Rewriter, Scope};
use crate::{args, expand, for_await};

const AWAIT_IN_SYNC: &str = "`.await` in a sync generator: a `#[sync_gen]` function or a \
    `sync_gen_block!` runs without an executor, so it cannot wait; use `#[async_gen]` (or \
    `async_gen_block!`) for a generator that awaits";

const FOR_AWAIT_IN_SYNC: &str = "`#[for_await]` / `for await` in a sync generator: it cannot \
    wait for a stream's items; loop over an iterator with a plain `for`, or use `#[async_gen]` \
    (or `async_gen_block!`) to drive a stream";

impl Rewriter {
    /// Reports a user's `.await` (at `span`) in a sync body's own control
    /// flow (a nested `async` block may await); the `.await` itself is left
    /// in place, so nothing else fails to compile.
    pub(crate) fn check_await(&mut self, span: Span) {
        if self.in_sync_body() {
            self.errors.extend(syn::Error::new(span, AWAIT_IN_SYNC).to_compile_error());
        }
    }

    fn in_sync_body(&self) -> bool {
        self.flavor == Flavor::Sync && matches!(self.scope, Scope::Body)
    }

    /// Input: a `#[for_await]` loop. Output: in a sync body, its
    /// replacement (the stream evaluated, the loop dropped, so that its body
    /// adds no errors of its own), the error recorded at the attribute.
    pub(crate) fn refuse_for_await(&mut self, for_loop: &syn::ExprForLoop) -> Option<syn::Expr> {
        if !self.in_sync_body() {
            return None;
        }
        let attr = for_loop.attrs.iter().find(|attr| for_await::is_for_await(attr));
        let error = syn::Error::new_spanned(attr, FOR_AWAIT_IN_SYNC).to_compile_error();
        self.errors.extend(error);
        let stream = &for_loop.expr;
        Some(syn::Expr::Verbatim(quote!({ let _ = &#stream; })))
    }
}

/// `#[sync_gen(...)] fn`. As for `#[async_gen]`, every error is emitted next
/// to a function with the original signature: an `async fn` is reported and
/// expanded as if it were a plain `fn`; after an error in the arguments the
/// function is emitted as written, its yields reduced to their values.
pub(crate) fn sync_gen(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut function = match syn::parse2::<ItemFn>(item.clone()) {
        Ok(function) => function,
        Err(error) => {
            let mut output =
                syn::Error::new(error.span(), "`#[sync_gen]` goes on a `fn` with a body")
                    .into_compile_error();
            output.extend(item);
            return output;
        }
    };
    let is_async = function.sig.asyncness.take().map(|asyncness| {
        format_err!(
            asyncness,
            "`#[sync_gen]` makes a sync generator, which cannot await: remove `async`, or use \
             `#[async_gen]` for an async generator"
        )
        .into_compile_error()
    });
    match args::parse(args, "sync_gen") {
        Ok(args) => {
            let expanded = expand::expand(&args, function, Flavor::Sync);
            quote!(#is_async #expanded)
        }
        Err(error) => {
            let error = error.into_compile_error();
            let mut rewriter = Rewriter::new(quote!(::asyncgen), Form::Attribute);
            rewriter.flavor = Flavor::Sync;
            rewriter.stub = true;
            rewriter.visit_block_mut(&mut function.block);
            let visitor_errors = rewriter.errors;
            quote!(#is_async #error #visitor_errors #function)
        }
    }
}
