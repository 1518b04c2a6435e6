use asyncgen::async_gen;
use futures::StreamExt;

#[async_gen(yield = u32)]
async fn numbers() {
    yield_!(1);
    yield_!(2);
}

fn main() {
    futures::executor::block_on(async {
        // A generator must be pinned before `.next()` polls it.
        let mut numbers = numbers();
        let _ = numbers.next().await;
    });
}
