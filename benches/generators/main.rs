//! asyncgen against a hand-written `Stream` and every peer, on the workloads
//! of issue 5: `count`, `count_dyn`, `await_between`, `pipe` and
//! `spawn_small`, plus a size and allocation report.
//!
//! Every system is polled by the same hand-written loop with a no-op waker
//! ([`poll::drain`]), and every run is checked against the expected item count
//! and sum.
//!
//! * `cargo bench --bench generators` prints the size / allocation report,
//!   then runs criterion (criterion's arguments follow `--`, e.g.
//!   `-- --measurement-time 2 --warm-up-time 1 count_dyn`).
//! * `ASYNCGEN_BENCH=report` prints only the report.
//! * `ASYNCGEN_BENCH=WORKLOAD/SYSTEM/N` runs one workload of one system once,
//!   at size `N` (items, or generators for `spawn_small`), checks it and exits:
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
mod genawaiter;
mod hand;
mod poll;
mod unfold;

use core::hint::black_box;
use core::mem::size_of_val;
use core::pin::pin;
use std::process::ExitCode;

use criterion::{Criterion, Throughput};

use crate::poll::{Tally, drain, drain_dyn};

#[global_allocator]
static GLOBAL: alloc::Counting = alloc::Counting;

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

/// One system: each workload, complete (create, pin, drain), behind a
/// function pointer called once per run.
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
            sizes: || Sizes {
                count: size_of_val(&$module::count(1)),
                three: size_of_val(&$module::three(0)),
                pipe: size_of_val(&$module::pipe(1)),
            },
        }
    };
}

/// Every system, asyncgen first and the hand-written limit second.
fn systems() -> [System; 7] {
    [
        stream_system!("asyncgen", asyncgen),
        stream_system!("hand-written", hand),
        stream_system!("async-stream", async_stream),
        stream_system!("unfold", unfold),
        genawaiter::system(),
        stream_system!("async-fn-stream", async_fn_stream),
        stream_system!("asynk-strim", asynk_strim),
    ]
}

/// The five workloads.
#[derive(Clone, Copy, Debug)]
enum Workload {
    Count,
    CountDyn,
    AwaitBetween,
    Pipe,
    SpawnSmall,
}

impl Workload {
    const ALL: [Self; 5] =
        [Self::Count, Self::CountDyn, Self::AwaitBetween, Self::Pipe, Self::SpawnSmall];

    fn name(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::CountDyn => "count_dyn",
            Self::AwaitBetween => "await_between",
            Self::Pipe => "pipe",
            Self::SpawnSmall => "spawn_small",
        }
    }

    fn run(self, system: &System, n: u64) -> Tally {
        let run = match self {
            Self::Count => system.count,
            Self::CountDyn => system.count_dyn,
            Self::AwaitBetween => system.await_between,
            Self::Pipe => system.pipe,
            Self::SpawnSmall => system.spawn_small,
        };
        run(n)
    }

    /// What a correct run at size `n` sees.
    fn expected(self, n: u64) -> Tally {
        let triangle = n * n.saturating_sub(1) / 2;
        match self {
            Self::Count | Self::CountDyn | Self::AwaitBetween => Tally { items: n, sum: triangle },
            Self::Pipe => Tally { items: n, sum: 2 * triangle },
            // Generator `base` yields `3 * base + 3` in all.
            Self::SpawnSmall => Tally { items: 3 * n, sum: 3 * triangle + 3 * n },
        }
    }

    /// Runs once and checks the tally.
    fn check(self, system: &System, n: u64) -> Tally {
        let tally = self.run(system, n);
        let expected = self.expected(n);
        assert_eq!(tally, expected, "{} of {} at n = {n} is wrong", self.name(), system.name);
        tally
    }
}

/// Allocations per generator (or per item) as `total / count`, exact when it
/// divides.
fn per(total: u64, count: u64) -> String {
    if total % count == 0 { (total / count).to_string() } else { format!("{total}/{count}") }
}

/// Allocations made by one checked run.
fn allocations_of(workload: Workload, system: &System, n: u64) -> u64 {
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
    match workload {
        Workload::SpawnSmall => 1000,
        _ => 10_000,
    }
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
