// `.next()` on a pinned generator that is not a `Stream` (a completion
// value, or a resume type other than `()`): one error that states the rule.
// (Other `StreamExt` methods get rustc's plain E0599, which quotes `core`'s
// sources when `rust-src` is installed, so it is not pinned here.)
use asyncgen::async_gen;
use futures::StreamExt;

#[async_gen(yield = u32)]
async fn with_total() -> u32 {
    yield_!(1);
    1
}

#[async_gen(yield = u32, resume = bool)]
async fn two_way() {
    let _go_on: bool = yield_!(1);
}

fn main() {
    futures::executor::block_on(async {
        let _ = std::pin::pin!(with_total()).next().await;
        let _ = std::pin::pin!(two_way()).next().await;
    });
}
