use asyncgen::async_gen_block;

fn main() {
    let _ = async_gen_block! {
        let first = async { yield 1 };
        futures::join!(first, async { yield 2 });
    };
}
