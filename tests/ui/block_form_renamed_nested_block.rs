// The limit of the block form: a nested generator macro is recognised by
// name, so under another name (`agb!`) its plain `yield`s are taken as the
// outer block's. They sit in the nested generator's own body, so the label
// check rejects them at the `yield` rather than moving items silently.
use asyncgen::async_gen_block;
use asyncgen::async_gen_block as agb;

fn main() {
    let _ = async_gen_block! {
        let inner = agb! { yield 7u32; };
        for await value in inner {
            yield value;
        }
    };
}
