// Ignoring the `Result` completion of a `yield_from!` loses an error: the
// `unused_must_use` lint covers the whole call, so its suggestion
// (`let _ = yield_from!(...)`) is valid code.
#![deny(unused_must_use)]
use asyncgen::async_gen;

#[async_gen(yield = u32)]
async fn fallible() -> Result<(), String> {
    yield_!(1);
    Err("failed".to_string())
}

#[async_gen(yield = u32)]
async fn ignores_the_error() {
    yield_from!(fallible());
    yield_from!(futures::stream::iter([2, 3]));
}

fn main() {
    let _ = ignores_the_error();
}
