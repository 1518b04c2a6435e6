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
}
