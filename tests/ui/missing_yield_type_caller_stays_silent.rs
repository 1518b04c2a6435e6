// After an error in the attribute's arguments, callers of the function see
// a generator, not an `async fn`: a caller that names the item type gets no
// second error.
use asyncgen::async_gen;
use futures::{Stream, StreamExt};

#[async_gen(resume = ())]
async fn numbers(limit: u32) {
    for n in 0..limit {
        yield_!(n);
    }
}

fn as_stream() -> impl Stream<Item = u32> {
    numbers(3)
}

async fn first() -> Option<u32> {
    std::pin::pin!(numbers(3)).next().await
}

fn main() {
    let _ = as_stream();
    let _ = first();
}
