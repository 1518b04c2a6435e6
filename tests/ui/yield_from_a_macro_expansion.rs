// A `yield_!` that a user's macro produces is not seen by the rewriter; the
// facade's `yield_!` then says why (here imported, so that rustc finds it).
use asyncgen::{async_gen, yield_};

macro_rules! yield_twice {
    ($e:expr) => {
        yield_!($e);
        yield_!($e);
    };
}

#[async_gen(yield = u32)]
async fn twice() {
    yield_twice!(1);
}

fn main() {
    let _ = twice();
}
