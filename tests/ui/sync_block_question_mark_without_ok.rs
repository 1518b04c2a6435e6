// `?` in a `sync_gen_block!` that does not end with `Ok(())`: one error at
// each `?`, saying to end the block with `Ok(())`; the block is then
// expanded as if it did, so its user sees an iterator of `Result`s.
use asyncgen::sync_gen_block;

fn main() {
    let words = vec!["1", "x"];
    let parsed = sync_gen_block! {
        for word in words {
            yield word.parse::<u32>()?;
        }
    };
    let items: Vec<Result<u32, std::num::ParseIntError>> = core::pin::pin!(parsed).collect();
    let _ = items;
}
