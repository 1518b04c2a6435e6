//! Bodies written by hand against `__private`, doing what the macros never
//! generate: a yield whose value would be overwritten, a body that awaits
//! between its `suspend` and `resumed`, a future whose destructor panics,
//! resuming without a value or after the end, a body of `new_unit` that
//! takes a resume value or a body of `new` that never does. Each is a clear
//! panic or a defined outcome, never a lost value or a double drop.

use core::future::Future;
use core::pin::{Pin, pin};
use core::task::{Context, Poll, Waker};
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use asyncgen_runtime::__private::{Co, new, new_unit};
use asyncgen_runtime::{AsyncGenerator, GeneratorState};
use futures::future::{pending, poll_fn, ready, select};
use futures::stream::{FusedStream, Stream};

fn noop_context() -> Context<'static> {
    Context::from_waker(Waker::noop())
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Counts its drops in a shared counter.
struct Counted(Rc<Cell<usize>>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

#[test]
fn two_yields_without_a_suspend_panic_naming_the_second_yield() {
    let drops = Rc::new(Cell::new(0));
    let expected_line = Rc::new(Cell::new(0));
    let generator = {
        let (drops, expected_line) = (Rc::clone(&drops), Rc::clone(&expected_line));
        new::<Counted, (), (), _, _>(async move |mut co| {
            co.yield_(Counted(Rc::clone(&drops)));
            expected_line.set(line!() + 1);
            co.yield_(Counted(Rc::clone(&drops)));
        })
    };
    let mut generator = pin!(generator);
    let caught = catch_unwind(AssertUnwindSafe(|| {
        let _ = generator.as_mut().poll_next(&mut noop_context());
    }));
    let message = panic_message(&*caught.expect_err("the second yield panics"));
    let location = format!("{}:{}:", file!(), expected_line.get());
    assert!(message.starts_with(&format!("`yield` at {location}")), "{message}");
    assert!(
        message.contains("would overwrite a value its consumer has not taken yet"),
        "{message}"
    );
    assert!(message.contains("inside a nested future?"), "{message}");
    // Both values were dropped: the untaken one as the body finished, the
    // other as the panic unwound through the body.
    assert_eq!(drops.get(), 2);
    assert!(generator.is_terminated());
    assert!(matches!(generator.as_mut().poll_next(&mut noop_context()), Poll::Ready(None)));
}

#[test]
fn a_yield_inside_a_nested_future_then_another_yield_panics() {
    // The shape of a yield that a user macro hides in an `async` block: the
    // nested future yields 1 and is abandoned once `select` finishes; the
    // body's own yield of 2 would overwrite the 1.
    let generator = new::<u32, (), (), _, _>(async |mut co| {
        {
            let nested = async {
                co.yield_(1);
                co.suspend().await;
                co.resumed();
            };
            let _ = select(pin!(nested), ready(())).await;
        }
        co.yield_(2);
        co.suspend().await;
        co.resumed();
    });
    let mut generator = pin!(generator);
    let caught = catch_unwind(AssertUnwindSafe(|| {
        let _ = generator.as_mut().poll_next(&mut noop_context());
    }));
    let message = panic_message(&*caught.expect_err("the yield of 2 panics"));
    assert!(message.contains(&format!("`yield` at {}:", file!())), "{message}");
    assert!(message.contains("would overwrite"), "{message}");
    assert!(generator.is_terminated());
}

#[test]
fn a_resume_value_not_taken_before_an_await_stays_with_the_body() {
    // The body awaits between its `suspend` and `resumed`: the resume value
    // waits in transit, a resume offered meanwhile is not taken, and a
    // generator dropped there drops it.
    for take_it in [true, false] {
        let drops = Rc::new(Cell::new(0));
        let generator = new::<u32, Counted, usize, _, _>(async |mut co| {
            co.yield_(1);
            co.suspend().await;
            let mut once = false;
            poll_fn(|cx| {
                if once {
                    return Poll::Ready(());
                }
                once = true;
                cx.waker().wake_by_ref();
                Poll::Pending
            })
            .await;
            let value = co.resumed();
            value.0.get()
        });
        let mut generator = Box::pin(generator);
        let mut cx = noop_context();
        let mut arg = Some(Counted(Rc::clone(&drops)));
        assert_eq!(
            generator
                .as_mut()
                .poll_resume(&mut cx, &mut arg)
                .map(|s| matches!(s, GeneratorState::Yielded(1))),
            Poll::Ready(true)
        );
        assert_eq!(drops.get(), 1, "the first argument is dropped");
        let mut arg = Some(Counted(Rc::clone(&drops)));
        assert!(generator.as_mut().poll_resume(&mut cx, &mut arg).is_pending());
        assert!(arg.is_none(), "taken at the yield");
        assert_eq!(format!("{generator:?}"), "AsyncGen { state: Running, .. }");
        let mut spare = Some(Counted(Rc::clone(&drops)));
        if take_it {
            let done = generator.as_mut().poll_resume(&mut cx, &mut spare);
            assert!(matches!(done, Poll::Ready(GeneratorState::Complete(1))));
            assert!(spare.is_some(), "not taken at an ordinary await");
            assert_eq!(drops.get(), 2, "the body dropped its resume value");
        } else {
            drop(generator);
            assert_eq!(drops.get(), 2, "dropped with the generator");
        }
        drop(spare);
        assert_eq!(drops.get(), 3);
    }
}

/// A finished future whose destructor panics.
struct PanicsWhenDropped;

impl Future for PanicsWhenDropped {
    type Output = ();

    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        Poll::Ready(())
    }
}

impl Drop for PanicsWhenDropped {
    fn drop(&mut self) {
        panic!("the future's destructor failed");
    }
}

/// A body that is a hand-written future (a function item is a closure that
/// works for every handle lifetime).
fn panics_when_dropped(_co: Co<'_, u32, ()>) -> PanicsWhenDropped {
    PanicsWhenDropped
}

#[test]
fn completion_is_recorded_before_the_finished_future_is_dropped() {
    let mut generator = pin!(new::<u32, (), (), _, _>(panics_when_dropped));
    let caught = catch_unwind(AssertUnwindSafe(|| {
        let _ = generator.as_mut().poll_next(&mut noop_context());
    }));
    let message = panic_message(&*caught.expect_err("the destructor's panic propagates"));
    assert_eq!(message, "the future's destructor failed");
    assert!(generator.is_complete());
    assert!(generator.is_terminated());
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Complete, .. }");
    assert!(generator.as_mut().poll_next(&mut noop_context()).is_ready());
}

#[test]
fn resuming_after_completion_panics_and_points_at_is_complete() {
    let mut generator = pin!(new::<u32, u32, (), _, _>(async |_co| {}));
    let mut cx = noop_context();
    assert_eq!(
        generator.as_mut().poll_resume(&mut cx, &mut None),
        Poll::Ready(GeneratorState::Complete(()))
    );
    let caught = catch_unwind(AssertUnwindSafe(|| {
        let _ = generator.as_mut().poll_resume(&mut cx, &mut Some(1));
    }));
    let message = panic_message(&*caught.expect_err("resuming after the end panics"));
    assert!(message.contains("resumed after it completed or panicked"), "{message}");
    assert!(message.contains("is_complete()"), "{message}");
}

#[test]
fn resuming_a_yield_without_a_value_names_yield_from() {
    let mut generator = pin!(new::<u32, u32, u32, _, _>(async |mut co| {
        co.yield_(1);
        co.suspend().await;
        co.resumed()
    }));
    let mut cx = noop_context();
    assert_eq!(
        generator.as_mut().poll_resume(&mut cx, &mut None),
        Poll::Ready(GeneratorState::Yielded(1))
    );
    let caught = catch_unwind(AssertUnwindSafe(|| {
        let _ = generator.as_mut().poll_resume(&mut cx, &mut None);
    }));
    let message = panic_message(&*caught.expect_err("a yield needs a value"));
    assert!(message.contains("without a resume value"), "{message}");
    assert!(
        message.contains(
            "`yield_from!` cannot continue a source suspended at a `yield` unless the resume type is `()`"
        ),
        "{message}"
    );
    // Nothing was polled or lost: the same yield takes the next value.
    assert_eq!(
        generator.as_mut().poll_resume(&mut cx, &mut Some(5)),
        Poll::Ready(GeneratorState::Complete(5))
    );
}

#[test]
fn the_body_sees_the_executors_waker_itself() {
    let waker = futures::task::noop_waker();
    let seen = Rc::new(Cell::new(0_usize));
    let generator = {
        let seen = Rc::clone(&seen);
        let expected = waker.clone();
        new::<u32, (), (), _, _>(async move |mut co| {
            for item in 0..2 {
                poll_fn(|cx| {
                    if cx.waker().will_wake(&expected) && cx.waker().data() == expected.data() {
                        seen.set(seen.get() + 1);
                    }
                    Poll::Ready(())
                })
                .await;
                co.yield_(item);
                co.suspend().await;
                co.resumed();
            }
            pending::<()>().await;
        })
    };
    let mut generator = pin!(generator);
    let mut cx = Context::from_waker(&waker);
    assert_eq!(generator.as_mut().poll_next(&mut cx), Poll::Ready(Some(0)));
    assert_eq!(generator.as_mut().poll_next(&mut cx), Poll::Ready(Some(1)));
    assert_eq!(generator.as_mut().poll_next(&mut cx), Poll::Pending);
    assert_eq!(seen.get(), 2, "each poll of the body saw the executor's own waker");
}

#[test]
fn a_unit_resume_body_that_takes_its_resume_value_gets_unit_once() {
    // `new_unit` resumes without a store: the body is polled saying
    // `Suspended`, which with a zero-sized resume type means "a `()` is in
    // transit". A body that asks for it gets that `()`, once; asking again,
    // it gets none, not a conjured one.
    let generator = new_unit::<u32, (), _, _>(async |mut co| {
        co.yield_(1);
        co.suspend().await;
        let () = co.resumed();
        co.yield_(2);
        co.suspend().await;
        co.resumed();
        co.resumed();
    });
    let mut generator = pin!(generator);
    let mut cx = noop_context();
    assert_eq!(generator.as_mut().poll_next(&mut cx), Poll::Ready(Some(1)));
    assert_eq!(generator.as_mut().poll_next(&mut cx), Poll::Ready(Some(2)));
    let caught = catch_unwind(AssertUnwindSafe(|| generator.as_mut().poll_next(&mut cx)));
    let message = panic_message(&*caught.expect_err("taking a second resume value panics"));
    assert!(message.contains("without being resumed"), "{message}");
    assert_eq!(generator.as_mut().poll_next(&mut cx), Poll::Ready(None));
}

/// Takes the body's resume value when dropped.
struct TakesResumedWhenDropped<'a, 'co>(&'a mut Co<'co, u32, ()>);

impl Drop for TakesResumedWhenDropped<'_, '_> {
    fn drop(&mut self) {
        self.0.resumed();
    }
}

#[test]
fn a_destructor_that_takes_the_unit_while_the_body_unwinds_finishes_the_generator() {
    // The `()` a unit-resume body is polled with can be taken by a
    // destructor of the body as it unwinds: no second panic (which would
    // abort), and the generator is finished.
    let generator = new_unit::<u32, (), _, _>(async |mut co| {
        co.yield_(0);
        co.suspend().await;
        let _takes = TakesResumedWhenDropped(&mut co);
        panic!("boom");
    });
    let mut generator = pin!(generator);
    let mut cx = noop_context();
    assert_eq!(generator.as_mut().poll_next(&mut cx), Poll::Ready(Some(0)));
    let caught = catch_unwind(AssertUnwindSafe(|| generator.as_mut().poll_next(&mut cx)));
    assert_eq!(panic_message(&*caught.expect_err("the body panics")), "boom");
    assert!(generator.is_terminated());
    assert_eq!(generator.as_mut().poll_next(&mut cx), Poll::Ready(None));
}

#[test]
fn a_body_of_new_that_never_takes_its_unit_resume_value_still_delivers_every_item() {
    // The resume value is left in transit (zero bytes): the generator only
    // believes the body is still at its yield, and a stream, which always
    // offers `Some(())`, sees every item in order.
    let generator = new::<u32, (), (), _, _>(async |mut co| {
        for i in 0..3 {
            co.yield_(i);
            co.suspend().await;
            ready(()).await;
        }
    });
    let items: Vec<u32> = futures::executor::block_on_stream(Box::pin(generator)).collect();
    assert_eq!(items, [0, 1, 2]);
}

#[test]
fn a_suspension_polled_twice_by_hand_cannot_lose_the_value_of_a_unit_resume_body() {
    // Polling its own `Suspend` twice lets the body continue with its value
    // untaken; its next yield then panics instead of overwriting it, and
    // the value is dropped exactly once.
    let drops = Rc::new(Cell::new(0));
    let generator = {
        let drops = Rc::clone(&drops);
        new_unit::<Counted, (), _, _>(async move |mut co| {
            co.yield_(Counted(Rc::clone(&drops)));
            {
                let mut suspend = pin!(co.suspend());
                poll_fn(|cx| {
                    let _ = suspend.as_mut().poll(cx);
                    suspend.as_mut().poll(cx)
                })
                .await;
            }
            co.yield_(Counted(Rc::clone(&drops)));
        })
    };
    let mut generator = pin!(generator);
    let mut cx = noop_context();
    let caught = catch_unwind(AssertUnwindSafe(|| {
        let _ = generator.as_mut().poll_next(&mut cx);
    }));
    let message = panic_message(&*caught.expect_err("the second yield panics"));
    assert!(message.contains("would overwrite a value"), "{message}");
    assert_eq!(drops.get(), 2, "both values dropped, each once");
    assert!(generator.is_terminated());
}

/// Panics when dropped (unless already unwinding).
struct PanicsOnDrop;

impl Drop for PanicsOnDrop {
    fn drop(&mut self) {
        assert!(std::thread::panicking(), "the value's destructor failed");
    }
}

#[test]
fn a_value_left_in_transit_whose_destructor_panics_at_completion_ends_the_generator() {
    // The body yields and returns in one poll: the value is still in transit
    // when the generator drops it, and its destructor panics. Completion was
    // recorded first, so later polls see a finished generator, not a second
    // panic.
    let generator = new_unit::<PanicsOnDrop, (), _, _>(async |mut co| {
        co.yield_(PanicsOnDrop);
    });
    let mut generator = pin!(generator);
    let mut cx = noop_context();
    let caught = catch_unwind(AssertUnwindSafe(|| {
        let _ = generator.as_mut().poll_next(&mut cx);
    }));
    let message = panic_message(&*caught.expect_err("the destructor's panic propagates"));
    assert!(message.contains("the value's destructor failed"), "{message}");
    assert!(generator.is_complete());
    let again = catch_unwind(AssertUnwindSafe(|| generator.as_mut().poll_next(&mut cx).is_ready()));
    assert!(matches!(again, Ok(true)), "no second panic");
    assert!(matches!(generator.as_mut().poll_next(&mut cx), Poll::Ready(None)));
}
