//! Helpers shared by the integration tests (`mod support;` in each).

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

/// `Pending` once (waking itself), then ready: an ordinary `.await` that
/// really suspends a generator's body without yielding.
#[derive(Default)]
pub struct PendingOnce(bool);

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
