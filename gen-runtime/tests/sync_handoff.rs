//! The sync hand-off with hand-written bodies (what the macros generate, and
//! what code written against `__private` could do instead): every misuse is
//! a clear panic, never a lost item or undefined behaviour. Run under Miri.

use core::future::Future;
use core::pin::{Pin, pin};
use core::task::{Context, Poll, Waker};
use std::panic::{AssertUnwindSafe, catch_unwind};

use asyncgen_runtime::__private::sync::new;
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
            total += co.yield_(total).await;
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
    let marker = std::rc::Rc::new(());
    let generator = new::<(), std::rc::Rc<()>, (), _, _>(async |mut co| {
        let _kept = co.yield_(()).await;
    });
    let mut generator = pin!(generator);
    let _ = generator.as_mut().resume(marker.clone());
    assert_eq!(std::rc::Rc::strong_count(&marker), 1);
    let _ = generator.as_mut().resume(marker.clone());
    assert_eq!(std::rc::Rc::strong_count(&marker), 1, "the body dropped its resume value");
}

#[test]
fn iterates_when_resume_and_completion_are_unit() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        for i in 0..3 {
            co.yield_(i).await;
        }
    });
    let mut generator = pin!(generator);
    assert_eq!(generator.as_mut().collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(generator.next(), None, "fused");
}

#[test]
fn a_result_completion_gives_the_error_as_the_last_item() {
    let generator = new::<u8, (), Result<(), &str>, _, _>(async |mut co| {
        co.yield_(1).await;
        Err("bad")?;
        co.yield_(2).await;
        Ok(())
    });
    assert_eq!(pin!(generator).collect::<Vec<_>>(), [Ok(1), Err("bad")]);
}

#[test]
fn a_panic_in_the_body_propagates_then_the_generator_is_finished() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        co.yield_(1).await;
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
    let marker = std::rc::Rc::new(());
    let held = marker.clone();
    let generator = new::<u8, (), (), _, _>(async move |mut co| {
        let local = held;
        co.yield_(1).await;
        co.yield_(2).await;
        drop(local);
    });
    let mut generator = Box::pin(generator);
    assert_eq!(generator.as_mut().resume(()), GeneratorState::Yielded(1));
    assert_eq!(std::rc::Rc::strong_count(&marker), 2);
    drop(generator);
    assert_eq!(std::rc::Rc::strong_count(&marker), 1);
}

#[test]
fn a_yielded_value_is_dropped_once_wherever_it_is() {
    use std::rc::Rc;
    let marker = Rc::new(());
    let (unpolled, taken, untaken) = (marker.clone(), marker.clone(), marker.clone());
    let generator = new::<Rc<()>, (), (), _, _>(async move |mut co| {
        // A yield dropped before its first poll drops its value.
        drop(co.yield_(unpolled));
        co.yield_(taken).await;
        co.yield_(untaken).await;
    });
    let mut generator = Box::pin(generator);
    let GeneratorState::Yielded(first) = generator.as_mut().resume(()) else { panic!() };
    assert_eq!(Rc::strong_count(&marker), 3);
    drop(first);
    let GeneratorState::Yielded(second) = generator.as_mut().resume(()) else { panic!() };
    assert_eq!(Rc::strong_count(&marker), 2);
    // The suspended body's yield handed its value over: dropping the
    // generator drops the yield future without dropping the value again.
    drop(generator);
    assert_eq!(Rc::strong_count(&marker), 2);
    drop(second);
    assert_eq!(Rc::strong_count(&marker), 1);
}

#[test]
fn awaiting_a_future_that_is_not_ready_panics_and_finishes() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        co.yield_(1).await;
        core::future::pending::<()>().await;
    });
    let mut generator = pin!(generator);
    assert_eq!(generator.next(), Some(1));
    panics_with("use `#[async_gen]`", || {
        let _ = generator.next();
    });
    assert!(generator.is_complete());
    assert_eq!(generator.next(), None);
}

#[test]
fn a_ready_future_can_be_awaited() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        let value = core::future::ready(7).await;
        co.yield_(value).await;
    });
    assert_eq!(pin!(generator).collect::<Vec<_>>(), [7]);
}

#[test]
fn a_yield_polled_with_a_noop_waker_panics() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        let mut yield_ = co.yield_(1);
        let _ = Pin::new(&mut yield_).poll(&mut Context::from_waker(Waker::noop()));
    });
    panics_with("outside its own generator's body", || {
        let _ = pin!(generator).next();
    });
}

#[test]
fn a_handle_captured_into_another_generators_body_panics() {
    let outer = new::<u32, (), Option<GeneratorState<u32, ()>>, _, _>(async |mut co| {
        let inner = new::<u32, (), (), _, _>(async |_inner_co| {
            // The outer handle, captured by reference, awaited in the inner
            // body: its context is the inner generator's.
            co.yield_(1).await;
        });
        Some(pin!(inner).resume(()))
    });
    panics_with("outside its own generator's body", || {
        let _ = pin!(outer).resume(());
    });
}

#[test]
fn a_clone_of_the_waker_is_not_the_generators() {
    /// Polls a yield future with a context built from a clone of the waker.
    struct WithClone<F>(F);
    impl<F: Future + Unpin> Future for WithClone<F> {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let clone = cx.waker().clone();
            assert!(!clone.will_wake(cx.waker()));
            let _ = Pin::new(&mut self.0).poll(&mut Context::from_waker(&clone));
            Poll::Ready(())
        }
    }
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        WithClone(co.yield_(1)).await;
    });
    panics_with("outside its own generator's body", || {
        let _ = pin!(generator).next();
    });
}

#[test]
fn a_yield_that_would_overwrite_an_untaken_value_panics() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        PollOnce(co.yield_(1)).await;
        co.yield_(2).await;
    });
    panics_with("would lose that value", || {
        let _ = pin!(generator).next();
    });
}

#[test]
fn a_body_that_ends_with_an_untaken_value_panics() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        PollOnce(co.yield_(1)).await;
    });
    let mut generator = pin!(generator);
    panics_with("would lose that value", || {
        let _ = generator.next();
    });
    assert_eq!(generator.next(), None);
}

#[test]
fn a_yield_polled_twice_in_one_resume_panics() {
    let generator = new::<u8, (), (), _, _>(async |mut co| {
        let mut yield_ = co.yield_(1);
        PollOnce(&mut yield_).await;
        yield_.await;
    });
    let mut generator = pin!(generator);
    panics_with("without being resumed", || {
        let _ = generator.next();
    });
}

#[test]
fn generators_nest_and_interleave() {
    let outer = new::<u32, (), (), _, _>(async |mut co| {
        let mut a = pin!(new::<u32, (), (), _, _>(async |mut co| {
            for i in 0..3 {
                co.yield_(i).await;
            }
        }));
        let mut b = pin!(new::<u32, (), (), _, _>(async |mut co| {
            for i in 10..13 {
                co.yield_(i).await;
            }
        }));
        while let (Some(x), Some(y)) = (a.next(), b.next()) {
            co.yield_(x + y).await;
        }
    });
    assert_eq!(pin!(outer).collect::<Vec<_>>(), [10, 12, 14]);
}

#[test]
fn debug_shows_the_progress() {
    let generator = new::<u8, (), (), _, _>(async |mut co| co.yield_(1).await);
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
    let generator = new::<u8, (), (), _, _>(async |mut co| co.yield_(1).await);
    is_send(&generator);
    is_sync(&generator);
}
