//! `yield_from!`: JavaScript's `yield*`, over generators and plain streams.

use core::pin::pin;

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen, async_gen_block};
use futures::StreamExt;
use futures::executor::block_on;

/// Yields `base`, `base + 1`, ...; each resume value is added to a running
/// log; completes with the log.
#[async_gen(yield = u32, resume = char)]
async fn letters(base: u32, count: u32) -> String {
    let mut log = String::new();
    for i in 0..count {
        log.push(yield_!(base + i));
    }
    log
}

#[async_gen(yield = u32, resume = char)]
async fn two_levels() -> (String, String) {
    let first = yield_from!(letters(10, 2));
    let own = yield_!(99);
    let second = yield_from!(letters(20, 1));
    (first, format!("{own}{second}"))
}

#[async_gen(yield = u32, resume = char)]
async fn three_levels() -> String {
    let (first, second) = yield_from!(two_levels());
    let third = yield_from!(letters(30, 1));
    format!("{first}|{second}|{third}")
}

#[test]
fn forwards_items_resume_values_and_the_completion_three_deep() {
    block_on(async {
        let mut generator = pin!(three_levels());
        // (value yielded, resume value sent to answer it)
        let script = [(10, 'a'), (11, 'b'), (99, 'c'), (20, 'd'), (30, 'e')];
        let mut answer = '-'; // the first resume's argument is dropped
        for (expected, reply) in script {
            assert_eq!(generator.as_mut().resume(answer).await, GeneratorState::Yielded(expected));
            answer = reply;
        }
        let done = generator.as_mut().resume(answer).await;
        assert_eq!(done, GeneratorState::Complete("ab|cd|e".to_string()));
    });
}

#[async_gen(yield = u32)]
async fn from_a_plain_stream() -> usize {
    let unit: () = yield_from!(futures::stream::iter([1, 2, 3]));
    let () = unit;
    yield_!(4);
    4
}

#[test]
fn over_a_plain_stream_it_reyields_and_evaluates_to_unit() {
    block_on(async {
        let mut generator = pin!(from_a_plain_stream());
        for expected in 1..=4 {
            assert_eq!(generator.as_mut().resume(()).await, GeneratorState::Yielded(expected));
        }
        assert_eq!(generator.as_mut().resume(()).await, GeneratorState::Complete(4));
    });
}

#[async_gen(yield = u8)]
async fn failing() -> Result<(), String> {
    yield_!(1);
    Err("inner failed".to_string())
}

#[async_gen(yield = u8)]
async fn propagates() -> Result<(), String> {
    // The inner generator's completion is a value here, so `?` applies to it.
    yield_from!(failing())?;
    yield_!(2);
    Ok(())
}

#[test]
fn an_inner_error_completion_can_be_propagated_with_question_mark() {
    let items: Vec<_> = block_on(pin!(propagates()).collect());
    assert_eq!(items, [Ok(1), Err("inner failed".to_string())]);
}

#[test]
fn works_in_the_block_form_over_generators_and_streams() {
    let inner = async_gen_block! {
        yield 1;
        yield 2;
        "inner"
    };
    let outer = async_gen_block! {
        let name = yield_from!(inner);
        yield_from!(futures::stream::iter([3, 4]));
        yield name.len() * 100;
    };
    let items: Vec<usize> = block_on(pin!(outer).collect());
    assert_eq!(items, [1, 2, 3, 4, 500]);
}

#[async_gen(yield = u32)]
async fn select_arm_yield_from(numbers: Vec<u32>) {
    let mut ticks = futures::stream::iter(0..1u32).fuse();
    futures::select! {
        tick = ticks.next() => {
            yield_from!(futures::stream::iter(numbers));
            yield_!(tick.unwrap_or_default() + 100);
        }
    }
}

#[test]
fn works_inside_other_macros() {
    let items: Vec<u32> = block_on(pin!(select_arm_yield_from(vec![7, 8])).collect());
    assert_eq!(items, [7, 8, 100]);
}
