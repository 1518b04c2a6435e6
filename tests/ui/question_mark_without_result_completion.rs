use asyncgen::async_gen;

#[async_gen(yield = u32)]
async fn parse(words: Vec<&'static str>) {
    for word in words {
        yield_!(word.parse()?);
    }
}

fn main() {
    let _ = parse(vec!["1"]);
}
