use asyncgen::sync_gen;

#[sync_gen(yield = u32)]
#[sync_gen(yield = u32)]
fn numbers() {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
