//! The sync hand-off with hand-written bodies (what the macros generate, and
//! what code written against `__private` could do instead): every misuse is
//! a clear panic or drops the value once, never an item at the wrong
//! consumer or undefined behaviour. Run under Miri.

use core::future::Future;
use core::pin::{Pin, pin};
use core::task::{Context, Poll};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use asyncgen_runtime::__private::sync::{new, new_unit};
use asyncgen_runtime::{GeneratorState, SyncGenerator};

/// Polls the inner future once, whatever it returns, then is ready.
struct PollOnce<F>(F);

impl<F: Future + Unpin> Future for PollOnce<F> {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let _ = Pin::new(&mut self.0).poll(cx);
        Poll::Ready(())
    }
}

/// Runs `f`, expecting a panic whose message contains `needle`.
fn panics_with(needle: &str, f: impl FnOnce()) {
    let payload = catch_unwind(AssertUnwindSafe(f)).expect_err("expected a panic");
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or_default();
    assert!(message.contains(needle), "panic message {message:?} lacks {needle:?}");
}

#[test]
fn yields_resumes_and_completes() {
    let generator = new::<u32, u32, &str, _, _>(async |mut co| {
        let mut total = 0;
        for _ in 0..2 {
            co.yield_(total);
            co.suspend().await;
            total += co.resumed();
        }
        if total > 10 { "big" } else { "small" }
    });
    let mut generator = pin!(generator);
    assert_eq!(generator.as_mut().resume(99), GeneratorState::Yielded(0));
    assert_eq!(generator.as_mut().resume(5), GeneratorState::Yielded(5));
    assert_eq!(generator.as_mut().resume(6), GeneratorState::Complete("big"));
    assert!(generator.is_complete());
    panics_with("check `is_complete()`", || {
        let _ = generator.as_mut().resume(0);
    });
}

#[test]
fn the_first_resume_value_is_dropped_at_once() {
    let marker = Rc::new(());
    let generator = new::<(), Rc<()>, (), _, _>(async |mut co| {
        co.yield_(());
        co.suspend().await;
        let _kept = co.resumed();
    });
    let mut generator = pin!(generator);
    let _ = generator.as_mut().resume(marker.clone());
    assert_eq!(Rc::strong_count(&marker), 1);
    let _ = generator.as_mut().resume(marker.clone());
    assert_eq!(Rc::strong_count(&marker), 1, "the body dropped its resume value");
}

#[test]
fn iterates_when_resume_and_completion_are_unit() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        for i in 0..3 {
            co.yield_(i);
            co.suspend().await;
            co.resumed();
        }
    });
    let mut generator = pin!(generator);
    assert_eq!(generator.as_mut().collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(generator.next(), None, "fused");
}

#[test]
fn a_result_completion_gives_the_error_as_the_last_item() {
    let generator = new::<u8, (), Result<(), &str>, _, _>(async |mut co| {
        co.yield_(1);
        co.suspend().await;
        co.resumed();
        Err("bad")?;
        co.yield_(2);
        co.suspend().await;
        co.resumed();
        Ok(())
    });
    assert_eq!(pin!(generator).collect::<Vec<_>>(), [Ok(1), Err("bad")]);
}

#[test]
fn a_panic_in_the_body_propagates_then_the_generator_is_finished() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        co.yield_(1);
        co.suspend().await;
        co.resumed();
        panic!("boom");
    });
    let mut generator = pin!(generator);
    assert_eq!(generator.next(), Some(1));
    panics_with("boom", || {
        let _ = generator.next();
    });
    assert!(generator.is_complete());
    assert_eq!(generator.next(), None);
}

#[test]
fn dropping_a_suspended_generator_drops_the_bodys_locals() {
    let marker = Rc::new(());
    let held = marker.clone();
    let generator = new::<u8, (), (), _, _>(async move |mut co| {
        let local = held;
        for i in 1..=2 {
            co.yield_(i);
            co.suspend().await;
            co.resumed();
        }
        drop(local);
    });
    let mut generator = Box::pin(generator);
    assert_eq!(generator.as_mut().resume(()), GeneratorState::Yielded(1));
    assert_eq!(Rc::strong_count(&marker), 2);
    drop(generator);
    assert_eq!(Rc::strong_count(&marker), 1);
}

#[test]
fn a_yielded_value_is_dropped_once_wherever_it_is() {
    let marker = Rc::new(());
    let (taken, left) = (marker.clone(), marker.clone());
    let generator = new::<Rc<()>, (), (), _, _>(async move |mut co| {
        co.yield_(taken);
        co.suspend().await;
        co.resumed();
        // A yield whose suspension never comes: the body ends with the value
        // in the slot, where no consumer can take it.
        co.yield_(left);
    });
    let mut generator = Box::pin(generator);
    let GeneratorState::Yielded(first) = generator.as_mut().resume(()) else { panic!() };
    assert_eq!(Rc::strong_count(&marker), 3);
    drop(first);
    assert_eq!(Rc::strong_count(&marker), 2);
    assert_eq!(generator.as_mut().resume(()), GeneratorState::Complete(()));
    assert_eq!(Rc::strong_count(&marker), 1, "the value left in the slot was dropped");
    drop(generator);
    assert_eq!(Rc::strong_count(&marker), 1);
}

#[test]
fn awaiting_a_future_that_is_not_ready_panics_and_finishes() {
    let marker = Rc::new(());
    let held = marker.clone();
    let generator = new::<u8, (), (), _, _>(async move |mut co| {
        let local = held;
        co.yield_(1);
        co.suspend().await;
        co.resumed();
        core::future::pending::<()>().await;
        drop(local);
    });
    let mut generator = Box::pin(generator);
    assert_eq!(generator.as_mut().next(), Some(1));
    panics_with("use `#[async_gen]`", || {
        let _ = generator.as_mut().next();
    });
    assert!(generator.is_complete());
    assert_eq!(generator.as_mut().next(), None);
    drop(generator);
    assert_eq!(Rc::strong_count(&marker), 1, "the parked body was dropped with the generator");
}

#[test]
fn a_ready_future_can_be_awaited() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        let value = core::future::ready(7).await;
        co.yield_(value);
        co.suspend().await;
        co.resumed();
    });
    assert_eq!(pin!(generator).collect::<Vec<_>>(), [7]);
}

#[test]
fn a_suspension_polled_by_hand_panics_at_the_resume_value() {
    let marker = Rc::new(());
    let value = marker.clone();
    let generator = new::<Rc<()>, (), (), _, _>(async move |mut co| {
        co.yield_(value);
        // Polled once and dropped: the body goes on within the same resume.
        PollOnce(co.suspend()).await;
        co.resumed();
    });
    panics_with("without being resumed", || {
        let _ = pin!(generator).next();
    });
    assert_eq!(Rc::strong_count(&marker), 1, "the yielded value was dropped once");
}

#[test]
fn a_handle_captured_into_another_generators_body_cannot_reach_its_consumer() {
    let marker = Rc::new(());
    let value = marker.clone();
    let outer = new::<Rc<()>, (), Option<GeneratorState<Rc<()>, ()>>, _, _>(async |mut co| {
        let inner = new::<Rc<()>, (), (), _, _>(async |_inner_co| {
            // The outer handle, captured by reference, used in the inner
            // body: the value goes to the outer generator's slot, and the
            // inner body's suspension is a wait its generator refuses.
            co.yield_(value);
            co.suspend().await;
            co.resumed();
        });
        Some(pin!(inner).resume(()))
    });
    let mut outer = pin!(outer);
    panics_with("awaited a future that is not ready", || {
        let _ = outer.as_mut().resume(());
    });
    assert!(outer.is_complete());
    assert_eq!(Rc::strong_count(&marker), 1, "the value reached no consumer and was dropped");
}

#[test]
fn a_yield_that_would_overwrite_an_untaken_value_panics() {
    let marker = Rc::new(());
    let (first, second) = (marker.clone(), marker.clone());
    let generator = new::<Rc<()>, (), (), _, _>(async move |mut co| {
        co.yield_(first);
        co.yield_(second);
        co.suspend().await;
        co.resumed();
    });
    panics_with("would overwrite a value its consumer has not taken yet", || {
        let _ = pin!(generator).next();
    });
    assert_eq!(Rc::strong_count(&marker), 1, "both values were dropped once");
}

#[test]
fn a_resume_value_taken_twice_panics() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        co.yield_(1);
        co.suspend().await;
        co.resumed();
        co.resumed();
    });
    let mut generator = pin!(generator);
    assert_eq!(generator.next(), Some(1));
    panics_with("without being resumed", || {
        let _ = generator.next();
    });
    assert_eq!(generator.next(), None);
}

#[test]
fn resuming_a_suspended_generator_without_a_value_panics() {
    let generator = new::<u8, u8, (), _, _>(async |mut co| {
        co.yield_(1);
        co.suspend().await;
        co.resumed();
    });
    let mut generator = pin!(generator);
    assert_eq!(generator.as_mut().resume_or_start(None), GeneratorState::Yielded(1));
    panics_with("resumed without a resume value", || {
        let _ = generator.as_mut().resume_or_start(None);
    });
    assert_eq!(generator.as_mut().resume(2), GeneratorState::Complete(()), "still usable");
}

#[test]
fn generators_nest_and_interleave() {
    let outer = new::<u32, (), (), _, _>(async |mut co| {
        let mut a = pin!(new::<u32, (), (), _, _>(async |mut co| {
            for i in 0..3 {
                co.yield_(i);
                co.suspend().await;
                co.resumed();
            }
        }));
        let mut b = pin!(new::<u32, (), (), _, _>(async |mut co| {
            for i in 10..13 {
                co.yield_(i);
                co.suspend().await;
                co.resumed();
            }
        }));
        while let (Some(x), Some(y)) = (a.next(), b.next()) {
            co.yield_(x + y);
            co.suspend().await;
            co.resumed();
        }
    });
    assert_eq!(pin!(outer).collect::<Vec<_>>(), [10, 12, 14]);
}

#[test]
fn debug_shows_the_progress() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        co.yield_(1);
        co.suspend().await;
        co.resumed();
    });
    let mut generator = pin!(generator);
    assert_eq!(format!("{generator:?}"), "SyncGen { state: Unstarted, .. }");
    let _ = generator.next();
    assert_eq!(format!("{generator:?}"), "SyncGen { state: Suspended, .. }");
    let _ = generator.next();
    assert_eq!(format!("{generator:?}"), "SyncGen { state: Complete, .. }");
}

#[test]
fn send_and_sync_follow_the_body() {
    fn is_send<T: Send>(_: &T) {}
    fn is_sync<T: Sync>(_: &T) {}
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        co.yield_(1);
        co.suspend().await;
        co.resumed();
    });
    is_send(&generator);
    is_sync(&generator);
}

#[test]
fn a_unit_resume_body_iterates_without_taking_its_resume_value() {
    // What the macros build when the resume type is `()`.
    let generator = new_unit::<u8, (), _, _>(async |mut co| {
        for i in 0..3 {
            co.yield_(i);
            co.suspend().await;
        }
    });
    let mut generator = pin!(generator);
    assert_eq!(generator.as_mut().collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(generator.next(), None, "fused");
}

#[test]
fn a_unit_resume_body_that_takes_its_resume_value_gets_unit_once() {
    // As for async generators: the `()` the body is polled with can be
    // taken once per yield, never conjured a second time.
    let generator = new_unit::<u8, (), _, _>(async |mut co| {
        co.yield_(1);
        co.suspend().await;
        let () = co.resumed();
        co.yield_(2);
        co.suspend().await;
        co.resumed();
        co.resumed();
    });
    let mut generator = pin!(generator);
    assert_eq!(generator.next(), Some(1));
    assert_eq!(generator.next(), Some(2));
    panics_with("without being resumed", || {
        let _ = generator.next();
    });
    assert_eq!(generator.next(), None, "finished");
}
