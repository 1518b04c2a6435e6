//! `#[async_gen(...)] async fn`: parse, validate, then expand.

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::visit_mut::VisitMut;
use syn::{ItemFn, ReturnType, Type};

use crate::error::bail;
use crate::visitor::Rewriter;
use crate::{args, params};

/// On error, emits the error next to the original item, so that the rest of
/// the crate still type-checks and IDE completion keeps working.
pub(crate) fn async_gen(args: TokenStream, item: TokenStream) -> TokenStream {
    let original = item.clone();
    match expand(args, item) {
        Ok(expanded) => expanded,
        Err(error) => {
            let error = error.to_compile_error();
            quote!(#error #original)
        }
    }
}

/// Input:
/// ```text
/// #[async_gen(yield = Y)]
/// async fn name(args) -> R { body }
/// ```
/// Output:
/// ```text
/// fn name(args) -> AsyncGen<impl Body<Yield = Y, Resume = (), Return = R>> {
///     new::<Y, (), R, _, _>(async move |mut __co| { let arg = arg; ... body' })
/// }
/// ```
/// where `body'` has each `yield_!(v)` rewritten to `Co::yield_(&mut __co, v).await`.
fn expand(args: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let parsed_item = syn::parse2::<ItemFn>(item).map_err(|error| {
        syn::Error::new(error.span(), "`#[async_gen]` goes on an `async fn` with a body")
    });
    let (args, mut function) = match (args::parse(args), parsed_item) {
        (Ok(args), Ok(function)) => (args, function),
        (Err(mut first), Err(second)) => {
            first.combine(second);
            return Err(first);
        }
        (Err(error), _) | (_, Err(error)) => return Err(error),
    };
    let sig = &mut function.sig;
    if sig.asyncness.is_none() {
        let name = &sig.ident;
        bail!(
            sig.fn_token,
            "`#[async_gen]` turns an `async fn` into a generator: write `async fn {name}`"
        );
    }
    let krate = args.krate.to_token_stream();
    let (yield_ty, resume_ty) = (&args.yield_ty, &args.resume_ty);
    let return_ty: Type = match &sig.output {
        ReturnType::Default => syn::parse_quote!(()),
        ReturnType::Type(_, ty) => (**ty).clone(),
    };

    let mut rewriter = Rewriter::new(krate.clone());
    rewriter.visit_block_mut(&mut function.block);
    let prelude = params::bind(sig);
    sig.asyncness = None;
    sig.output = syn::parse_quote! {
        -> #krate::AsyncGen<impl #krate::Body<Yield = #yield_ty, Resume = #resume_ty, Return = #return_ty>>
    };

    let (y, a, r) = (inferred(yield_ty), inferred(resume_ty), inferred(&return_ty));
    let co = &rewriter.co;
    let mutability = (rewriter.yields > 0).then(|| quote!(mut));
    let stmts = &function.block.stmts;
    function.block = syn::parse_quote!({
        #krate::__private::new::<#y, #a, #r, _, _>(async move |#mutability #co| {
            #prelude
            #(#stmts)*
        })
    });
    Ok(function.into_token_stream())
}

/// A type for the turbofish of `new`: `impl Trait` cannot appear there, so a
/// type that contains one is left to inference.
fn inferred(ty: &Type) -> TokenStream {
    if contains_impl(ty.to_token_stream()) { quote!(_) } else { ty.to_token_stream() }
}

fn contains_impl(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => ident == "impl",
        TokenTree::Group(group) => contains_impl(group.stream()),
        _ => false,
    })
}
