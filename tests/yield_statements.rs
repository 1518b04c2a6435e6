//! A yield statement keeps its attributes (`#[cfg]` removes it, as it removes
//! any statement), and a braced `yield_! { v }` or `yield_from! { g }` at the
//! end of a block is that block's value, as a braced macro call is in Rust.

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

#[sync_gen(yield = u32, resume = u32)]
fn braced_tails() -> u32 {
    let first = {
        yield_! { 2 }
    };
    let inner = yield_from! { ten_with_resume() };
    first + inner + yield_! { 3 }
}

#[sync_gen(yield = u32, resume = u32)]
fn ten_with_resume() -> u32 {
    yield_!(10)
}

#[sync_gen(yield = u32, resume = u32)]
fn braced_fn_tail() -> u32 {
    yield_! { 7 }
}

#[test]
fn a_braced_sync_yield_at_a_block_s_end_is_its_value() {
    let mut generator = pin!(braced_tails());
    assert_eq!(generator.as_mut().resume(0), GeneratorState::Yielded(2));
    assert_eq!(generator.as_mut().resume(100), GeneratorState::Yielded(10));
    assert_eq!(generator.as_mut().resume(20), GeneratorState::Yielded(3));
    assert_eq!(generator.as_mut().resume(3), GeneratorState::Complete(123));
    let mut tail = pin!(braced_fn_tail());
    assert_eq!(tail.as_mut().resume(0), GeneratorState::Yielded(7));
    assert_eq!(tail.as_mut().resume(8), GeneratorState::Complete(8));
}

#[async_gen(yield = u32)]
async fn forty() -> u32 {
    yield_!(1);
    40
}

#[async_gen(yield = u32, resume = u32)]
async fn async_braced_tails() -> u32 {
    let first = {
        yield_! { 2 }
    };
    first + yield_! { 3 }
}

#[async_gen(yield = u32)]
async fn async_braced_yield_from_tail() -> u32 {
    yield_from! { forty() }
}

#[test]
fn a_braced_async_yield_at_a_block_s_end_is_its_value() {
    block_on(async {
        let mut generator = pin!(async_braced_tails());
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Yielded(2));
        assert_eq!(generator.as_mut().resume(5).await, GeneratorState::Yielded(3));
        assert_eq!(generator.as_mut().resume(6).await, GeneratorState::Complete(11));
        let mut delegating = pin!(async_braced_yield_from_tail());
        assert_eq!(delegating.as_mut().resume(()).await, GeneratorState::Yielded(1));
        assert_eq!(delegating.as_mut().resume(()).await, GeneratorState::Complete(40));
    });
}

#[sync_gen(yield = u32, resume = u32)]
fn braced_statements() -> u32 {
    yield_! { 1 }
    let after = 5;
    yield_from! { ten_with_resume() }
    after
}

#[test]
fn a_braced_yield_in_the_middle_of_a_block_is_a_statement() {
    let mut generator = pin!(braced_statements());
    assert_eq!(generator.as_mut().resume(0), GeneratorState::Yielded(1));
    assert_eq!(generator.as_mut().resume(9), GeneratorState::Yielded(10));
    assert_eq!(generator.as_mut().resume(9), GeneratorState::Complete(5));
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
