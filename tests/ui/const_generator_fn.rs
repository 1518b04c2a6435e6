// `const` on a generator function: one error each, at the `const`, and
// callers still type-check.
use asyncgen::{async_gen, sync_gen};
use futures::StreamExt;

#[sync_gen(yield = u32)]
const fn constant() {
    yield_!(1);
}

#[async_gen(yield = u32)]
const async fn constant_async() {
    yield_!(1);
}

fn main() {
    let _: Vec<u32> = core::pin::pin!(constant()).collect();
    let _ = constant_async().collect::<Vec<u32>>();
}
