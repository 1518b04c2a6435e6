//! The workloads written with genawaiter's stack flavour (`let_gen_using!`),
//! the one that needs neither an allocation nor nightly.
//!
//! A stack generator lives in a `Shelf` declared by the macro in the caller's
//! scope and cannot be returned from a function, so each workload creates and
//! drains its generator in one function (or one task), and the sizes are
//! the shelf's plus the handle's. In `task_count_boxed` the box holds the
//! `&mut Gen` handle (the shelf stays in the task), one more indirection than
//! the other systems' boxes.

use core::future::{Future, ready};
use core::mem::{size_of, size_of_val};
use core::pin::Pin;
use futures::{Stream, StreamExt};
use genawaiter::stack::{Co, Gen, Shelf, let_gen_using};

use crate::poll::{Park, Tally, drain, drain_dyn, parks_before};
use crate::system::{Sizes, System};
use crate::task::{block_on, block_on_checking_wakes, drain_next};

async fn count_body(co: Co<'_, u64>, n: u64) {
    for i in 0..n {
        co.yield_(i).await;
    }
}

async fn three_body(co: Co<'_, u64>, base: u64) {
    co.yield_(base).await;
    co.yield_(base + 1).await;
    co.yield_(base + 2).await;
}

async fn await_between_body(co: Co<'_, u64>, n: u64) {
    for i in 0..n {
        let item = ready(i).await;
        if parks_before(i) {
            Park::default().await;
        }
        co.yield_(item).await;
    }
}

async fn pipe_body(co: Co<'_, u64>, n: u64) {
    let_gen_using!(inner, |inner_co| count_body(inner_co, n));
    while let Some(x) = inner.next().await {
        co.yield_(x * 2).await;
    }
}

/// The stack a generator takes: the shelf that holds its state, plus the
/// `Gen` handle that points at it.
fn shelf_size<Y, R, F: Future>(generator: &Gen<'_, Y, R, F>) -> usize {
    size_of::<Shelf<Y, R, F>>() + size_of_val(generator)
}

fn sizes() -> Sizes {
    let_gen_using!(count, |co| count_body(co, 1));
    let_gen_using!(three, |co| three_body(co, 0));
    let_gen_using!(pipe, |co| pipe_body(co, 1));
    Sizes { count: shelf_size(count), three: shelf_size(three), pipe: shelf_size(pipe) }
}

/// The system.
pub fn system() -> System {
    System {
        name: "genawaiter",
        count: |n| {
            let_gen_using!(generator, |co| count_body(co, n));
            drain(Pin::new(generator))
        },
        count_dyn: |n| {
            let_gen_using!(generator, |co| count_body(co, n));
            let generator: Pin<&mut _> = Pin::new(generator);
            drain_dyn(generator)
        },
        await_between: |n| {
            let_gen_using!(generator, |co| await_between_body(co, n));
            drain(Pin::new(generator))
        },
        pipe: |n| {
            let_gen_using!(generator, |co| pipe_body(co, n));
            drain(Pin::new(generator))
        },
        spawn_small: |m| {
            let mut tally = Tally::default();
            for base in 0..m {
                let_gen_using!(generator, |co| three_body(co, base));
                tally += drain(Pin::new(generator));
            }
            tally
        },
        task_count: |n| {
            block_on(Box::pin(async move {
                let_gen_using!(generator, |co| count_body(co, n));
                drain_next(Pin::new(generator)).await
            }))
        },
        task_count_boxed: |n| {
            block_on(Box::pin(async move {
                let_gen_using!(generator, |co| count_body(co, n));
                let mut generator: Pin<Box<dyn Stream<Item = u64> + '_>> = Box::pin(generator);
                drain_next(generator.as_mut()).await
            }))
        },
        task_pipe: |n| {
            block_on(Box::pin(async move {
                let_gen_using!(generator, |co| pipe_body(co, n));
                drain_next(Pin::new(generator)).await
            }))
        },
        task_spawn_small: |m| {
            block_on(Box::pin(async move {
                let mut tally = Tally::default();
                for base in 0..m {
                    let_gen_using!(generator, |co| three_body(co, base));
                    tally += drain_next(Pin::new(generator)).await;
                }
                tally
            }))
        },
        task_await_between: |n| {
            block_on_checking_wakes(Box::pin(async move {
                let_gen_using!(generator, |co| await_between_body(co, n));
                drain_next(Pin::new(generator)).await
            }))
        },
        sizes,
    }
}
