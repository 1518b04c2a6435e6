//! Exhaustive panics: a panic injected at each point of a body with mixed
//! suspension points propagates out of that poll; every later poll, through
//! `Stream` or `resume`, sees a finished generator; dropping it afterwards
//! drops each local exactly once.

mod support;

use core::task::{Context, Poll};
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use asyncgen::{AsyncGenerator, async_gen};
use futures::Stream;
use futures::task::noop_waker_ref;
use support::PendingOnce;

type Log = Rc<RefCell<Vec<(usize, bool)>>>;

/// Records `(id, true)` when created and `(id, false)` when dropped.
struct Guard {
    id: usize,
    log: Log,
}

impl Guard {
    fn new(log: &Log, id: usize) -> Self {
        log.borrow_mut().push((id, true));
        Self { id, log: Rc::clone(log) }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.log.borrow_mut().push((self.id, false));
    }
}

/// Step `i` creates guard `i + 1`, panics if `i == panic_at`, then suspends
/// (a yield when bit `i` of `pending_mask` is clear, a `Pending` await when set).
#[async_gen(yield = usize)]
async fn script(log: Log, steps: usize, pending_mask: u32, panic_at: usize) {
    let _argument = Guard::new(&log, 0);
    let mut alive = Vec::new();
    for i in 0..steps {
        alive.push(Guard::new(&log, i + 1));
        assert!(i != panic_at, "injected panic at step {i}");
        if pending_mask >> i & 1 == 1 {
            PendingOnce::default().await;
        } else {
            yield_!(i);
        }
    }
}

/// Every guard created was dropped exactly once.
fn each_dropped_once(log: &[(usize, bool)]) -> bool {
    let created: Vec<usize> = log.iter().filter(|(_, c)| *c).map(|(id, _)| *id).collect();
    let mut dropped: Vec<usize> = log.iter().filter(|(_, c)| !*c).map(|(id, _)| *id).collect();
    dropped.sort_unstable();
    let mut created_sorted = created.clone();
    created_sorted.sort_unstable();
    created_sorted == dropped
}

#[test]
fn a_panic_at_every_point_propagates_once_then_the_generator_is_finished() {
    let max_steps = if cfg!(miri) { 3 } else { 5 };
    // The injected panics are expected: keep the default hook from printing
    // each of them (this is the only test in this binary).
    std::panic::set_hook(Box::new(|_| {}));
    let mut cx = Context::from_waker(noop_waker_ref());
    let mut cases = 0;
    for steps in 1..=max_steps {
        for pending_mask in 0..1_u32 << steps {
            for panic_at in 0..steps {
                let log: Log = Rc::default();
                let mut generator =
                    Box::pin(script(Rc::clone(&log), steps, pending_mask, panic_at));
                // Polls before the panicking one each end at one suspension point.
                for _ in 0..panic_at {
                    let outcome = generator.as_mut().poll_next(&mut cx);
                    assert!(!matches!(outcome, Poll::Ready(None)));
                }
                let panicked =
                    catch_unwind(AssertUnwindSafe(|| generator.as_mut().poll_next(&mut cx)));
                let payload = panicked.expect_err("the injected panic propagates out of the poll");
                let message = payload.downcast_ref::<String>().cloned().unwrap_or_default();
                assert_eq!(message, format!("injected panic at step {panic_at}"));
                // The body unwound: everything it held is dropped already.
                assert!(each_dropped_once(&log.borrow()), "{:?}", log.borrow());
                assert!(generator.is_complete());
                for _ in 0..3 {
                    assert_eq!(generator.as_mut().poll_next(&mut cx), Poll::Ready(None));
                }
                let resumed = catch_unwind(AssertUnwindSafe(|| {
                    let _ = generator.as_mut().poll_resume(&mut cx, &mut Some(()));
                }));
                let payload = resumed.expect_err("resuming a finished generator panics");
                let message = payload.downcast_ref::<&str>().copied().unwrap_or_default();
                assert!(message.contains("resumed after it completed or panicked"), "{message}");
                let before_drop = log.borrow().len();
                drop(generator);
                assert_eq!(log.borrow().len(), before_drop, "nothing is dropped twice");
                assert_eq!(
                    log.borrow().iter().filter(|(_, created)| *created).count(),
                    panic_at + 2
                );
                cases += 1;
            }
        }
    }
    assert_eq!(cases, (1..=max_steps).map(|k| k << k).sum::<usize>());
}
