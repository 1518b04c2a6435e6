//! `yield_from!(source)` in a sync body: JavaScript's `yield*` over a sync
//! generator or any `IntoIterator`.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::Ident;

use crate::hygiene::hygienic;
use crate::visitor::Rewriter;
use crate::yield_from::Delegation;

impl Rewriter {
    /// Input: the span of `yield_from`, that of its `(...)`, and the source.
    /// Output:
    /// ```text
    /// '__asyncgen_yield_from_N: {
    ///     let __from = source;
    ///     let __via = (&&SyncProbe(&__from)).sync_via(); // generator, else iterator, else error
    ///     let mut __source = pin!(__via.start(__from));   // the generator, or its iterator
    ///     let mut __resume = __via.resume_slot(&__source); // `None`, of the source's resume type
    ///     forward_resume(&mut __resume, ());               // only if the resume type is `()`
    ///     loop {
    ///         match __via.step(__source.as_mut(), __resume.take()) {
    ///             Yielded(__value) => forward_resume(&mut __resume, { yield __value }),
    ///             Complete(__done) => break '__asyncgen_yield_from_N __done,
    ///         }
    ///     }
    /// }
    /// ```
    /// The source's items are yielded, each resume value is passed on to a
    /// generator source, and the whole evaluates to its completion value
    /// (`()` for an iterator). The block spans the whole call, as in the
    /// async form (see `yield_from_macro`).
    pub(crate) fn sync_yield_from(
        &mut self,
        span: Span,
        call_span: Span,
        source: &TokenStream,
    ) -> TokenStream {
        self.in_body(span, source, |this| {
            let parts = Delegation::new(this, span);
            let hand_off = this.hand_off(span, &parts.value);
            let Delegation { private, forward_resume, resumed, check, label, .. } = &parts;
            let names =
                ["__from", "__via", "__source", "__resume", "__value", "__done", "__resumed"];
            let [from, via, pinned, resume, value_here, done, resumed_here] =
                names.map(|n| Ident::new(n, Span::mixed_site()));
            let first_resume = parts.first_resume(&resume);
            let start = Ident::new("start", span);
            let from_at_call = hygienic("__from", span);
            let import = quote_spanned!(Span::mixed_site()=> use #private::sync::SyncVia as _;);
            let block = quote_spanned! {span=>
                #import
                #check
                let #from = #source;
                let #via = (&&#private::sync::SyncProbe(&#from)).sync_via();
                let mut #pinned = #private::pin!(#via.#start(#from_at_call));
                let mut #resume = #via.resume_slot(&#pinned);
                #first_resume
                loop {
                    match #via.step(#pinned.as_mut(), #resume.take()) {
                        #private::GeneratorState::Yielded(#value_here) => {
                            let #resumed_here = { #hand_off };
                            #forward_resume(&mut #resume, #resumed);
                        }
                        #private::GeneratorState::Complete(#done) => break #label #done,
                    }
                }
            };
            parts.labelled(call_span, block)
        })
    }
}
