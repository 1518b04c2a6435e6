//! One system (a way to write a sync generator) and its workloads.

use crate::drain::Tally;

/// `size_of_val` of a system's generators, in bytes.
pub struct Sizes {
    pub count: usize,
    pub three: usize,
    pub pipe: usize,
}

/// A system: each workload runs at a size (items, or generators for
/// `spawn_small`) and returns what it saw.
pub struct System {
    pub name: &'static str,
    /// Yields `0..n`, summed in a `for` loop over the pinned generator.
    pub count: fn(u64) -> Tally,
    /// The same through `&mut dyn Iterator`.
    pub count_dyn: fn(u64) -> Tally,
    /// A generator that doubles each item of another, consumed in a `for` loop.
    pub pipe: fn(u64) -> Tally,
    /// A generator that re-yields another's items by delegation
    /// (`yield_from!` where the system has it, a loop otherwise).
    pub pipe_from: fn(u64) -> Tally,
    /// Creates and drains `m` generators of 3 items each.
    pub spawn_small: fn(u64) -> Tally,
    pub sizes: fn() -> Sizes,
}
