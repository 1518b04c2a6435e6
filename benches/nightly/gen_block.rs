//! Nightly `gen {}` blocks: the compiler's own generators, an `Iterator`
//! with no handle and no hand-off.

use core::mem::size_of_val;

use crate::drain::{drain, drain_dyn, drain_each};
use crate::system::{Sizes, System};

fn count(n: u64) -> impl Iterator<Item = u64> {
    gen move {
        for i in 0..n {
            yield i;
        }
    }
}

fn doubled(n: u64) -> impl Iterator<Item = u64> {
    gen move {
        for x in count(n) {
            yield x * 2;
        }
    }
}

/// `gen {}` has no `yield*`: re-yielding is a loop.
fn forward(n: u64) -> impl Iterator<Item = u64> {
    gen move {
        for x in count(n) {
            yield x;
        }
    }
}

fn three(base: u64) -> impl Iterator<Item = u64> {
    gen move {
        yield base;
        yield base + 1;
        yield base + 2;
    }
}

pub fn system() -> System {
    System {
        name: "gen-block",
        count: |n| drain(count(n)),
        count_dyn: |n| drain_dyn(&mut count(n)),
        pipe: |n| drain(doubled(n)),
        pipe_from: |n| drain(forward(n)),
        spawn_small: |m| drain_each(m, |base| drain(three(base))),
        sizes: || Sizes {
            count: size_of_val(&count(1)),
            three: size_of_val(&three(0)),
            pipe: size_of_val(&doubled(1)),
        },
    }
}
