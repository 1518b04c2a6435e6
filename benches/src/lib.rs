//! The benchmarks of asyncgen against its peers (SPEC §6). The package has
//! no library code: its bench targets are `generators/main.rs` (async
//! generators against `Stream`s) and, later, a sync-generator bench; see
//! `benches/instructions.sh` and `benches/wall_times.sh`.
