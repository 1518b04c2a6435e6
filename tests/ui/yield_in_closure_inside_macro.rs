use asyncgen::async_gen;

macro_rules! run {
    ($($body:tt)*) => { $($body)* };
}

#[async_gen(yield = u32)]
async fn numbers() {
    run! {
        let each = async |x: u32| { yield_!(x); };
        each(1).await;
        let plain = |x: u32| yield_!(x);
        plain(2);
    }
}

fn main() {}
