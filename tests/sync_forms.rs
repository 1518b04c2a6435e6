//! `#[sync_gen]` and `sync_gen_block!`: every form, driven as an `Iterator`
//! and through `SyncGenerator::resume`.

use core::pin::pin;

use asyncgen::{
    BoxSyncGen, GeneratorState, LocalBoxSyncGen, SyncGenerator, sync_gen, sync_gen_block,
};

#[sync_gen(yield = u64)]
fn fibonacci() {
    let (mut a, mut b) = (0, 1);
    loop {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

#[test]
fn a_free_function_is_an_iterator() {
    let first: Vec<u64> = pin!(fibonacci()).take(6).collect();
    assert_eq!(first, [0, 1, 1, 2, 3, 5]);
}

#[sync_gen(yield = u32)]
fn up_to(n: u32) {
    for i in 0..n {
        yield_!(i);
    }
}

#[test]
fn for_loops_over_a_pinned_generator() {
    let mut sum = 0;
    for i in pin!(up_to(5)) {
        sum += i;
    }
    assert_eq!(sum, 10);
}

#[test]
fn calling_does_no_work_until_the_first_next() {
    let started = &core::cell::Cell::new(false);
    let generator = sync_gen_block! {
        started.set(true);
        yield 1;
    };
    assert!(!started.get());
    let mut generator = pin!(generator);
    assert_eq!(generator.next(), Some(1));
    assert!(started.get());
}

struct Counter {
    step: u32,
}

impl Counter {
    #[sync_gen(yield = u32)]
    fn by_ref(&self, n: u32) {
        for i in 0..n {
            yield_!(i * self.step);
        }
    }

    #[sync_gen(yield = u32)]
    fn by_mut(&mut self) {
        self.step += 1;
        yield_!(self.step);
    }

    #[sync_gen(yield = u32)]
    fn by_value(self) -> u32 {
        yield_!(self.step);
        self.step * 2
    }
}

#[test]
fn methods_with_every_receiver() {
    let mut counter = Counter { step: 3 };
    assert_eq!(pin!(counter.by_ref(3)).collect::<Vec<_>>(), [0, 3, 6]);
    assert_eq!(pin!(counter.by_mut()).collect::<Vec<_>>(), [4]);
    let mut by_value = pin!(counter.by_value());
    assert_eq!(by_value.as_mut().resume(()), GeneratorState::Yielded(4));
    assert_eq!(by_value.as_mut().resume(()), GeneratorState::Complete(8));
}

trait Numbers {
    fn numbers(&self) -> BoxSyncGen<'_, u8>;
}

impl Numbers for Counter {
    #[sync_gen(yield = u8, boxed)]
    fn numbers(&self) {
        yield_!(u8::try_from(self.step).unwrap_or(u8::MAX));
    }
}

#[test]
fn trait_impl_methods_and_boxed_generators() {
    let counter = Counter { step: 9 };
    let numbers: BoxSyncGen<'_, u8> = counter.numbers();
    assert_eq!(numbers.collect::<Vec<_>>(), [9]);
    let mut numbers = counter.numbers();
    assert_eq!((numbers.next(), numbers.size_hint()), (Some(9), (0, None)));
    assert_eq!((numbers.next(), numbers.size_hint()), (None, (0, Some(0))));
}

#[sync_gen(yield = T)]
fn repeat<'a, T>(value: &'a T, times: usize) -> usize
where
    T: Clone + core::fmt::Debug + 'a,
{
    for _ in 0..times {
        yield_!(value.clone());
    }
    times
}

#[test]
fn generics_lifetimes_and_where_clauses() {
    let word = String::from("hi");
    let mut repeated = pin!(repeat(&word, 2));
    assert_eq!(repeated.as_mut().resume(()), GeneratorState::Yielded(word.clone()));
    assert_eq!(repeated.as_mut().resume(()), GeneratorState::Yielded(word.clone()));
    assert_eq!(repeated.as_mut().resume(()), GeneratorState::Complete(2));
}

#[sync_gen(yield = u32)]
fn doubled(values: impl IntoIterator<Item = u32>) {
    for value in values {
        yield_!(value * 2);
    }
}

#[test]
fn impl_trait_arguments() {
    assert_eq!(pin!(doubled(vec![1, 2])).collect::<Vec<_>>(), [2, 4]);
}

#[sync_gen(yield = u32, resume = u32)]
fn echo_sum() -> u32 {
    let mut total = 0;
    for _ in 0..3 {
        total += yield_!(total);
    }
    total
}

#[test]
fn two_way_generators_drop_the_first_argument() {
    let mut generator = pin!(echo_sum());
    assert_eq!(generator.as_mut().resume(100), GeneratorState::Yielded(0));
    assert_eq!(generator.as_mut().resume(1), GeneratorState::Yielded(1));
    assert_eq!(generator.as_mut().resume(2), GeneratorState::Yielded(3));
    assert_eq!(generator.as_mut().resume(3), GeneratorState::Complete(6));
    assert!(generator.is_complete());
}

#[sync_gen(yield = usize, boxed_local)]
fn local(shared: std::rc::Rc<str>) {
    yield_!(shared.len());
}

#[test]
fn boxed_local_generators() {
    let generator: LocalBoxSyncGen<'_, usize> = local("abc".into());
    assert_eq!(generator.collect::<Vec<_>>(), [3]);
}

#[test]
fn block_form_infers_types_and_captures_like_a_move_closure() {
    let words = vec![String::from("a"), String::from("bc")];
    let lengths = sync_gen_block! {
        for word in words {
            yield word.len();
        }
    };
    assert_eq!(pin!(lengths).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn block_form_without_yield_yields_unit() {
    let ran = &core::cell::Cell::new(false);
    let generator = sync_gen_block! {
        ran.set(true);
    };
    let mut generator = pin!(generator);
    let nothing: Option<()> = generator.next();
    assert_eq!(nothing, None);
    assert!(ran.get());
}

#[test]
fn block_form_two_way() {
    let generator = sync_gen_block! {
        let first: u32 = yield 1u32;
        let second: u32 = yield first + 1;
        first + second
    };
    let mut generator = pin!(generator);
    assert_eq!(generator.as_mut().resume(0), GeneratorState::Yielded(1));
    assert_eq!(generator.as_mut().resume(10), GeneratorState::Yielded(11));
    assert_eq!(generator.as_mut().resume(5), GeneratorState::Complete(15));
}

#[test]
fn block_form_accepts_yield_macro_and_yield_in_macro_input() {
    let generator = sync_gen_block! {
        yield_!(1);
        let v = vec![yield 2];
        let _ = v;
        yield 3;
    };
    assert_eq!(pin!(generator).collect::<Vec<i32>>(), [1, 2, 3]);
}

#[test]
fn debug_and_is_complete() {
    let mut generator = pin!(up_to(1));
    assert_eq!(format!("{generator:?}"), "SyncGen { state: Unstarted, .. }");
    assert_eq!(generator.next(), Some(0));
    assert_eq!(format!("{generator:?}"), "SyncGen { state: Suspended, .. }");
    assert_eq!(generator.size_hint(), (0, None));
    assert_eq!(generator.next(), None);
    assert!(generator.is_complete());
    assert_eq!(generator.size_hint(), (0, Some(0)));
    assert_eq!(format!("{generator:?}"), "SyncGen { state: Complete, .. }");
}

/// A local closure named like the function is no recursion.
#[sync_gen(yield = String)]
fn digits(n: u32) {
    let digits = |n: u32| n.to_string();
    yield_!(digits(n));
}

#[test]
fn a_local_named_like_the_function_is_not_a_recursive_call() {
    let items: Vec<String> = core::pin::pin!(digits(12)).collect();
    assert_eq!(items, ["12"]);
}

/// A parameter, or a pattern's binding, named like the function is no recursion.
#[sync_gen(yield = u32)]
fn apply(apply: &dyn Fn(u32) -> u32, matched: Option<fn() -> u32>) {
    yield_!(apply(1));
    if let Some(apply) = matched {
        yield_!(apply());
    }
}

#[test]
fn a_parameter_or_binding_named_like_the_function_is_not_a_recursive_call() {
    let items: Vec<u32> = core::pin::pin!(apply(&|x| x + 1, Some(|| 7))).collect();
    assert_eq!(items, [2, 7]);
}

/// An `extern "ABI"` stays on the function, as on an `async fn`.
#[sync_gen(yield = u32)]
extern "Rust" fn with_rust_abi() {
    yield_!(1);
}

#[sync_gen(yield = u32, boxed)]
extern "C" fn with_c_abi() {
    yield_!(2);
}

#[test]
fn an_extern_abi_stays_on_the_function() {
    let items: Vec<u32> = core::pin::pin!(with_rust_abi()).chain(with_c_abi()).collect();
    assert_eq!(items, [1, 2]);
}
