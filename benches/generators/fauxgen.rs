//! The workloads written with fauxgen's `#[generator]` on `async fn`s.

use core::future::ready;
use core::pin::pin;
use futures::StreamExt;

use crate::poll::{Park, parks_before};

/// Yields `0..n`.
#[fauxgen::generator(yield = u64)]
pub async fn count(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}

/// Yields `base`, `base + 1`, `base + 2`.
#[fauxgen::generator(yield = u64)]
pub async fn three(base: u64) {
    r#yield!(base);
    r#yield!(base + 1);
    r#yield!(base + 2);
}

/// Yields `0..n`, awaiting `ready(i)` before each item and parking once every
/// 1024 items.
#[fauxgen::generator(yield = u64)]
pub async fn await_between(n: u64) {
    for i in 0..n {
        let item = ready(i).await;
        if parks_before(i) {
            Park::default().await;
        }
        r#yield!(item);
    }
}

/// Yields `2 * x` for every `x` of an inner `count(n)`.
#[fauxgen::generator(yield = u64)]
pub async fn pipe(n: u64) {
    let mut inner = pin!(count(n));
    while let Some(x) = inner.next().await {
        r#yield!(x * 2);
    }
}
