//! Rewrites the `yield`s of one generator body into awaits on its hand-off.
//!
//! A `Scope` is saved and restored around closures and `async` blocks so that a
//! `yield` is only rewritten in the body's own control flow; elsewhere it
//! becomes a `compile_error!` at that `yield` and nothing else changes.
//!
//! What the rewriter cannot see (a closure or `async` block that a user's
//! macro wraps around a `yield_!`), the compiler can: every yield rewritten
//! inside another macro's input carries a `break` to a hygienic label on the
//! body (see [`BODY_LABEL`]), which rustc rejects wherever a closure or
//! `async` block lies in between. A yield in the body's own syntax tree needs
//! no such check: every closure and `async` block around it is in the tree,
//! where the `Scope` sees it (and the check costs type checking per yield).
//!
//! Nested generators own their yields. Generator items (`#[async_gen] fn`)
//! and the macros of [`NESTED_GENERATORS`] are skipped by name; in the
//! attribute form a plain `yield` token inside any macro's input is never
//! rewritten either. A generator under a name the rewriter does not know
//! (`use asyncgen::async_gen_block as agb`, a renamed attribute) may still
//! sit in another macro's input or on a nested `fn`: the rewrites there are
//! marked (see `nearest.rs`), and that generator takes them back as its own.
//! async-stream's macros under another name are the limit: in the block form
//! their plain `yield`s are taken as this generator's, then rejected by the
//! label check above (they sit in the nested generator's closure).

use proc_macro2::{Delimiter, Group, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Ident, Item, Lifetime, Macro, Stmt, Type};

use crate::flavor::Flavor;
use crate::hygiene::hygienic;
use crate::{for_await, nearest};

/// Where the visitor is, relative to the generator's own body.
#[derive(Clone, Copy)]
pub(crate) enum Scope {
    /// The body's own control flow: `yield` is rewritten.
    Body,
    /// Inside a (non-async) closure.
    Closure,
    /// Inside a nested `async` block or async closure.
    AsyncBlock,
    /// Inside a constant: a `const { ... }` block, a `const` / `static`
    /// item, an array length or a const generic argument.
    Const,
    /// Inside a `fn` item nested in the body (not itself a generator).
    NestedFn,
}

/// Which macro the body belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// `#[async_gen]`: only `yield_!` (and syntax-tree `yield`) is rewritten.
    Attribute,
    /// `async_gen_block!`: plain `yield` tokens in macro input too.
    Block,
}

/// The label on a body with rewritten yields. rustc names it in its error
/// for a yield that ended up in a closure or `async` block ("use of
/// unreachable label `'...`"), so the name says what is wrong.
pub(crate) const BODY_LABEL: &str = "'yield_must_be_in_the_generator_s_own_body";

/// Generator macros whose input owns its yields.
const NESTED_GENERATORS: [&str; 6] = [
    "async_gen_block",
    "sync_gen_block",
    "stream",
    "try_stream",
    "async_gen_block_impl",
    "sync_gen_block_impl",
];

/// Macros whose input is not code of the body (it is printed, or read as a
/// path or a literal): their `yield_!` tokens are left as they are.
const NOT_CODE: [&str; 11] = [
    "stringify",
    "concat",
    "include_str",
    "include_bytes",
    "include",
    "env",
    "option_env",
    "compile_error",
    "cfg",
    "module_path",
    "concat_idents",
];

pub(crate) const IN_CLOSURE: &str = "`yield` inside a closure: the closure is not part of the generator's \
    body, so it cannot yield for it; move the `yield` out of the closure (for example, use a \
    `for` loop instead of `for_each`)";

pub(crate) const IN_CONST: &str = "`yield` inside a constant (a `const` block, a \
    `const`/`static` item, an array length or a const generic argument): it is evaluated at \
    compile time, outside the generator, so it cannot yield; move the `yield` out of the constant";

pub(crate) const IN_NESTED_FN: &str = "`yield` inside a `fn` nested in the generator's body: \
    the function is not part of the body, so it cannot yield for it; make the function a \
    generator of its own (`#[async_gen(yield = T)]`) and delegate to it with `yield_from!`";

pub(crate) const IN_ASYNC_BLOCK: &str = "`yield` inside a nested `async` block or async closure: \
    it is a separate future that may run outside the generator (spawned, joined, or after the \
    generator is gone), so it cannot yield for it; yield from the generator's body itself \
    (concurrent, `join!`-style yields are not supported)";

/// Rewrites the yields of one body; see the module docs.
pub(crate) struct Rewriter {
    pub(crate) krate: TokenStream,
    /// The hygienic name of the body's `Co` handle: user code cannot name it.
    pub(crate) co: Ident,
    pub(crate) scope: Scope,
    pub(crate) form: Form,
    /// Async or sync generator: the hand-off, and whether `.await` is allowed.
    pub(crate) flavor: Flavor,
    /// The declared `yield = T` (attribute form): the expected type of each
    /// yielded value.
    pub(crate) yield_ty: Option<Type>,
    /// Whether the resume type is `()`, as far as the tokens tell: then
    /// `yield_from!` can resume a source that is suspended at a yield.
    pub(crate) resume_is_unit: bool,
    /// How many `yield`s were rewritten in the body's own scope.
    pub(crate) yields: usize,
    /// How many other macros' inputs the visitor is inside: there a closure
    /// or `async` block around a yield would be invisible (see `label_check`).
    pub(crate) macro_depth: usize,
    /// How many label checks were emitted: the body is labelled if any.
    pub(crate) label_checks: usize,
    /// Whether some rewritten `yield`'s value is used (not a `yield v;` statement).
    pub(crate) yield_value_used: bool,
    /// After an error in the attribute's arguments the function is emitted
    /// as written, with each yield reduced to evaluating its value, so that
    /// the one error is not followed by a cascade.
    pub(crate) stub: bool,
    /// Errors that have no expression of their own to replace (a misplaced
    /// `#[for_await]`); the caller emits them beside the expansion.
    pub(crate) errors: TokenStream,
}

impl Rewriter {
    pub(crate) fn new(krate: TokenStream, form: Form) -> Self {
        Self {
            krate,
            co: Ident::new("__co", Span::mixed_site()),
            scope: Scope::Body,
            form,
            flavor: Flavor::Async,
            yield_ty: None,
            resume_is_unit: true,
            yields: 0,
            macro_depth: 0,
            label_checks: 0,
            yield_value_used: false,
            stub: false,
            errors: TokenStream::new(),
        }
    }

    /// Input: the span of a `yield` (or `yield_!`) and its value.
    /// Output:
    /// ```text
    /// {
    ///     let __value: Y = value;              // `: Y` in the attribute form
    ///     if false { break 'label unreachable_value(); } // in a macro's input
    ///     __co.yield_(__value); __co.suspend().await; __co.resumed()
    /// }
    /// ```
    /// (without `; __co.resumed()` when the resume type is `()`)
    /// or an error at that span. The value is evaluated before the handle is
    /// touched, so it may itself yield (`yield_!(yield_!(1) + 1)`).
    pub(crate) fn yield_expr(&mut self, span: Span, value: Option<TokenStream>) -> TokenStream {
        let value = value.unwrap_or_else(|| quote_spanned!(span=> ()));
        self.in_body(span, &value, |this| {
            let local = hygienic("__value", span);
            let ty = this.yield_ty.as_ref().map(|ty| quote!(: #ty));
            let check = this.label_check(span);
            // The `let` is the macro's (mixed-site: no lint on it); the
            // await is at the user's `yield_`, where rustc reports what is
            // held across it.
            let at = Span::mixed_site().located_at(span);
            let binding = quote_spanned!(at=> let #local #ty = #value;);
            let hand_off = this.hand_off(span, &local);
            let steps = quote_spanned! {span=>
                #binding
                #check
                #hand_off
            };
            // The braces are the macro's too: as the tail of a block, a
            // yield is a macro call, which `semicolon_if_nothing_returned`
            // and `unused_braces` leave alone.
            let mut braces = Group::new(Delimiter::Brace, steps);
            braces.set_span(at);
            braces.into_token_stream()
        })
    }

    /// Input: the local holding a yielded value, and the user's yield (or
    /// `yield_from!`) at `span`. Output: the hand-off of the value,
    /// evaluating to the resume value. Method calls on the handle located at
    /// `span`, so that a mistyped value (or resume value) is reported at the
    /// user's tokens.
    pub(crate) fn hand_off(&self, span: Span, value: &Ident) -> TokenStream {
        let co = self.co_at(span);
        let method = Ident::new("yield_", span);
        if self.resume_is_unit {
            // The `()` the suspension evaluates to is the resume value:
            // `new_unit` builds generators that never put one in transit.
            return quote_spanned!(span=> #co.#method(#value); #co.suspend().await);
        }
        quote_spanned!(span=> #co.#method(#value); #co.suspend().await; #co.resumed())
    }

    /// The handle, located at `span`.
    pub(crate) fn co_at(&self, span: Span) -> Ident {
        Ident::new(&self.co.to_string(), self.co.span().located_at(span))
    }

    /// Input: the span of a yield.
    /// Output: inside another macro's input, `if false { break 'label
    /// unreachable_value(); }` (through a local): never run, it fails to
    /// compile where a closure or an `async` block separates the yield from
    /// the body's label, with the error at the yield. The value (a generic
    /// function's, not a diverging expression, which would warn
    /// `unreachable_code`) fits any completion type. Elsewhere nothing: the
    /// `Scope` has seen every closure and `async` block around the yield.
    pub(crate) fn label_check(&mut self, span: Span) -> TokenStream {
        if self.macro_depth == 0 {
            return TokenStream::new();
        }
        self.label_checks += 1;
        let at = Span::mixed_site().located_at(span);
        let label = Lifetime::new(BODY_LABEL, at);
        let krate = &self.krate;
        let value = Ident::new("__unreachable", at);
        // Through a local: `break 'label ::path` would read as a labelled `'label: ...`.
        quote_spanned! {at=>
            if false {
                let #value = #krate::__private::unreachable_value();
                break #label #value;
            }
        }
    }

    /// Input: the body's statements. Output: `'label: { stmts }` when some
    /// label check was emitted (they `break` to it, see `label_check`), else
    /// the statements as they are (an unused label would warn).
    pub(crate) fn labelled_body(&self, stmts: &[Stmt]) -> TokenStream {
        if self.label_checks == 0 {
            return quote!(#(#stmts)*);
        }
        let label = Lifetime::new(BODY_LABEL, Span::mixed_site());
        quote!(#label: { #(#stmts)* })
    }

    /// Builds a yield (or `yield_from!`) with `build(self)` if the visitor is
    /// in the body's own scope; elsewhere, the error that says why not.
    pub(crate) fn in_body(
        &mut self,
        span: Span,
        value: &TokenStream,
        build: impl FnOnce(&mut Self) -> TokenStream,
    ) -> TokenStream {
        let message = match self.scope {
            Scope::Body if self.stub => return quote_spanned!(span=> { let _ = #value; }),
            Scope::Body => {
                self.yields += 1;
                return build(self);
            }
            Scope::Closure => IN_CLOSURE,
            Scope::AsyncBlock => IN_ASYNC_BLOCK,
            Scope::Const => IN_CONST,
            Scope::NestedFn => IN_NESTED_FN,
        };
        syn::Error::new(span, message).to_compile_error()
    }

    /// The crate path located at the user's tokens at `span` (keeping its own
    /// name resolution, so `$crate` still works), so that an error in a call
    /// through it points there rather than at the macro.
    pub(crate) fn krate_at(&self, span: Span) -> TokenStream {
        self.krate
            .clone()
            .into_iter()
            .map(|mut token| {
                token.set_span(token.span().located_at(span));
                token
            })
            .collect()
    }

    fn in_scope(&mut self, scope: Scope, visit: impl FnOnce(&mut Self)) {
        let saved = std::mem::replace(&mut self.scope, scope);
        visit(self);
        self.scope = saved;
    }

    /// Input: `yield_!(value)` or `yield_!()`. Output: the rewritten yield.
    pub(crate) fn yield_macro(&mut self, mac: &Macro) -> TokenStream {
        let span = mac.path.segments.last().map_or_else(Span::call_site, |s| s.ident.span());
        match yield_macro_value(mac) {
            Ok(Some(mut value)) => {
                self.visit_expr_mut(&mut value);
                self.yield_expr(span, Some(value.into_token_stream()))
            }
            Ok(None) => self.yield_expr(span, None),
            Err(error) => error.to_compile_error(),
        }
    }

    /// Whether a generator the rewriter cannot recognise may lie between a
    /// yield here and this body, and own it: inside another macro's input
    /// (`agb! { yield 1; }` with `agb` a renamed `async_gen_block`, also in
    /// a closure), or in a `fn` item (which may carry a generator attribute
    /// under another name). Its rewrite (or the error that it is misplaced)
    /// is then marked for that generator to take back (see `nearest.rs`).
    /// Errors elsewhere stand: the syntax tree shows every generator there.
    pub(crate) fn maybe_nested(&self) -> bool {
        self.macro_depth > 0 || matches!(self.scope, Scope::NestedFn)
    }

    /// Input: `yield v` or `yield_!(v)`. Output: its rewrite (marked where
    /// a nested generator may own it); `None` for other expressions.
    fn rewrite_yield(&mut self, expr: &mut Expr) -> Option<TokenStream> {
        // The attributes go around the rewrite (and its mark), not into the
        // mark: a nested generator that takes the yield back keeps them once.
        let attrs = match expr {
            Expr::Yield(yield_expr) => core::mem::take(&mut yield_expr.attrs),
            Expr::Macro(expr_macro)
                if is_macro(&expr_macro.mac, "yield_")
                    || is_macro(&expr_macro.mac, "yield_from") =>
            {
                core::mem::take(&mut expr_macro.attrs)
            }
            _ => return None,
        };
        let original = self.maybe_nested().then(|| expr.to_token_stream());
        let rewrite = self.rewrite_own_yield(expr)?;
        Some(with_attrs(&attrs, self.mark_if_nested(|| original.unwrap_or_default(), rewrite)))
    }

    /// Input: a yield as written (asked for only if needed) and its rewrite.
    /// Output: the rewrite, marked where a nested generator may own the
    /// yield (see `maybe_nested`).
    pub(crate) fn mark_if_nested(
        &self,
        original: impl FnOnce() -> TokenStream,
        rewrite: TokenStream,
    ) -> TokenStream {
        if self.maybe_nested() {
            nearest::mark(&self.krate, &original(), &rewrite)
        } else {
            rewrite
        }
    }

    fn rewrite_own_yield(&mut self, expr: &mut Expr) -> Option<TokenStream> {
        match expr {
            Expr::Yield(yield_expr) => {
                if let Some(value) = &mut yield_expr.expr {
                    self.visit_expr_mut(value);
                }
                let value = yield_expr.expr.as_ref().map(ToTokens::to_token_stream);
                Some(self.yield_expr(yield_expr.yield_token.span, value))
            }
            Expr::Macro(expr_macro) if is_macro(&expr_macro.mac, "yield_") => {
                Some(self.yield_macro(&expr_macro.mac))
            }
            Expr::Macro(expr_macro) if is_macro(&expr_macro.mac, "yield_from") => {
                Some(self.yield_from_macro(&expr_macro.mac))
            }
            _ => None,
        }
    }
}

impl VisitMut for Rewriter {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        // The value of a `yield_from!` is the source's completion, not a resume value.
        let is_yield = !matches!(expr, Expr::Macro(m) if is_macro(&m.mac, "yield_from"));
        if let Some(tokens) = self.rewrite_yield(expr) {
            self.yield_value_used |= is_yield;
            *expr = Expr::Verbatim(tokens);
            return;
        }
        match expr {
            Expr::Closure(closure) => {
                let scope =
                    if closure.asyncness.is_some() { Scope::AsyncBlock } else { Scope::Closure };
                self.in_scope(scope, |this| visit_mut::visit_expr_closure_mut(this, closure));
            }
            Expr::Async(block) => {
                self.in_scope(Scope::AsyncBlock, |this| {
                    visit_mut::visit_expr_async_mut(this, block);
                });
            }
            Expr::Await(await_expr) => {
                self.check_await(await_expr.await_token.span);
                visit_mut::visit_expr_await_mut(self, await_expr);
            }
            Expr::ForLoop(for_loop) if for_await::is_marked(&for_loop.attrs) => {
                if let Some(refused) = self.refuse_for_await(for_loop) {
                    *expr = refused;
                    return;
                }
                for_loop.attrs.retain(|attr| !for_await::is_for_await(attr));
                visit_mut::visit_expr_for_loop_mut(self, for_loop);
                let krate_at_expr = self.krate_at(for_loop.expr.span());
                *expr = for_await::expand(&self.krate, &krate_at_expr, for_loop, &mut self.errors);
            }
            Expr::Const(block) => {
                self.in_scope(Scope::Const, |this| visit_mut::visit_expr_const_mut(this, block));
            }
            Expr::Macro(expr_macro) => {
                if !owns_its_input(&expr_macro.mac) {
                    self.visit_macro_tokens(&mut expr_macro.mac);
                }
            }
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    /// Array lengths are constants, evaluated at compile time.
    fn visit_type_array_mut(&mut self, array: &mut syn::TypeArray) {
        self.visit_type_mut(&mut array.elem);
        self.in_scope(Scope::Const, |this| this.visit_expr_mut(&mut array.len));
    }

    fn visit_expr_repeat_mut(&mut self, repeat: &mut syn::ExprRepeat) {
        repeat.attrs.iter_mut().for_each(|attr| self.visit_attribute_mut(attr));
        self.visit_expr_mut(&mut repeat.expr);
        self.in_scope(Scope::Const, |this| this.visit_expr_mut(&mut repeat.len));
    }

    /// So are const generic arguments (`f::<{ N + 1 }>()`).
    fn visit_generic_argument_mut(&mut self, argument: &mut syn::GenericArgument) {
        if let syn::GenericArgument::Const(expr) = argument {
            self.in_scope(Scope::Const, |this| this.visit_expr_mut(expr));
        } else {
            visit_mut::visit_generic_argument_mut(self, argument);
        }
    }

    fn visit_stmt_mut(&mut self, stmt: &mut Stmt) {
        // `yield v;`, `yield_!(v);` and a braced `yield_! { v }`: a yield whose
        // value is discarded, under its own attributes (`#[cfg]` still removes
        // it). A braced yield is a statement wherever it stands: at a block's
        // end it is most often a loop body's last statement, which must be
        // `()`. (`yield_!(v)` there is the block's value.)
        let rewritten = match stmt {
            Stmt::Expr(expr @ Expr::Yield(_), Some(semi)) => {
                self.rewrite_yield(expr).map(|t| (t, *semi))
            }
            Stmt::Macro(stmt_macro) if is_macro(&stmt_macro.mac, "yield_") => {
                let rewrite = self.yield_macro(&stmt_macro.mac);
                let rewrite = self.mark_if_nested(|| stmt_macro.mac.to_token_stream(), rewrite);
                let semi = stmt_macro.semi_token.unwrap_or_default();
                Some((with_attrs(&stmt_macro.attrs, rewrite), semi))
            }
            Stmt::Macro(stmt_macro) if is_macro(&stmt_macro.mac, "yield_from") => {
                let rewrite = self.yield_from_macro(&stmt_macro.mac);
                let rewrite = self.mark_if_nested(|| stmt_macro.mac.to_token_stream(), rewrite);
                let semi = stmt_macro.semi_token.unwrap_or_default();
                Some((with_attrs(&stmt_macro.attrs, rewrite), semi))
            }
            Stmt::Macro(stmt_macro) if !owns_its_input(&stmt_macro.mac) => {
                self.visit_macro_tokens(&mut stmt_macro.mac);
                None
            }
            _ => {
                visit_mut::visit_stmt_mut(self, stmt);
                None
            }
        };
        if let Some((tokens, semi)) = rewritten {
            *stmt = Stmt::Expr(Expr::Verbatim(tokens), Some(semi));
        }
    }

    /// A `#[for_await]` left here is not on a `for` loop (those are handled
    /// in `visit_expr_mut`): an error at the attribute, which becomes inert.
    fn visit_attribute_mut(&mut self, attr: &mut syn::Attribute) {
        if for_await::is_for_await(attr) {
            let message = "`#[for_await]` goes on a `for` loop over a stream: \
                           write `#[for_await] for item in stream { ... }`";
            self.errors.extend(syn::Error::new_spanned(&*attr, message).to_compile_error());
            *attr = syn::parse_quote!(#[allow()]);
        }
    }

    /// Items nested in the body (functions, impls) are not part of it: a
    /// yield in them is an error that says so. A nested generator
    /// (`#[async_gen]`, `#[sync_gen]`) owns its yields: it is left alone.
    fn visit_item_mut(&mut self, item: &mut Item) {
        match item {
            Item::Fn(function) if !is_generator(&function.attrs) => {
                self.in_scope(Scope::NestedFn, |this| visit_mut::visit_item_fn_mut(this, function));
            }
            Item::Const(_) | Item::Static(_) => {
                self.in_scope(Scope::Const, |this| visit_mut::visit_item_mut(this, item));
            }
            Item::Impl(_) | Item::Trait(_) | Item::Mod(_) => {
                self.in_scope(Scope::NestedFn, |this| visit_mut::visit_item_mut(this, item));
            }
            _ => {}
        }
    }

    fn visit_impl_item_fn_mut(&mut self, function: &mut syn::ImplItemFn) {
        if !is_generator(&function.attrs) {
            visit_mut::visit_impl_item_fn_mut(self, function);
        }
    }

    fn visit_trait_item_fn_mut(&mut self, function: &mut syn::TraitItemFn) {
        if !is_generator(&function.attrs) {
            visit_mut::visit_trait_item_fn_mut(self, function);
        }
    }
}

/// Whether an item is a generator of its own (`#[async_gen]`, `#[sync_gen]`).
fn is_generator(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().segments.last().is_some_and(|s| s.ident == "async_gen" || s.ident == "sync_gen")
    })
}

/// Input: a statement's or expression's attributes and the rewrite of its
/// yield. Output: the rewrite under those attributes (`#[cfg]` still
/// removes it).
fn with_attrs(attrs: &[syn::Attribute], rewrite: TokenStream) -> TokenStream {
    let mut tokens = quote!(#(#attrs)*);
    tokens.extend(rewrite);
    tokens
}

/// Whether `mac` is `name!` (by its last path segment, so `asyncgen::name!` too).
pub(crate) fn is_macro(mac: &Macro, name: &str) -> bool {
    mac.path.segments.last().is_some_and(|segment| segment.ident == name)
}

/// Whether the macro named `name` keeps its input to itself: a nested
/// generator (it owns its yields) or a macro whose input is not code.
pub(crate) fn owns_input_by_name(name: &str) -> bool {
    NESTED_GENERATORS.contains(&name) || NOT_CODE.contains(&name)
}

fn owns_its_input(mac: &Macro) -> bool {
    mac.path.segments.last().is_some_and(|segment| owns_input_by_name(&segment.ident.to_string()))
}

/// Input: the tokens of `yield_!(...)`. Output: the value, if any.
fn yield_macro_value(mac: &Macro) -> syn::Result<Option<Expr>> {
    if mac.tokens.is_empty() {
        return Ok(None);
    }
    let value: Expr = mac.parse_body().map_err(|error| {
        syn::Error::new(
            error.span(),
            "`yield_!` takes one value: write `yield_!(value)`, `yield_!((a, b))` for a tuple, \
             or `yield_!()` for `()`",
        )
    })?;
    Ok(Some(value))
}
