use asyncgen::sync_gen;

// A completion value other than `()` or `Result<(), E>` has nowhere to go in
// an `Iterator`: such a generator is not one.
#[sync_gen(yield = u32)]
fn counts() -> usize {
    yield_!(1);
    1
}

fn main() {
    for item in core::pin::pin!(counts()) {
        let _: u32 = item;
    }
}
