//! The size of a sync generator against the plain `async` block that does
//! the same work with `core::future::ready(x).await` in place of each yield.
//! Each test prints both figures.
//!
//! A sync generator is an async generator's body (see `size.rs`): it may add
//! its slot (a bare `Y`: the state byte says whether it holds one) and a
//! fixed `OVERHEAD` of three words: the body's handle (one pointer), the copy
//! rustc keeps of the async closure's argument (another), and the state byte
//! with its padding.

use core::future::ready;
use core::mem::{size_of, size_of_val};
use core::pin::pin;

use asyncgen::{sync_gen, sync_gen_block};

const OVERHEAD: usize = 3 * size_of::<usize>();

/// Prints the figures and checks the bound.
fn compare<Y>(case: &str, generator: usize, block: usize) {
    let slot = size_of::<Y>();
    let bound = block + slot + OVERHEAD;
    println!("{case}: generator {generator} bytes, async block {block} bytes (bound {bound})");
    assert!(generator <= bound, "{case}: {generator} bytes > {bound}");
}

#[sync_gen(yield = u64)]
fn count_to(limit: u64) {
    for i in 0..limit {
        yield_!(i);
    }
}

#[sync_gen(yield = u32)]
fn three() {
    yield_!(1);
    yield_!(2);
    yield_!(3);
}

#[test]
fn the_counting_generator() {
    let limit = 3;
    let block = async move {
        for i in 0..limit {
            ready(i).await;
        }
    };
    let generator = count_to(limit);
    compare::<u64>("count", size_of_val(&generator), size_of_val(&block));
    assert_eq!(pin!(generator).sum::<u64>(), 3);
}

#[test]
fn a_three_yield_generator() {
    let block = async {
        ready(1_u32).await;
        ready(2_u32).await;
        ready(3_u32).await;
    };
    let generator = three();
    compare::<u32>("3-yield", size_of_val(&generator), size_of_val(&block));
    assert_eq!(pin!(generator).count(), 3);
}

#[test]
fn a_block_form_pipe() {
    let block = async {
        for i in 0..3_u64 {
            ready(i * 2).await;
        }
    };
    let pipe = sync_gen_block! {
        for i in pin!(count_to(3)) {
            yield i * 2;
        }
    };
    compare::<u64>("pipe", size_of_val(&pipe), size_of_val(&block) + size_of_val(&count_to(3)));
    assert_eq!(pin!(pipe).sum::<u64>(), 6);
}
