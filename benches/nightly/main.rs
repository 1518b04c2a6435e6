//! The sync bench's workloads written with nightly `gen {}` blocks, beside
//! the hand-written `Iterator`s (the limit), through the same protocol
//! (`ASYNCGEN_BENCH=WORKLOAD/SYSTEM/N`, `report`; see `sync/main.rs`).
//! The modules other than `gen_block` are the sync bench's own files.

#![feature(gen_blocks)]

mod gen_block;

#[path = "../sync/drain.rs"]
mod drain;
#[path = "../sync/hand.rs"]
mod hand;
#[path = "../sync/harness.rs"]
mod harness;
#[path = "../sync/system.rs"]
mod system;

#[path = "../generators/alloc.rs"]
mod alloc;

use std::process::ExitCode;

use crate::system::System;

#[global_allocator]
static GLOBAL: alloc::Counting = alloc::Counting;

fn systems() -> Vec<System> {
    vec![hand::system(), gen_block::system()]
}

fn main() -> ExitCode {
    harness::main(systems)
}
