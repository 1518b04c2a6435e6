//! The workloads as hand-written `Stream`s: the limit, with no generator
//! machinery at all.

use core::pin::Pin;
use core::task::{Context, Poll};

use futures::Stream;

use crate::poll::parks_before;

/// Yields `0..end`.
#[derive(Debug)]
pub struct Count {
    next: u64,
    end: u64,
}

/// Yields `0..n`.
pub fn count(n: u64) -> Count {
    Count { next: 0, end: n }
}

impl Stream for Count {
    type Item = u64;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.next < self.end {
            let item = self.next;
            self.next += 1;
            Poll::Ready(Some(item))
        } else {
            Poll::Ready(None)
        }
    }
}

/// Yields `base`, `base + 1`, `base + 2`.
#[derive(Debug)]
pub struct Three {
    base: u64,
    done: u8,
}

/// Yields `base`, `base + 1`, `base + 2`.
pub fn three(base: u64) -> Three {
    Three { base, done: 0 }
}

impl Stream for Three {
    type Item = u64;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.done < 3 {
            let item = self.base + u64::from(self.done);
            self.done += 1;
            Poll::Ready(Some(item))
        } else {
            Poll::Ready(None)
        }
    }
}

/// Yields `0..end`, returning `Pending` once before every 1024th item.
#[derive(Debug)]
pub struct AwaitBetween {
    next: u64,
    end: u64,
    parked: bool,
}

/// Yields `0..n`, parking once every 1024 items.
pub fn await_between(n: u64) -> AwaitBetween {
    AwaitBetween { next: 0, end: n, parked: false }
}

impl Stream for AwaitBetween {
    type Item = u64;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.next >= self.end {
            return Poll::Ready(None);
        }
        let item = self.next;
        if parks_before(item) && !self.parked {
            self.parked = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        self.parked = false;
        self.next += 1;
        Poll::Ready(Some(item))
    }
}

/// Yields `2 * x` for every `x` of the inner stream.
#[derive(Debug)]
pub struct Double<S> {
    inner: S,
}

/// Yields `2 * x` for every `x` of an inner `count(n)`.
pub fn pipe(n: u64) -> Double<Count> {
    Double { inner: count(n) }
}

impl<S: Stream<Item = u64> + Unpin> Stream for Double<S> {
    type Item = u64;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
        Pin::new(&mut self.inner).poll_next(cx).map(|item| item.map(|x| x * 2))
    }
}
