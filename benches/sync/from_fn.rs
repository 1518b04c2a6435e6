//! `std::iter::from_fn` with a closure keeping the state.

use core::mem::size_of_val;

use crate::drain::{drain, drain_dyn, drain_each};
use crate::system::{Sizes, System};

fn count(n: u64) -> impl Iterator<Item = u64> {
    let mut next = 0;
    core::iter::from_fn(move || {
        (next < n).then(|| {
            next += 1;
            next - 1
        })
    })
}

fn doubled(n: u64) -> impl Iterator<Item = u64> {
    let mut inner = count(n);
    core::iter::from_fn(move || inner.next().map(|x| x * 2))
}

fn forward(n: u64) -> impl Iterator<Item = u64> {
    let mut inner = count(n);
    core::iter::from_fn(move || inner.next())
}

fn three(base: u64) -> impl Iterator<Item = u64> {
    let mut step = 0;
    core::iter::from_fn(move || {
        (step < 3).then(|| {
            step += 1;
            base + step - 1
        })
    })
}

pub fn system() -> System {
    System {
        name: "from_fn",
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
