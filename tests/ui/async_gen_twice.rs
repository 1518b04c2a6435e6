use asyncgen::async_gen;

#[async_gen(yield = u32)]
#[async_gen(yield = u32)]
async fn numbers() {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
