use asyncgen::async_gen;

macro_rules! run {
    ($($body:tt)*) => { $($body)* };
}

#[async_gen(yield = u32)]
async fn constant() {
    let _ = const { yield_!(1) };
    run! { let _ = const { yield_!(2) }; }
}

fn main() {
    let _ = constant();
}
