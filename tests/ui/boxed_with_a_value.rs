use asyncgen::async_gen;

#[async_gen(yield = u8, boxed = true)]
async fn numbers() {
    yield_!(1);
}

fn main() {}
