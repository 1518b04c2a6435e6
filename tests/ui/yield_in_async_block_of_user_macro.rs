// A user's macro wraps the yield in an `async` block that the rewriter
// cannot see: the yield's label check makes it an error at the `yield_!`,
// not a value silently overwritten in the slot (issue 10, defect 2).
use asyncgen::{async_gen, async_gen_block};

macro_rules! deferred {
    ($e:expr) => {
        async { $e }
    };
}

#[async_gen(yield = u32)]
async fn hidden() {
    let a = deferred!(yield_!(1));
    a.await;
    yield_!(2);
}

fn main() {
    let _ = hidden();
    let _ = async_gen_block! {
        let b = deferred!(yield 3u32);
        b.await;
    };
}
