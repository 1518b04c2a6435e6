//! The two kinds of generator the rewriter and the expansion serve, and the
//! names of the runtime items that differ between them.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

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
}
