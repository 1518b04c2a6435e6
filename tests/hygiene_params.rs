//! Every name the macros introduce (`__co`, `__arg0`.., `__source`, `__via`,
//! `__resume`, `__value`, `__done`, `__resumed`, `__stream`, `__item`,
//! `__unreachable`, the body's label) is free for the user: as a parameter,
//! as a local, as a label. A parameter is an ordinary binding whatever its
//! name (issue 10, defect 1).
#![allow(non_camel_case_types, dead_code)]
// the shadowing items exist only to shadow
// The point of these tests is to use parameters named like the macro's
// helpers, `_`-prefixed ones and many of them at once.
#![allow(clippy::used_underscore_binding, clippy::too_many_arguments)]

use ::core::cell::Cell;
use ::core::pin::pin;
use ::std::rc::Rc;

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen, async_gen_block};
use futures::StreamExt;
use futures::executor::block_on;

// The prelude and the paths an expansion might use, shadowed.
mod core {}
mod std {}
struct Option;
struct Some;
struct None;
struct Poll;
struct Pin;
struct Result;

fn collect<S: futures::Stream>(stream: S) -> ::std::vec::Vec<S::Item> {
    block_on(pin!(stream).collect())
}

#[async_gen(yield = u32)]
async fn takes_co(__co: u32) {
    yield_!(__co);
    yield_!(__co + 1);
}

#[test]
fn a_parameter_named_like_the_handle_is_the_argument() {
    assert_eq!(collect(takes_co(41)), [41, 42]);
}

#[async_gen(yield = u8)]
async fn arg_names_and_a_pattern(__arg1: u8, (a, b): (u8, u8), __arg0: u8, __arg2: u8) {
    yield_!(__arg1);
    yield_!(a);
    yield_!(b);
    yield_!(__arg0);
    yield_!(__arg2);
}

#[test]
fn parameters_named_like_the_pattern_arguments_do_not_collide() {
    assert_eq!(collect(arg_names_and_a_pattern(1, (2, 3), 4, 5)), [1, 2, 3, 4, 5]);
}

/// Records its drop in a shared counter.
struct Guard(Rc<Cell<u32>>);

impl Drop for Guard {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

#[async_gen(yield = u32)]
async fn keeps_guard(_guard: Guard, drops: Rc<Cell<u32>>) {
    // The guard is alive while the body runs.
    yield_!(drops.get());
    yield_!(drops.get());
}

#[test]
fn an_underscore_parameter_lives_as_long_as_the_generator() {
    let drops = Rc::new(Cell::new(0));
    let generator = keeps_guard(Guard(drops.clone()), drops.clone());
    assert_eq!(drops.get(), 0, "dropped before the first poll");
    block_on(async {
        let mut generator = pin!(generator);
        assert_eq!(generator.next().await, ::core::option::Option::Some(0));
        assert_eq!(generator.next().await, ::core::option::Option::Some(0));
        assert_eq!(drops.get(), 0);
    });
    assert_eq!(drops.get(), 1, "dropped once, with the generator");
}

#[async_gen(yield = u32)]
async fn underscore_names(_x: u32, __co: u32, _: u32, mut _y: u32) {
    _y += 1;
    yield_!(_x + __co + _y);
}

#[test]
fn underscore_and_mutable_parameters_are_ordinary_bindings() {
    assert_eq!(collect(underscore_names(1, 10, 99, 100)), [112]);
}

#[async_gen(yield = u32, resume = u32)]
async fn every_helper_name_as_a_parameter(
    __source: u32,
    __via: u32,
    __resume: u32,
    __value: u32,
    __done: u32,
    __resumed: u32,
    __stream: u32,
    __item: u32,
    __unreachable: u32,
) -> u32 {
    let inner = async_gen_block! {
        let got: u32 = yield 1000_u32;
        got
    };
    let from_inner = yield_from!(inner);
    let total = __source + __via + __resume + __value + __done + __resumed + __stream + __item;
    let mut back = 0;
    #[for_await]
    for step in futures::stream::iter([__unreachable]) {
        back = yield_!(total + step);
    }
    back + from_inner
}

#[test]
fn every_helper_name_is_free_as_a_parameter() {
    block_on(async {
        let mut generator = pin!(every_helper_name_as_a_parameter(1, 2, 3, 4, 5, 6, 7, 8, 100));
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Yielded(1000));
        assert_eq!(generator.as_mut().resume(7).await, GeneratorState::Yielded(136));
        assert_eq!(generator.as_mut().resume(50).await, GeneratorState::Complete(57));
    });
}

#[async_gen(yield = u32)]
async fn every_helper_name_as_a_local() {
    let __co = 1_u32;
    let __arg0 = 2_u32;
    let __source = 3_u32;
    let __via = 4_u32;
    let __resume = 5_u32;
    let __value = 6_u32;
    let __done = 7_u32;
    let __resumed = 8_u32;
    let __stream = 9_u32;
    let __item = 10_u32;
    let __unreachable = 11_u32;
    yield_from!(futures::stream::iter([__co, __arg0]));
    'yield_must_be_in_the_generator_s_own_body: for round in 0..3_u32 {
        if round == 1 {
            break 'yield_must_be_in_the_generator_s_own_body;
        }
        yield_!(__source + __via + __resume + __value);
    }
    '__for_await: for extra in [__done, __resumed] {
        if extra == __resumed {
            continue '__for_await;
        }
        yield_!(extra);
    }
    'yield_from: {
        yield_!(__stream + __item + __unreachable);
        break 'yield_from;
    }
}

#[test]
fn every_helper_name_and_the_labels_are_free_as_locals() {
    assert_eq!(collect(every_helper_name_as_a_local()), [1, 2, 18, 7, 30]);
}

#[test]
fn block_form_with_every_helper_name_as_a_local() {
    let __co = 1_u32;
    let __value = 2_u32;
    let __source = 3_u32;
    let generator = async_gen_block! {
        let __resumed = 4_u32;
        yield __co;
        yield_from!(futures::stream::iter([__value, __source]));
        'yield_must_be_in_the_generator_s_own_body: {
            yield __resumed;
            break 'yield_must_be_in_the_generator_s_own_body;
        }
    };
    assert_eq!(collect(generator), [1, 2, 3, 4]);
}

struct Pair(u32);

impl Pair {
    #[async_gen(yield = u32)]
    async fn method(&self, __co: u32, (__arg0, __arg1): (u32, u32)) {
        yield_!(self.0 + __co + __arg0 + __arg1);
    }
}

#[test]
fn a_method_with_helper_named_parameters() {
    let pair = Pair(1000);
    assert_eq!(collect(pair.method(100, (10, 1))), [1111]);
}

#[async_gen(yield = u32)]
async fn inner_numbers() -> u32 {
    yield_!(1);
    2
}

#[async_gen(yield = u32)]
async fn delegation_in_a_delegation_source() {
    // The source expression itself delegates: two `yield_from!` labels nest.
    'yield_from: for round in 0..3_u32 {
        if round == 1 {
            break 'yield_from;
        }
        yield_from!(futures::stream::iter([yield_from!(inner_numbers())]));
    }
}

#[test]
fn nested_delegations_and_a_user_label_named_like_the_macro_s() {
    assert_eq!(collect(delegation_in_a_delegation_source()), [1, 2]);
}
