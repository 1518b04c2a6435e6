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

    /// Input: the generator's yield, resume and completion types (resume
    /// `None`: the resume type is `()`, which the body never takes).
    /// Output: the runtime's constructor under `krate`, with its turbofish:
    /// `new::<Y, A, R, _, _>`, or `new_unit::<Y, R, _, _>`.
    pub(crate) fn constructor(
        self,
        krate: &TokenStream,
        yield_ty: &TokenStream,
        resume_ty: Option<&TokenStream>,
        return_ty: &TokenStream,
    ) -> TokenStream {
        let module = match self {
            Flavor::Async => quote!(#krate::__private),
            Flavor::Sync => quote!(#krate::__private::sync),
        };
        if let Some(resume_ty) = resume_ty {
            quote!(#module::new::<#yield_ty, #resume_ty, #return_ty, _, _>)
        } else {
            quote!(#module::new_unit::<#yield_ty, #return_ty, _, _>)
        }
    }

    /// The attribute's name, for messages: `async_gen` or `sync_gen`.
    pub(crate) fn attribute(self) -> &'static str {
        self.text("async_gen", "sync_gen")
    }

    /// The keywords of the function the attribute goes on: `async fn` or `fn`.
    pub(crate) fn function_keyword(self) -> &'static str {
        self.text("async fn", "fn")
    }

    /// What the generator is consumed as, for messages: a stream or an iterator.
    pub(crate) fn sequence(self) -> &'static str {
        self.text("stream", "iterator")
    }

    fn text(self, async_text: &'static str, sync_text: &'static str) -> &'static str {
        if self == Flavor::Async { async_text } else { sync_text }
    }

    fn ident(self, async_name: &str, sync_name: &str) -> Ident {
        let name = if self == Flavor::Async { async_name } else { sync_name };
        format_ident!("{name}")
    }
}
