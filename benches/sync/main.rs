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
mod system;

#[path = "../generators/alloc.rs"]
mod alloc;

use core::hint::black_box;
use std::process::ExitCode;

use crate::drain::Tally;
use crate::system::{System, systems};

#[global_allocator]
static GLOBAL: alloc::Counting = alloc::Counting;

const WORKLOADS: [&str; 5] = ["count", "count_dyn", "pipe", "pipe_from", "spawn_small"];

/// Input: a workload's name, a system, a size. Output: what the run saw and
/// what it should have seen, or `None` for an unknown workload.
fn run(workload: &str, system: &System, n: u64) -> Option<(Tally, Tally)> {
    let sum_below = |k: u64| k * k.saturating_sub(1) / 2;
    let (run, expected): (fn(u64) -> Tally, Tally) = match workload {
        "count" => (system.count, Tally { count: n, sum: sum_below(n) }),
        "count_dyn" => (system.count_dyn, Tally { count: n, sum: sum_below(n) }),
        "pipe" => (system.pipe, Tally { count: n, sum: 2 * sum_below(n) }),
        "pipe_from" => (system.pipe_from, Tally { count: n, sum: sum_below(n) }),
        "spawn_small" => (system.spawn_small, Tally { count: 3 * n, sum: sum_below(3 * n) }),
        _ => return None,
    };
    Some((run(black_box(n)), expected))
}

/// `total / count`, exact when it divides.
fn per(total: u64, count: u64) -> String {
    if total.is_multiple_of(count) {
        (total / count).to_string()
    } else {
        format!("{total}/{count}")
    }
}

/// Prints sizes and allocations per generator (`spawn_small`) and per item (`count`).
fn report() {
    println!(
        "| system | count (bytes) | 3-yield (bytes) | pipe (bytes) | alloc/generator | alloc/item |"
    );
    println!("|---|---|---|---|---|---|");
    for system in systems() {
        let sizes = (system.sizes)();
        let before = alloc::allocations();
        black_box((system.spawn_small)(1000));
        let per_generator = per(alloc::allocations() - before, 1000);
        let before = alloc::allocations();
        black_box((system.count)(1000));
        let per_item = per(alloc::allocations() - before, 1000);
        println!(
            "| {} | {} | {} | {} | {per_generator} | {per_item} |",
            system.name, sizes.count, sizes.three, sizes.pipe
        );
    }
}

fn main() -> ExitCode {
    match std::env::var("ASYNCGEN_BENCH").as_deref() {
        Ok("report") => report(),
        Ok(spec) => {
            let mut parts = spec.split('/');
            let (Some(workload), Some(name), Some(Ok(n))) =
                (parts.next(), parts.next(), parts.next().map(str::parse))
            else {
                eprintln!("ASYNCGEN_BENCH: expected WORKLOAD/SYSTEM/N or report, got {spec}");
                return ExitCode::FAILURE;
            };
            let Some(system) = systems().into_iter().find(|system| system.name == name) else {
                eprintln!("unknown system {name}");
                return ExitCode::FAILURE;
            };
            match run(workload, &system, n) {
                Some((seen, expected)) if seen == expected => {}
                Some((seen, expected)) => {
                    eprintln!("{workload}/{name}: saw {seen:?}, expected {expected:?}");
                    return ExitCode::FAILURE;
                }
                None => {
                    eprintln!("unknown workload {workload}");
                    return ExitCode::FAILURE;
                }
            }
        }
        Err(_) => {
            for system in systems() {
                for workload in WORKLOADS {
                    let (seen, expected) = run(workload, &system, 100).expect("a known workload");
                    assert_eq!(seen, expected, "{workload}/{}", system.name);
                }
            }
            report();
        }
    }
    ExitCode::SUCCESS
}
