//! Block forms: which yields' values are discarded. A block form's resume
//! type is `()` unless some yield's value is used (`let a = yield v;`), and
//! a yield at the end of a block whose value nothing takes (an `if` without
//! `else`, a loop body, an arm of a `match` statement) is no use of it.
//!
//! Input: `if c { yield 10 }` as a statement, `match n { 0 => yield 1, _ => yield 2 };`.
//! Output: `if c { yield 10; }`, `match n { 0 => { yield 1; } _ => { yield 2; } };`:
//! the same program (each of those values was discarded), whose yields are
//! then statements, which the rewriter counts as discarded.

use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Stmt};

use crate::visitor::is_macro;

/// Ends with `;` each yield whose value its block discards (see the module
/// docs), among the body's statements and at any depth.
pub(crate) fn end_discarded_yields(stmts: &mut [Stmt]) {
    discard_statements(stmts);
    match stmts.last_mut() {
        // A trailing yield is the last yield, not the completion value. Any
        // other tail is the completion value, unless it has none (an `if`
        // without `else`).
        Some(Stmt::Expr(tail, semi @ None)) if is_yield(tail) => {
            *semi = Some(syn::token::Semi::default());
        }
        Some(Stmt::Expr(Expr::If(tail), None)) if tail.else_branch.is_none() => {
            discard_block(&mut tail.then_branch);
        }
        _ => {}
    }
    let mut marker = Discarded;
    for stmt in stmts {
        marker.visit_stmt_mut(stmt);
    }
}

/// The statements of a block: those ended by `;`, and the block-like ones
/// before its tail, discard their values.
fn discard_statements(stmts: &mut [Stmt]) {
    let last = stmts.len().checked_sub(1);
    for (index, stmt) in stmts.iter_mut().enumerate() {
        match stmt {
            Stmt::Expr(expr, Some(_)) => discard(expr),
            Stmt::Expr(expr, None) if Some(index) != last => discard(expr),
            _ => {}
        }
    }
}

/// Whether `expr` is `yield v` or `yield_!(v)`.
fn is_yield(expr: &Expr) -> bool {
    match expr {
        Expr::Yield(_) => true,
        Expr::Macro(expr_macro) => is_macro(&expr_macro.mac, "yield_"),
        _ => false,
    }
}

/// Marks the blocks whose value is discarded wherever they are: loop bodies,
/// and the blocks of statements.
struct Discarded;

impl VisitMut for Discarded {
    fn visit_block_mut(&mut self, block: &mut Block) {
        discard_statements(&mut block.stmts);
        visit_mut::visit_block_mut(self, block);
    }

    fn visit_expr_for_loop_mut(&mut self, expr: &mut syn::ExprForLoop) {
        discard_block(&mut expr.body);
        visit_mut::visit_expr_for_loop_mut(self, expr);
    }

    fn visit_expr_while_mut(&mut self, expr: &mut syn::ExprWhile) {
        discard_block(&mut expr.body);
        visit_mut::visit_expr_while_mut(self, expr);
    }

    fn visit_expr_loop_mut(&mut self, expr: &mut syn::ExprLoop) {
        discard_block(&mut expr.body);
        visit_mut::visit_expr_loop_mut(self, expr);
    }

    // Their yields are not this generator's.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}

    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// `expr`'s value is discarded: so is that of its branches.
fn discard(expr: &mut Expr) {
    match expr {
        Expr::If(expr_if) => {
            discard_block(&mut expr_if.then_branch);
            if let Some((_, other)) = &mut expr_if.else_branch {
                discard(other);
            }
        }
        Expr::Match(expr_match) => {
            for arm in &mut expr_match.arms {
                if is_yield(&arm.body) {
                    let body = &arm.body;
                    *arm.body = syn::parse_quote!({ #body; });
                    arm.comma = None;
                } else {
                    discard(&mut arm.body);
                }
            }
        }
        Expr::Block(expr_block) => discard_block(&mut expr_block.block),
        Expr::Unsafe(expr_unsafe) => discard_block(&mut expr_unsafe.block),
        _ => {}
    }
}

/// `block`'s value is discarded: a yield at its end becomes a statement.
fn discard_block(block: &mut Block) {
    if let Some(Stmt::Expr(tail, semi @ None)) = block.stmts.last_mut() {
        if is_yield(tail) {
            *semi = Some(syn::token::Semi::default());
        } else {
            discard(tail);
        }
    }
}
