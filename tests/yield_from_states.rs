//! `yield_from!` over sources in every state: unstarted, partly consumed (by
//! `.next()`, by `resume`, by an earlier `yield_from!`), and completed, for
//! generator and plain `Stream` sources (issue 10, defect 4).
//!
//! A started source continues from where it stands, as JavaScript's `yield*`
//! over a started iterator. With resume type `()` the macro resumes a source
//! suspended at a yield with `()`. With another resume type there is no
//! value to give such a source: that is a panic that says so. A completed
//! generator source panics as any generator resumed after `Complete` does; a
//! completed (fused) stream source yields nothing and evaluates to `()`.

#[path = "support/drive.rs"]
mod drive;

use core::pin::pin;
use std::panic::{AssertUnwindSafe, catch_unwind};

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen, async_gen_block};
use drive::items_and_completion;
use futures::StreamExt;
use futures::executor::block_on;

fn collect<S: futures::Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

/// The message of the panic that `run` raises.
fn panic_message(run: impl FnOnce()) -> String {
    let payload = catch_unwind(AssertUnwindSafe(run)).expect_err("expected a panic");
    payload
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Yields 0..4, completes with `"numbers done"`.
#[async_gen(yield = u32)]
async fn numbers_done() -> &'static str {
    yield_from!(numbers());
    "numbers done"
}

/// Yields 0..4: also a `Stream`.
#[async_gen(yield = u32)]
async fn numbers() {
    for n in 0..4 {
        yield_!(n);
    }
}

#[async_gen(yield = u32)]
async fn from_unstarted() -> &'static str {
    yield_from!(numbers_done())
}

#[test]
fn an_unstarted_generator_source_runs_from_its_start() {
    assert_eq!(items_and_completion(from_unstarted()), (vec![0, 1, 2, 3], "numbers done"));
}

#[async_gen(yield = u32)]
async fn rest_after_first() {
    let mut inner = pin!(numbers());
    let first = inner.next().await.unwrap();
    yield_!(first + 100);
    yield_from!(inner);
}

#[test]
fn a_generator_source_partly_consumed_by_next_continues() {
    assert_eq!(collect(rest_after_first()), [100, 1, 2, 3]);
}

#[async_gen(yield = u32)]
async fn rest_after_resume() -> &'static str {
    let mut inner = pin!(numbers_done());
    assert_eq!(inner.as_mut().resume(()).await, GeneratorState::Yielded(0));
    assert_eq!(inner.as_mut().resume(()).await, GeneratorState::Yielded(1));
    let done = yield_from!(inner.as_mut());
    assert!(inner.is_complete());
    done
}

#[test]
fn a_generator_source_partly_consumed_by_resume_continues() {
    assert_eq!(items_and_completion(rest_after_resume()), (vec![2, 3], "numbers done"));
}

#[async_gen(yield = u32)]
async fn in_two_delegations() {
    let mut inner = pin!(numbers());
    // The first delegation takes two items through a stream adapter and
    // leaves the generator suspended at its second yield.
    yield_from!(inner.as_mut().take(2));
    yield_!(99);
    yield_from!(inner);
}

#[test]
fn a_generator_source_partly_consumed_by_an_earlier_yield_from_continues() {
    assert_eq!(collect(in_two_delegations()), [0, 1, 99, 2, 3]);
}

#[async_gen(yield = u32)]
async fn twice_over_one_generator() -> &'static str {
    let mut inner = pin!(numbers_done());
    let done = yield_from!(inner.as_mut());
    yield_!(99);
    yield_from!(inner);
    done
}

#[test]
fn a_completed_generator_source_panics_as_a_resume_after_complete() {
    let message = panic_message(|| drop(items_and_completion(twice_over_one_generator())));
    assert!(message.contains("resumed after it completed"), "unclear panic: {message}");
    assert!(message.contains("nor delegated to by `yield_from!`"), "unclear panic: {message}");
}

#[test]
fn stream_sources_in_every_state() {
    let generator = async_gen_block! {
        // Unstarted.
        yield_from!(futures::stream::iter([1u32, 2]));
        // Partly consumed by `.next()`.
        let mut partly = futures::stream::iter([10u32, 20, 30]);
        let first = partly.next().await.unwrap();
        yield first + 1;
        yield_from!(partly);
        // Partly consumed by an earlier `yield_from!`.
        let mut shared = futures::stream::iter([100u32, 200, 300]).fuse();
        yield_from!((&mut shared).take(1));
        yield 0;
        yield_from!(&mut shared);
        // Completed (and fused): nothing more.
        yield_from!(shared);
    };
    assert_eq!(collect(generator), [1, 2, 11, 20, 30, 100, 0, 200, 300]);
}

#[test]
fn block_form_continues_a_partly_consumed_generator_source() {
    let generator = async_gen_block! {
        let mut inner = pin!(numbers());
        let first = inner.next().await.unwrap();
        yield first + 50;
        yield_from!(inner);
        let mut with_completion = pin!(numbers_done());
        assert_eq!(with_completion.as_mut().resume(()).await, GeneratorState::Yielded(0));
        let done = yield_from!(with_completion);
        yield u32::try_from(done.len()).unwrap();
    };
    assert_eq!(collect(generator), [50, 1, 2, 3, 1, 2, 3, 12]);
}

/// Yields `base`, then adds each resume value to it; completes with the sum.
#[async_gen(yield = u32, resume = u32)]
async fn adder(base: u32) -> u32 {
    let mut sum = base;
    for _ in 0..2 {
        sum += yield_!(sum);
    }
    sum
}

#[async_gen(yield = u32, resume = u32)]
async fn delegates_to_unstarted_adder() -> u32 {
    yield_from!(adder(1))
}

#[test]
fn an_unstarted_source_with_a_resume_type_runs_from_its_start() {
    block_on(async {
        let mut generator = pin!(delegates_to_unstarted_adder());
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Yielded(1));
        assert_eq!(generator.as_mut().resume(10).await, GeneratorState::Yielded(11));
        assert_eq!(generator.as_mut().resume(100).await, GeneratorState::Complete(111));
    });
}

#[async_gen(yield = u32, resume = u32)]
async fn delegates_to_suspended_adder() -> u32 {
    let mut inner = pin!(adder(1));
    assert_eq!(inner.as_mut().resume(0).await, GeneratorState::Yielded(1));
    yield_from!(inner)
}

#[test]
fn a_suspended_source_with_a_resume_type_panics_clearly() {
    let message = panic_message(|| {
        block_on(async {
            let mut generator = pin!(delegates_to_suspended_adder());
            let _ = generator.as_mut().resume(0).await;
        });
    });
    assert!(message.contains("resume value"), "unclear panic: {message}");
}
