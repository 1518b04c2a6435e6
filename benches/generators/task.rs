//! The consumer of the task workloads, the way programs consume streams: an
//! `async` block, boxed as `Pin<Box<dyn Future>>` and polled to completion by
//! a loop that is not inlined, drains the generator with `StreamExt::next`.

use core::future::Future;
use core::hint::black_box;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::Wake;

use futures::{Stream, StreamExt};

use crate::poll::Tally;

/// A task: the consumer future, type-erased and on the heap.
pub type Task<'a> = Pin<Box<dyn Future<Output = Tally> + 'a>>;

/// Drains `stream` with `.next().await`, summing the items (each through
/// `black_box`, as [`crate::poll::drain`] does).
pub async fn drain_next<S: Stream<Item = u64> + ?Sized>(mut stream: Pin<&mut S>) -> Tally {
    let mut tally = Tally::default();
    while let Some(item) = stream.next().await {
        tally.items += 1;
        tally.sum = tally.sum.wrapping_add(black_box(item));
    }
    tally
}

/// Polls `task` to completion with a no-op waker. The task goes through
/// `black_box`, so the optimizer cannot see which future the box holds.
pub fn block_on(task: Task<'_>) -> Tally {
    poll_to_end(black_box(task), Waker::noop(), || {})
}

/// Polls `task` to completion with a waker that records its wakes: each
/// `Pending` must have woken the task, which is then polled again at once.
pub fn block_on_checking_wakes(task: Task<'_>) -> Tally {
    let woken = Arc::new(Woken::default());
    let waker = Waker::from(Arc::clone(&woken));
    poll_to_end(black_box(task), &waker, || {
        assert!(woken.0.swap(false, Ordering::Relaxed), "Pending without a wake");
    })
}

#[inline(never)]
fn poll_to_end(mut task: Task<'_>, waker: &Waker, mut on_pending: impl FnMut()) -> Tally {
    let mut cx = Context::from_waker(waker);
    loop {
        match task.as_mut().poll(&mut cx) {
            Poll::Ready(tally) => return tally,
            Poll::Pending => on_pending(),
        }
    }
}

/// A waker's flag: set by a wake, taken by the poll loop.
#[derive(Default)]
struct Woken(AtomicBool);

impl Wake for Woken {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.store(true, Ordering::Relaxed);
    }
}
