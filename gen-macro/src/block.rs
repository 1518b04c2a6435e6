//! `async_gen_block! { ... }`: a generator written as an expression.

use proc_macro2::{Delimiter, Group, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::parse::Parser;
use syn::visit_mut::VisitMut;
use syn::{Block, Expr, Stmt};

use crate::discarded;
use crate::flavor::Flavor;
use crate::visitor::{Form, Rewriter, owns_input_by_name};
use crate::{checks, nearest};

pub(crate) fn async_gen_block(input: TokenStream) -> TokenStream {
    expand(input, Flavor::Async).unwrap_or_else(syn::Error::into_compile_error)
}

/// `sync_gen_block! { ... }`: the same, building a `SyncGen`.
pub(crate) fn sync_gen_block(input: TokenStream) -> TokenStream {
    expand(input, Flavor::Sync).unwrap_or_else(syn::Error::into_compile_error)
}

/// Input: `$crate; stmts` (the facade's `macro_rules!` passes its `$crate`).
/// Output:
/// ```text
/// $crate::__private::new_unit::<_, _, _, _>(async move |mut __co| { stmts' })
/// ```
/// (`'label: { stmts' }` when a yield inside another macro's input carries
/// the label check, see `Rewriter::label_check`)
/// (`new::<_, _, _, _, _>` when the value of a yield is used) with each
/// `yield v` / `yield_!(v)` of `stmts` rewritten and each `for await pat in s`
/// turned into a `#[for_await]` loop. The resume type is
/// `()` unless the value of some `yield` is used, in which case it is inferred;
/// the yield type is `()` when there is no yield, and the completion type
/// `()` when the body never completes.
fn expand(input: TokenStream, flavor: Flavor) -> syn::Result<TokenStream> {
    let (krate, body) = split_crate_path(input);
    // An outer generator's marked yields that are this block's, taken back
    // before any check reads the tokens.
    let body = nearest::take_back(body);
    let mut stmts = Block::parse_within.parse2(desugar_for_await(body))?;
    discarded::end_discarded_yields(&mut stmts);
    let try_errors = checks::block_question_marks_without_result(&stmts, flavor);
    if try_errors.is_some() {
        stmts.push(Stmt::Expr(syn::parse_quote!(::core::result::Result::Ok(())), None));
    }
    let completion = if never_completes(&stmts) { quote!(()) } else { quote!(_) };
    // The resume type is known once every yield is seen; `yield_from!`
    // needs it earlier, so a first pass over a copy finds it.
    let mut survey = Rewriter::new(krate.clone(), Form::Block);
    survey.flavor = flavor;
    for stmt in &mut stmts.clone() {
        survey.visit_stmt_mut(stmt);
    }
    let mut rewriter = Rewriter::new(krate.clone(), Form::Block);
    rewriter.flavor = flavor;
    rewriter.resume_is_unit = !survey.yield_value_used;
    for stmt in &mut stmts {
        rewriter.visit_stmt_mut(stmt);
    }
    let resume = (!rewriter.resume_is_unit).then(|| quote!(_));
    // A block without a yield yields `()`, as async-stream's `stream!` does.
    let yield_ty = if rewriter.yields == 0 { quote!(()) } else { quote!(_) };
    let co = &rewriter.co;
    let mutability = (rewriter.yields > 0).then(|| quote!(mut));
    let errors = &rewriter.errors;
    let body = rewriter.labelled_body(&stmts);
    let new = flavor.constructor(&krate, &yield_ty, resume.as_ref(), &completion);
    Ok(quote! {{
        #try_errors
        #errors
        #new(async move |#mutability #co| { #body })
    }})
}

/// Whether the body surely never completes: it ends in a `loop` without a
/// `break`, and has no `return` or `?`. Its completion type would be `!`
/// (edition 2024) or `()` (earlier), and `!` is no `Stream`: such an endless
/// generator completes with `()`, as an async-stream `stream!` does.
fn never_completes(stmts: &[Stmt]) -> bool {
    let Some(Stmt::Expr(Expr::Loop(endless), _)) = stmts.last() else { return false };
    let body = quote!(#(#stmts)*);
    !has_token(endless.body.to_token_stream(), "break")
        && !has_token(body.clone(), "return")
        && !has_token(body, "?")
}

/// Whether `tokens` contain the identifier or punctuation `text` at any depth.
fn has_token(tokens: TokenStream, text: &str) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Group(group) => has_token(group.stream(), text),
        TokenTree::Ident(ident) => ident == text,
        TokenTree::Punct(punct) => text.len() == 1 && text.starts_with(punct.as_char()),
        TokenTree::Literal(_) => false,
    })
}

/// Splits `path; rest` at the first top-level `;`.
fn split_crate_path(input: TokenStream) -> (TokenStream, TokenStream) {
    let mut tokens = input.into_iter();
    let krate = tokens
        .by_ref()
        .take_while(|token| !matches!(token, TokenTree::Punct(p) if p.as_char() == ';'))
        .collect();
    (krate, tokens.collect())
}

/// Input: `'label: for await pat in stream { ... }` anywhere in the tokens.
/// Output: `#[for_await] 'label: for pat in stream { ... }`.
fn desugar_for_await(tokens: TokenStream) -> TokenStream {
    let mut tokens = tokens.into_iter().peekable();
    let mut out: Vec<TokenTree> = Vec::new();
    while let Some(token) = tokens.next() {
        match token {
            TokenTree::Ident(ident)
                if ident == "for"
                    && matches!(tokens.peek(), Some(TokenTree::Ident(next)) if next == "await") =>
            {
                tokens.next();
                // The attribute goes before a label: `'label:` is 3 tokens.
                let at = if ends_with_label(&out) { out.len() - 3 } else { out.len() };
                out.splice(at..at, for_await_attribute(ident.span()));
                out.push(TokenTree::Ident(ident));
            }
            // A nested generator desugars its own (async-stream's `stream!`
            // takes `for await` as written), and `stringify!` keeps it.
            TokenTree::Group(group) if !input_of_macro_owning_it(&out) => {
                let mut new = Group::new(group.delimiter(), desugar_for_await(group.stream()));
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

/// Whether the tokens end with `name !` for a macro that keeps its input to
/// itself (see `owns_input_by_name`), so that the next group is its input.
fn input_of_macro_owning_it(tokens: &[TokenTree]) -> bool {
    matches!(tokens, [.., TokenTree::Ident(name), TokenTree::Punct(bang)]
        if bang.as_char() == '!' && owns_input_by_name(&name.to_string()))
}

/// Whether `tokens` ends with `'label :`.
fn ends_with_label(tokens: &[TokenTree]) -> bool {
    matches!(
        tokens,
        [.., TokenTree::Punct(quote), TokenTree::Ident(_), TokenTree::Punct(colon)]
            if quote.as_char() == '\'' && colon.as_char() == ':'
    )
}

/// `#[for_await]`, spanned at the `for` it replaces `await` of.
fn for_await_attribute(span: Span) -> [TokenTree; 2] {
    let mut pound = Punct::new('#', Spacing::Alone);
    pound.set_span(span);
    let mut attr = Group::new(Delimiter::Bracket, quote::quote_spanned!(span=> for_await));
    attr.set_span(span);
    [TokenTree::Punct(pound), TokenTree::Group(attr)]
}
