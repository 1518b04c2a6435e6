//! Moves every argument into the generator, as an `async fn` does.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{FnArg, Ident, Pat, PatIdent, Signature};

/// Input: `fn f(&self, (a, b): (u8, u8), mut x: T)`.
/// Output: the signature `fn f(&self, __arg1: (u8, u8), mut x: T)` and the
/// body prelude `let _ = &self; let _ = &__arg1; let (a, b) = __arg1; let _ = &x;`
/// (`_x: T` becomes `let (_x,) = (_x,);`, see below), so that every argument
/// is captured by the generator (and dropped with it), whether or not the
/// body uses it. Mentioning an argument captures it without copying it into
/// a second local, which would store it twice in the generator.
pub(crate) fn bind(sig: &mut Signature) -> TokenStream {
    let mut prelude = TokenStream::new();
    for (index, input) in sig.inputs.iter_mut().enumerate() {
        match input {
            FnArg::Receiver(receiver) => {
                let self_token = receiver.self_token;
                prelude.extend(quote!(let _ = &#self_token;));
            }
            FnArg::Typed(arg) => match &mut *arg.pat {
                Pat::Ident(PatIdent { by_ref: None, mutability, ident, subpat: None, .. })
                    if ident.to_string().starts_with('_') =>
                {
                    // `let _x = _x;` would "use" an underscore binding and bind
                    // one with no effect, two pedantic lints on what looks like
                    // user code. The signature's `_x` is the macro's own (same
                    // name, same place), and a tuple pattern rebinds it.
                    let mutability = mutability.take();
                    let user_ident = ident.clone();
                    *ident =
                        Ident::new(&ident.to_string(), Span::mixed_site().located_at(ident.span()));
                    prelude.extend(quote!(let (#mutability #user_ident,) = (#ident,);));
                }
                Pat::Ident(PatIdent { by_ref: None, ident, subpat: None, .. }) => {
                    prelude.extend(quote!(let _ = &#ident;));
                }
                pat => {
                    let name = format_ident!("__arg{}", index, span = Span::mixed_site());
                    prelude.extend(quote!(let _ = &#name; let #pat = #name;));
                    *arg.pat = syn::parse_quote!(#name);
                }
            },
        }
    }
    prelude
}
