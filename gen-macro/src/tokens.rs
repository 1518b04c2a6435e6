//! Rewrites `yield`s inside the tokens of other macros (`tokio::select!`,
//! `futures::select!`, `println!`...), which the syntax tree leaves unparsed.
//!
//! Without a syntax tree this works on token shapes: attributes and nested
//! generator items (`#[async_gen]`) are left alone (they own their yields),
//! and closures, `async` blocks, `const` blocks and other nested `fn` items
//! are recognised so that a yield inside them is an error.

use proc_macro2::{Delimiter, Group, Ident, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::visit_mut::VisitMut;
use syn::{Expr, Macro};

use crate::visitor::{Form, Rewriter, Scope, owns_input_by_name};

type Tokens = std::iter::Peekable<proc_macro2::token_stream::IntoIter>;

impl Rewriter {
    /// Rewrites the yields among a macro's arguments, leaving the rest as is.
    /// The yields there carry the label check (see `Rewriter::label_check`):
    /// the macro may wrap them in a closure or an `async` block.
    pub(crate) fn visit_macro_tokens(&mut self, mac: &mut Macro) {
        let tokens = std::mem::take(&mut mac.tokens);
        self.macro_depth += 1;
        mac.tokens = self.rewrite_tokens(tokens);
        self.macro_depth -= 1;
    }

    /// Input: `{ v = rx.recv() => yield v, _ = tick => yield_!(0) }`.
    /// Output: the same tokens, with each yield rewritten (or an error at it).
    fn rewrite_tokens(&mut self, tokens: TokenStream) -> TokenStream {
        let mut tokens = tokens.into_iter().peekable();
        let mut out = TokenStream::new();
        let mut prev: Option<TokenTree> = None;
        // Whether an `#[async_gen]` / `#[sync_gen]` precedes the next `fn`.
        let mut generator_attribute = false;
        while let Some(token) = tokens.next() {
            let kept = token.clone();
            match token {
                TokenTree::Ident(ident)
                    if (ident == "yield_" || ident == "yield_from")
                        && is_bang_group(&mut tokens) =>
                {
                    out.extend(self.rewrite_yield_macro(&ident, &mut tokens));
                }
                // In the attribute form a plain `yield` in another macro's
                // input is that macro's (async-stream's `stream!` under any
                // name).
                TokenTree::Ident(ident) if ident == "yield" && self.form == Form::Block => {
                    let value = take_expression(&mut tokens);
                    let original = quote::quote!(#ident #value);
                    let value = (!value.is_empty()).then_some(value);
                    let rewritten = self.yield_expr(ident.span(), value);
                    out.extend(self.marked(|| original, rewritten));
                }
                // Nested generators and `fn` items own their yields, and
                // `stringify!`-like macros do not run their input.
                TokenTree::Ident(ident)
                    if owns_input_by_name(&ident.to_string()) && is_bang_group(&mut tokens) =>
                {
                    out.extend([TokenTree::Ident(ident)]);
                    out.extend(tokens.next().into_iter().chain(tokens.next()));
                }
                TokenTree::Ident(ident)
                    if ident == "fn" && matches!(tokens.peek(), Some(TokenTree::Ident(_))) =>
                {
                    out.extend([TokenTree::Ident(ident)]);
                    self.rewrite_fn_item(&mut tokens, &mut out, generator_attribute);
                    generator_attribute = false;
                }
                TokenTree::Punct(pound)
                    if pound.as_char() == '#'
                        && matches!(tokens.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket) =>
                {
                    let Some(TokenTree::Group(attribute)) = tokens.next() else { unreachable!() };
                    if is_for_await_attribute(&attribute) {
                        if let Some(rewritten) =
                            self.rewrite_for_await(&pound, &attribute, &mut tokens)
                        {
                            out.extend(rewritten);
                            continue;
                        }
                    }
                    generator_attribute |= is_generator_attribute(&attribute);
                    out.extend([TokenTree::Punct(pound), TokenTree::Group(attribute)]);
                }
                TokenTree::Ident(ident)
                    if ident == "const"
                        && matches!(tokens.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace) =>
                {
                    out.extend([TokenTree::Ident(ident)]);
                    let Some(TokenTree::Group(group)) = tokens.next() else { unreachable!() };
                    let stream = self.in_scope_tokens(Scope::Const, group.stream());
                    out.extend([TokenTree::Group(with_stream(&group, stream))]);
                }
                // `. await`: refused in a sync body (and left in place).
                TokenTree::Punct(dot)
                    if dot.as_char() == '.'
                        && matches!(tokens.peek(), Some(TokenTree::Ident(next)) if next == "await") =>
                {
                    if let Some(await_token) = tokens.peek() {
                        self.check_await(await_token.span());
                    }
                    out.extend([TokenTree::Punct(dot)]);
                }
                TokenTree::Ident(ident) if ident == "async" => {
                    out.extend([TokenTree::Ident(ident)]);
                    self.rewrite_after_async(&mut tokens, &mut out);
                }
                TokenTree::Ident(ident) if ident == "move" && is_punct(tokens.peek(), '|') => {
                    out.extend([TokenTree::Ident(ident)]);
                    self.rewrite_closure(&mut tokens, &mut out, Scope::Closure);
                }
                TokenTree::Punct(bar)
                    if bar.as_char() == '|' && starts_expression(prev.as_ref()) =>
                {
                    out.extend([TokenTree::Punct(bar.clone())]);
                    // `||` is two tokens: the second closes the empty parameter list.
                    if bar.spacing() == Spacing::Joint && is_punct(tokens.peek(), '|') {
                        out.extend(tokens.next());
                    } else {
                        copy_through_punct(&mut tokens, &mut out, '|');
                    }
                    let body = take_expression(&mut tokens);
                    out.extend(self.in_scope_tokens(Scope::Closure, body));
                }
                TokenTree::Group(group) => {
                    let stream = self.rewrite_tokens(group.stream());
                    out.extend([TokenTree::Group(with_stream(&group, stream))]);
                }
                other => out.extend([other]),
            }
            prev = Some(kept);
        }
        out
    }

    /// After `#[for_await]`: the loop it marks (`'label: for pat in s { body }`),
    /// rewritten as in the body's syntax tree (see `for_await.rs`); `None`
    /// (nothing taken) if no `for` loop follows.
    fn rewrite_for_await(
        &mut self,
        pound: &proc_macro2::Punct,
        attribute: &Group,
        tokens: &mut Tokens,
    ) -> Option<TokenStream> {
        let mut taken: Vec<TokenTree> = Vec::new();
        // The loop ends at the first `{ ... }` after which the tokens parse as one.
        for token in tokens.clone() {
            let body = matches!(&token, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace);
            taken.push(token);
            if !body {
                continue;
            }
            let candidate: TokenStream = taken.iter().cloned().collect();
            let original = quote::quote!(#pound #attribute #candidate);
            if let Ok(mut for_loop @ Expr::ForLoop(_)) = syn::parse2::<Expr>(original.clone()) {
                tokens.nth(taken.len() - 1);
                self.visit_expr_mut(&mut for_loop);
                // A generator nested in the macro's input may own it, as a yield.
                return Some(self.marked(|| original, for_loop.into_token_stream()));
            }
        }
        None
    }

    /// At `yield_` or `yield_from` before `!(...)`: the rewritten macro call.
    fn rewrite_yield_macro(&mut self, name: &Ident, tokens: &mut Tokens) -> TokenStream {
        let bang = tokens.next();
        let Some(TokenTree::Group(args)) = tokens.next() else { unreachable!() };
        let mac: Macro = syn::parse_quote!(#name #bang #args);
        let rewritten =
            if name == "yield_" { self.yield_macro(&mac) } else { self.yield_from_macro(&mac) };
        self.marked(|| mac.to_token_stream(), rewritten)
    }

    /// After `async`: an optional `move`, then a block or a closure, which is
    /// not the body.
    fn rewrite_after_async(&mut self, tokens: &mut Tokens, out: &mut TokenStream) {
        if matches!(tokens.peek(), Some(TokenTree::Ident(ident)) if ident == "move") {
            out.extend(tokens.next());
        }
        match tokens.peek() {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => {
                let group = group.clone();
                tokens.next();
                let stream = self.in_scope_tokens(Scope::AsyncBlock, group.stream());
                out.extend([TokenTree::Group(with_stream(&group, stream))]);
            }
            Some(TokenTree::Punct(bar)) if bar.as_char() == '|' => {
                self.rewrite_closure(tokens, out, Scope::AsyncBlock);
            }
            _ => {}
        }
    }

    /// At a closure's `|params|`: copies them, then rewrites the body in `scope`.
    fn rewrite_closure(&mut self, tokens: &mut Tokens, out: &mut TokenStream, scope: Scope) {
        out.extend(tokens.next());
        copy_through_punct(tokens, out, '|');
        let body = take_expression(tokens);
        out.extend(self.in_scope_tokens(scope, body));
    }

    /// After a `fn` item's `fn`: copies its signature; a nested generator's
    /// body is its own, any other body is rewritten in the nested-`fn`
    /// scope, where a yield is an error that says why.
    fn rewrite_fn_item(&mut self, tokens: &mut Tokens, out: &mut TokenStream, generator: bool) {
        for token in tokens.by_ref() {
            match token {
                TokenTree::Group(body) if body.delimiter() == Delimiter::Brace => {
                    let stream = if generator {
                        body.stream()
                    } else {
                        self.in_scope_tokens(Scope::NestedFn, body.stream())
                    };
                    out.extend([TokenTree::Group(with_stream(&body, stream))]);
                    return;
                }
                TokenTree::Punct(semi) if semi.as_char() == ';' => {
                    out.extend([TokenTree::Punct(semi)]);
                    return;
                }
                other => out.extend([other]),
            }
        }
    }

    /// `mark_if_nested`, in an invisible group where it is not marked.
    fn marked(&self, original: impl FnOnce() -> TokenStream, rewrite: TokenStream) -> TokenStream {
        if self.maybe_nested() {
            self.mark_if_nested(original, rewrite)
        } else {
            invisible_group(rewrite)
        }
    }

    fn in_scope_tokens(&mut self, scope: Scope, tokens: TokenStream) -> TokenStream {
        let saved = std::mem::replace(&mut self.scope, scope);
        let rewritten = self.rewrite_tokens(tokens);
        self.scope = saved;
        rewritten
    }
}

fn is_punct(token: Option<&TokenTree>, c: char) -> bool {
    matches!(token, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

fn is_bang_group(tokens: &mut Tokens) -> bool {
    let mut ahead = tokens.clone();
    is_punct(ahead.next().as_ref(), '!') && matches!(ahead.next(), Some(TokenTree::Group(_)))
}

/// Whether a `|` after `prev` opens a closure rather than being an `or`.
fn starts_expression(prev: Option<&TokenTree>) -> bool {
    match prev {
        None => true,
        Some(TokenTree::Punct(p)) => matches!(p.as_char(), '=' | ',' | ';' | '>' | '&' | ':'),
        Some(TokenTree::Ident(ident)) => ident == "return" || ident == "break",
        Some(_) => false,
    }
}

/// Copies tokens up to and including the next `c` at this level.
fn copy_through_punct(tokens: &mut Tokens, out: &mut TokenStream, c: char) {
    for token in tokens.by_ref() {
        let done = matches!(&token, TokenTree::Punct(p) if p.as_char() == c);
        out.extend([token]);
        if done {
            return;
        }
    }
}

/// Whether the tokens of `#[...]` are `for_await` (by the path's last segment).
fn is_for_await_attribute(attribute: &Group) -> bool {
    let path = attribute.stream().into_iter().last();
    matches!(path, Some(TokenTree::Ident(ident)) if ident == "for_await")
}

/// Whether the tokens of `#[...]` are `async_gen(...)` or `sync_gen(...)`
/// (by the path's last segment).
fn is_generator_attribute(attribute: &Group) -> bool {
    let path =
        attribute.stream().into_iter().take_while(|token| !matches!(token, TokenTree::Group(_)));
    path.last().is_some_and(|token| {
        matches!(&token, TokenTree::Ident(ident) if ident == "async_gen" || ident == "sync_gen")
    })
}

/// Takes the tokens of one expression: up to the first `,` or `;` at this
/// level after which the tokens so far parse as an expression (so that the
/// commas of `f::<A, B>(x)` or `a < b, c > d`-like generics stay inside).
fn take_expression(tokens: &mut Tokens) -> TokenStream {
    let mut ahead = tokens.clone();
    let mut taken = Vec::new();
    let mut first_separator = None;
    while let Some(token) = ahead.peek() {
        if is_punct(Some(token), ',') || is_punct(Some(token), ';') {
            first_separator.get_or_insert(taken.len());
            let candidate: TokenStream = taken.iter().cloned().collect();
            if syn::parse2::<Expr>(candidate).is_ok() {
                break;
            }
        }
        taken.extend(ahead.next());
    }
    // Nothing before a separator parses: keep the first reading, and let
    // the parse error show where the user wrote the value.
    let count = if syn::parse2::<Expr>(taken.iter().cloned().collect()).is_ok() {
        taken.len()
    } else {
        first_separator.unwrap_or(taken.len())
    };
    tokens.take(count).collect()
}

/// Keeps the rewritten expression together whatever surrounds it, without
/// parentheses that could trip `unused_parens`.
fn invisible_group(tokens: TokenStream) -> TokenStream {
    TokenTree::Group(Group::new(Delimiter::None, tokens)).into()
}

fn with_stream(group: &Group, stream: TokenStream) -> Group {
    let mut new = Group::new(group.delimiter(), stream);
    new.set_span(group.span());
    new
}
