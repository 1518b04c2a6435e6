use asyncgen::async_gen_block;

// `yield_from!` in an async body over a value that is neither a generator
// nor a `Stream`.
fn main() {
    let _ = async_gen_block! {
        yield_from!(42_u32);
    };
}
