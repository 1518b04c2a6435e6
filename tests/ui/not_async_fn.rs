use asyncgen::async_gen;

#[async_gen(yield = u32)]
fn numbers() {
    yield_!(1);
}

fn main() {}
