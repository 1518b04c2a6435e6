//! What a sync generator body does: control flow, `?` and `return`,
//! `yield_from!`, drops at every suspension, panics, many generators
//! interleaved, and sync generators driven inside async generators.

use core::pin::pin;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use asyncgen::{
    GeneratorState, SyncGenerator, async_gen, async_gen_block, sync_gen, sync_gen_block,
};
use futures::StreamExt;

#[sync_gen(yield = u32)]
fn control_flow(limit: u32) -> &'static str {
    let mut i = 0;
    'outer: loop {
        match i % 3 {
            0 => yield_!(i),
            1 if i > limit => break 'outer,
            1 => {
                for j in 0..2 {
                    if j == 1 {
                        continue 'outer;
                    }
                    yield_!(100 + i);
                    i += 1;
                }
            }
            _ => {
                while i % 3 != 0 {
                    yield_!(200 + i);
                    i += 1;
                }
                continue;
            }
        }
        i += 1;
    }
    "done"
}

#[test]
fn yields_in_loops_matches_and_labelled_breaks() {
    let mut generator = pin!(control_flow(4));
    let mut items = Vec::new();
    let done = loop {
        match generator.as_mut().resume(()) {
            GeneratorState::Yielded(item) => items.push(item),
            GeneratorState::Complete(done) => break done,
        }
    };
    assert_eq!(items, [0, 101, 202, 3, 104, 205, 6]);
    assert_eq!(done, "done");
}

#[sync_gen(yield = u32)]
fn parse_all<'a>(words: &'a [&'a str]) -> Result<(), std::num::ParseIntError> {
    for word in words {
        yield_!(word.parse()?);
    }
    Ok(())
}

#[test]
fn question_mark_ends_the_iteration_with_the_error_as_last_item() {
    let words = ["1", "2", "x", "4"];
    let items: Vec<_> = pin!(parse_all(&words)).collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[..2], [Ok(1), Ok(2)]);
    assert!(items[2].is_err());
}

#[sync_gen(yield = u32)]
fn early_return(stop: bool) -> u32 {
    yield_!(1);
    if stop {
        return 10;
    }
    yield_!(2);
    20
}

#[test]
fn return_ends_with_a_completion_value() {
    let mut stopped = pin!(early_return(true));
    assert_eq!(stopped.as_mut().resume(()), GeneratorState::Yielded(1));
    assert_eq!(stopped.as_mut().resume(()), GeneratorState::Complete(10));
    let mut full = pin!(early_return(false));
    assert_eq!(full.as_mut().resume(()), GeneratorState::Yielded(1));
    assert_eq!(full.as_mut().resume(()), GeneratorState::Yielded(2));
    assert_eq!(full.as_mut().resume(()), GeneratorState::Complete(20));
}

#[sync_gen(yield = u32)]
fn inner() -> &'static str {
    yield_!(1);
    yield_!(2);
    "inner done"
}

#[sync_gen(yield = u32)]
fn delegates() -> String {
    let inner_result = yield_from!(inner());
    yield_from!([3, 4]);
    yield_from!(5..7);
    format!("outer saw {inner_result}")
}

#[test]
fn yield_from_a_generator_then_iterators() {
    let mut generator = pin!(delegates());
    for expected in 1..=6 {
        assert_eq!(generator.as_mut().resume(()), GeneratorState::Yielded(expected));
    }
    let done = generator.as_mut().resume(());
    assert_eq!(done, GeneratorState::Complete("outer saw inner done".to_string()));
}

#[sync_gen(yield = u32, resume = u32)]
fn adder() -> u32 {
    let mut total = 0;
    for _ in 0..2 {
        total += yield_!(total);
    }
    total
}

#[sync_gen(yield = u32, resume = u32)]
fn forwards_resumes() -> u32 {
    let inner_total = yield_from!(adder());
    let extra = yield_!(inner_total);
    inner_total + extra
}

#[test]
fn yield_from_forwards_resume_values_and_returns_the_completion() {
    let mut generator = pin!(forwards_resumes());
    assert_eq!(generator.as_mut().resume(0), GeneratorState::Yielded(0));
    assert_eq!(generator.as_mut().resume(5), GeneratorState::Yielded(5));
    assert_eq!(generator.as_mut().resume(6), GeneratorState::Yielded(11));
    assert_eq!(generator.as_mut().resume(100), GeneratorState::Complete(111));
}

#[sync_gen(yield = u32)]
fn numbers() {
    for i in 0..4 {
        yield_!(i);
    }
}

#[sync_gen(yield = u32)]
fn rest_after_first() {
    let mut numbers = pin!(numbers());
    let first = numbers.next().unwrap_or_default();
    yield_!(first * 100);
    yield_from!(numbers);
}

#[test]
fn yield_from_a_started_source_continues_where_it_stands() {
    assert_eq!(pin!(rest_after_first()).collect::<Vec<_>>(), [0, 1, 2, 3]);
}

#[sync_gen(yield = u32)]
fn twice_over_one_generator() -> &'static str {
    let mut source = pin!(inner());
    let done = yield_from!(source.as_mut());
    yield_!(99);
    yield_from!(source);
    done
}

#[test]
fn yield_from_a_completed_generator_panics_clearly() {
    let mut generator = pin!(twice_over_one_generator());
    let items: Vec<_> = (0..3).map(|_| generator.as_mut().resume(())).collect();
    assert_eq!(items, [1, 2, 99].map(GeneratorState::Yielded));
    let caught = catch_unwind(AssertUnwindSafe(|| generator.as_mut().resume(())));
    let payload = caught.expect_err("a clear panic");
    let message = payload.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(message.contains("nor delegated to by `yield_from!`"), "{message}");
    assert!(generator.is_complete(), "a panicking body finishes its generator");
}

#[sync_gen(yield = u32, boxed)]
fn walk(depth: u32) {
    yield_!(depth);
    if depth > 0 {
        yield_from!(walk(depth - 1));
        yield_from!(walk(depth - 1));
    }
}

#[test]
fn boxed_generators_recurse() {
    assert_eq!(walk(2).collect::<Vec<_>>(), [2, 1, 0, 0, 1, 0, 0]);
}

#[test]
fn yield_from_in_the_block_form() {
    let generator = sync_gen_block! {
        let done = yield_from!(inner());
        yield_from!(vec![10, 20]);
        yield u32::try_from(done.len()).unwrap_or(u32::MAX);
    };
    assert_eq!(pin!(generator).collect::<Vec<_>>(), [1, 2, 10, 20, 10]);
}

/// Records its name in a shared log when dropped.
struct Noisy(&'static str, Rc<RefCell<Vec<&'static str>>>);

impl Drop for Noisy {
    fn drop(&mut self) {
        self.1.borrow_mut().push(self.0);
    }
}

#[sync_gen(yield = u32)]
fn holds_locals(log: Rc<RefCell<Vec<&'static str>>>) {
    let _a = Noisy("a", log.clone());
    yield_!(1);
    let _b = Noisy("b", log.clone());
    yield_!(2);
    {
        let _c = Noisy("c", log.clone());
        yield_!(3);
    }
    yield_!(4);
}

#[test]
fn dropping_at_every_suspension_drops_every_live_local() {
    // What dropping the generator drops after 0 to 5 resumes (the fifth ends it).
    let expected: [&[&str]; 6] = [&[], &["a"], &["b", "a"], &["c", "b", "a"], &["b", "a"], &[]];
    for (resumes, expected) in expected.iter().enumerate() {
        let log = Rc::new(RefCell::new(Vec::new()));
        let mut generator = Box::pin(holds_locals(log.clone()));
        for _ in 0..resumes {
            let _ = generator.next();
        }
        log.borrow_mut().clear();
        drop(generator);
        assert_eq!(&*log.borrow(), expected, "dropped after {resumes} resumes");
    }
}

#[sync_gen(yield = u32)]
fn panics_after(n: u32) {
    for i in 0..n {
        yield_!(i);
    }
    panic!("body panicked after {n}");
}

#[test]
fn a_panic_propagates_and_the_generator_is_finished() {
    let mut generator = pin!(panics_after(2));
    assert_eq!(generator.next(), Some(0));
    assert_eq!(generator.next(), Some(1));
    let caught = catch_unwind(AssertUnwindSafe(|| generator.next()));
    let message = *caught.expect_err("the body panics").downcast::<String>().expect("a String");
    assert_eq!(message, "body panicked after 2");
    assert!(generator.is_complete());
    assert_eq!(generator.size_hint(), (0, Some(0)));
    assert_eq!(generator.next(), None);
}

#[test]
fn resuming_after_complete_panics_clearly() {
    let mut generator = pin!(early_return(true));
    let _ = generator.as_mut().resume(());
    let _ = generator.as_mut().resume(());
    let caught = catch_unwind(AssertUnwindSafe(|| generator.as_mut().resume(())));
    let payload = caught.expect_err("a clear panic");
    let message = payload.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(message.contains("resumed after it completed"), "{message}");
    assert!(message.contains("is_complete()"), "{message}");
}

#[test]
fn thousands_of_generators_interleave() {
    const COUNT: u32 = if cfg!(miri) { 20 } else { 2_000 };
    let mut generators: Vec<_> = (0..COUNT).map(|i| Box::pin(early_return(i % 2 == 0))).collect();
    let mut firsts = 0;
    for generator in &mut generators {
        if generator.as_mut().resume(()) == GeneratorState::Yielded(1) {
            firsts += 1;
        }
    }
    let mut completions = 0;
    for generator in generators.iter_mut().rev() {
        match generator.as_mut().resume(()) {
            GeneratorState::Complete(10) => completions += 1,
            GeneratorState::Yielded(2) => {
                assert_eq!(generator.as_mut().resume(()), GeneratorState::Complete(20));
                completions += 1;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!((firsts, completions), (COUNT, COUNT));
}

#[test]
fn generators_nested_inside_generators_keep_their_items() {
    let outer = sync_gen_block! {
        let mut a = pin!(numbers());
        let mut b = pin!(sync_gen_block! { for i in 10..14 { yield i; } });
        while let (Some(x), Some(y)) = (a.next(), b.next()) {
            yield x + y;
        }
    };
    assert_eq!(pin!(outer).collect::<Vec<_>>(), [10, 12, 14, 16]);
}

#[async_gen(yield = u32)]
async fn async_over_sync() {
    for i in pin!(numbers()) {
        yield_!(i * 10);
    }
    let mut two_way = pin!(adder());
    let _ = two_way.as_mut().resume(0);
    if let GeneratorState::Yielded(total) = two_way.as_mut().resume(7) {
        yield_!(total);
    }
}

#[test]
fn sync_generators_run_inside_async_generators() {
    let items: Vec<u32> = futures::executor::block_on(pin!(async_over_sync()).collect());
    assert_eq!(items, [0, 10, 20, 30, 7]);
    let block = async_gen_block! {
        for i in pin!(sync_gen_block! { yield 1u8; yield 2; }) {
            yield i;
        }
    };
    let items: Vec<u8> = futures::executor::block_on(pin!(block).collect());
    assert_eq!(items, [1, 2]);
}

#[test]
fn send_and_sync_follow_the_body() {
    fn is_send<T: Send>(_: &T) {}
    fn is_sync<T: Sync>(_: &T) {}
    let generator = numbers();
    is_send(&generator);
    is_sync(&generator);
    let moved = std::thread::spawn(move || pin!(generator).sum::<u32>()).join();
    assert_eq!(moved.ok(), Some(6));
}
