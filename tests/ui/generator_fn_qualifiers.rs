// `const` and `extern "ABI"` on a generator function: one error each, at the
// qualifier, and callers still type-check.
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

#[sync_gen(yield = u32)]
extern "C" fn foreign() {
    yield_!(1);
}

#[async_gen(yield = u32)]
async extern "C" fn foreign_async() {
    yield_!(1);
}

fn main() {
    let _: Vec<u32> = core::pin::pin!(constant()).chain(core::pin::pin!(foreign())).collect();
    let _ = constant_async().chain(foreign_async()).collect::<Vec<u32>>();
}
