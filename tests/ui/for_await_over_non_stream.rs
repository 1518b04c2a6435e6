use asyncgen::async_gen;

#[async_gen(yield = u32)]
async fn numbers() {
    #[for_await]
    for n in vec![1, 2, 3] {
        yield_!(n);
    }
}

fn main() {}
