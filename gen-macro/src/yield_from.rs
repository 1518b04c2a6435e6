//! `yield_from!(source)`: JavaScript's `yield*`.

use proc_macro2::{Delimiter, Group, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::visit_mut::VisitMut;
use syn::{Expr, Ident, Lifetime, Macro, MacroDelimiter};

use crate::flavor::Flavor;
use crate::hygiene::hygienic;
use crate::visitor::Rewriter;

impl Rewriter {
    /// Input: `yield_from!(source)`.
    /// Output:
    /// ```text
    /// '__asyncgen_yield_from_N: {
    ///     let mut __source = pin!(source);
    ///     let __via = (&&Probe(&*__source)).via(); // generator, else stream, else error
    ///     let mut __resume = __via.resume_slot(&__source); // `None`, of the source's resume type
    ///     forward_resume(&mut __resume, ());               // only if the resume type is `()`
    ///     loop {
    ///         match __via.step(__source.as_mut(), &mut __resume).await {
    ///             Yielded(__value) => forward_resume(&mut __resume, { yield __value }),
    ///             Complete(__done) => break '__asyncgen_yield_from_N __done,
    ///         }
    ///     };
    /// }
    /// ```
    /// Each item of the source is yielded, each resume value is passed on to
    /// it, and the whole evaluates to the source's completion value (`()` for
    /// a plain `Stream`). The first step of a source already suspended at a
    /// yield (partly consumed) is a resume: with `()` there is a value to give
    /// it; with another resume type the runtime panics, saying why.
    ///
    /// The label (numbered per body) is spanned at `yield_from` and the block's
    /// braces are the call's parentheses, so that the expression covers the
    /// whole `yield_from!(...)` call: an ignored `#[must_use]` value (`Result`)
    /// is reported there, with a `let _ = ` suggestion that is valid code
    /// (the loop is a statement, not the tail, which the lint would report).
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
        let call_span = delimiter_span(&mac.delimiter);
        if self.flavor == Flavor::Sync {
            return self.sync_yield_from(span, call_span, &source);
        }
        self.in_body(span, &source, |this| {
            let parts = Delegation::new(this, span);
            let hand_off = this.hand_off(span, &parts.value);
            let Delegation { private, forward_resume, resumed, check, label, .. } = &parts;
            let names = ["__source", "__via", "__resume", "__value", "__done", "__resumed"];
            let [from, via, resume, value_here, done, resumed_here] =
                names.map(|n| Ident::new(n, Span::mixed_site()));
            let first_resume = parts.first_resume(&resume);
            // Located at the call: a refused source is reported there.
            let from_at_call = hygienic("__source", span);
            // The import is the macro's own, not the user's: a mixed-site span.
            let import = quote_spanned!(Span::mixed_site()=> use #private::Via as _;);
            let block = quote_spanned! {span=>
                #import
                #check
                let mut #from = #private::pin!(#source);
                let #via = (&&#private::Probe(&*#from)).via();
                let mut #resume = #via.resume_slot(&#from);
                #first_resume
                loop {
                    match #via.step(#from_at_call.as_mut(), &mut #resume).await {
                        #private::GeneratorState::Yielded(#value_here) => {
                            let #resumed_here = { #hand_off };
                            #forward_resume(&mut #resume, #resumed);
                        }
                        #private::GeneratorState::Complete(#done) => break #label #done,
                    }
                };
            };
            parts.labelled(call_span, block)
        })
    }
}

/// What the async and the sync `yield_from!` expansions share: the paths,
/// the names located at the call, the label check, the first resume value
/// and the delegation's label.
pub(crate) struct Delegation {
    pub(crate) private: TokenStream,
    pub(crate) forward_resume: TokenStream,
    /// `__resumed` and `__value`, at the call: errors about them point there.
    pub(crate) resumed: Ident,
    pub(crate) value: Ident,
    pub(crate) check: TokenStream,
    /// Whether this generator's resume type is `()` (see `first_resume`).
    unit_resume: bool,
    pub(crate) label: Lifetime,
}

impl Delegation {
    pub(crate) fn new(rewriter: &mut Rewriter, span: Span) -> Self {
        let krate = &rewriter.krate;
        let private = quote!(#krate::__private);
        let krate_at_call = rewriter.krate_at(span);
        let forward_resume = quote_spanned!(span=> #krate_at_call::__private::forward_resume);
        Self {
            forward_resume,
            resumed: hygienic("__resumed", span),
            value: hygienic("__value", span),
            check: rewriter.label_check(span),
            unit_resume: rewriter.resume_is_unit,
            // Numbered: a label with the user's hygiene must not shadow
            // another (a `yield_from!` in a source) or the user's.
            label: Lifetime::new(&format!("'__asyncgen_yield_from_{}", rewriter.yields), span),
            private,
        }
    }

    /// Input: the slot of the source's resume values. Output: with `()` as
    /// this generator's resume type, the statement that puts a `()` in it,
    /// so that the first step resumes a source suspended at a yield. The
    /// slot already has the source's resume type (`resume_slot`): another
    /// type is reported by `forward_resume`, in the user's terms.
    pub(crate) fn first_resume(&self, slot: &Ident) -> TokenStream {
        if !self.unit_resume {
            return TokenStream::new();
        }
        let forward_resume = &self.forward_resume;
        // At the call, as the later `forward_resume`s: one error for both.
        quote_spanned!(self.resumed.span()=> #forward_resume(&mut #slot, ());)
    }

    /// Input: the statements of the delegation.
    /// Output: `'label: { block }`, its braces spanning the call's `(...)`.
    pub(crate) fn labelled(&self, call_span: Span, block: TokenStream) -> TokenStream {
        let label = &self.label;
        let mut braces = Group::new(Delimiter::Brace, block);
        braces.set_span(call_span);
        quote!(#label: #braces)
    }
}

/// The span of a macro call's `(...)`, `[...]` or `{...}`.
pub(crate) fn delimiter_span(delimiter: &MacroDelimiter) -> Span {
    match delimiter {
        MacroDelimiter::Paren(paren) => paren.span.join(),
        MacroDelimiter::Brace(brace) => brace.span.join(),
        MacroDelimiter::Bracket(bracket) => bracket.span.join(),
    }
}
