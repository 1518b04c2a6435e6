use asyncgen::{async_gen, async_gen_block};
use futures::Stream;

#[async_gen(yield = u32)]
async fn numbers() -> u64 {
    yield_!(1);
    7
}

fn consume(_: impl Stream<Item = u32>) {}

fn main() {
    consume(numbers());
    let _ = async_gen_block! {
        for await n in numbers() {
            yield n;
        }
    };
}
