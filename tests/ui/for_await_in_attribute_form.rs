use asyncgen::async_gen;
use futures::StreamExt;

#[async_gen(yield = u32)]
async fn doubled(source: impl futures::Stream<Item = u32>) {
    for await n in source {
        yield_!(n * 2);
    }
}

async fn caller() -> Vec<u32> {
    std::pin::pin!(doubled(futures::stream::iter([1, 2]))).collect().await
}

fn main() {
    let _ = caller();
}
