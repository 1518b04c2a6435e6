//! Exhaustive cancellation: for every mix of `k` suspension points (yields
//! and `Pending` awaits), drop the generator after each possible number of
//! polls and check that every local that was alive is dropped exactly once,
//! and that nothing else ran.

mod support;

use core::task::{Context, Poll};
use std::cell::RefCell;
use std::rc::Rc;

use asyncgen::async_gen;
use futures::Stream;
use futures::task::noop_waker_ref;
use support::PendingOnce;

/// What happened, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Event {
    Created(usize),
    Dropped(usize),
    /// Step `i` of the script finished (the body was resumed past it).
    Ran(usize),
}

type Log = Rc<RefCell<Vec<Event>>>;

struct Guard {
    id: usize,
    log: Log,
}

impl Guard {
    fn new(log: &Log, id: usize) -> Self {
        log.borrow_mut().push(Event::Created(id));
        Self { id, log: Rc::clone(log) }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.log.borrow_mut().push(Event::Dropped(self.id));
    }
}

/// One suspension point of the script.
#[derive(Clone, Copy, Debug)]
enum Step {
    Yield,
    Pending,
}

/// Guard 0 lives for the whole body (an argument); guard `i + 1` is created
/// just before step `i` and lives across the rest of the body.
#[async_gen(yield = usize)]
async fn script(argument: Guard, log: Log, steps: Vec<Step>) {
    let mut alive = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        alive.push(Guard::new(&log, i + 1));
        match step {
            Step::Yield => yield_!(i),
            Step::Pending => PendingOnce::default().await,
        }
        log.borrow_mut().push(Event::Ran(i));
    }
    drop(argument);
}

/// The events of running `k` steps for `polls` polls, then dropping: the
/// reference the generator is checked against.
fn expected(k: usize, polls: usize) -> Vec<Event> {
    let mut events = vec![Event::Created(0)];
    if polls == 0 {
        events.push(Event::Dropped(0)); // the argument, never started
        return events;
    }
    // Poll p (1-based) runs step p - 2 to its end and suspends at step p - 1.
    let finished = (polls - 1).min(k);
    for i in 0..k.min(polls) {
        events.push(Event::Created(i + 1));
        if i < finished {
            events.push(Event::Ran(i));
        }
    }
    if finished == k {
        // Completed: the body dropped its argument, then its locals (declared
        // later, dropped in order of the `Vec`).
        events.push(Event::Dropped(0));
        events.extend((1..=k).map(Event::Dropped));
    } else {
        // Dropped while suspended: locals go first (the `Vec` in order), then
        // the argument, which was declared first.
        events.extend((1..=k.min(polls)).map(Event::Dropped));
        events.push(Event::Dropped(0));
    }
    events
}

fn every_script(max_k: usize) -> impl Iterator<Item = Vec<Step>> {
    (0..=max_k).flat_map(|k| {
        (0..1_u32 << k).map(move |mask| {
            (0..k).map(|i| if mask >> i & 1 == 1 { Step::Pending } else { Step::Yield }).collect()
        })
    })
}

#[test]
fn dropping_after_every_number_of_polls_drops_each_live_local_once() {
    let max_k = if cfg!(miri) { 3 } else { 6 };
    let mut cases = 0;
    for steps in every_script(max_k) {
        let k = steps.len();
        for polls in 0..=k + 1 {
            let log: Log = Rc::default();
            let mut generator =
                Box::pin(script(Guard::new(&log, 0), Rc::clone(&log), steps.clone()));
            let mut cx = Context::from_waker(noop_waker_ref());
            for poll in 0..polls {
                let outcome = generator.as_mut().poll_next(&mut cx);
                let expect_end = poll == k;
                assert_eq!(outcome.is_ready() && matches!(outcome, Poll::Ready(None)), expect_end);
            }
            drop(generator);
            assert_eq!(*log.borrow(), expected(k, polls), "{steps:?} dropped after {polls} polls");
            cases += 1;
        }
    }
    // Every mix of up to six suspension points, each dropped at every point.
    assert_eq!(cases, (0..=max_k).map(|k| (k + 2) << k).sum::<usize>());
}
