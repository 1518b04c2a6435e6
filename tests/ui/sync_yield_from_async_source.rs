use asyncgen::{async_gen, sync_gen};

#[async_gen(yield = u32)]
async fn stream() {
    yield_!(1);
}

// `yield_from!` in a sync body takes a sync generator or an iterator: an
// async generator would have to be awaited.
#[sync_gen(yield = u32)]
fn forwards() {
    yield_from!(stream());
}

fn main() {
    let _ = forwards();
}
