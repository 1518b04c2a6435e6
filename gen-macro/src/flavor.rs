//! The two kinds of generator the rewriter and the expansion serve: what
//! differs between them in the generated code (runtime names, the hand-off).

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

/// Which kind of generator a body belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// `#[async_gen]`, `async_gen_block!`: an `AsyncGen`.
    Async,
    /// `#[sync_gen]`, `sync_gen_block!`: a `SyncGen`.
    Sync,
}

impl Flavor {
    /// The generator type: `AsyncGen` or `SyncGen`.
    pub(crate) fn generator(self) -> Ident {
        self.ident("AsyncGen", "SyncGen")
    }

    /// The body trait: `Body` or `SyncBody`.
    pub(crate) fn body(self) -> Ident {
        self.ident("Body", "SyncBody")
    }

    /// The boxed aliases: `BoxAsyncGen` / `LocalBoxAsyncGen` or the sync ones.
    pub(crate) fn boxed(self, send: bool) -> Ident {
        if send {
            self.ident("BoxAsyncGen", "BoxSyncGen")
        } else {
            self.ident("LocalBoxAsyncGen", "LocalBoxSyncGen")
        }
    }

    /// The path of the runtime's constructor under `krate`.
    pub(crate) fn constructor(self, krate: &TokenStream) -> TokenStream {
        match self {
            Flavor::Async => quote!(#krate::__private::new),
            Flavor::Sync => quote!(#krate::__private::sync::new),
        }
    }

    fn ident(self, async_name: &str, sync_name: &str) -> Ident {
        let name = if self == Flavor::Async { async_name } else { sync_name };
        format_ident!("{name}")
    }

    /// Input: the handle, `yield_` and the local holding the value, all
    /// located at the user's yield (`at`).
    /// Output: the hand-off of the value, evaluating to the resume value.
    pub(crate) fn hand_off(
        self,
        at: Span,
        co: &Ident,
        method: &Ident,
        value: &Ident,
    ) -> TokenStream {
        match self {
            Flavor::Async => {
                quote_spanned!(at=> #co.#method(#value); #co.suspend().await; #co.resumed())
            }
            Flavor::Sync => quote_spanned!(at=> #co.#method(#value).await),
        }
    }
}
