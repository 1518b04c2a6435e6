// A `yield_!` in a `fn` nested in the body is not the generator's: the
// nested function is not part of the body.
use asyncgen::async_gen;

#[async_gen(yield = u32)]
async fn outer() {
    fn helper() -> u32 {
        yield_!(1);
        2
    }
    yield_!(helper());
}

fn main() {
    let _ = outer();
    let _ = in_macro_tokens();
}

macro_rules! run {
    ($($body:tt)*) => { $($body)* };
}

#[async_gen(yield = u32)]
async fn in_macro_tokens() {
    run! {
        fn helper() -> u32 {
            yield_!(3);
            4
        }
        #[async_gen(yield = u32)]
        async fn nested_generator() {
            yield_!(5);
        }
        let _ = nested_generator();
        yield_!(helper());
    }
}
