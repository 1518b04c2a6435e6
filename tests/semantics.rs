//! Semantics of a generator as a value: fused ends, panics, destructors at
//! every suspension point, `Send` / `Sync`, and running on other threads.

use core::future::Future;
use core::marker::PhantomData;
use core::pin::{Pin, pin};
use core::task::{Context, Poll};
use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen, async_gen_block};
use futures::executor::block_on;
use futures::stream::{FusedStream, Stream, StreamExt};
use futures::task::noop_waker;

/// Polls a stream once with a no-op waker.
fn poll_once<S: Stream + ?Sized>(stream: Pin<&mut S>) -> Poll<Option<S::Item>> {
    let waker = noop_waker();
    stream.poll_next(&mut Context::from_waker(&waker))
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// `Pending` on its first poll (waking itself), then ready with the value it
/// holds: an ordinary `.await` that really suspends the body.
struct PendingOnce<T> {
    value: Option<T>,
    polled: bool,
}

impl<T> PendingOnce<T> {
    fn holding(value: T) -> Self {
        Self { value: Some(value), polled: false }
    }
}

impl<T: Unpin> Future for PendingOnce<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let this = self.get_mut();
        if !this.polled {
            this.polled = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(this.value.take().expect("polled after completion"))
    }
}

/// Records the names of dropped [`Guard`]s.
#[derive(Clone, Default)]
struct Log(Rc<RefCell<Vec<&'static str>>>);

impl Log {
    fn guard(&self, name: &'static str) -> Guard {
        Guard { name, log: self.clone() }
    }

    /// The names dropped so far, sorted: each live local must appear exactly
    /// once; the order among them is the compiler's.
    fn sorted(&self) -> Vec<&'static str> {
        let mut names = self.0.borrow().clone();
        names.sort_unstable();
        names
    }
}

/// Records its name in its [`Log`] when dropped.
struct Guard {
    name: &'static str,
    log: Log,
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.log.0.borrow_mut().push(self.name);
    }
}

// ---------------------------------------------------------------------------
// Fused ends

#[async_gen(yield = u32)]
async fn two() {
    yield_!(1);
    yield_!(2);
}

#[async_gen(yield = u32)]
async fn fails_after_one() -> Result<(), &'static str> {
    yield_!(1);
    Err("failed")
}

#[test]
fn after_the_end_every_poll_is_ready_none() {
    let mut generator = pin!(two());
    assert!(!generator.is_terminated());
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(1)));
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(2)));
    assert!(!generator.is_terminated(), "the body has not returned yet");
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
    for _ in 0..10 {
        assert!(generator.is_terminated());
        assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
    }
}

#[test]
fn after_the_err_item_every_poll_is_ready_none() {
    let mut generator = pin!(fails_after_one());
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(Ok(1))));
    assert!(!generator.is_terminated());
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(Err("failed"))));
    assert!(generator.is_terminated(), "the `Err` item is the last");
    for _ in 0..10 {
        assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
        assert!(generator.is_terminated());
    }
}

#[test]
fn completing_through_resume_ends_the_stream() {
    block_on(async {
        let mut generator = pin!(two());
        assert_eq!(generator.as_mut().resume(()).await, GeneratorState::Yielded(1));
        assert_eq!(generator.next().await, Some(2));
        assert_eq!(generator.as_mut().resume(()).await, GeneratorState::Complete(()));
        assert!(generator.is_terminated());
        assert_eq!(generator.next().await, None);
        assert_eq!(generator.next().await, None);
    });
}

#[test]
fn fused_generators_work_in_select() {
    let evens = async_gen_block! {
        for i in 0..5_u32 {
            yield i * 2;
        }
    };
    let odds = async_gen_block! {
        for i in 0..3_u32 {
            PendingOnce::holding(()).await;
            yield i * 2 + 1;
        }
    };
    let (mut seen_evens, mut seen_odds) = (Vec::new(), Vec::new());
    block_on(async {
        let (mut evens, mut odds) = (pin!(evens), pin!(odds));
        loop {
            futures::select! {
                even = evens.select_next_some() => seen_evens.push(even),
                odd = odds.select_next_some() => seen_odds.push(odd),
                complete => break,
            }
        }
        assert!(evens.is_terminated() && odds.is_terminated());
    });
    assert_eq!(seen_evens, [0, 2, 4, 6, 8]);
    assert_eq!(seen_odds, [1, 3, 5]);
}

// ---------------------------------------------------------------------------
// Panics

#[async_gen(yield = u32)]
async fn panics_after_one(log: Log) {
    let _local = log.guard("local");
    yield_!(1);
    panic!("the body failed");
}

#[test]
fn a_panic_propagates_out_of_the_poll_then_every_poll_is_ready_none() {
    let log = Log::default();
    let mut generator = Box::pin(panics_after_one(log.clone()));
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(1)));
    let caught = catch_unwind(AssertUnwindSafe(|| poll_once(generator.as_mut())));
    let payload = caught.expect_err("the panic propagates out of the poll");
    assert_eq!(panic_message(&*payload), "the body failed");
    assert_eq!(log.sorted(), ["local"], "unwinding dropped the body's locals");
    assert!(generator.is_terminated());
    for _ in 0..5 {
        let later = catch_unwind(AssertUnwindSafe(|| poll_once(generator.as_mut())));
        assert_eq!(later.ok(), Some(Poll::Ready(None)), "no second panic");
    }
    assert_eq!(format!("{generator:?}"), "AsyncGen { state: Complete, .. }");
    drop(generator);
    assert_eq!(log.sorted(), ["local"], "nothing is dropped twice");
}

#[async_gen(yield = u32)]
async fn forwards(log: Log) {
    let _outer = log.guard("outer");
    #[for_await]
    for item in panics_after_one(log.clone()) {
        yield_!(item + 100);
    }
    yield_!(0);
}

#[test]
fn a_panic_in_a_nested_generator_propagates_through_the_outer_one() {
    let log = Log::default();
    let mut generator = Box::pin(forwards(log.clone()));
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(101)));
    let caught = catch_unwind(AssertUnwindSafe(|| poll_once(generator.as_mut())));
    assert_eq!(panic_message(&*caught.expect_err("propagates")), "the body failed");
    assert_eq!(log.sorted(), ["local", "outer"]);
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
    assert!(generator.is_terminated());
    drop(generator);
    assert_eq!(log.sorted(), ["local", "outer"]);
}

fn explode() -> u8 {
    panic!("at once")
}

#[test]
fn a_panic_on_the_first_poll_of_a_block_generator() {
    let mut generator = Box::pin(async_gen_block! {
        yield explode();
    });
    let caught = catch_unwind(AssertUnwindSafe(|| poll_once(generator.as_mut())));
    assert_eq!(panic_message(&*caught.expect_err("propagates")), "at once");
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
    assert!(generator.is_terminated());
}

// ---------------------------------------------------------------------------
// Destructors at every suspension point

/// Yields 1 and 2, waits at an ordinary await, yields 3 and returns. Each
/// guard is named after the part of the body in which it is alive.
#[async_gen(yield = u32)]
async fn guarded(log: Log, _argument: Guard, (_left, _right): (Guard, Guard)) {
    let _whole = log.guard("whole");
    yield_!(1);
    {
        let _scoped = log.guard("scoped");
        yield_!(2);
    }
    let awaited = PendingOnce::holding(log.guard("awaited")).await;
    drop(awaited);
    yield_!(3);
}

/// One case: the polls before the drop and what each gives, the guards
/// dropped by then, and the guards dropped in all.
type Case = (&'static [Poll<Option<u32>>], &'static [&'static str], &'static [&'static str]);

const ARGUMENTS: &[&str] = &["argument", "left", "right"];
const AFTER_FIRST: &[&str] = &["argument", "left", "right", "whole"];
const AFTER_SECOND: &[&str] = &["argument", "left", "right", "scoped", "whole"];
const ALL: &[&str] = &["argument", "awaited", "left", "right", "scoped", "whole"];

const CASES: [Case; 6] = [
    // Before the first poll: only the arguments exist.
    (&[], &[], ARGUMENTS),
    // After the first yield.
    (&[Poll::Ready(Some(1))], &[], AFTER_FIRST),
    // After the second yield.
    (&[Poll::Ready(Some(1)), Poll::Ready(Some(2))], &[], AFTER_SECOND),
    // Parked at an ordinary `.await` that returned `Pending`.
    (&[Poll::Ready(Some(1)), Poll::Ready(Some(2)), Poll::Pending], &["scoped"], ALL),
    // After the third yield.
    (
        &[Poll::Ready(Some(1)), Poll::Ready(Some(2)), Poll::Pending, Poll::Ready(Some(3))],
        &["awaited", "scoped"],
        ALL,
    ),
    // After completion: everything went as the body returned.
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

#[test]
fn dropping_at_each_suspension_point_drops_every_live_local_once() {
    for (polls, dropped_before, dropped_in_all) in CASES {
        let log = Log::default();
        let arguments = (log.guard("left"), log.guard("right"));
        let mut generator = Box::pin(guarded(log.clone(), log.guard("argument"), arguments));
        for expected in polls {
            assert_eq!(&poll_once(generator.as_mut()), expected);
        }
        assert_eq!(log.sorted(), dropped_before, "after {} polls", polls.len());
        drop(generator);
        assert_eq!(log.sorted(), dropped_in_all, "dropped after {} polls", polls.len());
    }
}

#[test]
fn dropping_a_block_generator_drops_its_captures_and_locals_once() {
    // (polls before the drop, dropped by then, dropped in all)
    type BlockCase = (usize, &'static [&'static str], &'static [&'static str]);
    const CASES: [BlockCase; 5] = [
        (0, &[], &["captured", "unused_capture"]),
        (1, &[], &["captured", "local", "unused_capture"]),
        (2, &[], &["captured", "local", "parked", "unused_capture"]),
        (3, &["parked"], &["captured", "local", "parked", "unused_capture"]),
        (
            4,
            &["captured", "local", "parked", "unused_capture"],
            &["captured", "local", "parked", "unused_capture"],
        ),
    ];
    const POLLS: [Poll<Option<u32>>; 4] =
        [Poll::Ready(Some(1)), Poll::Pending, Poll::Ready(Some(2)), Poll::Ready(None)];
    for (polls, dropped_before, dropped_in_all) in CASES {
        let log = Log::default();
        let captured = log.guard("captured");
        let unused_capture = log.guard("unused_capture");
        let body_log = log.clone();
        let mut generator = Box::pin(async_gen_block! {
            let _captured = captured;
            let _mentioned = &unused_capture;
            let _local = body_log.guard("local");
            yield 1_u32;
            let parked = PendingOnce::holding(body_log.guard("parked")).await;
            drop(parked);
            yield 2;
        });
        for expected in &POLLS[..polls] {
            assert_eq!(&poll_once(generator.as_mut()), expected);
        }
        assert_eq!(log.sorted(), dropped_before, "after {polls} polls");
        drop(generator);
        assert_eq!(log.sorted(), dropped_in_all, "dropped after {polls} polls");
    }
}

struct Holder {
    _guard: Guard,
}

impl Holder {
    #[async_gen(yield = u32)]
    async fn into_items(self, extra: Guard) {
        yield_!(1);
        drop(extra);
        yield_!(2);
    }
}

#[test]
fn a_by_value_receiver_and_arguments_are_dropped_with_the_generator() {
    for polls in 0..4 {
        let log = Log::default();
        let holder = Holder { _guard: log.guard("self") };
        let mut generator = Box::pin(holder.into_items(log.guard("extra")));
        for _ in 0..polls {
            let _ = poll_once(generator.as_mut());
        }
        let expected_before: &[&str] = match polls {
            0 | 1 => &[],
            2 => &["extra"],
            _ => &["extra", "self"],
        };
        assert_eq!(log.sorted(), expected_before, "after {polls} polls");
        drop(generator);
        assert_eq!(log.sorted(), ["extra", "self"], "dropped after {polls} polls");
    }
}

#[async_gen(yield = u32)]
async fn inner_guarded(log: Log) {
    let _inner = log.guard("inner");
    yield_!(1);
    yield_!(2);
}

#[async_gen(yield = u32)]
async fn outer_guarded(log: Log) {
    let _outer = log.guard("outer");
    #[for_await]
    for item in inner_guarded(log.clone()) {
        yield_!(item * 10);
    }
}

#[test]
fn dropping_an_outer_generator_drops_the_inner_one_it_was_driving() {
    let log = Log::default();
    let mut generator = Box::pin(outer_guarded(log.clone()));
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some(10)));
    assert_eq!(log.sorted(), Vec::<&str>::new());
    drop(generator);
    assert_eq!(log.sorted(), ["inner", "outer"]);
}

#[test]
fn each_yielded_value_is_dropped_exactly_once_by_its_consumer() {
    let log = Log::default();
    let body_log = log.clone();
    let mut generator = Box::pin(async_gen_block! {
        yield body_log.guard("first");
        yield body_log.guard("second");
        yield body_log.guard("never taken");
    });
    let first = poll_once(generator.as_mut());
    assert!(matches!(&first, Poll::Ready(Some(Guard { name: "first", .. }))));
    let second = poll_once(generator.as_mut());
    assert_eq!(log.sorted(), Vec::<&str>::new(), "the consumer owns the items");
    drop(first);
    drop(generator);
    assert_eq!(log.sorted(), ["first"], "the third item was never made");
    drop(second);
    assert_eq!(log.sorted(), ["first", "second"]);
}

// ---------------------------------------------------------------------------
// Send and Sync

/// Autoref specialization: `(&Probe::of(&value)).is_send()` resolves to
/// [`SendYes`] when the value's type is `Send` (found on `&Probe` by value)
/// and to [`SendNo`] otherwise (found one autoref later). Works on concrete
/// types, opaque generator types included, and compiles on stable.
struct Probe<T>(PhantomData<T>);

impl<T> Probe<T> {
    fn of(_: &T) -> Self {
        Self(PhantomData)
    }
}

trait SendYes {
    fn is_send(&self) -> bool {
        true
    }
}
impl<T: Send> SendYes for Probe<T> {}

trait SendNo {
    fn is_send(&self) -> bool {
        false
    }
}
impl<T> SendNo for &Probe<T> {}

trait SyncYes {
    fn is_sync(&self) -> bool {
        true
    }
}
impl<T: Sync> SyncYes for Probe<T> {}

trait SyncNo {
    fn is_sync(&self) -> bool {
        false
    }
}
impl<T> SyncNo for &Probe<T> {}

macro_rules! is_send {
    ($value:expr) => {
        (&Probe::of(&$value)).is_send()
    };
}

macro_rules! is_sync {
    ($value:expr) => {
        (&Probe::of(&$value)).is_sync()
    };
}

fn require_send_sync<T: Send + Sync>(_: &T) {}

#[async_gen(yield = String)]
async fn send_and_sync(words: Vec<String>) {
    let mut total = String::new();
    for word in words {
        total.push_str(&word);
        yield_!(total.clone());
    }
}

#[async_gen(yield = u32)]
async fn holds_rc_across_a_yield() {
    let shared = Rc::new(5);
    yield_!(*shared);
    yield_!(*shared + 1);
}

#[async_gen(yield = u32)]
async fn holds_cell_across_a_yield() {
    let counter = Cell::new(0);
    yield_!(counter.get());
    counter.set(1);
    yield_!(counter.get());
}

#[async_gen(yield = Rc<u32>)]
async fn yields_rc() {
    yield_!(Rc::new(1));
}

#[async_gen(yield = u32, resume = Rc<u32>)]
async fn resumed_with_rc() {
    let _ = *yield_!(1);
}

#[async_gen(yield = u32)]
async fn drives(inner: impl Stream<Item = u32>) {
    #[for_await]
    for item in inner {
        yield_!(item);
    }
}

// The probes need the generator's type to be checked already: a block
// generator is wrapped in a function, as the type of a block defined in the
// same function as the probe is still being inferred when the probe is
// resolved.
fn string_block() -> impl Stream<Item = usize> {
    async_gen_block! {
        let text = String::from("x");
        yield text.len();
        yield text.len() + 1;
    }
}

fn rc_block() -> impl Stream<Item = u8> {
    async_gen_block! {
        let shared = Rc::new(1_u8);
        yield *shared;
        yield *shared;
    }
}

#[test]
fn the_probes_tell_send_and_sync_apart() {
    assert!(is_send!(1_u32) && is_sync!(1_u32));
    assert!(!is_send!(Rc::new(1)) && !is_sync!(Rc::new(1)));
    assert!(is_send!(Cell::new(1)) && !is_sync!(Cell::new(1)));
}

#[test]
fn a_generator_is_send_and_sync_when_its_body_and_values_are() {
    let generator = send_and_sync(vec!["a".into()]);
    require_send_sync(&generator);
    assert!(is_send!(generator) && is_sync!(generator));

    let block = string_block();
    require_send_sync(&block);
    assert!(is_send!(block) && is_sync!(block));

    let outer = drives(two());
    assert!(is_send!(outer) && is_sync!(outer));
}

#[test]
fn a_generator_holding_an_rc_across_a_yield_is_not_send() {
    let generator = holds_rc_across_a_yield();
    assert!(!is_send!(generator));
    assert!(!is_sync!(generator));
    // It still works, on this thread.
    assert_eq!(block_on(pin!(generator).collect::<Vec<_>>()), [5, 6]);

    assert!(!is_send!(rc_block()));

    // A `!Send` inner generator makes the outer one `!Send`.
    assert!(!is_send!(drives(holds_rc_across_a_yield())));
}

#[test]
fn a_generator_holding_a_cell_across_a_yield_is_send_but_not_sync() {
    let generator = holds_cell_across_a_yield();
    assert!(is_send!(generator));
    assert!(!is_sync!(generator));
}

#[test]
fn a_generator_with_non_send_item_or_resume_types_is_not_send() {
    assert!(!is_send!(yields_rc()));
    assert!(!is_sync!(yields_rc()));
    assert!(!is_send!(resumed_with_rc()));
    assert!(!is_sync!(resumed_with_rc()));
}

// ---------------------------------------------------------------------------
// Other threads

#[async_gen(yield = String)]
async fn ticking(words: Vec<&'static str>) {
    let mut joined = String::new();
    for word in words {
        tokio::task::yield_now().await;
        joined.push_str(word);
        yield_!(joined.clone());
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    }
}

#[cfg_attr(miri, ignore = "tokio's multi-thread runtime and timers are too slow under Miri")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_generator_is_consumed_on_a_spawned_task() {
    let generator = ticking(vec!["a", "b", "c", "d"]);
    let handle = tokio::spawn(async move {
        let mut generator = pin!(generator);
        let mut items = Vec::new();
        while let Some(item) = generator.next().await {
            items.push(item);
        }
        (items, generator.is_terminated())
    });
    let (items, terminated) = handle.await.expect("the task completed");
    assert_eq!(items, ["a", "ab", "abc", "abcd"]);
    assert!(terminated);
}

#[cfg_attr(miri, ignore = "tokio's multi-thread runtime and timers are too slow under Miri")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_send_generators_on_many_tasks_keep_their_own_items() {
    let handles: Vec<_> = (0..64_u64)
        .map(|task| {
            tokio::spawn(async move {
                let generator = async_gen_block! {
                    for step in 0..20_u64 {
                        tokio::task::yield_now().await;
                        yield task * 1_000 + step;
                    }
                };
                pin!(generator).collect::<Vec<u64>>().await
            })
        })
        .collect();
    for (task, handle) in (0_u64..).zip(handles) {
        let items = handle.await.expect("the task completed");
        assert_eq!(items, (0..20).map(|step| task * 1_000 + step).collect::<Vec<_>>());
    }
}

#[cfg_attr(miri, ignore = "tokio's multi-thread runtime and timers are too slow under Miri")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_boxed_generator_moves_between_tasks_mid_stream() {
    let mut generator = Box::pin(ticking(vec!["x", "y", "z", "w"]));
    let first = tokio::spawn(async move {
        let items = vec![generator.next().await, generator.next().await];
        (items, generator)
    });
    let (first_items, mut generator) = first.await.expect("the first task completed");
    let second = tokio::spawn(async move {
        let mut items = Vec::new();
        while let Some(item) = generator.next().await {
            items.push(item);
        }
        items
    });
    let rest = second.await.expect("the second task completed");
    assert_eq!(first_items, [Some("x".to_string()), Some("xy".to_string())]);
    assert_eq!(rest, ["xyz", "xyzw"]);
}

#[test]
fn a_generator_moved_to_another_thread_before_its_first_poll() {
    let generator = send_and_sync(vec!["a".into(), "b".into(), "c".into()]);
    let items = std::thread::spawn(move || block_on(pin!(generator).collect::<Vec<_>>()))
        .join()
        .expect("the thread completed");
    assert_eq!(items, ["a", "ab", "abc"]);
}

#[test]
fn a_pinned_boxed_generator_finishes_on_another_thread() {
    let mut generator = Box::pin(send_and_sync(vec!["a".into(), "b".into(), "c".into()]));
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some("a".to_string())));
    let rest = std::thread::spawn(move || block_on(generator.collect::<Vec<_>>()))
        .join()
        .expect("the thread completed");
    assert_eq!(rest, ["ab", "abc"]);
}

#[test]
fn a_suspended_generator_is_shared_between_threads() {
    let mut generator = pin!(send_and_sync(vec!["a".into(), "b".into()]));
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some("a".to_string())));
    let shared = &*generator;
    std::thread::scope(|scope| {
        let readers: Vec<_> = (0..2)
            .map(|_| scope.spawn(|| (format!("{shared:?}"), shared.is_terminated())))
            .collect();
        for reader in readers {
            let seen = reader.join().expect("the reader completed");
            assert_eq!(seen, ("AsyncGen { state: Suspended, .. }".to_string(), false));
        }
    });
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(Some("ab".to_string())));
    assert_eq!(poll_once(generator.as_mut()), Poll::Ready(None));
}
