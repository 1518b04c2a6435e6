use asyncgen::async_gen;

#[async_gen(yield = u8, boxed, boxed_local)]
async fn numbers() {
    yield_!(1);
}

fn main() {}
