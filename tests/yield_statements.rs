//! A yield statement keeps its attributes (`#[cfg]` removes it, as it removes
//! any statement), and a braced `yield_! { v }` or `yield_from! { g }` is a
//! statement wherever it stands, at the end of a block too (whose value, in a
//! loop body or an `if` without `else`, must be `()`).

use core::pin::pin;

use asyncgen::sync_gen_block as renamed_block;
use asyncgen::{
    AsyncGeneratorExt, GeneratorState, SyncGenerator, async_gen, async_gen_block, sync_gen,
    sync_gen_block,
};
use futures::StreamExt;
use futures::executor::block_on;

#[sync_gen(yield = u32)]
fn ten() -> u32 {
    yield_!(10);
    40
}

#[sync_gen(yield = u32)]
fn sync_under_cfg() {
    #[cfg(any())]
    yield_!(1);
    #[cfg(any())]
    yield_from!(ten());
    #[cfg(any())]
    yield_from!([20, 21]);
    #[cfg(test)]
    yield_!(4);
    #[allow(unused_must_use)]
    yield_from!(ten());
    yield_!(5);
}

#[test]
fn sync_yield_statements_under_a_false_cfg_are_removed() {
    assert_eq!(pin!(sync_under_cfg()).collect::<Vec<_>>(), [4, 10, 5]);
}

#[async_gen(yield = u32)]
async fn async_under_cfg() {
    #[cfg(any())]
    yield_!(1);
    #[cfg(any())]
    yield_from!(futures::stream::iter([2, 3]));
    #[cfg(test)]
    yield_!(4);
    yield_!(5);
}

#[test]
fn async_yield_statements_under_a_false_cfg_are_removed() {
    assert_eq!(block_on(pin!(async_under_cfg()).collect::<Vec<_>>()), [4, 5]);
}

#[test]
fn block_form_yield_statements_under_a_false_cfg_are_removed() {
    let sync = sync_gen_block! {
        #[cfg(any())]
        yield 1;
        #[cfg(any())]
        yield_!(2);
        yield 5;
    };
    assert_eq!(pin!(sync).collect::<Vec<u32>>(), [5]);
    let stream = async_gen_block! {
        #[cfg(any())]
        yield 1;
        #[cfg(test)]
        yield 4;
        yield 5;
    };
    assert_eq!(block_on(pin!(stream).collect::<Vec<u32>>()), [4, 5]);
}

#[sync_gen(yield = u32, resume = i32)]
fn ten_with_resume() -> i32 {
    yield_!(10)
}

#[sync_gen(yield = u32)]
fn fallible() -> Result<(), String> {
    yield_!(20);
    Ok(())
}

/// Braced yields at the end of blocks whose value must be `()`: a loop
/// body, an `if` without `else`, the function's body.
#[sync_gen(yield = u32, resume = i32)]
fn braced_at_block_ends(extra: bool) {
    for i in 0..2 {
        yield_! { i }
    }
    if extra {
        yield_from! { ten_with_resume() }
    }
    yield_! { 3 }
}

#[sync_gen(yield = u32)]
fn braced_delegations() {
    for _ in 0..2 {
        #[allow(unused_must_use)]
        yield_from! { fallible() }
    }
    let _ = yield_from!(fallible());
    yield_from! { [30] }
}

#[test]
fn a_braced_yield_is_a_statement_wherever_it_stands() {
    let mut generator = pin!(braced_at_block_ends(true));
    let mut items = Vec::new();
    while let GeneratorState::Yielded(item) = generator.as_mut().resume(0) {
        items.push(item);
    }
    assert_eq!(items, [0, 1, 10, 3]);
    assert_eq!(pin!(braced_delegations()).collect::<Vec<_>>(), [20, 20, 20, 30]);
}

#[async_gen(yield = u32, resume = i32)]
async fn async_braced_at_block_ends(extra: bool) {
    for i in 0..2 {
        yield_! { i }
    }
    if extra {
        yield_! { 2 }
    }
}

#[test]
fn a_braced_async_yield_is_a_statement_wherever_it_stands() {
    block_on(async {
        let mut generator = pin!(async_braced_at_block_ends(true));
        let mut items = Vec::new();
        while let GeneratorState::Yielded(item) = generator.as_mut().resume(0).await {
            items.push(item);
        }
        assert_eq!(items, [0, 1, 2]);
    });
}

#[sync_gen(yield = u32)]
fn outer_of_a_renamed_block() {
    // The outer generator marks the yields in the renamed block's input; the
    // block takes them back with their attributes.
    let inner = renamed_block! {
        #[cfg(any())]
        yield_!(1u32);
        #[cfg(test)]
        yield_!(2u32);
    };
    yield_from!(inner);
    #[cfg(any())]
    yield_!(0);
    yield_!(3);
}

#[test]
fn a_renamed_nested_block_keeps_its_yields_attributes() {
    assert_eq!(pin!(outer_of_a_renamed_block()).collect::<Vec<_>>(), [2, 3]);
}
