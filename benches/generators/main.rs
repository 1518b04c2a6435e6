//! asyncgen against a hand-written `Stream` and every peer (SPEC §6), on
//! the stack-local workloads of issue 5 (`count`, `count_dyn`,
//! `await_between`, `pipe`, `spawn_small`: the generator pinned on the stack
//! and drained by a plain loop) and the task workloads of issue 11
//! (`task_count`, `task_count_boxed`, `task_pipe`, `task_spawn_small`,
//! `task_await_between`: the generator created, pinned and drained with
//! `.next().await` inside a boxed `async` block), plus a size and allocation
//! report.
//!
//! Every system is polled by the same hand-written loops with a no-op waker
//! ([`poll::drain`], [`task::block_on`]), and every run is checked against
//! the expected item count and sum.
//!
//! * `cargo bench --bench generators` prints the size / allocation report,
//!   then runs criterion (criterion's arguments follow `--`, e.g.
//!   `-- --measurement-time 2 --warm-up-time 1 count_dyn`).
//! * `ASYNCGEN_BENCH=report` prints only the report.
//! * `ASYNCGEN_BENCH=WORKLOAD/SYSTEM/N` runs one workload of one system once,
//!   at size `N` (items, or generators for the `spawn_small` workloads), checks it and exits:
//!   what `benches/instructions.sh` runs under callgrind.
//! * Without `--bench` (as under `cargo test --all-targets`), criterion runs
//!   each benchmark once, as a test.
//!
//! `benches/instructions.sh` prints instructions per item of every workload
//! and system (callgrind, two lengths, difference); `benches/wall_times.sh`
//! runs criterion briefly and prints its medians per item.

mod alloc;
mod async_fn_stream;
mod async_stream;
mod asyncgen;
mod asynk_strim;
mod fauxgen;
mod genawaiter;
mod hand;
mod poll;
mod system;
mod task;
mod unfold;
mod workload;

use core::hint::black_box;
use std::process::ExitCode;

use criterion::{Criterion, Throughput};

use crate::system::systems;
use crate::workload::Workload;

#[global_allocator]
static GLOBAL: alloc::Counting = alloc::Counting;

/// Allocations per generator (or per item) as `total / count`, exact when it
/// divides.
fn per(total: u64, count: u64) -> String {
    if total.is_multiple_of(count) {
        (total / count).to_string()
    } else {
        format!("{total}/{count}")
    }
}

/// Allocations made by one checked run.
fn allocations_of(workload: Workload, system: &system::System, n: u64) -> u64 {
    let before = alloc::allocations();
    black_box(workload.check(system, n));
    alloc::allocations() - before
}

/// Prints `size_of_val` of each system's generators and their allocations.
fn report() {
    const GENERATORS: u64 = 1000;
    println!(
        "{:<16} {:>6} {:>8} {:>5}   {:>10} {:>10} {:>11} {:>10}",
        "system", "count", "3-yield", "pipe", "alloc/gen", "alloc/item", "alloc/pipe", "alloc/item"
    );
    println!(
        "{:<16} {:>21}   {:>10} {:>10} {:>11} {:>10}",
        "", "size_of_val (bytes)", "(3-yield)", "(count)", "(pipe gen)", "(pipe)"
    );
    for system in &systems() {
        let sizes = (system.sizes)();
        let per_generator = allocations_of(Workload::SpawnSmall, system, GENERATORS);
        let count_items = allocations_of(Workload::Count, system, 2000)
            - allocations_of(Workload::Count, system, 1000);
        let per_pipe = allocations_of(Workload::Pipe, system, 0);
        let pipe_items = allocations_of(Workload::Pipe, system, 2000)
            - allocations_of(Workload::Pipe, system, 1000);
        println!(
            "{:<16} {:>6} {:>8} {:>5}   {:>10} {:>10} {:>11} {:>10}",
            system.name,
            sizes.count,
            sizes.three,
            sizes.pipe,
            per(per_generator, GENERATORS),
            per(count_items, 1000),
            per_pipe,
            per(pipe_items, 1000),
        );
    }
    println!();
}

/// Runs `WORKLOAD/SYSTEM/N` once (see the crate docs).
fn run_one(spec: &str) -> Result<(), String> {
    let usage = || format!("ASYNCGEN_BENCH={spec:?}: expected `report` or WORKLOAD/SYSTEM/N");
    let mut parts = spec.split('/');
    let (Some(workload), Some(system), Some(n), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(usage());
    };
    let workload = Workload::ALL
        .into_iter()
        .find(|w| w.name() == workload)
        .ok_or_else(|| format!("unknown workload {workload:?}"))?;
    let systems = systems();
    let system = systems
        .iter()
        .find(|s| s.name == system)
        .ok_or_else(|| format!("unknown system {system:?}"))?;
    let n: u64 = n.parse().map_err(|_| usage())?;
    workload.check(system, black_box(n));
    Ok(())
}

/// Items (generators for `spawn_small`) per criterion iteration.
fn criterion_size(workload: Workload) -> u64 {
    if workload.counts_generators() { 1000 } else { 10_000 }
}

fn benches(c: &mut Criterion) {
    let systems = systems();
    for workload in Workload::ALL {
        let n = criterion_size(workload);
        let expected = workload.expected(n);
        let mut group = c.benchmark_group(workload.name());
        group.throughput(Throughput::Elements(n));
        for system in &systems {
            group.bench_function(system.name, |b| {
                b.iter(|| {
                    let tally = workload.run(system, black_box(n));
                    assert_eq!(tally, expected, "{} of {}", workload.name(), system.name);
                    tally
                });
            });
        }
        group.finish();
    }
}

fn main() -> ExitCode {
    match std::env::var("ASYNCGEN_BENCH").as_deref() {
        Ok("report") => report(),
        Ok(spec) => {
            if let Err(error) = run_one(spec) {
                eprintln!("{error}");
                return ExitCode::FAILURE;
            }
        }
        Err(_) => {
            report();
            let mut criterion = Criterion::default().configure_from_args();
            benches(&mut criterion);
            criterion.final_summary();
        }
    }
    ExitCode::SUCCESS
}
