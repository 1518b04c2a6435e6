//! The protocol of the sync benches, shared by `sync/main.rs` and the
//! nightly `gen {}` bench (`benches/nightly`): which run `ASYNCGEN_BENCH`
//! asks for, the check of every run, and the size and allocation report.

use core::hint::black_box;
use std::process::ExitCode;

use crate::alloc;
use crate::drain::Tally;
use crate::system::System;

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
fn report(systems: fn() -> Vec<System>) {
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

/// Runs what `ASYNCGEN_BENCH` asks for over `systems` (see the crate docs).
pub fn main(systems: fn() -> Vec<System>) -> ExitCode {
    match std::env::var("ASYNCGEN_BENCH").as_deref() {
        Ok("report") => report(systems),
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
            report(systems);
        }
    }
    ExitCode::SUCCESS
}
