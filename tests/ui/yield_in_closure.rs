use asyncgen::async_gen;

#[async_gen(yield = u32)]
async fn numbers(items: Vec<u32>) {
    items.into_iter().for_each(|item| {
        yield_!(item);
    });
}

fn main() {}
