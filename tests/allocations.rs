//! Generators allocate nothing: creating one, pinning it on the stack and
//! draining it (both forms, `#[for_await]` over another generator, an `Err`
//! completion, two-way resumes) counts zero heap allocations.
//!
//! The counting allocator (`support/counting.rs`) counts only on a thread
//! that asked for it, one measurement at a time. The generators are polled
//! by hand with a no-op waker, so no executor's allocations are measured
//! either.

#[path = "support/counting.rs"]
mod allocator;
mod support;

use core::pin::{Pin, pin};
use core::task::{Context, Poll};

use allocator::allocations_in;
use asyncgen::{AsyncGenerator, GeneratorState, async_gen, async_gen_block};
use futures::stream::{FusedStream, Stream};
use futures::task::noop_waker_ref;
use support::PendingOnce;

/// How many items each generator yields.
const N: u64 = if cfg!(miri) { 50 } else { 1_000 };

/// Drains a stream by polling it with a no-op waker, folding its items with
/// `step`: nothing here allocates, so only the generator can.
fn drain<S: Stream, A>(stream: Pin<&mut S>, init: A, mut step: impl FnMut(A, S::Item) -> A) -> A {
    let mut cx = Context::from_waker(noop_waker_ref());
    let mut stream = stream;
    let mut acc = init;
    loop {
        match stream.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(item)) => acc = step(acc, item),
            Poll::Ready(None) => return acc,
            Poll::Pending => {}
        }
    }
}

/// Folds `(count, sum, in order)` over items that should be `0, 1, 2, ...`.
fn check_sequence((count, sum, ordered): (u64, u64, bool), item: u64) -> (u64, u64, bool) {
    (count + 1, sum + item, ordered && item == count)
}

#[async_gen(yield = u64)]
async fn counting(limit: u64) {
    for i in 0..limit {
        yield_!(i);
    }
}

#[async_gen(yield = u64)]
async fn counting_with_waits(limit: u64) {
    for i in 0..limit {
        if i % 2 == 0 {
            PendingOnce::default().await;
        }
        yield_!(i);
    }
}

#[async_gen(yield = u64)]
async fn doubled(inner: impl Stream<Item = u64>) {
    #[for_await]
    for item in inner {
        yield_!(item * 2);
    }
}

#[async_gen(yield = u64)]
async fn forwards(limit: u64) {
    yield_from!(counting(limit));
}

#[async_gen(yield = u64)]
async fn fails_at(limit: u64) -> Result<(), &'static str> {
    for i in 0..limit {
        yield_!(i);
    }
    Err("the last item")
}

#[async_gen(yield = u64, resume = u64)]
async fn accumulate(limit: u64) -> u64 {
    let mut total = 0;
    for _ in 0..limit {
        total += yield_!(total);
    }
    total
}

const EXPECTED_SUM: u64 = N * (N - 1) / 2;

#[test]
fn the_counter_sees_allocations_on_the_measuring_thread() {
    // Makes sure the measurements below are not vacuous.
    let (boxed, allocations) = allocations_in(|| Box::new(5_u64));
    assert_eq!(*boxed, 5);
    assert_eq!(allocations, 1);
    let (items, allocations) = allocations_in(|| (0..N).collect::<Vec<_>>());
    assert_eq!(items.len(), usize::try_from(N).expect("fits"));
    assert!(allocations >= 1);
}

#[test]
fn creating_and_pinning_allocates_nothing() {
    let (terminated, allocations) = allocations_in(|| {
        let generator = pin!(counting(N));
        generator.is_terminated()
    });
    assert!(!terminated);
    assert_eq!(allocations, 0);
}

#[test]
fn draining_the_attribute_form_allocates_nothing() {
    let (folded, allocations) = allocations_in(|| {
        let generator = pin!(counting(N));
        drain(generator, (0, 0, true), check_sequence)
    });
    assert_eq!(folded, (N, EXPECTED_SUM, true));
    assert_eq!(allocations, 0);
}

#[test]
fn draining_with_pending_awaits_allocates_nothing() {
    let (folded, allocations) = allocations_in(|| {
        let generator = pin!(counting_with_waits(N));
        drain(generator, (0, 0, true), check_sequence)
    });
    assert_eq!(folded, (N, EXPECTED_SUM, true));
    assert_eq!(allocations, 0);
}

#[test]
fn draining_the_block_form_allocates_nothing() {
    let (folded, allocations) = allocations_in(|| {
        let generator = pin!(async_gen_block! {
            for i in 0..N {
                yield i;
            }
        });
        drain(generator, (0, 0, true), check_sequence)
    });
    assert_eq!(folded, (N, EXPECTED_SUM, true));
    assert_eq!(allocations, 0);
}

#[test]
fn for_await_over_an_inner_generator_allocates_nothing() {
    let (folded, allocations) = allocations_in(|| {
        let generator = pin!(doubled(counting(N)));
        drain(generator, (0, 0, true), |(count, sum, ordered), item| {
            (count + 1, sum + item, ordered && item == count * 2)
        })
    });
    assert_eq!(folded, (N, EXPECTED_SUM * 2, true));
    assert_eq!(allocations, 0);

    let (folded, allocations) = allocations_in(|| {
        let generator = pin!(async_gen_block! {
            for await item in counting_with_waits(N) {
                yield item + 1;
            }
        });
        drain(generator, (0, 0, true), |(count, sum, ordered), item| {
            (count + 1, sum + item, ordered && item == count + 1)
        })
    });
    assert_eq!(folded, (N, EXPECTED_SUM + N, true));
    assert_eq!(allocations, 0);
}

#[test]
fn yield_from_allocates_nothing() {
    let (folded, allocations) = allocations_in(|| {
        let generator = pin!(forwards(N));
        drain(generator, (0, 0, true), check_sequence)
    });
    assert_eq!(folded, (N, EXPECTED_SUM, true));
    assert_eq!(allocations, 0);
}

#[test]
fn an_err_completion_allocates_nothing() {
    let ((folded, last), allocations) = allocations_in(|| {
        let generator = pin!(fails_at(N));
        drain(generator, ((0, 0, true), None), |(folded, last), item| match item {
            Ok(value) if last.is_none() => (check_sequence(folded, value), None),
            other => (folded, Some(other)),
        })
    });
    assert_eq!(folded, (N, EXPECTED_SUM, true));
    assert_eq!(last, Some(Err("the last item")));
    assert_eq!(allocations, 0);
}

#[test]
fn resuming_allocates_nothing() {
    let ((yields, total), allocations) = allocations_in(|| {
        let mut generator = pin!(accumulate(N));
        let mut cx = Context::from_waker(noop_waker_ref());
        let mut yields = 0;
        let mut next = 0;
        loop {
            match generator.as_mut().poll_resume(&mut cx, &mut Some(next)) {
                Poll::Ready(GeneratorState::Yielded(_)) => {
                    yields += 1;
                    next += 1;
                }
                Poll::Ready(GeneratorState::Complete(total)) => break (yields, total),
                Poll::Pending => unreachable!("this body never waits"),
            }
        }
    });
    // The first resume value (0) is dropped; 1..=N reach the yields.
    assert_eq!((yields, total), (N, N * (N + 1) / 2));
    assert_eq!(allocations, 0);
}

#[test]
fn dropping_part_way_allocates_nothing() {
    let (first, allocations) = allocations_in(|| {
        let mut generator = pin!(doubled(counting_with_waits(N)));
        let mut cx = Context::from_waker(noop_waker_ref());
        let mut first = None;
        while first.is_none() {
            if let Poll::Ready(item) = generator.as_mut().poll_next(&mut cx) {
                first = item;
            }
        }
        first
    });
    assert_eq!(first, Some(0));
    assert_eq!(allocations, 0);
}
