//! genawaiter's sync generators: the stack flavour (`let_gen_using!`, no
//! allocation; the generator lives in a shelf in the caller's scope, so each
//! workload creates and drains it in one place) and the `rc` flavour (one
//! allocation per generator).

use core::future::Future;
use core::mem::{size_of, size_of_val};

use genawaiter::stack::{Gen, Shelf, let_gen_using};

use crate::drain::{drain, drain_dyn, drain_each};
use crate::system::{Sizes, System};

async fn count_body(co: genawaiter::stack::Co<'_, u64>, n: u64) {
    for i in 0..n {
        co.yield_(i).await;
    }
}

async fn doubled_body(co: genawaiter::stack::Co<'_, u64>, n: u64) {
    let_gen_using!(inner, |inner_co| count_body(inner_co, n));
    for x in inner {
        co.yield_(x * 2).await;
    }
}

async fn three_body(co: genawaiter::stack::Co<'_, u64>, base: u64) {
    co.yield_(base).await;
    co.yield_(base + 1).await;
    co.yield_(base + 2).await;
}

fn shelf_size<Y, R, F: Future>(generator: &Gen<'_, Y, R, F>) -> usize {
    size_of::<Shelf<Y, R, F>>() + size_of_val(generator)
}

pub fn stack() -> System {
    System {
        name: "genawaiter-stack",
        count: |n| {
            let_gen_using!(generator, |co| count_body(co, n));
            drain(generator.into_iter())
        },
        count_dyn: |n| {
            let_gen_using!(generator, |co| count_body(co, n));
            drain_dyn(&mut generator.into_iter())
        },
        pipe: |n| {
            let_gen_using!(generator, |co| doubled_body(co, n));
            drain(generator.into_iter())
        },
        // No delegation: a loop re-yields the inner generator's items.
        pipe_from: |n| {
            async fn forward_body(co: genawaiter::stack::Co<'_, u64>, n: u64) {
                let_gen_using!(inner, |inner_co| count_body(inner_co, n));
                for x in inner {
                    co.yield_(x).await;
                }
            }
            let_gen_using!(generator, |co| forward_body(co, n));
            drain(generator.into_iter())
        },
        spawn_small: |m| {
            drain_each(m, |base| {
                let_gen_using!(generator, |co| three_body(co, base));
                drain(generator.into_iter())
            })
        },
        sizes: || {
            let_gen_using!(count, |co| count_body(co, 1));
            let_gen_using!(three, |co| three_body(co, 0));
            let_gen_using!(pipe, |co| doubled_body(co, 1));
            Sizes { count: shelf_size(count), three: shelf_size(three), pipe: shelf_size(pipe) }
        },
    }
}

mod rc_bodies {
    use genawaiter::rc::{Co, Gen};

    pub async fn count_body(co: Co<u64>, n: u64) {
        for i in 0..n {
            co.yield_(i).await;
        }
    }

    pub async fn doubled_body(co: Co<u64>, n: u64) {
        for x in Gen::new(|inner| count_body(inner, n)) {
            co.yield_(x * 2).await;
        }
    }

    pub async fn forward_body(co: Co<u64>, n: u64) {
        for x in Gen::new(|inner| count_body(inner, n)) {
            co.yield_(x).await;
        }
    }

    pub async fn three_body(co: Co<u64>, base: u64) {
        co.yield_(base).await;
        co.yield_(base + 1).await;
        co.yield_(base + 2).await;
    }
}

pub fn rc() -> System {
    use genawaiter::rc::Gen;
    use rc_bodies::{count_body, doubled_body, forward_body, three_body};
    System {
        name: "genawaiter-rc",
        count: |n| drain(Gen::new(|co| count_body(co, n)).into_iter()),
        count_dyn: |n| drain_dyn(&mut Gen::new(|co| count_body(co, n)).into_iter()),
        pipe: |n| drain(Gen::new(|co| doubled_body(co, n)).into_iter()),
        pipe_from: |n| drain(Gen::new(|co| forward_body(co, n)).into_iter()),
        spawn_small: |m| {
            drain_each(m, |base| drain(Gen::new(|co| three_body(co, base)).into_iter()))
        },
        sizes: || Sizes {
            count: size_of_val(&Gen::new(|co| count_body(co, 1))),
            three: size_of_val(&Gen::new(|co| three_body(co, 0))),
            pipe: size_of_val(&Gen::new(|co| doubled_body(co, 1))),
        },
    }
}
