use asyncgen::async_gen;

#[async_gen(yield = u8, resume = String)]
async fn numbers() {
    let n: u32 = yield_!(1);
    yield_!(n as u8);
}

fn main() {}
