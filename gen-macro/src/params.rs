//! Moves every argument into the generator, as an `async fn` does.

use std::collections::HashSet;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote};
use syn::{FnArg, Ident, Pat, PatIdent, Signature};

/// The attributes of a parameter that its `let`s carry: its conditions (see
/// [`is_conditional`]) and its lint levels.
const CARRIED_ATTRIBUTES: [&str; 7] =
    ["cfg", "cfg_attr", "allow", "expect", "warn", "deny", "forbid"];

/// Input: `fn f(&self, (a, b): (u8, u8), mut x: T, _guard: G)`.
/// Output: the signature `fn f(&self, __arg1: (u8, u8), mut x: T, _guard: G)` and
/// the body prelude `let _ = &self; let _ = &__arg1; let (a, b) = __arg1;
/// let _ = &x; let _ = &_guard;`, so that every argument is captured by the
/// generator (and dropped with it), whether or not the body uses it.
/// Mentioning an argument captures it without copying it into a second
/// local, which would store it twice in the generator (the drop order this
/// gives is in the README). A parameter's `#[cfg]` and lint attributes go on
/// its `let`s, and a pattern with `ref mut` bindings gets `mut __arg1`.
///
/// A user's parameter keeps its own name and span, whatever it looks like
/// (`__co`, `_x`, `__arg1`): it is an ordinary binding. The mention of a
/// `_`-prefixed parameter is spelled with a call-site span located at it, which
/// resolves to the user's binding but is the macro's code, so lints about
/// using `_`-prefixed bindings do not fire on it. The name given to a pattern
/// argument is mixed-site, and chosen unlike every name in the signature:
/// rustc's "bound more than once" check ignores mixed-site hygiene.
pub(crate) fn bind(sig: &mut Signature) -> TokenStream {
    let taken = identifiers(sig.inputs.to_token_stream());
    let mut prelude = TokenStream::new();
    for (index, input) in sig.inputs.iter_mut().enumerate() {
        match input {
            FnArg::Receiver(receiver) => {
                let self_token = receiver.self_token;
                prelude.extend(quote!(let _ = &#self_token;));
            }
            FnArg::Typed(arg) => {
                // A parameter under `#[cfg]` may not exist: neither may its
                // `let`s. Its lint levels (`#[allow(unused_variables)]`)
                // cover the bindings of its pattern.
                let carried = arg.attrs.iter().filter(|attr| {
                    CARRIED_ATTRIBUTES.iter().any(|name| attr.path().is_ident(name))
                });
                let attrs = quote!(#(#carried)*);
                match &mut *arg.pat {
                    Pat::Ident(PatIdent { by_ref: None, ident, subpat: None, .. }) => {
                        let mention = if ident.to_string().starts_with('_') {
                            Ident::new(
                                &ident.to_string(),
                                Span::call_site().located_at(ident.span()),
                            )
                        } else {
                            // The user's own token: rustc's notes about the
                            // capture (not `Send`...) then point at it plainly.
                            ident.clone()
                        };
                        prelude.extend(quote!(#attrs let _ = &#mention;));
                    }
                    pat => {
                        let name = unused_name(&taken, index);
                        prelude.extend(quote!(#attrs let _ = &#name; #attrs let #pat = #name;));
                        // `ref mut` bindings borrow the argument mutably.
                        let mutability = binds_ref_mut(pat.to_token_stream()).then(|| quote!(mut));
                        *arg.pat = syn::parse_quote!(#mutability #name);
                    }
                }
            }
        }
    }
    prelude
}

/// Whether a parameter's attribute makes it conditional (`#[cfg]`, or a
/// `#[cfg_attr]` that may expand to one): it may be absent.
pub(crate) fn is_conditional(attr: &syn::Attribute) -> bool {
    attr.path().is_ident("cfg") || attr.path().is_ident("cfg_attr")
}

/// Whether a pattern's tokens hold a `ref mut` binding.
fn binds_ref_mut(tokens: TokenStream) -> bool {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    tokens.windows(2).any(|pair| {
        matches!(pair, [TokenTree::Ident(by_ref), TokenTree::Ident(mutability)]
            if by_ref == "ref" && mutability == "mut")
    }) || tokens
        .iter()
        .any(|token| matches!(token, TokenTree::Group(group) if binds_ref_mut(group.stream())))
}

/// `__argN` (mixed-site), with `_`s appended until no identifier of the
/// signature's inputs has that name.
fn unused_name(taken: &HashSet<String>, index: usize) -> Ident {
    let mut name = format!("__arg{index}");
    while taken.contains(&name) {
        name.push('_');
    }
    format_ident!("{}", name, span = Span::mixed_site())
}

/// Every identifier among `tokens`.
fn identifiers(tokens: TokenStream) -> HashSet<String> {
    let mut found = HashSet::new();
    for token in tokens {
        match token {
            TokenTree::Ident(ident) => {
                found.insert(ident.to_string());
            }
            TokenTree::Group(group) => found.extend(identifiers(group.stream())),
            _ => {}
        }
    }
    found
}
