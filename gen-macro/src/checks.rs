//! Mistakes that `#[async_gen]` and `#[sync_gen]` recognise before expanding,
//! because the errors rustc would give for them name code the user never
//! wrote (the async closure of the expansion) or miss the fix.

use proc_macro2::{Delimiter, Group, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::{Attribute, ItemFn, ReturnType, Token, Type};

use crate::args::Args;
use crate::fallback::compact;
use crate::flavor::Flavor;

/// Input: the attributes left on the function (the outer `#[async_gen]`, or
/// `#[sync_gen]`, is already consumed).
/// Output: an error at each further one, which is removed.
pub(crate) fn repeated_attribute(attrs: &mut Vec<Attribute>, flavor: Flavor) -> TokenStream {
    let name = flavor.attribute();
    let mut errors = TokenStream::new();
    attrs.retain(|attr| {
        let repeated = attr.path().segments.last().is_some_and(|last| last.ident == name);
        if repeated {
            let message = format!(
                "`#[{name}]` is applied twice to this function: keep one attribute, with all the \
                 arguments in it"
            );
            errors.extend(syn::Error::new_spanned(attr, message).into_compile_error());
        }
        !repeated
    });
    errors
}

/// Input: a function whose completion type is `()` (no `-> R`, or `-> ()`).
/// Output: an error at each `?` of the body's own control flow (not in
/// closures, nested `async` blocks or items, which have their own return
/// types): `()` cannot carry an error, so each of them would fail.
pub(crate) fn question_marks_without_result(
    function: &ItemFn,
    flavor: Flavor,
) -> Option<TokenStream> {
    let unit = match &function.sig.output {
        ReturnType::Default => true,
        ReturnType::Type(_, ty) => matches!(&**ty, Type::Tuple(tuple) if tuple.elems.is_empty()),
    };
    if !unit {
        return None;
    }
    let mut finder = QuestionMarks(Vec::new());
    finder.visit_block(&function.block);
    if finder.0.is_empty() {
        return None;
    }
    let name = &function.sig.ident;
    let inputs = compact(&function.sig.inputs);
    let (keyword, sequence) = (flavor.function_keyword(), flavor.sequence());
    let message = format!(
        "`?` needs the generator to complete with a `Result`: declare \
         `{keyword} {name}({inputs}) -> Result<(), E>` and end the body with `Ok(())`; the \
         {sequence} then yields `Result` items, and an error ends it as its last item"
    );
    let errors =
        finder.0.into_iter().map(|span| syn::Error::new(span, &message).into_compile_error());
    Some(errors.collect())
}

/// Input: the statements of a generator block.
/// Output: for a block that cannot complete with a `Result` (no tail
/// expression, no `return`, not ending in a diverging statement), an error at
/// each `?` of its own control flow: the block completes with `()`, which
/// cannot carry the error. The caller then expands the block as if it ended
/// with `Ok(())`, so that the error is the only one.
pub(crate) fn block_question_marks_without_result(
    stmts: &[syn::Stmt],
    flavor: Flavor,
) -> Option<TokenStream> {
    use syn::{Expr, Stmt};
    let ends_open = match stmts.last() {
        // Loops other than `loop`, and `if` without `else`, are `()` even as the tail.
        Some(Stmt::Expr(Expr::ForLoop(_) | Expr::While(_), None)) => true,
        Some(Stmt::Expr(Expr::If(if_expr), None)) => if_expr.else_branch.is_none(),
        None | Some(Stmt::Expr(_, None) | Stmt::Expr(Expr::Loop(_) | Expr::Return(_), Some(_))) => {
            false
        }
        Some(Stmt::Macro(mac)) => !is_diverging_macro(&mac.mac),
        Some(Stmt::Expr(Expr::Macro(mac), _)) => !is_diverging_macro(&mac.mac),
        Some(_) => true,
    };
    if !ends_open || has_return(quote::quote!(#(#stmts)*)) {
        return None;
    }
    let mut finder = QuestionMarks(Vec::new());
    for stmt in stmts {
        finder.visit_stmt(stmt);
    }
    if finder.0.is_empty() {
        return None;
    }
    let migration = match flavor {
        Flavor::Async => " (a `try_stream!` body becomes `async_gen_block! { ...; Ok(()) }`)",
        Flavor::Sync => "",
    };
    let message = format!(
        "`?` needs the generator to complete with a `Result`: end the block with \
         `Ok(())`{migration}; the {} then yields `Result` items, and an error ends it as its \
         last item",
        flavor.sequence()
    );
    let errors = finder.0.into_iter().map(|span| syn::Error::new(span, &message));
    Some(errors.map(syn::Error::into_compile_error).collect())
}

fn is_diverging_macro(mac: &syn::Macro) -> bool {
    let name = mac.path.segments.last().map(|segment| segment.ident.to_string());
    name.is_some_and(|name| ["panic", "unreachable", "todo", "unimplemented"].contains(&&*name))
}

/// Whether the tokens contain `return` at any depth (a `return` in a closure
/// counts too: the check stays silent rather than risk a false error).
fn has_return(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Group(group) => has_return(group.stream()),
        TokenTree::Ident(ident) => ident == "return",
        _ => false,
    })
}

/// The spans of the `?`s of a body's own control flow.
struct QuestionMarks(Vec<Span>);

impl<'ast> Visit<'ast> for QuestionMarks {
    fn visit_expr_try(&mut self, expr: &'ast syn::ExprTry) {
        self.0.push(expr.question_token.span);
        visit::visit_expr_try(self, expr);
    }

    /// The arguments of the yield macros and of std's expression macros
    /// (`yield_!(v?)`, `println!("{}", v?)`) are searched too; other macros
    /// are skipped: a nested generator (`try_stream! { yield v?; }`) has a
    /// completion type of its own.
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        const EXPRESSION_MACROS: &[&str] = &[
            "yield_",
            "yield_from",
            "vec",
            "dbg",
            "format",
            "print",
            "println",
            "eprint",
            "eprintln",
            "write",
            "writeln",
            "assert",
            "assert_eq",
            "assert_ne",
        ];
        let name = mac.path.segments.last().map(|segment| segment.ident.to_string());
        if !name.is_some_and(|name| EXPRESSION_MACROS.contains(&name.as_str())) {
            return;
        }
        let parser = Punctuated::<syn::Expr, Token![,]>::parse_terminated;
        if let Ok(exprs) = mac.parse_body_with(parser) {
            let mut inner = QuestionMarks(Vec::new());
            exprs.iter().for_each(|expr| inner.visit_expr(expr));
            self.0.extend(inner.0);
        }
    }

    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}

    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// Input: a function without `boxed`.
/// Output: an error at the first call of the function by itself in its body:
/// `name(...)` in a free function, `self.name(...)` or `Self::name(...)` in
/// a method (seen also inside macros such as `yield_from!`). A generator
/// that contains itself has no size; `boxed` gives it one.
pub(crate) fn recursion(function: &ItemFn, args: &Args, flavor: Flavor) -> Option<TokenStream> {
    let name = function.sig.ident.to_string();
    let method = function.sig.receiver().is_some();
    let body = function.block.to_token_stream();
    let call = self_call(body, &name, method)?;
    // A binding of the same name (`let digits = |n| ...; digits(n)`, a
    // parameter `digits: fn(u32) -> String`) is called instead.
    if !method && binds_locally(function, &name) {
        return None;
    }
    let attribute = flavor.attribute();
    let resume = compact(&args.resume_ty);
    let resume = if resume == "()" { String::new() } else { format!(", resume = {resume}") };
    let written = format!("yield = {}{resume}", compact(&args.yield_ty));
    let message = format!(
        "`{name}` calls itself: a recursive generator needs `boxed`, which gives it a type of \
         known size: write `#[{attribute}({written}, boxed)]` (`boxed_local` if it is not `Send`)"
    );
    Some(syn::Error::new(call, message).into_compile_error())
}

/// The span of the first `name(` in `tokens` that calls the function itself.
fn self_call(tokens: TokenStream, name: &str, method: bool) -> Option<Span> {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (at, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) if ident == name => {
                let called = matches!(tokens.get(at + 1),
                    Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis);
                if called && is_own_path(&tokens[..at], method) && !boxed_after(&tokens[at + 2..]) {
                    return Some(ident.span());
                }
            }
            // A call the user boxes (`Box::pin(name(...))`) recurses through the box.
            TokenTree::Group(_) if boxed_before(&tokens[..at]) => {}
            TokenTree::Group(group) => {
                if let Some(span) = self_call(group.stream(), name, method) {
                    return Some(span);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether `name` is bound inside the function, shadowing the function:
/// by a parameter, by any pattern of the body (`let`, `if let`, `match`
/// arms, closure parameters), by a nested `fn`, or by `let name` among a
/// macro's tokens. Scopes are not followed: any such binding turns the
/// check off, since refusing a call of a binding would refuse valid code,
/// while a recursion missed here still gets rustc's own error (E0733).
fn binds_locally(function: &ItemFn, name: &str) -> bool {
    struct Binder<'a> {
        name: &'a str,
        found: bool,
    }

    impl<'ast> Visit<'ast> for Binder<'_> {
        fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
            self.found |= pat.ident == self.name;
            visit::visit_pat_ident(self, pat);
        }

        fn visit_item_fn(&mut self, item: &'ast ItemFn) {
            self.found |= item.sig.ident == self.name;
            visit::visit_item_fn(self, item);
        }

        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            self.found |= tokens_bind(mac.tokens.clone(), self.name);
        }
    }

    let mut binder = Binder { name, found: false };
    function.sig.inputs.iter().for_each(|input| binder.visit_fn_arg(input));
    binder.visit_block(&function.block);
    binder.found
}

/// Whether the tokens (a macro's input, not parsed) bind `name`, at any
/// depth: `let [mut] name`, a nested `fn name`, or a closure parameter
/// `|[mut] name`.
fn tokens_bind(tokens: TokenStream, name: &str) -> bool {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    tokens.iter().enumerate().any(|(at, token)| match token {
        TokenTree::Group(group) => tokens_bind(group.stream(), name),
        TokenTree::Ident(ident) if ident == name => {
            let before = &tokens[..at];
            let binder = |token: &TokenTree| match token {
                TokenTree::Ident(ident) => ident == "let" || ident == "fn",
                TokenTree::Punct(punct) => punct.as_char() == '|',
                TokenTree::Group(_) | TokenTree::Literal(_) => false,
            };
            match before {
                [.., binder_token, TokenTree::Ident(mutability)] if mutability == "mut" => {
                    binder(binder_token)
                }
                [.., binder_token] => binder(binder_token),
                [] => false,
            }
        }
        _ => false,
    })
}

/// Whether the tokens end with `Box::pin` or `Box::new`.
fn boxed_before(tokens: &[TokenTree]) -> bool {
    matches!(tokens,
        [.., TokenTree::Ident(boxed), TokenTree::Punct(_), TokenTree::Punct(_), TokenTree::Ident(f)]
            if boxed == "Box" && (f == "pin" || f == "new"))
}

/// Whether the tokens start with `.boxed(` or `.boxed_local(` (`StreamExt`'s).
fn boxed_after(tokens: &[TokenTree]) -> bool {
    matches!(tokens,
        [TokenTree::Punct(dot), TokenTree::Ident(f), ..]
            if dot.as_char() == '.' && (f == "boxed" || f == "boxed_local"))
}

/// Whether the tokens before a called name make it the function itself:
/// nothing path-like in a free function; `self.` or `Self::` in a method.
fn is_own_path(before: &[TokenTree], method: bool) -> bool {
    let punct =
        |token: &TokenTree, c: char| matches!(token, TokenTree::Punct(p) if p.as_char() == c);
    let ident = |token: &TokenTree, name: &str| matches!(token, TokenTree::Ident(i) if i == name);
    match before {
        [.., receiver, dot] if method && punct(dot, '.') => ident(receiver, "self"),
        [.., ty, colon1, colon2] if method && punct(colon1, ':') && punct(colon2, ':') => {
            ident(ty, "Self")
        }
        [.., last] if !method => !(punct(last, '.') || punct(last, ':') || ident(last, "fn")),
        [] => !method,
        _ => false,
    }
}

/// Input: the tokens of an item that does not parse.
/// Output: them with each `for await pat in s` of the function's body
/// turned into `#[for_await] for pat in s`, and an error at each `await`
/// that says to write so (stable rustc does not parse `for await` in an
/// item, so the attribute form has no `for await`). Macro arguments are left
/// alone: a nested `async_gen_block!` accepts `for await`. In a sync
/// generator the error is the rewriter's, which refuses any `#[for_await]`
/// of the body: here the attribute only takes the `await`'s span for it.
pub(crate) fn for_await(tokens: TokenStream, flavor: Flavor) -> (TokenStream, TokenStream) {
    let mut errors = TokenStream::new();
    let rewritten = replace_for_await(tokens, flavor, &mut errors);
    (rewritten, errors)
}

fn replace_for_await(tokens: TokenStream, flavor: Flavor, errors: &mut TokenStream) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        match token {
            TokenTree::Ident(ident)
                if ident == "for"
                    && matches!(tokens.peek(), Some(TokenTree::Ident(next)) if next == "await") =>
            {
                let await_span = tokens.next().map_or_else(Span::call_site, |t| t.span());
                let attr_span = match flavor {
                    Flavor::Async => {
                        let message = "`for await` is for `async_gen_block!`: in an \
                            `#[async_gen]` function write `#[for_await] for x in s` (stable Rust \
                            rejects `for await` in an item before the attribute sees it)";
                        errors.extend(syn::Error::new(await_span, message).into_compile_error());
                        ident.span()
                    }
                    Flavor::Sync => await_span,
                };
                let mut pound = Punct::new('#', Spacing::Alone);
                pound.set_span(attr_span);
                let mut attr =
                    Group::new(Delimiter::Bracket, quote::quote_spanned!(attr_span=> for_await));
                attr.set_span(attr_span);
                // The attribute goes before a label: `'label:` is 3 tokens.
                let at = if ends_with_label(&out) { out.len() - 3 } else { out.len() };
                out.splice(at..at, [TokenTree::Punct(pound), TokenTree::Group(attr)]);
                out.push(TokenTree::Ident(ident));
            }
            TokenTree::Group(group) if !is_macro_call(&out) => {
                let mut new = Group::new(
                    group.delimiter(),
                    replace_for_await(group.stream(), flavor, errors),
                );
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

/// Whether the tokens end with `name !`, so that the next group is a macro's input.
fn is_macro_call(tokens: &[TokenTree]) -> bool {
    matches!(tokens, [.., TokenTree::Ident(_), TokenTree::Punct(bang)] if bang.as_char() == '!')
}

/// Whether `tokens` ends with `'label :`.
fn ends_with_label(tokens: &[TokenTree]) -> bool {
    matches!(
        tokens,
        [.., TokenTree::Punct(quote), TokenTree::Ident(_), TokenTree::Punct(colon)]
            if quote.as_char() == '\'' && colon.as_char() == ':'
    )
}
