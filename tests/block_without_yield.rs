//! A block with no `yield` yields `()`, as async-stream's `stream!` does
//! (its `noop_stream` and `empty_stream` tests, in our own words).

use core::pin::pin;

use asyncgen::async_gen_block;
use futures::StreamExt;
use futures::executor::block_on;

#[test]
fn an_empty_block_is_an_empty_stream_of_unit() {
    let stream = async_gen_block! {};
    let items: Vec<()> = block_on(pin!(stream).collect());
    assert!(items.is_empty());
}

#[test]
fn a_block_without_yield_runs_its_code_and_ends() {
    let mut ran = false;
    {
        let ran = &mut ran;
        let stream = async_gen_block! {
            *ran = true;
        };
        let mut stream = pin!(stream);
        // `next()` with no annotation: the item type is `()`.
        assert!(block_on(stream.next()).is_none());
    }
    assert!(ran);
}

#[test]
fn a_block_whose_only_code_is_an_await() {
    let stream = async_gen_block! {
        async {}.await;
    };
    assert_eq!(block_on(pin!(stream).count()), 0);
}
