//! Lifetimes for `boxed` generators: a type-erased body needs one lifetime
//! that everything it captures outlives.

use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{
    FnArg, GenericParam, Generics, Lifetime, LifetimeParam, ParenthesizedGenericArguments,
    Signature, Token, Type, TypeBareFn, TypeImplTrait, TypeParamBound, TypeReference,
    WherePredicate,
};

use crate::params;

/// The lifetime a boxed generator of this signature lives for, the simplest
/// that works, so that trait-impl methods keep the trait's signature:
///
/// * nothing borrowed: `'static`;
/// * exactly one elided lifetime (`&self`, or one `&T` argument): `'_`;
/// * exactly one named lifetime and nothing elided: that lifetime;
///
/// each provided that every type parameter is declared to outlive it
/// (`T: 'static`, or `T: 'a` for the named `'a`), as a trait's declaration
/// of the method must say too;
/// * otherwise (other generics, `impl Trait`, `self` by value, several
///   lifetimes, an argument under `#[cfg]`): a new lifetime that every
///   argument outlives, see [`bound_inputs`]. (It is early-bound, so a trait
///   declaring the method must name it too: `fn f<'a>(self) -> BoxAsyncGen<'a, T>
///   where Self: 'a;`.)
pub(crate) fn for_boxed(sig: &mut Signature) -> Lifetime {
    let mut census = Census::default();
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(receiver) if receiver.colon_token.is_none() => {
                match &receiver.reference {
                    Some((_, None)) => census.elided += 1,
                    Some((_, Some(lifetime))) => census.named.push(lifetime.clone()),
                    None => census.opaque = true,
                }
            }
            FnArg::Receiver(_) => census.opaque = true,
            FnArg::Typed(arg) => {
                // An argument under `#[cfg]` may be absent: the elided
                // lifetime it counts for may then not exist.
                census.opaque |= arg.attrs.iter().any(params::is_conditional);
                census.visit_type(&arg.ty);
            }
        }
    }
    census.named.dedup();
    let simple = match (census.opaque, census.elided, census.named.as_slice()) {
        (false, 0, []) => Some(Lifetime::new("'static", Span::call_site())),
        (false, 1, []) => Some(Lifetime::new("'_", Span::call_site())),
        (false, 0, [named]) => Some(named.clone()),
        _ => None,
    };
    match simple {
        Some(lifetime) if type_params_outlive(&sig.generics, &lifetime) => lifetime,
        _ => bound_inputs(sig),
    }
}

/// Whether every type parameter is declared to outlive `lifetime`: bounded
/// by `'static` or (for a named lifetime) by that lifetime, in its
/// declaration or in the `where` clause.
fn type_params_outlive(generics: &Generics, lifetime: &Lifetime) -> bool {
    let outlives = |bounds: &Punctuated<TypeParamBound, Token![+]>| {
        bounds.iter().any(|bound| match bound {
            TypeParamBound::Lifetime(bound) => {
                bound.ident == "static" || (lifetime.ident != "_" && bound.ident == lifetime.ident)
            }
            _ => false,
        })
    };
    let predicates = generics.where_clause.iter().flat_map(|clause| &clause.predicates);
    generics.type_params().all(|param| {
        outlives(&param.bounds)
            || predicates.clone().any(|predicate| match predicate {
                WherePredicate::Type(bounded) => {
                    matches!(&bounded.bounded_ty, Type::Path(path) if path.qself.is_none() && path.path.is_ident(&param.ident))
                        && outlives(&bounded.bounds)
                }
                _ => false,
            })
    })
}

/// What the argument types borrow.
#[derive(Default)]
struct Census {
    elided: usize,
    named: Vec<Lifetime>,
    /// An `impl Trait` argument or a receiver whose type hides lifetimes.
    opaque: bool,
}

impl<'ast> Visit<'ast> for Census {
    fn visit_type_reference(&mut self, reference: &'ast TypeReference) {
        if reference.lifetime.is_none() {
            self.elided += 1;
        }
        visit::visit_type_reference(self, reference);
    }

    fn visit_lifetime(&mut self, lifetime: &'ast Lifetime) {
        match lifetime.ident.to_string().as_str() {
            "_" => self.elided += 1,
            "static" => {}
            _ => self.named.push(lifetime.clone()),
        }
    }

    fn visit_type_impl_trait(&mut self, _: &'ast TypeImplTrait) {
        self.opaque = true;
    }

    fn visit_type_bare_fn(&mut self, _: &'ast TypeBareFn) {}

    fn visit_parenthesized_generic_arguments(&mut self, _: &'ast ParenthesizedGenericArguments) {}
}

/// Input: `fn f<T>(&self, name: &str, item: T, sink: impl Sink)`.
/// Output: the signature
/// `fn f<'__asyncgen, '__elided0, '__elided1, T>(&'__elided0 self, name: &'__elided1 str,
///  item: T, sink: impl Sink + '__asyncgen)`
/// `where Self: '__asyncgen, &'__elided1 str: '__asyncgen, T: '__asyncgen, '__elided0: '__asyncgen`,
/// and the lifetime `'__asyncgen` that the boxed body may live for.
fn bound_inputs(sig: &mut Signature) -> Lifetime {
    let bound = Lifetime::new("'__asyncgen", Span::call_site());
    let mut namer = ElidedLifetimes { bound: bound.clone(), named: Vec::new() };
    let mut outlives: Vec<syn::WherePredicate> = Vec::new();
    for input in &mut sig.inputs {
        match input {
            FnArg::Receiver(receiver) => {
                if receiver.colon_token.is_some() {
                    // `self: &Self`, `self: Pin<&mut Self>`: the type is written out.
                    namer.visit_type_mut(&mut receiver.ty);
                } else if let Some((_, lifetime @ None)) = &mut receiver.reference {
                    *lifetime = Some(namer.next());
                }
                outlives.push(syn::parse_quote!(Self: #bound));
            }
            FnArg::Typed(arg) => {
                namer.visit_type_mut(&mut arg.ty);
                if !matches!(*arg.ty, Type::ImplTrait(_)) {
                    let ty = &arg.ty;
                    outlives.push(syn::parse_quote!(#ty: #bound));
                }
            }
        }
    }
    let elided_params =
        namer.named.iter().map(|lifetime| -> GenericParam { syn::parse_quote!(#lifetime: #bound) });
    let params: Vec<GenericParam> =
        std::iter::once(GenericParam::Lifetime(LifetimeParam::new(bound.clone())))
            .chain(elided_params)
            .chain(std::mem::take(&mut sig.generics.params))
            .collect();
    sig.generics.params.extend(params);
    sig.generics.make_where_clause().predicates.extend(outlives);
    bound
}

/// Names every elided lifetime of an argument type, and bounds `impl Trait`
/// arguments, leaving the higher-ranked elisions of `fn(&T)` and `Fn(&T)` alone.
struct ElidedLifetimes {
    bound: Lifetime,
    named: Vec<Lifetime>,
}

impl ElidedLifetimes {
    fn next(&mut self) -> Lifetime {
        let lifetime = Lifetime::new(&format!("'__elided{}", self.named.len()), Span::call_site());
        self.named.push(lifetime.clone());
        lifetime
    }
}

impl VisitMut for ElidedLifetimes {
    fn visit_type_reference_mut(&mut self, reference: &mut TypeReference) {
        if reference.lifetime.is_none() {
            reference.lifetime = Some(self.next());
        }
        visit_mut::visit_type_reference_mut(self, reference);
    }

    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        if lifetime.ident == "_" {
            *lifetime = self.next();
        }
    }

    fn visit_type_impl_trait_mut(&mut self, impl_trait: &mut TypeImplTrait) {
        visit_mut::visit_type_impl_trait_mut(self, impl_trait);
        let bound = &self.bound;
        impl_trait.bounds.push(syn::parse_quote!(#bound));
    }

    fn visit_type_bare_fn_mut(&mut self, _: &mut TypeBareFn) {}

    fn visit_parenthesized_generic_arguments_mut(&mut self, _: &mut ParenthesizedGenericArguments) {
    }
}
