//! What `#[async_gen]` and `#[sync_gen]` emit beside an error, so that the one error is not
//! followed by a cascade: callers still see a generator of the declared
//! types (not an `async fn`'s future), and the body is still type-checked
//! wherever it can be.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::visit_mut::VisitMut;
use syn::{ItemFn, ReturnType, Signature, TraitItemFn, Type};

use crate::args::{Args, Boxed, Partial};
use crate::flavor::Flavor;
use crate::visitor::{Form, Rewriter};
use crate::{lifetime, params};

/// The yield type of the stub of a function whose attribute lacks `yield =`.
const MISSING_YIELD: &str = "MissingYieldType";

/// Input: a function whose attribute arguments have an error and lack
/// `yield = T` (with it, the function is expanded as if the faulty
/// arguments were absent), and the arguments that parse.
/// Output:
/// ```text
/// fn name<MissingYieldType>(args) -> AsyncGen<impl Body<Yield = MissingYieldType, ...>> {
///     new(async move |__co| { body with each yield reduced to evaluating its value })
/// }
/// ```
/// so that callers infer the yield type from their own use
/// (`.collect::<Vec<u32>>()` type-checks). A sync generator's stub is a
/// `SyncGen` built by `__private::sync::new`.
pub(crate) fn missing_yield(partial: &Partial, function: ItemFn, flavor: Flavor) -> TokenStream {
    let krate = partial.krate().to_token_stream();
    let resume_ty: Type = partial.resume_ty.clone().unwrap_or_else(|| syn::parse_quote!(()));
    let yield_ty = syn::Ident::new(MISSING_YIELD, Span::call_site());
    let mut function = function;
    let mut rewriter = Rewriter::new(krate.clone(), Form::Attribute);
    rewriter.flavor = flavor;
    rewriter.stub = true;
    rewriter.visit_block_mut(&mut function.block);
    let sig = &mut function.sig;
    let return_ty = completion_type(sig);
    let prelude = params::bind(sig);
    sig.asyncness = None;
    sig.generics.params.push(syn::parse_quote!(#yield_ty));
    let (generator, body) = (flavor.generator(), flavor.body());
    sig.output = syn::parse_quote! {
        -> #krate::#generator<impl #krate::#body<Yield = #yield_ty, Resume = #resume_ty, Return = #return_ty>>
    };
    let return_ty = inferred(&return_ty);
    let new = flavor.constructor(
        &krate,
        &yield_ty.to_token_stream(),
        Some(&resume_ty.to_token_stream()),
        &return_ty,
    );
    let (co, stmts) = (&rewriter.co, &function.block.stmts);
    function.block = syn::parse_quote!({
        #new(async move |#co| {
            #prelude
            #(#stmts)*
        })
    });
    let mut output = rewriter.errors;
    output.extend(function.into_token_stream());
    output
}

/// Input: a function whose body cannot be expanded without a cascade of
/// errors (a `?` in a body that completes with `()`).
/// Output: the function with its real signature, returning the generator
/// its attribute declares, whose body never runs (the crate does not compile
/// anyway): `fn name(args) -> AsyncGen<impl Body<...>> { new(async move |_| { loop {} }) }`
/// (`SyncGen` and `sync::new` for a sync generator).
pub(crate) fn signature_only(args: &Args, mut function: ItemFn, flavor: Flavor) -> TokenStream {
    let krate = args.krate.to_token_stream();
    let sig = &mut function.sig;
    let prelude = params::bind(sig);
    sig.asyncness = None;
    let (return_ty, output) = generator_output(args, sig, flavor);
    sig.output = output;
    let (y, a) = (args.yield_ty.to_token_stream(), args.resume_ty.to_token_stream());
    let new = flavor.constructor(&krate, &y, Some(&a), &inferred(&return_ty));
    let generator = quote!(#new(async move |_| { #prelude loop {} }));
    function.block = match args.boxed {
        None => syn::parse_quote!({ #generator }),
        Some(_) => syn::parse_quote!({ #krate::__private::Box::pin(#generator) }),
    };
    function.into_token_stream()
}

/// Input: `#[async_gen(yield = T, ...)] async fn name(args) -> R;` in a trait.
/// Output: an error that says which signature to declare instead, and that
/// declaration (`fn name(args) -> BoxAsyncGen<'_, T, R, A>;`), so that impls
/// written with `#[async_gen(yield = T, boxed)]` keep type-checking. The
/// same for `#[sync_gen]` and `BoxSyncGen`, without the `impl Stream`
/// alternative: a `SyncGen` is an iterator only once pinned.
pub(crate) fn trait_declaration(
    args: Option<&Args>,
    mut declaration: TraitItemFn,
    flavor: Flavor,
) -> TokenStream {
    let name = declaration.sig.ident.to_string();
    let (attribute, alias) = (flavor.attribute(), flavor.boxed(true));
    let yield_ty = args.map_or_else(|| "T".to_owned(), |args| compact(&args.yield_ty));
    let mut suggested = declaration.sig.clone();
    suggested.asyncness = None;
    let lifetime = lifetime::for_boxed(&mut suggested);
    let boxed_signature = if lifetime.ident.to_string().starts_with("__") {
        format!(
            "fn {name}<'a>(...) -> {alias}<'a, {yield_ty}>;` with `'a` on every borrowed argument"
        )
    } else {
        let inputs = compact(&suggested.inputs);
        let (generics, bounds) = generics_as_written(&suggested);
        format!("fn {name}{generics}({inputs}) -> {alias}<{lifetime}, {yield_ty}>{bounds};`")
    };
    let inputs = compact(&declaration.sig.inputs);
    let (generics, bounds) = generics_as_written(&declaration.sig);
    let alternative = match flavor {
        Flavor::Async => format!(
            ", or `fn {name}{generics}({inputs}) -> impl Stream<Item = {yield_ty}>{bounds};`"
        ),
        Flavor::Sync => String::new(),
    };
    let message = format!(
        "`#[{attribute}]` needs the function's body: in a trait, declare the generator's type \
         instead, `{boxed_signature} (and `#[{attribute}(yield = {yield_ty}, boxed)]` on the \
         method of each impl){alternative}"
    );
    let error = syn::Error::new_spanned(&declaration.sig, message).into_compile_error();
    if let Some(args) = args {
        let mut boxed = args.clone();
        boxed.boxed.get_or_insert(Boxed::Send);
        declaration.sig.asyncness = None;
        declaration.sig.output = generator_output(&boxed, &mut declaration.sig, flavor).1;
    }
    quote!(#error #declaration)
}

/// The generic parameters (`<T: Send>`, or nothing) and the `where` clause
/// (` where T: Clone`, or nothing) of `sig`, for a message.
fn generics_as_written(sig: &Signature) -> (String, String) {
    let generics =
        if sig.generics.params.is_empty() { String::new() } else { compact(&sig.generics) };
    let bounds = sig
        .generics
        .where_clause
        .as_ref()
        .map_or_else(String::new, |clause| format!(" {}", compact(clause)));
    (generics, bounds)
}

/// The completion type `R` of `-> R` (`()` when there is none).
fn completion_type(sig: &Signature) -> Type {
    match &sig.output {
        ReturnType::Default => syn::parse_quote!(()),
        ReturnType::Type(_, ty) => (**ty).clone(),
    }
}

/// The completion type, and the return type of the generator function:
/// `AsyncGen<impl Body<...>>` (`SyncGen<impl SyncBody<...>>`), or with
/// `boxed` the boxed alias (which may add lifetimes to `sig`, see
/// `lifetime.rs`).
fn generator_output(args: &Args, sig: &mut Signature, flavor: Flavor) -> (Type, ReturnType) {
    let krate = args.krate.to_token_stream();
    let (yield_ty, resume_ty) = (&args.yield_ty, &args.resume_ty);
    let return_ty = completion_type(sig);
    let (generator, body) = (flavor.generator(), flavor.body());
    let output = match args.boxed {
        None => syn::parse_quote! {
            -> #krate::#generator<impl #krate::#body<Yield = #yield_ty, Resume = #resume_ty, Return = #return_ty>>
        },
        Some(boxed) => {
            let lifetime = lifetime::for_boxed(sig);
            let alias = flavor.boxed(boxed == Boxed::Send);
            syn::parse_quote!(-> #krate::#alias<#lifetime, #yield_ty, #return_ty, #resume_ty>)
        }
    };
    (return_ty, output)
}

/// A type for the turbofish of `new`: `impl Trait` cannot appear there.
fn inferred(ty: &Type) -> TokenStream {
    fn contains_impl(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(ident) => ident == "impl",
            TokenTree::Group(group) => contains_impl(group.stream()),
            _ => false,
        })
    }
    if contains_impl(ty.to_token_stream()) { quote!(_) } else { ty.to_token_stream() }
}

/// Input: tokens such as `& self , needle : & str`.
/// Output: them as a user writes them, `&self, needle: &str`, for messages.
pub(crate) fn compact(tokens: &impl ToTokens) -> String {
    let mut text = tokens.to_token_stream().to_string();
    for (spaced, tight) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" ,", ","),
        ("( ", "("),
        (" )", ")"),
        ("& ", "&"),
        (" <", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" :", ":"),
    ] {
        text = text.replace(spaced, tight);
    }
    text
}
