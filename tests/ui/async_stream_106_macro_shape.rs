// async-stream's own compile-fail case for its issue #106: a `macro_rules!`
// puts the `yield` in an `async` block, which is awaited inside another
// generator whose items have another type. Here it does not compile.
use asyncgen::async_gen_block;

macro_rules! asynk {
    ($e:expr) => {
        async { $e }
    };
}

fn main() {
    let _ = async_gen_block! {
        let yield_42 = asynk!(yield 42_usize);
        let s = async_gen_block! {
            yield Box::new(12345);
            yield_42.await;
        };
        for await item in s {
            yield *item;
        }
    };
}
