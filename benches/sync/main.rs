//! Sync generators (SPEC §8) against a hand-written `Iterator` (the limit),
//! `std::iter::from_fn`, genawaiter (stack and rc) and fauxgen: `count`,
//! `count_dyn`, `pipe` (a generator doubling another's items in a `for`
//! loop), `pipe_from` (re-yielding another's items: `yield_from!` where the
//! system has it), `spawn_small` (3-yield generators created and drained
//! one after another), plus sizes and allocations. Every run is checked.
//!
//! * `ASYNCGEN_BENCH=WORKLOAD/SYSTEM/N` runs one workload of one system once
//!   at size `N` and checks it: what `benches/sync_instructions.sh` runs
//!   under callgrind.
//! * `ASYNCGEN_BENCH=report` prints the size and allocation table.
//! * Otherwise (`cargo bench --bench sync`, or as a test under
//!   `cargo test --all-targets`) every workload of every system runs once,
//!   checked, and the report is printed.

mod asyncgen;
mod drain;
mod fauxgen;
mod from_fn;
mod genawaiter;
mod hand;
mod harness;
mod system;

#[path = "../generators/alloc.rs"]
mod alloc;

use std::process::ExitCode;

use crate::system::System;

#[global_allocator]
static GLOBAL: alloc::Counting = alloc::Counting;

/// Every system, the limit first.
fn systems() -> Vec<System> {
    vec![
        hand::system(),
        from_fn::system(),
        asyncgen::system(),
        genawaiter::stack(),
        genawaiter::rc(),
        fauxgen::system(),
    ]
}

fn main() -> ExitCode {
    harness::main(systems)
}
