//! The workloads written with asyncgen's attribute form.

use asyncgen::async_gen;
use core::future::ready;

use crate::poll::{Park, parks_before};

/// Yields `0..n`.
#[async_gen(yield = u64)]
pub async fn count(n: u64) {
    for i in 0..n {
        yield_!(i);
    }
}

/// Yields `base`, `base + 1`, `base + 2`.
#[async_gen(yield = u64)]
pub async fn three(base: u64) {
    yield_!(base);
    yield_!(base + 1);
    yield_!(base + 2);
}

/// Yields `0..n`, awaiting `ready(i)` before each item and parking once every
/// 1024 items.
#[async_gen(yield = u64)]
pub async fn await_between(n: u64) {
    for i in 0..n {
        let item = ready(i).await;
        if parks_before(i) {
            Park::default().await;
        }
        yield_!(item);
    }
}

/// Yields `2 * x` for every `x` of an inner `count(n)`.
#[async_gen(yield = u64)]
pub async fn pipe(n: u64) {
    #[for_await]
    for x in count(n) {
        yield_!(x * 2);
    }
}
