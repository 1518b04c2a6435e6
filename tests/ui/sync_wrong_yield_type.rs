use asyncgen::sync_gen;

#[sync_gen(yield = u32)]
fn numbers() {
    yield_!("one");
}

fn main() {
    let _ = numbers();
}
