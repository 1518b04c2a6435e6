//! Hand-written `Iterator`s: the limit.

use core::mem::size_of_val;

use crate::drain::{drain, drain_dyn, drain_each};
use crate::system::{Sizes, System};

struct Count {
    next: u64,
    end: u64,
}

impl Iterator for Count {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        (self.next < self.end).then(|| {
            self.next += 1;
            self.next - 1
        })
    }
}

fn count(n: u64) -> Count {
    Count { next: 0, end: n }
}

struct Doubled(Count);

impl Iterator for Doubled {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        self.0.next().map(|x| x * 2)
    }
}

struct Forward(Count);

impl Iterator for Forward {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        self.0.next()
    }
}

fn three(base: u64) -> Count {
    Count { next: base, end: base + 3 }
}

pub fn system() -> System {
    System {
        name: "hand-written",
        count: |n| drain(count(n)),
        count_dyn: |n| drain_dyn(&mut count(n)),
        pipe: |n| drain(Doubled(count(n))),
        pipe_from: |n| drain(Forward(count(n))),
        spawn_small: |m| drain_each(m, |base| drain(three(base))),
        sizes: || Sizes {
            count: size_of_val(&count(1)),
            three: size_of_val(&three(0)),
            pipe: size_of_val(&Doubled(count(1))),
        },
    }
}
