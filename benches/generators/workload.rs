//! The workloads: their names, how a system runs each, and the tally a
//! correct run sees.

use crate::poll::Tally;
use crate::system::System;

/// The stack-local workloads, then the task workloads.
#[derive(Clone, Copy, Debug)]
pub enum Workload {
    Count,
    CountDyn,
    AwaitBetween,
    Pipe,
    SpawnSmall,
    TaskCount,
    TaskCountBoxed,
    TaskPipe,
    TaskSpawnSmall,
    TaskAwaitBetween,
}

impl Workload {
    pub const ALL: [Self; 10] = [
        Self::Count,
        Self::CountDyn,
        Self::AwaitBetween,
        Self::Pipe,
        Self::SpawnSmall,
        Self::TaskCount,
        Self::TaskCountBoxed,
        Self::TaskPipe,
        Self::TaskSpawnSmall,
        Self::TaskAwaitBetween,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::CountDyn => "count_dyn",
            Self::AwaitBetween => "await_between",
            Self::Pipe => "pipe",
            Self::SpawnSmall => "spawn_small",
            Self::TaskCount => "task_count",
            Self::TaskCountBoxed => "task_count_boxed",
            Self::TaskPipe => "task_pipe",
            Self::TaskSpawnSmall => "task_spawn_small",
            Self::TaskAwaitBetween => "task_await_between",
        }
    }

    /// Whether its size counts 3-yield generators rather than items.
    pub fn counts_generators(self) -> bool {
        matches!(self, Self::SpawnSmall | Self::TaskSpawnSmall)
    }

    pub fn run(self, system: &System, n: u64) -> Tally {
        let run = match self {
            Self::Count => system.count,
            Self::CountDyn => system.count_dyn,
            Self::AwaitBetween => system.await_between,
            Self::Pipe => system.pipe,
            Self::SpawnSmall => system.spawn_small,
            Self::TaskCount => system.task_count,
            Self::TaskCountBoxed => system.task_count_boxed,
            Self::TaskPipe => system.task_pipe,
            Self::TaskSpawnSmall => system.task_spawn_small,
            Self::TaskAwaitBetween => system.task_await_between,
        };
        run(n)
    }

    /// What a correct run at size `n` sees.
    pub fn expected(self, n: u64) -> Tally {
        let triangle = n * n.saturating_sub(1) / 2;
        match self {
            Self::Count
            | Self::CountDyn
            | Self::AwaitBetween
            | Self::TaskCount
            | Self::TaskCountBoxed
            | Self::TaskAwaitBetween => Tally { items: n, sum: triangle },
            Self::Pipe | Self::TaskPipe => Tally { items: n, sum: 2 * triangle },
            // Generator `base` yields `3 * base + 3` in all.
            Self::SpawnSmall | Self::TaskSpawnSmall => {
                Tally { items: 3 * n, sum: 3 * triangle + 3 * n }
            }
        }
    }

    /// Runs once and checks the tally.
    pub fn check(self, system: &System, n: u64) -> Tally {
        let tally = self.run(system, n);
        let expected = self.expected(n);
        assert_eq!(tally, expected, "{} of {} at n = {n} is wrong", self.name(), system.name);
        tally
    }
}
