//! Sync generators allocate nothing: creating one, pinning it on the stack
//! and draining it (both forms, `yield_from!` over a generator and an
//! iterator, an `Err` completion, two-way resumes) counts zero heap
//! allocations. The counting allocator (`support/counting.rs`) counts only
//! on a thread that asked for it, one measurement at a time.

#[path = "support/counting.rs"]
mod allocator;

use allocator::allocations_in;
use asyncgen::{GeneratorState, SyncGenerator, sync_gen, sync_gen_block};
use core::pin::pin;

const N: u64 = if cfg!(miri) { 50 } else { 1_000 };
const EXPECTED_SUM: u64 = N * (N - 1) / 2;

#[sync_gen(yield = u64)]
fn counting(limit: u64) {
    for i in 0..limit {
        yield_!(i);
    }
}

#[sync_gen(yield = u64)]
fn forwards(limit: u64) {
    yield_from!(counting(limit / 2));
    yield_from!(limit / 2..limit);
}

#[sync_gen(yield = u64)]
fn fails_at(limit: u64) -> Result<(), &'static str> {
    for i in 0..limit {
        yield_!(i);
    }
    Err("the last item")
}

#[sync_gen(yield = u64, resume = u64)]
fn accumulate(limit: u64) -> u64 {
    let mut total = 0;
    for _ in 0..limit {
        total += yield_!(total);
    }
    total
}

#[test]
fn the_counter_sees_allocations_on_the_measuring_thread() {
    let (boxed, allocations) = allocations_in(|| Box::new(5_u64));
    assert_eq!(*boxed, 5);
    assert_eq!(allocations, 1);
}

#[test]
fn draining_the_attribute_form_allocates_nothing() {
    let (sum, allocations) = allocations_in(|| pin!(counting(N)).sum::<u64>());
    assert_eq!((sum, allocations), (EXPECTED_SUM, 0));
}

#[test]
fn draining_the_block_form_allocates_nothing() {
    let (sum, allocations) = allocations_in(|| {
        let generator = sync_gen_block! {
            for i in 0..N {
                yield i;
            }
        };
        pin!(generator).sum::<u64>()
    });
    assert_eq!((sum, allocations), (EXPECTED_SUM, 0));
}

#[test]
fn yield_from_allocates_nothing() {
    let (sum, allocations) = allocations_in(|| pin!(forwards(N)).sum::<u64>());
    assert_eq!((sum, allocations), (EXPECTED_SUM, 0));
}

#[test]
fn an_err_completion_allocates_nothing() {
    let (last, allocations) = allocations_in(|| pin!(fails_at(N)).last());
    assert_eq!((last, allocations), (Some(Err("the last item")), 0));
}

#[test]
fn two_way_resumes_allocate_nothing() {
    let (total, allocations) = allocations_in(|| {
        let mut generator = pin!(accumulate(N));
        let mut arg = 0;
        loop {
            match generator.as_mut().resume(arg) {
                GeneratorState::Yielded(_) => arg += 1,
                GeneratorState::Complete(total) => break total,
            }
        }
    });
    assert_eq!((total, allocations), (EXPECTED_SUM + N, 0));
}
