//! On nightly with `#![feature(coroutines)]`, plain `yield v` is accepted in
//! `#[async_gen]` bodies and means exactly what `yield_!(v)` means.
#![feature(coroutines)]

use asyncgen::async_gen;

/// Yields `0..n` with the plain `yield` keyword.
#[async_gen(yield = u32)]
pub async fn plain_yield(n: u32) {
    for i in 0..n {
        yield i;
    }
}

/// Mixes both spellings and a `?`.
#[async_gen(yield = u32)]
pub async fn mixed(text: &str) -> Result<(), core::num::ParseIntError> {
    for word in text.split(' ') {
        yield word.parse()?;
        yield_!(0);
    }
    Ok(())
}
