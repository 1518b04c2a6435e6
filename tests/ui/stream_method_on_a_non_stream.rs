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
        let _ = std::pin::pin!(two_way()).collect::<Vec<u32>>().await;
    });
}
