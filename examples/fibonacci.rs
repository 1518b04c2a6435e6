//! Sync generators (JavaScript's `function*`): an endless Fibonacci
//! sequence consumed as an `Iterator`, a generator delegating to it with
//! `yield_from!`, and a two-way generator driven with `resume`.
//!
//! Run it with `cargo run --example fibonacci`.

use core::pin::pin;

use asyncgen::{GeneratorState, SyncGenerator, sync_gen, sync_gen_block};

/// Yields the Fibonacci numbers, forever: the consumer decides when to stop.
#[sync_gen(yield = u64)]
fn fibonacci() {
    let (mut a, mut b) = (0, 1);
    loop {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

/// Yields the even Fibonacci numbers below `limit`, then says how many.
#[sync_gen(yield = u64)]
fn even_below(limit: u64) -> usize {
    let mut count = 0;
    for n in pin!(fibonacci()) {
        if n >= limit {
            break;
        }
        if n % 2 == 0 {
            count += 1;
            yield_!(n);
        }
    }
    count
}

/// A two-way generator: each resume value is a step size; it yields the
/// position after each step and completes when the position passes 10.
#[sync_gen(yield = u32, resume = u32)]
fn walker() -> &'static str {
    let mut position = 0;
    while position <= 10 {
        position += yield_!(position);
    }
    "walked past 10"
}

fn main() {
    // `for (x of g)` → `for x in pin!(g)`; `take` stops the endless generator.
    let first: Vec<u64> = pin!(fibonacci()).take(10).collect();
    println!("first ten: {first:?}");

    // The completion value is the final `{ value, done: true }`.
    let mut evens = pin!(even_below(1_000));
    let mut items = Vec::new();
    let count = loop {
        match evens.as_mut().resume(()) {
            GeneratorState::Yielded(n) => items.push(n),
            GeneratorState::Complete(count) => break count,
        }
    };
    println!("{count} even numbers below 1000: {items:?}");

    // `yield*` → `yield_from!`, in the block form, with plain `yield`.
    let framed = sync_gen_block! {
        yield 0;
        let numbers = pin!(fibonacci());
        yield_from!(numbers.skip(5).take(3));
        yield u64::MAX;
    };
    println!("framed: {:?}", pin!(framed).collect::<Vec<_>>());

    // `g.next(v)` → `g.as_mut().resume(v)`; the first argument is dropped.
    let mut walker = pin!(walker());
    let mut steps = vec![];
    for step in [99, 3, 4, 5] {
        steps.push(walker.as_mut().resume(step));
    }
    println!("walker: {steps:?}");
}
