// `?` in a body that completes with `()`: one error at the `?`, and callers
// still see a stream of the declared yield type.
use asyncgen::async_gen;
use futures::StreamExt;

#[async_gen(yield = u32)]
async fn parse(words: Vec<&'static str>) {
    for word in words {
        yield_!(word.parse()?);
    }
}

async fn caller() -> Vec<u32> {
    std::pin::pin!(parse(vec!["1"])).collect().await
}

fn main() {
    let _ = caller();
}
