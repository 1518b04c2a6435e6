use asyncgen::async_gen;

#[async_gen(yield = u32)]
async fn numbers(input: impl futures::Stream<Item = u32>) {
    let mut input = Box::pin(input);
    #[for_await]
    while let Some(n) = futures::StreamExt::next(&mut input).await {
        yield_!(n);
    }
}

fn main() {}
