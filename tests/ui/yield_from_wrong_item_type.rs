use asyncgen::async_gen;

#[async_gen(yield = &'static str)]
async fn words() {
    yield_!("one");
}

#[async_gen(yield = u32)]
async fn numbers() {
    // `words()` yields `&str`s, this generator `u32`s.
    yield_from!(words());
}

fn main() {}
