//! A `#![no_std]`, allocator-free user of asyncgen: `.ci/run` builds it for
//! `thumbv6m-none-eabi`, and its tests (on the host) run the same code.
//!
//! ```
//! assert_eq!(asyncgen_no_std_test::sum_of_squares(4), 1 + 4 + 9 + 16);
//! assert_eq!(asyncgen_no_std_test::sum_of_cubes(3), 1 + 8 + 27);
//! ```
#![no_std]

use core::pin::pin;
use core::task::{Context, Poll, Waker};

use asyncgen::{AsyncGenerator, GeneratorState, SyncGenerator, async_gen, sync_gen};

/// Yields the squares of `1..=n`.
#[async_gen(yield = u32)]
pub async fn squares(n: u32) {
    for i in 1..=n {
        yield_!(i * i);
    }
}

/// A two-way generator: yields the running total of the values it is resumed with.
#[async_gen(yield = u32, resume = u32)]
pub async fn running_total() {
    let mut total = 0;
    loop {
        total += yield_!(total);
    }
}

/// Drains `squares(n)` with a hand-written poll loop (no executor, no
/// allocation) and returns the sum of the items.
#[must_use]
pub fn sum_of_squares(n: u32) -> u32 {
    let mut cx = Context::from_waker(Waker::noop());
    let mut generator = pin!(squares(n));
    let mut sum = 0;
    loop {
        match generator.as_mut().poll_resume(&mut cx, &mut Some(())) {
            Poll::Ready(GeneratorState::Yielded(square)) => sum += square,
            Poll::Ready(GeneratorState::Complete(())) => return sum,
            Poll::Pending => {}
        }
    }
}

/// Feeds `values` to `running_total()` and returns the last total it yielded.
#[must_use]
pub fn last_total(values: &[u32]) -> u32 {
    let mut cx = Context::from_waker(Waker::noop());
    let mut generator = pin!(running_total());
    let mut last = 0;
    // The first resume only starts the body, as in JavaScript.
    for arg in core::iter::once(0).chain(values.iter().copied()) {
        if let Poll::Ready(GeneratorState::Yielded(total)) =
            generator.as_mut().poll_resume(&mut cx, &mut Some(arg))
        {
            last = total;
        }
    }
    last
}

/// A sync generator: yields the cubes of `1..=n`.
#[sync_gen(yield = u32)]
pub fn cubes(n: u32) {
    for i in 1..=n {
        yield_!(i * i * i);
    }
}

/// A two-way sync generator: yields the largest value it was resumed with so far.
#[sync_gen(yield = u32, resume = u32)]
pub fn running_max() {
    let mut max = 0;
    loop {
        max = max.max(yield_!(max));
    }
}

/// Sums `cubes(n)` as an `Iterator` (no executor, no allocation).
#[must_use]
pub fn sum_of_cubes(n: u32) -> u32 {
    pin!(cubes(n)).sum()
}

/// Feeds `values` to `running_max()` and returns the last maximum it yielded.
#[must_use]
pub fn last_max(values: &[u32]) -> u32 {
    let mut generator = pin!(running_max());
    let mut last = 0;
    // The first resume only starts the body, as in JavaScript.
    for arg in core::iter::once(0).chain(values.iter().copied()) {
        if let GeneratorState::Yielded(max) = generator.as_mut().resume(arg) {
            last = max;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_generator_runs_without_std_or_an_allocator() {
        assert_eq!(super::sum_of_squares(0), 0);
        assert_eq!(super::sum_of_squares(10), 385);
        assert_eq!(super::last_total(&[5, 10, 20]), 35);
        assert_eq!(super::sum_of_cubes(4), 100);
        assert_eq!(super::last_max(&[5, 12, 3]), 12);
    }
}
