//! The consumers every system is drained by, and what they check.

use core::hint::black_box;
use core::ops::AddAssign;

/// How many items a run saw and their sum: every run is checked against it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: u64,
    pub sum: u64,
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Self) {
        self.count += other.count;
        self.sum = self.sum.wrapping_add(other.sum);
    }
}

/// Sums an iterator in a plain `for` loop, each item through `black_box`
/// (about two instructions per item: the optimizer cannot fold a loop it
/// sees through into a closed form), as the async benches' `drain` does.
/// Inlined into each workload, so that the iterator's `next` can be inlined
/// into the loop.
#[inline]
pub fn drain<I: Iterator<Item = u64>>(iter: I) -> Tally {
    let mut tally = Tally::default();
    for item in iter {
        tally.count += 1;
        tally.sum = tally.sum.wrapping_add(black_box(item));
    }
    tally
}

/// Sums an iterator through `&mut dyn Iterator`: one virtual call per item.
pub fn drain_dyn(iter: &mut dyn Iterator<Item = u64>) -> Tally {
    drain_opaque(black_box(iter))
}

#[inline(never)]
fn drain_opaque(iter: &mut dyn Iterator<Item = u64>) -> Tally {
    drain(iter)
}

/// Drains `m` small generators one after another: the `k`-th, made and
/// drained by `drain_one(3 * k)`, yields `3k`, `3k + 1`, `3k + 2`
/// (`spawn_small`). Inlined, so each system's generator is made in the loop.
#[inline]
pub fn drain_each(m: u64, mut drain_one: impl FnMut(u64) -> Tally) -> Tally {
    let mut tally = Tally::default();
    for base in 0..m {
        tally += drain_one(base * 3);
    }
    tally
}
