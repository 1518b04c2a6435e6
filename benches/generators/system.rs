//! A system under test: each workload, complete (create, pin, drain), behind
//! a function pointer, and the list of every system.

use core::mem::size_of_val;
use core::pin::pin;

use crate::poll::{Tally, drain, drain_dyn};
use crate::task::{block_on, block_on_checking_wakes, drain_next};
use crate::unfold;
use crate::{async_fn_stream, async_stream, asyncgen, asynk_strim, fauxgen, genawaiter, hand};

/// `size_of_val` of a system's generators, in bytes.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    /// The `count` generator.
    pub count: usize,
    /// The 3-yield generator of `spawn_small`.
    pub three: usize,
    /// The `pipe` generator, its inner generator included.
    pub pipe: usize,
}

/// One system: each workload, called once per run with its size.
#[derive(Clone, Copy)]
pub struct System {
    /// The name in the tables and in `ASYNCGEN_BENCH`.
    pub name: &'static str,
    /// Yields `0..n`; the poll loop is inlined.
    pub count: fn(u64) -> Tally,
    /// Yields `0..n`, polled through `Pin<&mut dyn Stream>`.
    pub count_dyn: fn(u64) -> Tally,
    /// Yields `0..n`, awaiting `ready(i)` between yields and parking every 1024.
    pub await_between: fn(u64) -> Tally,
    /// A generator consuming an inner `count(n)`, yielding `2 * x`.
    pub pipe: fn(u64) -> Tally,
    /// Creates and drains `n` 3-yield generators.
    pub spawn_small: fn(u64) -> Tally,
    /// `count`, created, pinned and drained inside a boxed task.
    pub task_count: fn(u64) -> Tally,
    /// `count` in its own `Pin<Box<dyn Stream>>`, drained inside a task.
    pub task_count_boxed: fn(u64) -> Tally,
    /// `pipe` inside a task.
    pub task_pipe: fn(u64) -> Tally,
    /// One task creating and draining `n` 3-yield generators.
    pub task_spawn_small: fn(u64) -> Tally,
    /// `await_between` inside a task whose waker checks each wake.
    pub task_await_between: fn(u64) -> Tally,
    /// The sizes of its generators.
    pub sizes: fn() -> Sizes,
}

/// Builds a [`System`] from a module whose `count`, `three`, `await_between`
/// and `pipe` functions return streams.
macro_rules! stream_system {
    ($name:literal, $module:ident) => {
        System {
            name: $name,
            count: |n| drain(pin!($module::count(n))),
            count_dyn: |n| drain_dyn(pin!($module::count(n))),
            await_between: |n| drain(pin!($module::await_between(n))),
            pipe: |n| drain(pin!($module::pipe(n))),
            spawn_small: |m| {
                let mut tally = Tally::default();
                for base in 0..m {
                    tally += drain(pin!($module::three(base)));
                }
                tally
            },
            task_count: |n| {
                block_on(Box::pin(async move { drain_next(pin!($module::count(n))).await }))
            },
            task_count_boxed: |n| {
                block_on(Box::pin(async move {
                    let mut generator: core::pin::Pin<Box<dyn futures::Stream<Item = u64>>> =
                        Box::pin($module::count(n));
                    drain_next(generator.as_mut()).await
                }))
            },
            task_pipe: |n| {
                block_on(Box::pin(async move { drain_next(pin!($module::pipe(n))).await }))
            },
            task_spawn_small: |m| {
                block_on(Box::pin(async move {
                    let mut tally = Tally::default();
                    for base in 0..m {
                        tally += drain_next(pin!($module::three(base))).await;
                    }
                    tally
                }))
            },
            task_await_between: |n| {
                block_on_checking_wakes(Box::pin(async move {
                    drain_next(pin!($module::await_between(n))).await
                }))
            },
            sizes: || Sizes {
                count: size_of_val(&$module::count(1)),
                three: size_of_val(&$module::three(0)),
                pipe: size_of_val(&$module::pipe(1)),
            },
        }
    };
}

/// Every system, asyncgen first and the hand-written limit second.
pub fn systems() -> [System; 8] {
    [
        stream_system!("asyncgen", asyncgen),
        stream_system!("hand-written", hand),
        stream_system!("async-stream", async_stream),
        stream_system!("unfold", unfold),
        genawaiter::system(),
        stream_system!("async-fn-stream", async_fn_stream),
        stream_system!("asynk-strim", asynk_strim),
        stream_system!("fauxgen", fauxgen),
    ]
}
