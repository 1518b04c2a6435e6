//! `yield_from!(source)`: JavaScript's `yield*`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::visit_mut::VisitMut;
use syn::{Expr, Ident, Macro};

use crate::visitor::{Rewriter, hygienic};

impl Rewriter {
    /// Input: `yield_from!(source)`.
    /// Output:
    /// ```text
    /// {
    ///     let mut __source = pin!(source);
    ///     let __via = (&Probe(&*__source)).via();  // generator, else stream
    ///     let mut __resume = None;
    ///     loop {
    ///         match __via.step(__source.as_mut(), &mut __resume).await {
    ///             Yielded(__value) => forward_resume(&mut __resume, { yield __value }),
    ///             Complete(__done) => break __done,
    ///         }
    ///     }
    /// }
    /// ```
    /// Each item of the source is yielded, each resume value is passed on to
    /// it, and the whole evaluates to the source's completion value (`()` for
    /// a plain `Stream`).
    pub(crate) fn yield_from_macro(&mut self, mac: &Macro) -> TokenStream {
        let span = mac.path.segments.last().map_or_else(Span::call_site, |s| s.ident.span());
        let mut source: Expr = match mac.parse_body() {
            Ok(source) => source,
            Err(error) => {
                let message =
                    "`yield_from!` takes one generator or stream: write `yield_from!(source)`";
                return syn::Error::new(error.span(), message).to_compile_error();
            }
        };
        self.visit_expr_mut(&mut source);
        let source = quote!(#source);
        let krate = self.krate.clone();
        let krate_at_call = self.krate_at(span);
        self.in_body(span, &source, |co| {
            let names = ["__source", "__via", "__resume", "__value", "__done", "__resumed"];
            let [from, via, resume, value, done, resumed] =
                names.map(|n| Ident::new(n, Span::mixed_site()));
            let private = quote!(#krate::__private);
            let forward_resume = quote_spanned!(span=> #krate_at_call::__private::forward_resume);
            let resumed_at_call = hygienic("__resumed", span);
            let value_at_call = hygienic("__value", span);
            let co = Ident::new(&co.to_string(), co.span().located_at(span));
            // The import is the macro's own, not the user's: a mixed-site span.
            let import = quote_spanned!(Span::mixed_site()=> use #private::Via as _;);
            quote_spanned! {span=>
                {
                    #import
                    let mut #from = #private::pin!(#source);
                    let #via = (&#private::Probe(&*#from)).via();
                    let mut #resume = #private::None;
                    loop {
                        match #via.step(#from.as_mut(), &mut #resume).await {
                            #private::GeneratorState::Yielded(#value) => {
                                let #resumed = { #co.yield_(#value_at_call); #co.suspend().await; #co.resumed() };
                                #forward_resume(&mut #resume, #resumed_at_call);
                            }
                            #private::GeneratorState::Complete(#done) => break #done,
                        }
                    }
                }
            }
        })
    }
}
