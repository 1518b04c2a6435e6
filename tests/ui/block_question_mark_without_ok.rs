// A `try_stream!` body ported without its tail `Ok(())`: one error at each
// `?`, saying to end the block with `Ok(())`, and nothing about closures.
use asyncgen::async_gen_block;
use futures::Stream;

fn parsed(words: Vec<&'static str>) -> impl Stream<Item = Result<u32, std::num::ParseIntError>> {
    async_gen_block! {
        for word in words {
            yield word.parse::<u32>()?;
        }
    }
}

fn main() {
    let _ = parsed(vec!["1"]);
}
