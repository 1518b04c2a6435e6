use asyncgen::sync_gen_block;

// `yield_from!` over a value that is neither a sync generator nor an
// iterator: one error at the `yield_from!`, naming the value's type.
fn main() {
    let _ = sync_gen_block! {
        yield_from!(42_u32);
    };
}
