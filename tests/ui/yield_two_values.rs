use asyncgen::async_gen;

#[async_gen(yield = u32)]
async fn pairs() {
    yield_!(1, 2);
}

fn main() {}
