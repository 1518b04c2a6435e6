//! asyncgen's `#[sync_gen]`.

use core::mem::size_of_val;
use core::pin::pin;

use asyncgen::sync_gen;

use crate::drain::{drain, drain_dyn, drain_each};
use crate::system::{Sizes, System};

#[sync_gen(yield = u64)]
fn count(n: u64) {
    for i in 0..n {
        yield_!(i);
    }
}

#[sync_gen(yield = u64)]
fn doubled(n: u64) {
    for x in pin!(count(n)) {
        yield_!(x * 2);
    }
}

#[sync_gen(yield = u64)]
fn forward(n: u64) {
    yield_from!(count(n));
}

#[sync_gen(yield = u64)]
fn three(base: u64) {
    yield_!(base);
    yield_!(base + 1);
    yield_!(base + 2);
}

pub fn system() -> System {
    System {
        name: "asyncgen",
        count: |n| drain(pin!(count(n))),
        count_dyn: |n| drain_dyn(&mut pin!(count(n))),
        pipe: |n| drain(pin!(doubled(n))),
        pipe_from: |n| drain(pin!(forward(n))),
        spawn_small: |m| drain_each(m, |base| drain(pin!(three(base)))),
        sizes: || Sizes {
            count: size_of_val(&count(1)),
            three: size_of_val(&three(0)),
            pipe: size_of_val(&doubled(1)),
        },
    }
}
