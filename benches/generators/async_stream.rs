//! The workloads written with `async-stream`'s `stream!`.

use async_stream::stream;
use core::future::ready;
use futures::Stream;

use crate::poll::{Park, parks_before};

/// Yields `0..n`.
pub fn count(n: u64) -> impl Stream<Item = u64> {
    stream! {
        for i in 0..n {
            yield i;
        }
    }
}

/// Yields `base`, `base + 1`, `base + 2`.
pub fn three(base: u64) -> impl Stream<Item = u64> {
    stream! {
        yield base;
        yield base + 1;
        yield base + 2;
    }
}

/// Yields `0..n`, awaiting `ready(i)` before each item and parking once every
/// 1024 items.
pub fn await_between(n: u64) -> impl Stream<Item = u64> {
    stream! {
        for i in 0..n {
            let item = ready(i).await;
            if parks_before(i) {
                Park::default().await;
            }
            yield item;
        }
    }
}

/// Yields `2 * x` for every `x` of an inner `count(n)`.
pub fn pipe(n: u64) -> impl Stream<Item = u64> {
    stream! {
        for await x in count(n) {
            yield x * 2;
        }
    }
}
