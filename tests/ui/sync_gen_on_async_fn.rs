use asyncgen::sync_gen;

// `#[sync_gen]` goes on a plain `fn`: an `async fn` needs `#[async_gen]`.
#[sync_gen(yield = u32)]
async fn numbers() {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
