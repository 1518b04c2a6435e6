//! The workloads written with `asynk-strim`'s `stream_fn`.

use asynk_strim::stream_fn;
use core::future::ready;
use core::pin::pin;
use futures::stream::{Stream, StreamExt};

use crate::poll::{Park, parks_before};

/// Yields `0..n`.
pub fn count(n: u64) -> impl Stream<Item = u64> {
    stream_fn(move |mut yielder| async move {
        for i in 0..n {
            yielder.yield_item(i).await;
        }
    })
}

/// Yields `base`, `base + 1`, `base + 2`.
pub fn three(base: u64) -> impl Stream<Item = u64> {
    stream_fn(move |mut yielder| async move {
        yielder.yield_item(base).await;
        yielder.yield_item(base + 1).await;
        yielder.yield_item(base + 2).await;
    })
}

/// Yields `0..n`, awaiting `ready(i)` before each item and parking once every
/// 1024 items.
pub fn await_between(n: u64) -> impl Stream<Item = u64> {
    stream_fn(move |mut yielder| async move {
        for i in 0..n {
            let item = ready(i).await;
            if parks_before(i) {
                Park::default().await;
            }
            yielder.yield_item(item).await;
        }
    })
}

/// Yields `2 * x` for every `x` of an inner `count(n)`.
pub fn pipe(n: u64) -> impl Stream<Item = u64> {
    stream_fn(move |mut yielder| async move {
        let mut inner = pin!(count(n));
        while let Some(x) = inner.next().await {
            yielder.yield_item(x * 2).await;
        }
    })
}
