//! `#[async_gen(...)] async fn` and `#[sync_gen(...)] fn`: parse, validate,
//! then expand.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::token::Paren;
use syn::visit_mut::VisitMut;
use syn::{AttrStyle, ItemFn, ReturnType, Token, TraitItemFn, Type};

use crate::args::{self, Boxed};
use crate::error::format_err;
use crate::flavor::Flavor;
use crate::visitor::{Form, Rewriter};
use crate::{checks, completion, fallback, lifetime, nearest, params};

/// Every error is emitted next to a function with the original signature
/// that returns the generator the attribute declares (see `fallback.rs`), so
/// that the rest of the crate still type-checks and IDE completion keeps
/// working: a missing `async` (for `#[sync_gen]`, a present one) is reported
/// and the function expanded as if it were right; after an error in the
/// arguments, the function is expanded without the faulty ones; `for await`
/// is reported and read as `#[for_await] for` (which a sync body refuses);
/// mistakes that rustc would report in terms of the expansion (`?` with a
/// `()` completion, recursion without `boxed`, a repeated attribute, a trait
/// method without a body) are reported first.
pub(crate) fn attribute(args: TokenStream, item: TokenStream, flavor: Flavor) -> TokenStream {
    // An outer generator's marked yields that are this function's.
    let item = nearest::take_back(item);
    // Parsed once in the usual case: parsing is most of the macro's time.
    let (mut function, for_await_errors) = if let Ok(function) = syn::parse2::<ItemFn>(item.clone())
    {
        (function, TokenStream::new())
    } else {
        let (item, errors) = checks::for_await(item, flavor);
        match syn::parse2::<ItemFn>(item.clone()) {
            Ok(function) => (function, errors),
            Err(error) => return not_a_function(args, item, &error, flavor),
        }
    };
    let repeated = checks::repeated_attribute(&mut function.attrs, flavor);
    let asyncness = asyncness_error(&mut function, flavor);
    let constness = constness_error(&mut function.sig, flavor);
    let expanded = match args::parse(args.clone(), flavor.attribute()) {
        Ok(args) => expand_checked(&args, function, flavor),
        Err(error) => {
            let error = error.into_compile_error();
            let partial = args::parse_lenient(args);
            let stub = match partial.complete() {
                Some(args) => expand(&args, function, flavor),
                None => fallback::missing_yield(&partial, function, flavor),
            };
            quote!(#error #stub)
        }
    };
    quote!(#for_await_errors #repeated #asyncness #constness #expanded)
}

/// Input: the signature. Output: an error at `const`, which a generator
/// function cannot be (it is removed, so that the function is expanded, and
/// its callers type-check, as if it were absent). An `extern "ABI"` stays,
/// as on an `async fn`.
fn constness_error(sig: &mut syn::Signature, flavor: Flavor) -> Option<TokenStream> {
    let constness = sig.constness.take()?;
    let message = format!(
        "a `#[{}]` function cannot be `const`: calling it builds a generator at run time; \
         remove `const`",
        flavor.attribute()
    );
    Some(format_err!(constness, "{message}").into_compile_error())
}

/// Input: the function. Output: an error if it is not an `async fn` under
/// `#[async_gen]`, or is one under `#[sync_gen]` (whose `async` is dropped:
/// the function is expanded as a plain `fn`).
fn asyncness_error(function: &mut ItemFn, flavor: Flavor) -> Option<TokenStream> {
    let sig = &mut function.sig;
    let error = match flavor {
        Flavor::Async if sig.asyncness.is_none() => {
            let name = &sig.ident;
            format_err!(
                sig.fn_token,
                "`#[async_gen]` turns an `async fn` into a generator: write `async fn {name}`"
            )
        }
        Flavor::Sync => format_err!(
            sig.asyncness.take()?,
            "`#[sync_gen]` makes a sync generator, which cannot await: remove `async`, or use \
             `#[async_gen]` for an async generator"
        ),
        Flavor::Async => return None,
    };
    Some(error.into_compile_error())
}

/// The expansion, or an error and a stub for the mistakes of `checks.rs`.
fn expand_checked(args: &args::Args, function: ItemFn, flavor: Flavor) -> TokenStream {
    if let Some(errors) = checks::question_marks_without_result(&function, flavor) {
        let stub = fallback::signature_only(args, function, flavor);
        return quote!(#errors #stub);
    }
    if args.boxed.is_none() {
        if let Some(error) = checks::recursion(&function, args, flavor) {
            // Expanded as if `boxed_local` were given: the body then compiles.
            let mut boxed = args.clone();
            boxed.boxed = Some(Boxed::Local);
            let expanded = expand(&boxed, function, flavor);
            return quote!(#error #expanded);
        }
    }
    expand(args, function, flavor)
}

/// Input: an item that is not a function with a body.
/// Output: for a trait method declaration, the error and declaration of
/// `fallback::trait_declaration`; otherwise an error and the item as written.
fn not_a_function(
    args: TokenStream,
    item: TokenStream,
    error: &syn::Error,
    flavor: Flavor,
) -> TokenStream {
    if let Ok(declaration) = syn::parse2::<TraitItemFn>(item.clone()) {
        if declaration.default.is_none() {
            let args = args::parse(args, flavor.attribute()).ok();
            return fallback::trait_declaration(args.as_ref(), declaration, flavor);
        }
    }
    let function = match flavor {
        Flavor::Async => "an `async fn`",
        Flavor::Sync => "a `fn`",
    };
    let message = format!("`#[{}]` goes on {function} with a body", flavor.attribute());
    let mut output = syn::Error::new(error.span(), message).into_compile_error();
    output.extend(item);
    output
}

/// Input:
/// ```text
/// #[async_gen(yield = Y)]
/// async fn name(args) -> R { body }
/// ```
/// Output:
/// ```text
/// fn name(args) -> AsyncGen<impl Body<Yield = Y, Resume = (), Return = R>> {
///     new_unit::<Y, R, _, _>(async move |mut __co| { let arg = arg; ... body' })
/// }
/// ```
/// With `boxed` (`boxed_local`), the function returns
/// `BoxAsyncGen<'__asyncgen, Y, R, A>` (`LocalBoxAsyncGen`) and the generator
/// is boxed; see `lifetime.rs` for `'__asyncgen`.
/// (`new::<Y, A, R, _, _>` with `resume = A`). `body'` has each `yield_!(v)`
/// rewritten to `{ let __value: Y = v; __co.yield_(__value); __co.suspend().await }`
/// (`; __co.resumed()` after it with `resume = A`: see `Rewriter::yield_expr`),
/// and is labelled when a yield inside another macro's input carries the
/// label check (see `Rewriter::label_check`). With an `R` other than `()`,
/// the body's value is given the type `R` (see `completion.rs`).
/// The sync flavor returns `SyncGen<impl SyncBody<...>>` (`BoxSyncGen`,
/// `LocalBoxSyncGen`) from `__private::sync::new_unit` (`sync::new`), with
/// the same yields.
pub(crate) fn expand(args: &args::Args, mut function: ItemFn, flavor: Flavor) -> TokenStream {
    let sig = &mut function.sig;
    let krate = args.krate.to_token_stream();
    let (yield_ty, resume_ty) = (&args.yield_ty, &args.resume_ty);
    let return_ty: Type = match &sig.output {
        ReturnType::Default => {
            Type::Tuple(syn::TypeTuple { paren_token: Paren::default(), elems: Punctuated::new() })
        }
        ReturnType::Type(_, ty) => (**ty).clone(),
    };

    let mut rewriter = Rewriter::new(krate.clone(), Form::Attribute);
    rewriter.flavor = flavor;
    // `impl Trait` cannot annotate a `let`: such a yield type is inferred.
    rewriter.yield_ty = (!contains_impl(yield_ty.to_token_stream())).then(|| yield_ty.clone());
    rewriter.resume_is_unit = is_unit(resume_ty);
    rewriter.visit_block_mut(&mut function.block);
    let prelude = params::bind(sig);
    sig.asyncness = None;
    let (generator_ty, body_trait) = (flavor.generator(), flavor.body());
    // Tokens, not parsed: the output type is only printed.
    let output = match args.boxed {
        None => quote! {
            #krate::#generator_ty<impl #krate::#body_trait<Yield = #yield_ty, Resume = #resume_ty, Return = #return_ty>>
        },
        Some(boxed) => {
            let lifetime = lifetime::for_boxed(sig);
            let alias = flavor.boxed(boxed == Boxed::Send);
            quote!(#krate::#alias<#lifetime, #yield_ty, #return_ty, #resume_ty>)
        }
    };
    sig.output = ReturnType::Type(Token![->](Span::call_site()), Box::new(Type::Verbatim(output)));

    let (y, a, r) = (inferred(yield_ty), inferred(resume_ty), inferred(&return_ty));
    let co = &rewriter.co;
    let mutability = (rewriter.yields > 0).then(|| quote!(mut));
    let body = rewriter.labelled_body(&function.block.stmts);
    // Where a `let` can name the completion type, and a body of another
    // type is a mistake to point at (not a `()` generator's).
    let namable =
        !contains_impl(return_ty.to_token_stream()) && !matches!(return_ty, Type::Never(_));
    let body = if namable && !is_unit(&return_ty) {
        let krate_at_type = rewriter.krate_at(return_ty.span());
        completion::typed_body(
            &krate_at_type,
            body,
            &return_ty,
            function.block.brace_token.span.join(),
        )
    } else {
        body
    };
    let new = flavor.constructor(&krate, &y, (!rewriter.resume_is_unit).then_some(&a), &r);
    let generator = quote! {
        #new(async move |#mutability #co| {
            #prelude
            #body
        })
    };
    let body = match args.boxed {
        None => generator,
        Some(Boxed::Send) => quote!(#krate::__private::boxed_send(#generator)),
        Some(Boxed::Local) => quote!(#krate::__private::Box::pin(#generator)),
    };
    // Printed as tokens, not parsed back into a `syn::Block`: re-parsing the
    // generated body cost more than the rest of the macro.
    let ItemFn { attrs, vis, sig, .. } = function;
    let (outer, inner): (Vec<_>, Vec<_>) =
        attrs.into_iter().partition(|attr| matches!(attr.style, AttrStyle::Outer));
    let mut output = rewriter.errors;
    output.extend(quote!(#(#outer)* #vis #sig { #(#inner)* #body }));
    output
}

/// Whether `ty` is written `()`.
fn is_unit(ty: &Type) -> bool {
    matches!(ty, Type::Tuple(tuple) if tuple.elems.is_empty())
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
