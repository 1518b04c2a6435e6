use asyncgen::async_gen;

#[async_gen(yield = u32, resume = String)]
async fn asks_for_names() {
    let _name: String = yield_!(1);
}

#[async_gen(yield = u32, resume = u64)]
async fn delegates() {
    // `yield_from!` passes this generator's resume values (u64) on to the
    // inner one, which wants `String`s.
    yield_from!(asks_for_names());
}

fn main() {}
