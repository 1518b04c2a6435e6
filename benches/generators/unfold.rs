//! The workloads written with `futures::stream::unfold` and `async` blocks.

use core::future::ready;
use futures::stream::{Stream, StreamExt, unfold};

use crate::poll::{Park, parks_before};

/// Yields `0..n`.
pub fn count(n: u64) -> impl Stream<Item = u64> {
    unfold(0, move |i| async move { (i < n).then_some((i, i + 1)) })
}

/// Yields `base`, `base + 1`, `base + 2`.
pub fn three(base: u64) -> impl Stream<Item = u64> {
    unfold(0, move |i| async move { (i < 3).then_some((base + i, i + 1)) })
}

/// Yields `0..n`, awaiting `ready(i)` before each item and parking once every
/// 1024 items.
pub fn await_between(n: u64) -> impl Stream<Item = u64> {
    unfold(0, move |i| async move {
        if i >= n {
            return None;
        }
        let item = ready(i).await;
        if parks_before(i) {
            Park::default().await;
        }
        Some((item, i + 1))
    })
}

/// Yields `2 * x` for every `x` of an inner `count(n)`.
///
/// `unfold` moves its state in and out of every step, so the inner stream
/// (an `unfold` over an `async` block, hence `!Unpin`) is pinned in a box:
/// one allocation per generator.
pub fn pipe(n: u64) -> impl Stream<Item = u64> {
    unfold(Box::pin(count(n)), |mut inner| async move {
        let x = inner.next().await?;
        Some((x * 2, inner))
    })
}
