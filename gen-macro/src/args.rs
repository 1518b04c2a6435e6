//! Parsing of `#[async_gen(yield = T, resume = A, crate = path)]`.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Path, Token, Type};

use crate::error::bail;

/// The arguments of one `#[async_gen(...)]` attribute.
#[derive(Clone)]
pub(crate) struct Args {
    pub(crate) yield_ty: Type,
    pub(crate) resume_ty: Type,
    pub(crate) krate: Path,
    pub(crate) boxed: Option<Boxed>,
}

/// `boxed` or `boxed_local`: the body behind `Pin<Box<...>>`, its type erased.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Boxed {
    /// `boxed`: `BoxAsyncGen`, which is `Send`.
    Send,
    /// `boxed_local`: `LocalBoxAsyncGen`, which need not be.
    Local,
}

/// One `name = value` (or bare `name`) argument, before validation.
enum Arg {
    Yield(Token![yield], Type),
    Resume(syn::Ident, Type),
    Crate(Token![crate], Path),
    Boxed(syn::Ident, Boxed),
}

const EXPECTED: &str =
    "expected `yield = T`, `resume = T`, `boxed`, `boxed_local` or `crate = path`";

impl Parse for Arg {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(Token![yield]) {
            let key: Token![yield] = input.parse()?;
            value_after_eq(input, &key, "yield", "the type of the values the generator yields")?;
            return Ok(Arg::Yield(key, input.parse()?));
        }
        if input.peek(Token![crate]) {
            let key: Token![crate] = input.parse()?;
            value_after_eq(
                input,
                &key,
                "crate",
                "the path of the asyncgen crate, e.g. `crate = ::asyncgen`",
            )?;
            return Ok(Arg::Crate(key, input.call(Path::parse_mod_style)?));
        }
        let key: syn::Ident = input.parse().map_err(|e| syn::Error::new(e.span(), EXPECTED))?;
        if key == "resume" {
            let what = "the type of the values each `yield` evaluates to";
            value_after_eq(input, &key, "resume", what)?;
            return Ok(Arg::Resume(key, input.parse()?));
        }
        if key == "boxed" || key == "boxed_local" {
            if input.peek(Token![=]) {
                bail!(key, "`{key}` takes no value: write just `{key}`");
            }
            let boxed = if key == "boxed" { Boxed::Send } else { Boxed::Local };
            return Ok(Arg::Boxed(key, boxed));
        }
        bail!(key, "unknown argument `{key}`: {EXPECTED}")
    }
}

/// Parses the `=` after `key` (named `name`), with an error that shows the
/// full form at `key` if it is missing, or at the `=` if no value follows.
fn value_after_eq(
    input: ParseStream<'_>,
    key: &dyn ToTokens,
    name: &str,
    what: &str,
) -> syn::Result<()> {
    let Some(eq) = input.parse::<Option<Token![=]>>()? else {
        bail!(key, "expected `{name} = ...`, with {what}");
    };
    if input.is_empty() || input.peek(Token![,]) {
        bail!(eq, "`{name} =` needs a value after it: write `{name} = ...`, with {what}");
    }
    if input.peek(Token![=]) {
        bail!(eq, "write `{name} = ...` with one `=`, followed by {what}");
    }
    Ok(())
}

/// Parses and validates the attribute's arguments.
pub(crate) fn parse(args: TokenStream, macro_name: &str) -> syn::Result<Args> {
    let list = Punctuated::<Arg, Token![,]>::parse_terminated.parse2(args)?;
    let (mut yield_ty, mut resume_ty, mut krate, mut boxed) = (None, None, None, None);
    for arg in list {
        match arg {
            Arg::Yield(key, ty) => set_once(&mut yield_ty, key, ty, "yield")?,
            Arg::Resume(key, ty) => set_once(&mut resume_ty, key, ty, "resume")?,
            Arg::Crate(key, path) => set_once(&mut krate, key, path, "crate")?,
            Arg::Boxed(key, kind) => {
                if boxed.replace(kind).is_some() {
                    bail!(key, "`boxed` and `boxed_local` exclude each other: keep one");
                }
            }
        }
    }
    let Some(yield_ty) = yield_ty else {
        return Err(syn::Error::new(
            Span::call_site(),
            format!(
                "missing `yield = T`: write `#[{macro_name}(yield = T)]`, where `T` is the type of \
                 the values the generator yields (`yield = ()` if it yields none)"
            ),
        ));
    };
    Ok(Args {
        yield_ty,
        resume_ty: resume_ty.unwrap_or_else(|| syn::parse_quote!(())),
        krate: krate.unwrap_or_else(|| syn::parse_quote!(::asyncgen)),
        boxed,
    })
}

/// The arguments that parse, skipping those that do not: what the stub
/// emitted beside an argument error is built from (see `fallback.rs`).
pub(crate) struct Partial {
    pub(crate) yield_ty: Option<Type>,
    pub(crate) resume_ty: Option<Type>,
    pub(crate) krate: Option<Path>,
    pub(crate) boxed: Option<Boxed>,
}

impl Partial {
    /// The arguments as if the faulty ones were absent, when `yield = T` is
    /// among those that parse.
    pub(crate) fn complete(&self) -> Option<Args> {
        Some(Args {
            yield_ty: self.yield_ty.clone()?,
            resume_ty: self.resume_ty.clone().unwrap_or_else(|| syn::parse_quote!(())),
            krate: self.krate(),
            boxed: self.boxed,
        })
    }

    pub(crate) fn krate(&self) -> Path {
        self.krate.clone().unwrap_or_else(|| syn::parse_quote!(::asyncgen))
    }
}

/// Input: arguments with an error somewhere (`yield = u32, item = u64`).
/// Output: the first value of each argument that parses (`yield = u32`).
/// After a faulty argument, parsing resumes at the next `,`.
pub(crate) fn parse_lenient(args: TokenStream) -> Partial {
    let mut partial = Partial { yield_ty: None, resume_ty: None, krate: None, boxed: None };
    let parser = |input: ParseStream<'_>| {
        while !input.is_empty() {
            match input.parse::<Arg>() {
                Ok(Arg::Yield(_, ty)) => _ = partial.yield_ty.get_or_insert(ty),
                Ok(Arg::Resume(_, ty)) => _ = partial.resume_ty.get_or_insert(ty),
                Ok(Arg::Crate(_, path)) => _ = partial.krate.get_or_insert(path),
                Ok(Arg::Boxed(_, kind)) => _ = partial.boxed.get_or_insert(kind),
                Err(_) => {}
            }
            while !input.is_empty() && !input.peek(Token![,]) {
                input.parse::<proc_macro2::TokenTree>()?;
            }
            input.parse::<Option<Token![,]>>()?;
        }
        Ok(())
    };
    // The parser consumes every token, so it cannot fail.
    let _ = parser.parse2(args);
    partial
}

fn set_once<T>(
    slot: &mut Option<T>,
    key: impl quote::ToTokens,
    value: T,
    name: &str,
) -> syn::Result<()> {
    if slot.replace(value).is_some() {
        bail!(key, "`{name}` is given twice: keep one `{name} = ...`");
    }
    Ok(())
}
