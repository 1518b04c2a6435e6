// An argument whose `=` or value is missing, or with `==`: one error each,
// at the argument, saying what to write.
use asyncgen::{async_gen, sync_gen};
use futures::Stream;

#[async_gen(yield = )]
async fn no_yield_type() {
    yield_!(1u32);
}

#[async_gen(yield = u32, resume)]
async fn resume_without_eq() {
    yield_!(1);
}

#[sync_gen(yield = u32, crate = , boxed)]
fn no_crate_path() {
    yield_!(1);
}

#[sync_gen(yield == u32)]
fn doubled_eq() {
    yield_!(1);
}

fn as_stream() -> impl Stream<Item = u32> {
    no_yield_type()
}

fn main() {
    let _ = as_stream();
    let _ = resume_without_eq();
    let _: Vec<u32> = no_crate_path().collect();
    let _: Vec<u32> = core::pin::pin!(doubled_eq()).collect();
}
