// async-stream issue #106: a `yield` inside a nested `async` block, awaited
// inside a different generator's body, wrote its value (of the wrong type)
// into that other generator's slot. Here that `yield` is an error where it is
// written, in both forms.
use asyncgen::{async_gen, async_gen_block};

#[async_gen(yield = usize)]
async fn outer() {
    let fut = async { yield_!(1) };
    let other = async_gen_block! {
        fut.await;
        yield "a string, not a usize";
    };
    #[for_await]
    for text in other {
        yield_!(text.len());
    }
}

fn main() {
    let _ = outer();
    let _ = async_gen_block! {
        let fut = async { yield 1u32 };
        let other = async_gen_block! {
            fut.await;
            yield String::from("not a u32");
        };
        for await text in other {
            yield text.len();
        }
    };
}
