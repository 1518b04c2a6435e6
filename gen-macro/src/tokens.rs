//! Rewrites `yield`s inside the tokens of other macros (`tokio::select!`,
//! `futures::select!`, `println!`...), which the syntax tree leaves unparsed.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use syn::Macro;

use crate::visitor::{Rewriter, Scope};

type Tokens = std::iter::Peekable<proc_macro2::token_stream::IntoIter>;

impl Rewriter {
    /// Rewrites the yields among a macro's arguments, leaving the rest as is.
    pub(crate) fn visit_macro_tokens(&mut self, mac: &mut Macro) {
        let tokens = std::mem::take(&mut mac.tokens);
        mac.tokens = self.rewrite_tokens(tokens);
    }

    /// Input: `{ v = rx.recv() => yield v, _ = tick => yield_!(0) }`.
    /// Output: the same tokens, with each yield rewritten (or an error at it).
    fn rewrite_tokens(&mut self, tokens: TokenStream) -> TokenStream {
        let mut tokens = tokens.into_iter().peekable();
        let mut out = TokenStream::new();
        while let Some(token) = tokens.next() {
            match token {
                TokenTree::Ident(ident)
                    if (ident == "yield_" || ident == "yield_from")
                        && is_bang_group(&mut tokens) =>
                {
                    let bang = tokens.next();
                    let Some(TokenTree::Group(args)) = tokens.next() else { unreachable!() };
                    let mac: Macro = syn::parse_quote!(#ident #bang #args);
                    let rewritten = if ident == "yield_" {
                        self.yield_macro(&mac)
                    } else {
                        self.yield_from_macro(&mac)
                    };
                    out.extend(invisible_group(rewritten));
                }
                TokenTree::Ident(ident)
                    if ident == "async_gen_block" && is_bang_group(&mut tokens) =>
                {
                    out.extend([TokenTree::Ident(ident)]);
                    out.extend(tokens.next());
                    out.extend(tokens.next());
                }
                TokenTree::Ident(ident) if ident == "yield" => {
                    let span = ident.span();
                    let value = take_until_separator(&mut tokens);
                    let value = (!value.is_empty()).then_some(value);
                    out.extend(invisible_group(self.yield_expr(span, value)));
                }
                TokenTree::Ident(ident) if ident == "async" => {
                    out.extend([TokenTree::Ident(ident)]);
                    self.rewrite_async_block(&mut tokens, &mut out);
                }
                TokenTree::Group(group) => {
                    let stream = self.rewrite_tokens(group.stream());
                    out.extend([TokenTree::Group(with_stream(&group, stream))]);
                }
                other => out.extend([other]),
            }
        }
        out
    }

    /// After `async`: an optional `move`, then a block that is not the body.
    fn rewrite_async_block(&mut self, tokens: &mut Tokens, out: &mut TokenStream) {
        if matches!(tokens.peek(), Some(TokenTree::Ident(ident)) if ident == "move") {
            out.extend(tokens.next());
        }
        if let Some(TokenTree::Group(group)) = tokens.peek()
            && group.delimiter() == Delimiter::Brace
        {
            let group = group.clone();
            tokens.next();
            let saved = std::mem::replace(&mut self.scope, Scope::AsyncBlock);
            let stream = self.rewrite_tokens(group.stream());
            self.scope = saved;
            out.extend([TokenTree::Group(with_stream(&group, stream))]);
        }
    }
}

fn is_bang_group(tokens: &mut Tokens) -> bool {
    let mut ahead = tokens.clone();
    matches!(ahead.next(), Some(TokenTree::Punct(p)) if p.as_char() == '!')
        && matches!(ahead.next(), Some(TokenTree::Group(_)))
}

/// The value of a `yield` among macro tokens runs to the next `,` or `;`.
fn take_until_separator(tokens: &mut Tokens) -> TokenStream {
    let mut value = TokenStream::new();
    while let Some(token) = tokens.peek() {
        if matches!(token, TokenTree::Punct(p) if matches!(p.as_char(), ',' | ';')) {
            break;
        }
        value.extend(tokens.next());
    }
    value
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
