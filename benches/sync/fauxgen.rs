//! fauxgen's sync generators (`#[fauxgen::generator] fn`).

use core::mem::size_of_val;
use core::pin::pin;

use crate::drain::{drain, drain_dyn, drain_each};
use crate::system::{Sizes, System};

#[fauxgen::generator(yield = u64)]
fn count(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}

#[fauxgen::generator(yield = u64)]
fn doubled(n: u64) {
    for x in pin!(count(n)) {
        r#yield!(x * 2);
    }
}

// No delegation: a loop re-yields the inner generator's items.
#[fauxgen::generator(yield = u64)]
fn forward(n: u64) {
    for x in pin!(count(n)) {
        r#yield!(x);
    }
}

#[fauxgen::generator(yield = u64)]
fn three(base: u64) {
    r#yield!(base);
    r#yield!(base + 1);
    r#yield!(base + 2);
}

pub fn system() -> System {
    System {
        name: "fauxgen",
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
