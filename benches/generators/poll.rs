//! The consumer side shared by every system: a hand-written poll loop with a
//! no-op waker (no executor in the measurement), the tally it checks, and the
//! future that makes a body return `Pending` once.

use core::future::Future;
use core::hint::black_box;
use core::ops::AddAssign;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};

use futures::Stream;

/// What a workload saw: how many items, and their sum. Every run is checked
/// against the expected tally, so a broken generator cannot look fast.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Items received.
    pub items: u64,
    /// Their wrapping sum.
    pub sum: u64,
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Self) {
        self.items += other.items;
        self.sum = self.sum.wrapping_add(other.sum);
    }
}

/// Polls `stream` to its end with a no-op waker, summing the items (each
/// through `black_box`, which costs about two instructions per item). A
/// `Pending` is simply polled again (every body here wakes itself first).
///
/// Inlined into each workload, so that a concrete stream's `poll_next` can be
/// inlined into the loop.
#[inline]
pub fn drain<S: Stream<Item = u64> + ?Sized>(mut stream: Pin<&mut S>) -> Tally {
    let mut cx = Context::from_waker(Waker::noop());
    let mut tally = Tally::default();
    loop {
        match stream.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(item)) => {
                // `black_box`: each item is observed, so that the optimizer
                // cannot fold a loop it sees through into a closed form.
                tally.items += 1;
                tally.sum = tally.sum.wrapping_add(black_box(item));
            }
            Poll::Ready(None) => return tally,
            Poll::Pending => {}
        }
    }
}

/// [`drain`] through `Pin<&mut dyn Stream>`: every `poll_next` is an indirect
/// call. The fat pointer goes through `black_box`, so the optimizer cannot
/// see which vtable it holds and devirtualize the loop.
pub fn drain_dyn(stream: Pin<&mut (dyn Stream<Item = u64> + '_)>) -> Tally {
    drain_opaque(black_box(stream))
}

#[inline(never)]
fn drain_opaque(stream: Pin<&mut (dyn Stream<Item = u64> + '_)>) -> Tally {
    drain(stream)
}

/// Whether the `await_between` body returns a `Pending` before item `i`: once
/// every 1024 items.
#[inline]
pub fn parks_before(i: u64) -> bool {
    i % 1024 == 1023
}

/// A future that wakes its task and returns `Pending` once, then `Ready`: a
/// stand-in for an `.await` on I/O that is not ready yet.
#[derive(Debug, Default)]
pub struct Park(bool);

impl Future for Park {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}
