//! The two-way generator protocol: resume values, completion values, and
//! `Stream` and `resume` driving the same state.

mod support;

use core::pin::pin;
use core::task::{Context, Poll};
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use asyncgen::{AsyncGenerator, AsyncGeneratorExt, GeneratorState, async_gen};
use futures::StreamExt;
use futures::executor::block_on;
use futures::task::noop_waker_ref;
use support::PendingOnce;

/// Yields the last resume value doubled; a resume value of 0 ends it with
/// the number of values it received.
#[async_gen(yield = u64, resume = u64)]
async fn doubler() -> usize {
    let mut received = 0;
    let mut last = 0;
    loop {
        let value = yield_!(last * 2);
        if value == 0 {
            return received;
        }
        received += 1;
        last = value;
    }
}

#[test]
fn resume_values_arrive_at_the_right_yield_in_order() {
    block_on(async {
        let mut generator = pin!(doubler());
        // The first resume starts the body: its argument goes nowhere.
        assert_eq!(generator.as_mut().resume(999).await, GeneratorState::Yielded(0));
        for value in 1..=1_000 {
            assert_eq!(generator.as_mut().resume(value).await, GeneratorState::Yielded(value * 2));
        }
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Complete(1_000));
        assert!(generator.is_complete());
    });
}

/// A resume value that counts its drops.
struct Counted(Rc<Cell<usize>>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

#[async_gen(yield = usize, resume = Counted)]
async fn counts_resumes(drops: Rc<Cell<usize>>) {
    // Reports how many resume values were dropped before the body saw this one.
    let first = yield_!(drops.get());
    yield_!(first.0.get());
}

#[test]
fn the_first_resume_argument_is_dropped_at_once() {
    let drops = Rc::new(Cell::new(0));
    block_on(async {
        let mut generator = pin!(counts_resumes(Rc::clone(&drops)));
        let first = generator.as_mut().resume(Counted(Rc::clone(&drops))).await;
        // The body started after the first argument was dropped.
        assert_eq!(first, GeneratorState::Yielded(1));
        let second = generator.as_mut().resume(Counted(Rc::clone(&drops))).await;
        // The second argument reached the body and is alive there.
        assert_eq!(second, GeneratorState::Yielded(1));
        assert_eq!(
            generator.as_mut().resume(Counted(Rc::clone(&drops))).await,
            GeneratorState::Complete(())
        );
    });
    assert_eq!(drops.get(), 3);
}

#[test]
fn complete_is_returned_exactly_once_then_resuming_panics() {
    block_on(async {
        let mut generator = pin!(doubler());
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Yielded(0));
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Complete(0));
        let waker = noop_waker_ref();
        let again = catch_unwind(AssertUnwindSafe(|| {
            let _ = generator.as_mut().poll_resume(&mut Context::from_waker(waker), &mut Some(1));
        }));
        let message = again.expect_err("resuming after Complete must panic");
        let message = message.downcast_ref::<&str>().copied().unwrap_or_default();
        assert!(message.contains("resumed after it completed"), "{message}");
    });
}

#[derive(Debug, PartialEq)]
struct Cancelled(&'static str);

/// JavaScript's `gen.throw(e)`: resume with `Err(e)`, the body writes `?`.
#[async_gen(yield = u32, resume = Result<u32, Cancelled>)]
async fn accumulate() -> Result<u32, Cancelled> {
    let mut total = 0;
    loop {
        total += yield_!(total)?;
        if total > 100 {
            return Ok(total);
        }
    }
}

#[test]
fn throw_pattern_ends_the_body_through_question_mark() {
    block_on(async {
        let mut generator = pin!(accumulate());
        assert_eq!(generator.as_mut().resume(Ok(0)).await, GeneratorState::Yielded(0));
        assert_eq!(generator.as_mut().resume(Ok(5)).await, GeneratorState::Yielded(5));
        assert_eq!(generator.as_mut().resume(Ok(7)).await, GeneratorState::Yielded(12));
        let thrown = generator.as_mut().resume(Err(Cancelled("stop"))).await;
        assert_eq!(thrown, GeneratorState::Complete(Err(Cancelled("stop"))));

        let mut finishes = pin!(accumulate());
        assert_eq!(finishes.as_mut().resume(Ok(0)).await, GeneratorState::Yielded(0));
        assert_eq!(finishes.as_mut().resume(Ok(101)).await, GeneratorState::Complete(Ok(101)));
    });
}

#[async_gen(yield = u32)]
async fn three() {
    yield_!(1);
    yield_!(2);
    yield_!(3);
}

#[test]
fn stream_and_resume_drive_the_same_state() {
    block_on(async {
        let mut generator = pin!(three());
        assert_eq!(generator.next().await, Some(1));
        assert_eq!(generator.as_mut().resume(()).await, GeneratorState::Yielded(2));
        assert_eq!(generator.next().await, Some(3));
        assert_eq!(generator.as_mut().resume(()).await, GeneratorState::Complete(()));
        // Completing through `resume` ends the stream.
        assert_eq!(generator.next().await, None);
        assert_eq!(generator.next().await, None);
    });
}

#[async_gen(yield = u32)]
async fn fails_after(count: u32) -> Result<(), String> {
    for i in 0..count {
        yield_!(i);
    }
    Err(format!("failed after {count}"))
}

#[test]
fn a_result_completion_is_a_value_through_resume_and_an_item_through_stream() {
    block_on(async {
        let mut as_generator = pin!(fails_after(1));
        assert_eq!(as_generator.as_mut().resume(()).await, GeneratorState::Yielded(0));
        let done = as_generator.as_mut().resume(()).await;
        assert_eq!(done, GeneratorState::Complete(Err("failed after 1".to_string())));

        let items: Vec<_> = pin!(fails_after(1)).collect().await;
        assert_eq!(items, [Ok(0), Err("failed after 1".to_string())]);
    });
}

#[async_gen(yield = u32, resume = u32)]
async fn awaits_between_yields() -> u32 {
    let first = yield_!(1);
    PendingOnce::default().await;
    let second = yield_!(first + 1);
    first + second
}

#[test]
fn a_resume_value_is_taken_only_at_a_yield() {
    let mut cx = Context::from_waker(noop_waker_ref());
    let mut generator = pin!(awaits_between_yields());
    let mut arg = Some(100);
    let start = generator.as_mut().poll_resume(&mut cx, &mut arg);
    assert_eq!(start, Poll::Ready(GeneratorState::Yielded(1)));
    assert_eq!(arg, None, "the first resume's argument is taken and dropped");

    let mut arg = Some(10);
    assert_eq!(generator.as_mut().poll_resume(&mut cx, &mut arg), Poll::Pending);
    assert_eq!(arg, None, "taken by the yield the body was parked at");
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Running, .. }");

    // Parked at an ordinary await: no resume value is needed, none is taken.
    let mut arg = Some(55);
    assert_eq!(
        generator.as_mut().poll_resume(&mut cx, &mut arg),
        Poll::Ready(GeneratorState::Yielded(11))
    );
    assert_eq!(arg, Some(55));
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Suspended, .. }");

    assert_eq!(
        generator.as_mut().poll_resume(&mut cx, &mut arg),
        Poll::Ready(GeneratorState::Complete(65))
    );
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Complete, .. }");
}

#[test]
fn resuming_a_yield_without_a_value_panics_with_a_message() {
    let mut cx = Context::from_waker(noop_waker_ref());
    let mut generator = pin!(doubler());
    assert_eq!(
        generator.as_mut().poll_resume(&mut cx, &mut None),
        Poll::Ready(GeneratorState::Yielded(0))
    );
    let missing = catch_unwind(AssertUnwindSafe(|| {
        let _ = generator.as_mut().poll_resume(&mut cx, &mut None);
    }));
    let message = missing.expect_err("a yield needs a resume value");
    let message = message.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(message.contains("without a resume value"), "{message}");
}

#[test]
fn debug_shows_where_the_body_is() {
    block_on(async {
        let mut generator = pin!(three());
        assert_eq!(format!("{generator:?}"), "AsyncGen { state: Unstarted, .. }");
        generator.next().await;
        assert_eq!(format!("{generator:?}"), "AsyncGen { state: Suspended, .. }");
        while generator.next().await.is_some() {}
        assert_eq!(format!("{generator:?}"), "AsyncGen { state: Complete, .. }");
    });
}
