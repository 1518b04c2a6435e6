// `?` in a sync body that completes with `()`: one error at the `?` that
// says to declare `-> Result<(), E>`, and callers still see an iterator of
// the declared yield type.
use asyncgen::sync_gen;

#[sync_gen(yield = u32)]
fn parse(words: Vec<&'static str>) {
    for word in words {
        yield_!(word.parse()?);
    }
}

fn main() {
    let numbers: Vec<u32> = core::pin::pin!(parse(vec!["1"])).collect();
    let _ = numbers;
}
