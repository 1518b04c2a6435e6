//! `#[sync_gen] fn` and `sync_gen_block!` go through the same front end,
//! rewriter and expansion as the async forms (`expand.rs`, `block.rs`), in
//! the sync flavor. The differences: the names of the runtime items and of
//! the messages (see `flavor.rs`), `yield_from!` over sync generators and
//! iterators (see `sync_yield_from.rs`), and `.await` / `#[for_await]`
//! refused at their tokens (here).

use proc_macro2::Span;
use quote::quote;

use crate::flavor::Flavor;
use crate::for_await;
use crate::visitor::{Rewriter, Scope};

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
        let stream = &for_loop.expr;
        if self.maybe_nested() {
            // In place, where a nested async generator may take the loop back.
            return Some(syn::Expr::Verbatim(quote!({ #error let _ = &#stream; })));
        }
        self.errors.extend(error);
        Some(syn::Expr::Verbatim(quote!({ let _ = &#stream; })))
    }
}
