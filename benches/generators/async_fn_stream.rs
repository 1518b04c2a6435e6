//! The workloads written with `async-fn-stream`'s `fn_stream`.

use async_fn_stream::fn_stream;
use core::future::ready;
use core::pin::pin;
use futures::stream::{Stream, StreamExt};

use crate::poll::{Park, parks_before};

/// Yields `0..n`.
pub fn count(n: u64) -> impl Stream<Item = u64> {
    fn_stream(move |emitter| async move {
        for i in 0..n {
            emitter.emit(i).await;
        }
    })
}

/// Yields `base`, `base + 1`, `base + 2`.
pub fn three(base: u64) -> impl Stream<Item = u64> {
    fn_stream(move |emitter| async move {
        emitter.emit(base).await;
        emitter.emit(base + 1).await;
        emitter.emit(base + 2).await;
    })
}

/// Yields `0..n`, awaiting `ready(i)` before each item and parking once every
/// 1024 items.
pub fn await_between(n: u64) -> impl Stream<Item = u64> {
    fn_stream(move |emitter| async move {
        for i in 0..n {
            let item = ready(i).await;
            if parks_before(i) {
                Park::default().await;
            }
            emitter.emit(item).await;
        }
    })
}

/// Yields `2 * x` for every `x` of an inner `count(n)`.
pub fn pipe(n: u64) -> impl Stream<Item = u64> {
    fn_stream(move |emitter| async move {
        let mut inner = pin!(count(n));
        while let Some(x) = inner.next().await {
            emitter.emit(x * 2).await;
        }
    })
}
