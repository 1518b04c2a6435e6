// After the error, callers see a sync generator whose yield type they
// infer from their own use: a caller that names the item type gets no
// second error.
use asyncgen::sync_gen;

#[sync_gen]
fn numbers() {
    yield_!(1);
}

fn main() {
    let values: Vec<u32> = core::pin::pin!(numbers()).collect();
    let _ = values;
}
