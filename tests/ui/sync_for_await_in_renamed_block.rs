// A renamed `sync_gen_block!` inside an async generator: its `#[for_await]`
// is its own, so the error is the sync generator's refusal, at the
// attribute (not an `.await` the user never wrote).
use asyncgen::async_gen;
use asyncgen::sync_gen_block as sgb;

#[async_gen(yield = u32)]
async fn outer() {
    let inner = sgb! {
        #[for_await]
        for x in futures::stream::iter([1u32]) {
            yield x;
        }
    };
    let _ = inner;
    yield_!(1);
}

fn main() {
    let _ = outer();
}
