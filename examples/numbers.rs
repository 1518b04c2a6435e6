//! The JavaScript note's first async generator, in Rust:
//!
//! ```js
//! async function* numbers() { yield 1; await sleep(1000); yield 2; yield 3; }
//! for await (const n of numbers()) console.log(n);
//! ```
//!
//! Run it with `cargo run --example numbers`: it prints 1 at once, then 2 and
//! 3 about a second later, each with the time since the start.

use core::pin::pin;
use std::time::{Duration, Instant};

use asyncgen::async_gen;
use futures::StreamExt;

/// Yields 1, waits a second, then yields 2 and 3.
#[async_gen(yield = u32)]
async fn numbers() {
    yield_!(1);
    tokio::time::sleep(Duration::from_secs(1)).await;
    yield_!(2);
    yield_!(3);
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let mut numbers = pin!(numbers());
    while let Some(n) = numbers.next().await {
        println!("{n} (after {:.1}s)", start.elapsed().as_secs_f64());
    }
    println!("done: the generator is exhausted");
}
