//! Runtime-level tests of the hand-off between an `AsyncGen` and its body,
//! without the macros: bodies are written directly against the `Co` handle
//! (`co.yield_(v); co.suspend().await; co.resumed()` is what a `yield` expands to;
//! without `co.resumed()` for `new_unit`, whose resume type is `()`).
//!
//! That a `!Send` body makes the generator `!Send` is a compile-time property;
//! the facade's UI tests (`tests/ui/not_send_across_yield.rs`) cover it.

use core::future::Future;
use core::pin::{Pin, pin};
use core::task::{Context, Poll};
use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use asyncgen_runtime::__private::{Co, new, new_unit};
use asyncgen_runtime::{AsyncGen, AsyncGenerator, AsyncGeneratorExt, Body, GeneratorState};
use futures::StreamExt;
use futures::executor::block_on;
use futures::stream::{FusedStream, Stream};
use futures::task::noop_waker_ref;

/// A context whose waker does nothing: every test here drives polls by hand.
fn noop_context() -> Context<'static> {
    Context::from_waker(noop_waker_ref())
}

/// Polls a stream once with a no-op waker.
fn poll_once<S: Stream + ?Sized>(stream: Pin<&mut S>) -> Poll<Option<S::Item>> {
    stream.poll_next(&mut noop_context())
}

/// The message of a caught panic (`panic!` with a literal or a format string).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// `Pending` once (waking itself), then ready: an ordinary `.await` that
/// really suspends the body.
#[derive(Default)]
struct PendingOnce(bool);

impl Future for PendingOnce {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// Records the names of dropped [`Guard`]s, in drop order.
#[derive(Clone, Default)]
struct Log(Rc<RefCell<Vec<&'static str>>>);

impl Log {
    fn guard(&self, name: &'static str) -> Guard {
        Guard { name, log: self.clone() }
    }

    /// The names dropped so far, sorted (the order of drops among the live
    /// locals is the compiler's business; each must appear exactly once).
    fn sorted(&self) -> Vec<&'static str> {
        let mut names = self.0.borrow().clone();
        names.sort_unstable();
        names
    }
}

/// A value that records its own drop.
struct Guard {
    name: &'static str,
    log: Log,
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.log.0.borrow_mut().push(self.name);
    }
}

/// A value that counts its drops.
#[derive(Debug)]
struct Counted {
    id: u32,
    drops: Rc<Cell<usize>>,
}

impl PartialEq for Counted {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}

fn counted(id: u32, drops: &Rc<Cell<usize>>) -> Counted {
    Counted { id, drops: Rc::clone(drops) }
}

/// Yields `0..count`.
fn range(count: u32) -> AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>> {
    new::<u32, (), (), _, _>(async move |mut co| {
        for i in 0..count {
            co.yield_(i);
            {
                co.suspend().await;
                co.resumed();
            };
        }
    })
}

#[test]
fn items_come_out_in_order() {
    let mut generator = pin!(range(4));
    for expected in 0..4 {
        assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(expected)));
    }
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));

    let items: Vec<u32> = block_on(pin!(range(100)).collect());
    assert_eq!(items, (0..100).collect::<Vec<_>>());
    let empty: Vec<u32> = block_on(pin!(range(0)).collect());
    assert_eq!(empty, []);
}

#[test]
fn ordinary_awaits_between_yields_return_pending_without_items() {
    let mut generator = pin!(new::<u32, (), (), _, _>(async |mut co| {
        co.yield_(1);
        {
            co.suspend().await;
            co.resumed();
        };
        PendingOnce::default().await;
        PendingOnce::default().await;
        co.yield_(2);
        {
            co.suspend().await;
            co.resumed();
        };
    }));
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(1)));
    assert_eq!(poll_once(generator.as_mut()), Poll::Pending);
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Running, .. }");
    assert_eq!(poll_once(generator.as_mut()), Poll::Pending);
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(2)));
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Suspended, .. }");
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Complete, .. }");
}

#[test]
fn a_unit_resume_body_reads_running_at_every_ordinary_await() {
    // `new_unit` resumes a body without a store; the byte says `Running`
    // once the body parks at an ordinary await, before or after a yield.
    let mut generator = pin!(new_unit::<u32, (), _, _>(async |mut co| {
        PendingOnce::default().await;
        co.yield_(1);
        co.suspend().await;
        PendingOnce::default().await;
        PendingOnce::default().await;
        co.yield_(2);
        co.suspend().await;
        PendingOnce::default().await;
    }));
    let mut seen = Vec::new();
    loop {
        let step = poll_once(generator.as_mut());
        seen.push((step, format!("{generator:?}")));
        if step == Poll::Ready(None) {
            break;
        }
    }
    let state = |name: &str| format!("AsyncGen {{ state: {name}, .. }}");
    let expected = [
        (Poll::Pending, state("Running")),
        (Poll::Ready(Some(1)), state("Suspended")),
        (Poll::Pending, state("Running")),
        (Poll::Pending, state("Running")),
        (Poll::Ready(Some(2)), state("Suspended")),
        (Poll::Pending, state("Running")),
        (Poll::Ready(None), state("Complete")),
    ];
    assert_eq!(seen, expected);
}

#[test]
fn resume_values_arrive_at_the_right_yield_in_order() {
    // Each yield reports its index; the body records which resume value
    // each yield evaluated to and returns the record.
    let generator = new::<u32, u32, Vec<(u32, u32)>, _, _>(async |mut co| {
        let mut received = Vec::new();
        for index in 0..5 {
            co.yield_(index);
            let value = {
                co.suspend().await;
                co.resumed()
            };
            received.push((index, value));
        }
        received
    });
    block_on(async {
        let mut generator = pin!(generator);
        assert_eq!(generator.as_mut().resume(1_000).await, GeneratorState::Yielded(0));
        for index in 1..5 {
            let state = generator.as_mut().resume(100 + index).await;
            assert_eq!(state, GeneratorState::Yielded(index));
        }
        let done = generator.as_mut().resume(105).await;
        let expected = vec![(0, 101), (1, 102), (2, 103), (3, 104), (4, 105)];
        assert_eq!(done, GeneratorState::Complete(expected));
    });
}

#[test]
fn the_first_resume_argument_is_dropped_before_the_body_starts() {
    let drops = Rc::new(Cell::new(0));
    let seen_at_start = Rc::new(Cell::new(usize::MAX));
    let generator = {
        let (drops, seen_at_start) = (Rc::clone(&drops), Rc::clone(&seen_at_start));
        new::<u32, Counted, u32, _, _>(async move |mut co| {
            seen_at_start.set(drops.get());
            co.yield_(7);
            let second = {
                co.suspend().await;
                co.resumed()
            };
            // The second argument is the body's, alive here.
            assert_eq!(drops.get(), 1);
            second.id
        })
    };
    let mut generator = pin!(generator);
    let mut cx = noop_context();
    let mut first = Some(counted(1, &drops));
    let state = generator.as_mut().poll_resume(&mut cx, &mut first);
    assert_eq!(state, Poll::Ready(GeneratorState::Yielded(7)));
    assert!(first.is_none(), "the first argument is taken");
    assert_eq!(seen_at_start.get(), 1, "and dropped before the body ran");

    let mut second = Some(counted(2, &drops));
    let state = generator.as_mut().poll_resume(&mut cx, &mut second);
    assert_eq!(state, Poll::Ready(GeneratorState::Complete(2)));
    assert!(second.is_none());
    assert_eq!(drops.get(), 2, "the body dropped the second when it returned");
}

#[test]
fn every_resume_value_is_dropped_exactly_once() {
    let drops = Rc::new(Cell::new(0));
    let generator = new::<u32, Counted, Vec<u32>, _, _>(async |mut co| {
        let mut ids = Vec::new();
        for index in 0..3 {
            co.yield_(index);
            let value = {
                co.suspend().await;
                co.resumed()
            };
            ids.push(value.id);
            // Parked at an ordinary await: a resume issued now is not taken.
            PendingOnce::default().await;
        }
        ids
    });
    let mut generator = pin!(generator);
    let mut cx = noop_context();
    let mut resumes = 0;
    let mut arg = None;
    let done = loop {
        if arg.is_none() {
            resumes += 1;
            arg = Some(counted(resumes, &drops));
        }
        match generator.as_mut().poll_resume(&mut cx, &mut arg) {
            Poll::Ready(GeneratorState::Yielded(_)) | Poll::Pending => {}
            Poll::Ready(GeneratorState::Complete(ids)) => break ids,
        }
    };
    // 1 is the dropped first argument; 2, 3, 4 reach the yields; the
    // argument offered while the body was parked at the await after the
    // last yield is still in `arg`.
    assert_eq!(done, [2, 3, 4]);
    assert_eq!(resumes, 5);
    assert_eq!(arg.as_ref().map(|value| value.id), Some(5));
    assert_eq!(drops.get(), 4);
    drop(arg);
    assert_eq!(drops.get(), 5);
}

#[test]
#[should_panic(expected = "resumed after it completed or panicked")]
fn complete_is_returned_once_then_resuming_panics() {
    let mut generator = pin!(new::<u32, u32, &'static str, _, _>(async |mut co| {
        co.yield_(1);
        {
            co.suspend().await;
            co.resumed()
        };
        "done"
    }));
    let mut cx = noop_context();
    assert_eq!(
        generator.as_mut().poll_resume(&mut cx, &mut Some(0)),
        Poll::Ready(GeneratorState::Yielded(1))
    );
    assert_eq!(
        generator.as_mut().poll_resume(&mut cx, &mut Some(0)),
        Poll::Ready(GeneratorState::Complete("done"))
    );
    assert!(generator.is_complete());
    // Panics: a generator cannot be resumed after `Complete`.
    let _ = generator.as_mut().poll_resume(&mut cx, &mut Some(0));
}

#[test]
fn resume_future_completes_and_the_stream_then_ends() {
    block_on(async {
        let mut generator = pin!(range(3));
        assert_eq!(generator.next().await, Some(0));
        assert_eq!(generator.as_mut().resume(()).await, GeneratorState::Yielded(1));
        assert_eq!(generator.next().await, Some(2));
        assert!(!generator.is_terminated());
        assert_eq!(generator.as_mut().resume(()).await, GeneratorState::Complete(()));
        assert!(generator.is_terminated());
        assert_eq!(generator.next().await, None);
        assert_eq!(generator.next().await, None);
    });
}

#[test]
fn a_yield_without_a_resume_value_panics_and_the_generator_stays_usable() {
    let mut generator = pin!(new::<u32, u32, u32, _, _>(async |mut co| {
        co.yield_(1);
        {
            co.suspend().await;
            co.resumed()
        }
    }));
    let mut cx = noop_context();
    assert_eq!(
        generator.as_mut().poll_resume(&mut cx, &mut None),
        Poll::Ready(GeneratorState::Yielded(1))
    );
    let missing = catch_unwind(AssertUnwindSafe(|| {
        let _ = generator.as_mut().poll_resume(&mut cx, &mut None);
    }));
    let message = panic_message(&*missing.expect_err("a yield needs a resume value"));
    assert!(message.contains("without a resume value"), "{message}");
    // The body was not polled: it is still suspended at the same yield.
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Suspended, .. }");
    assert_eq!(
        generator.as_mut().poll_resume(&mut cx, &mut Some(42)),
        Poll::Ready(GeneratorState::Complete(42))
    );
}

#[test]
fn a_panic_in_the_body_propagates_then_the_stream_is_over() {
    let log = Log::default();
    let generator = {
        let log = log.clone();
        new::<u32, (), (), _, _>(async move |mut co| {
            let _local = log.guard("local");
            co.yield_(1);
            {
                co.suspend().await;
                co.resumed();
            };
            panic!("the body failed");
        })
    };
    let mut generator = pin!(generator);
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(1)));
    let caught = catch_unwind(AssertUnwindSafe(|| poll_once(generator.as_mut())));
    let message = panic_message(&*caught.expect_err("the panic propagates out of the poll"));
    assert_eq!(message, "the body failed");
    assert_eq!(log.sorted(), ["local"], "unwinding dropped the body's locals");
    assert!(generator.is_complete());
    assert!(generator.is_terminated());
    for _ in 0..3 {
        assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
    }
    // Resuming through the protocol says why it cannot.
    let again = catch_unwind(AssertUnwindSafe(|| {
        let _ = generator.as_mut().poll_resume(&mut noop_context(), &mut Some(()));
    }));
    let message = panic_message(&*again.expect_err("resuming a panicked generator panics"));
    assert!(message.contains("completed or panicked"), "{message}");
    assert_eq!(log.sorted(), ["local"], "nothing is dropped twice");
}

#[test]
fn a_panic_on_the_first_poll_ends_the_generator() {
    let mut generator = pin!(new::<u32, (), (), _, _>(async |_co| panic!("at once")));
    let caught = catch_unwind(AssertUnwindSafe(|| poll_once(generator.as_mut())));
    assert_eq!(panic_message(&*caught.expect_err("propagates")), "at once");
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Complete, .. }");
}

/// Yields 1, 2, waits at an ordinary await, yields 3, completes; the guards
/// are named after the span of the body in which they are alive.
fn guarded(log: &Log) -> AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>> {
    let captured = log.guard("captured");
    let log = log.clone();
    new::<u32, (), (), _, _>(async move |mut co| {
        let _captured = captured;
        let _whole = log.guard("whole");
        co.yield_(1);
        {
            co.suspend().await;
            co.resumed();
        };
        {
            let _scoped = log.guard("scoped");
            co.yield_(2);
            {
                co.suspend().await;
                co.resumed();
            };
        }
        let held = log.guard("awaited");
        PendingOnce::default().await;
        drop(held);
        co.yield_(3);
        {
            co.suspend().await;
            co.resumed();
        };
    })
}

#[test]
fn dropping_at_each_suspension_point_runs_each_destructor_once() {
    // (polls before the drop, what those polls give, what is dropped by then,
    //  what is dropped in all)
    type Case = (&'static [Poll<Option<u32>>], &'static [&'static str], &'static [&'static str]);
    const ALL: &[&str] = &["awaited", "captured", "scoped", "whole"];
    let cases: [Case; 6] = [
        (&[], &[], &["captured"]),
        (&[Poll::Ready(Some(1))], &[], &["captured", "whole"]),
        (&[Poll::Ready(Some(1)), Poll::Ready(Some(2))], &[], &["captured", "scoped", "whole"]),
        (
            &[Poll::Ready(Some(1)), Poll::Ready(Some(2)), Poll::Pending],
            &["scoped"],
            &["awaited", "captured", "scoped", "whole"],
        ),
        (
            &[Poll::Ready(Some(1)), Poll::Ready(Some(2)), Poll::Pending, Poll::Ready(Some(3))],
            &["awaited", "scoped"],
            ALL,
        ),
        (
            &[
                Poll::Ready(Some(1)),
                Poll::Ready(Some(2)),
                Poll::Pending,
                Poll::Ready(Some(3)),
                Poll::Ready(None),
            ],
            ALL,
            ALL,
        ),
    ];
    for (polls, dropped_before, dropped_in_all) in cases {
        let log = Log::default();
        let mut generator = Box::pin(guarded(&log));
        for expected in polls {
            assert_eq!(&poll_once(generator.as_mut()), expected);
        }
        assert_eq!(log.sorted(), dropped_before, "after {} polls", polls.len());
        drop(generator);
        assert_eq!(log.sorted(), dropped_in_all, "dropped after {} polls", polls.len());
    }
}

#[test]
fn yielded_values_are_dropped_exactly_once() {
    let drops = Rc::new(Cell::new(0));
    let generator = {
        let drops = Rc::clone(&drops);
        new::<Counted, (), (), _, _>(async move |mut co| {
            for id in 0..4 {
                co.yield_(counted(id, &drops));
                {
                    co.suspend().await;
                    co.resumed();
                };
            }
        })
    };
    let mut generator = Box::pin(generator);
    let first = poll_once(generator.as_mut());
    assert!(matches!(&first, Poll::Ready(Some(Counted { id: 0, .. }))));
    assert_eq!(drops.get(), 0, "the consumer owns the item");
    drop(first);
    assert_eq!(drops.get(), 1);
    let second = poll_once(generator.as_mut());
    assert!(matches!(&second, Poll::Ready(Some(Counted { id: 1, .. }))));
    drop(generator);
    assert_eq!(drops.get(), 1, "dropping the generator leaves the consumer's item alone");
    drop(second);
    assert_eq!(drops.get(), 2, "items 2 and 3 were never made");
}

/// Yields its value from its destructor: the runtime keeps the slot alive
/// until the body's destructors ran, and drops what they left there.
struct YieldOnDrop<'a, 'co> {
    co: &'a mut Co<'co, Counted, ()>,
    value: Option<Counted>,
}

impl Drop for YieldOnDrop<'_, '_> {
    fn drop(&mut self) {
        if let Some(value) = self.value.take() {
            self.co.yield_(value);
        }
    }
}

#[test]
fn a_value_left_in_the_slot_by_a_destructor_is_dropped_once() {
    // 0: dropped while parked at an await; 1: dropped as the body completes;
    // 2: dropped while the body unwinds from a panic.
    for ending in 0..3 {
        let drops = Rc::new(Cell::new(0));
        let generator = {
            let drops = Rc::clone(&drops);
            new::<Counted, (), (), _, _>(async move |mut co| {
                let _guard = YieldOnDrop { co: &mut co, value: Some(counted(9, &drops)) };
                match ending {
                    0 => futures::future::pending::<()>().await,
                    1 => {}
                    _ => panic!("unwinding"),
                }
            })
        };
        let mut generator = Box::pin(generator);
        let outcome = catch_unwind(AssertUnwindSafe(|| poll_once(generator.as_mut())));
        match ending {
            0 => assert_eq!(outcome.ok(), Some(Poll::Pending)),
            1 => assert_eq!(outcome.ok(), Some(Poll::Ready(None))),
            _ => assert!(outcome.is_err()),
        }
        if ending > 0 {
            assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
        }
        drop(generator);
        assert_eq!(drops.get(), 1, "ending {ending}");
    }
}

#[test]
fn a_result_completion_is_a_last_err_item() {
    let failing = new::<u32, (), Result<(), String>, _, _>(async |mut co| {
        for i in 0..2 {
            co.yield_(i);
            {
                co.suspend().await;
                co.resumed();
            };
        }
        Err("failed after 2".to_string())
    });
    let items: Vec<Result<u32, String>> = block_on(pin!(failing).collect());
    assert_eq!(items, [Ok(0), Ok(1), Err("failed after 2".to_string())]);

    let mut succeeding = pin!(new::<u32, (), Result<(), String>, _, _>(async |mut co| {
        co.yield_(5);
        {
            co.suspend().await;
            co.resumed();
        };
        Ok(())
    }));
    assert_eq!(poll_once(succeeding.as_mut()), Poll::Ready(Some(Ok(5))));
    assert_eq!(poll_once(succeeding.as_mut()), Poll::Ready(None));
    assert!(succeeding.is_terminated());
    assert_eq!(poll_once(succeeding.as_mut()), Poll::Ready(None));

    // After the `Err` item the stream is over, for good.
    let mut failing_at_once = pin!(new::<u32, (), Result<(), u8>, _, _>(async |_co| Err(3)));
    assert!(!failing_at_once.is_terminated());
    assert_eq!(poll_once(failing_at_once.as_mut()), Poll::Ready(Some(Err(3))));
    assert!(failing_at_once.is_terminated());
    assert_eq!(poll_once(failing_at_once.as_mut()), Poll::Ready(None));
    assert_eq!(poll_once(failing_at_once.as_mut()), Poll::Ready(None));
}

#[test]
fn a_fused_stream_stays_ended() {
    let mut generator = pin!(range(1));
    assert!(!generator.is_terminated());
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(0)));
    assert!(!generator.is_terminated());
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
    for _ in 0..5 {
        assert!(generator.is_terminated());
        assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
    }
}

#[test]
fn the_protocol_works_through_pin_box_and_mut_references() {
    let doubler = || {
        new::<u32, u32, u32, _, _>(async |mut co| {
            let mut last = 0;
            loop {
                co.yield_(last * 2);
                last = {
                    co.suspend().await;
                    co.resumed()
                };
                if last == 0 {
                    return 99;
                }
            }
        })
    };
    block_on(async {
        // `Pin<Box<AsyncGen<_>>>` is `Unpin` and a generator itself.
        let mut boxed = Box::pin(doubler());
        assert_eq!(Pin::new(&mut boxed).resume(0).await, GeneratorState::Yielded(0));
        assert_eq!(Pin::new(&mut boxed).resume(4).await, GeneratorState::Yielded(8));
        // So is `&mut` of it.
        let mut by_ref = &mut boxed;
        assert_eq!(Pin::new(&mut by_ref).resume(5).await, GeneratorState::Yielded(10));
        assert_eq!(boxed.as_mut().resume(0).await, GeneratorState::Complete(99));
    });
}

#[test]
fn borrowed_items_and_resume_values() {
    let text = String::from("alpha beta gamma");
    let replies = [String::from("1"), String::from("22"), String::from("333")];
    let mut answers = Vec::new();
    {
        let generator = new::<&str, &str, usize, _, _>(async |mut co| {
            let mut total = 0;
            for word in text.split(' ') {
                co.yield_(word);
                total += {
                    co.suspend().await;
                    co.resumed()
                }
                .len();
            }
            total
        });
        let mut generator = pin!(generator);
        let mut cx = noop_context();
        let mut arg = Some("ignored");
        let mut index = 0;
        loop {
            match generator.as_mut().poll_resume(&mut cx, &mut arg) {
                Poll::Ready(GeneratorState::Yielded(word)) => {
                    answers.push(word);
                    arg = Some(&replies[index]);
                    index += 1;
                }
                Poll::Ready(GeneratorState::Complete(total)) => {
                    assert_eq!(total, 6);
                    break;
                }
                Poll::Pending => unreachable!("this body never waits"),
            }
        }
    }
    assert_eq!(answers, ["alpha", "beta", "gamma"]);
}

#[test]
fn the_handle_can_yield_from_a_scoped_thread_inside_the_body() {
    let generator = new::<u64, (), (), _, _>(async |mut co| {
        for i in 0..3 {
            std::thread::scope(|scope| {
                scope.spawn(|| co.yield_(i * 10)).join().expect("the scoped thread ran");
            });
            {
                co.suspend().await;
                co.resumed();
            };
        }
    });
    let items: Vec<u64> = block_on(pin!(generator).collect());
    assert_eq!(items, [0, 10, 20]);
}

#[test]
fn many_generators_interleaved_keep_their_own_items() {
    let count = if cfg!(miri) { 20 } else { 500 };
    let mut generators: Vec<_> = (0..count)
        .map(|index: u32| {
            Box::pin(new::<(u32, u32), (), (), _, _>(async move |mut co| {
                for step in 0..3 {
                    if (index + step) % 2 == 0 {
                        PendingOnce::default().await;
                    }
                    co.yield_((index, step));
                    {
                        co.suspend().await;
                        co.resumed();
                    };
                }
            }))
        })
        .collect();
    let mut next = vec![0; generators.len()];
    let mut finished = 0;
    let mut pendings = 0;
    while finished < generators.len() {
        for (index, generator) in (0..).zip(generators.iter_mut()) {
            if generator.is_terminated() {
                continue;
            }
            let slot = &mut next[index as usize];
            match poll_once(generator.as_mut()) {
                Poll::Ready(Some(item)) => {
                    assert_eq!(item, (index, *slot));
                    *slot += 1;
                }
                Poll::Ready(None) => {
                    assert_eq!(*slot, 3);
                    finished += 1;
                }
                Poll::Pending => pendings += 1,
            }
        }
    }
    // Generator `i` waits before steps `s` with `i + s` even: 2 of 3 steps
    // for even `i`, 1 for odd `i`.
    assert_eq!(pendings, count / 2 * 2 + count / 2);
}

/// A body that keeps a `&mut` to its own local across yields, as any `async`
/// body may. A regression test for Miri: the runtime must not reach the body's
/// future through a shared reference between polls, which would invalidate
/// that borrow under Stacked Borrows and Tree Borrows alike.
#[test]
fn a_body_holding_a_borrow_of_its_own_local_across_yields() {
    let generator = new::<usize, (), Vec<u32>, _, _>(async |mut co| {
        let mut seen = Vec::new();
        let borrowed = &mut seen;
        for i in 0..3 {
            borrowed.push(i);
            co.yield_(borrowed.len());
            {
                co.suspend().await;
                co.resumed();
            };
        }
        seen
    });
    let mut generator = pin!(generator);
    let mut cx = noop_context();
    for expected in 1..=3 {
        let state = generator.as_mut().poll_resume(&mut cx, &mut Some(()));
        assert_eq!(state, Poll::Ready(GeneratorState::Yielded(expected)));
    }
    let state = generator.as_mut().poll_resume(&mut cx, &mut Some(()));
    assert_eq!(state, Poll::Ready(GeneratorState::Complete(vec![0, 1, 2])));
}

#[test]
fn a_unit_resume_body_runs_between_yields_without_taking_its_resume_value() {
    // What the macros build when the resume type is `()`: each yield ends at
    // its `suspend`; the generator resumes it without a store, and says
    // `Running` once the body parks at an ordinary await.
    let body = async |mut co: Co<'_, u32, ()>| {
        co.yield_(1);
        co.suspend().await;
        PendingOnce::default().await;
        co.yield_(2);
        co.suspend().await;
        7
    };
    let mut generator = pin!(new_unit::<u32, u32, _, _>(body));
    let mut cx = noop_context();
    let step = generator.as_mut().poll_resume(&mut cx, &mut Some(()));
    assert!(matches!(step, Poll::Ready(GeneratorState::Yielded(1))));
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Suspended, .. }");
    let mut arg = Some(());
    assert!(generator.as_mut().poll_resume(&mut cx, &mut arg).is_pending());
    assert!(arg.is_none(), "taken at the yield");
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Running, .. }");
    // Polled again at the ordinary await, as `resume`'s future does: no
    // resume value is needed there.
    let step = generator.as_mut().poll_resume(&mut cx, &mut None);
    assert!(matches!(step, Poll::Ready(GeneratorState::Yielded(2))));
    let step = generator.as_mut().poll_resume(&mut cx, &mut Some(()));
    assert!(matches!(step, Poll::Ready(GeneratorState::Complete(7))));
    assert!(generator.is_complete());

    let stream = new_unit::<u32, (), _, _>(async |mut co| {
        for i in 0..3 {
            co.yield_(i);
            co.suspend().await;
            PendingOnce::default().await;
        }
    });
    assert_eq!(block_on(stream.collect::<Vec<_>>()), [0, 1, 2]);
}
