// A generator whose resume type is `()` delegating to a source that takes
// another: one error at each `yield_from!`, in the user's terms, whichever
// form the outer generator has.
use asyncgen::{async_gen, async_gen_block, sync_gen};

#[async_gen(yield = u32, resume = u8)]
async fn takes_bytes() {
    let _byte: u8 = yield_!(1);
}

#[async_gen(yield = u32)]
async fn delegates() {
    yield_from!(takes_bytes());
}

#[sync_gen(yield = u32, resume = u8)]
fn sync_takes_bytes() {
    let _byte: u8 = yield_!(1);
}

#[sync_gen(yield = u32)]
fn sync_delegates() {
    yield_from!(sync_takes_bytes());
}

fn main() {
    let _ = delegates();
    let _ = sync_delegates();
    let _ = async_gen_block! {
        yield_from!(takes_bytes());
    };
}
