use asyncgen::async_gen;

#[async_gen]
async fn numbers() {
    yield_!(1);
}

fn main() {}
