// `for await` in a `#[sync_gen]` function (which stable rustc does not even
// parse there): one error at the `await` that says to use `#[async_gen]`,
// and the rest of the function still expands.
use asyncgen::sync_gen;

#[sync_gen(yield = u32)]
fn doubled(source: impl futures::Stream<Item = u32>) {
    for await n in source {
        yield_!(n * 2);
    }
    yield_!(0);
}

fn main() {
    let values: Vec<u32> = core::pin::pin!(doubled(futures::stream::iter([1, 2]))).collect();
    let _ = values;
}
