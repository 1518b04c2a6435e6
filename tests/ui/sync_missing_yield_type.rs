use asyncgen::sync_gen;

#[sync_gen]
fn numbers() {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
