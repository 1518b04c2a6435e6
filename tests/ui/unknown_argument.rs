use asyncgen::async_gen;

#[async_gen(yield = u32, item = u64)]
async fn numbers() {
    yield_!(1);
}

fn main() {}
