//! Plain `yield` behaves exactly like `yield_!`.

use asyncgen_nightly_tests::{mixed, plain_yield};
use core::pin::pin;
use futures::StreamExt;
use futures::executor::block_on;

#[test]
fn plain_yield_keyword_yields_in_order() {
    let items: Vec<u32> = block_on(pin!(plain_yield(4)).collect());
    assert_eq!(items, [0, 1, 2, 3]);
}

#[test]
fn plain_and_macro_yields_mix_and_errors_end_the_stream() {
    let items: Vec<_> = block_on(pin!(mixed("1 2 x 4")).collect());
    let parse_error = "x".parse::<u32>().unwrap_err();
    assert_eq!(items, [Ok(1), Ok(0), Ok(2), Ok(0), Err(parse_error)]);
}
