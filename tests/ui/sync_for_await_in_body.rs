use asyncgen::{async_gen, sync_gen, sync_gen_block};

#[async_gen(yield = u32)]
async fn stream() {
    yield_!(1);
}

// An async generator cannot be driven inside a sync generator's body:
// `#[for_await]` (and the block form's `for await`) is an error there.
#[sync_gen(yield = u32)]
fn drives_a_stream() {
    #[for_await]
    for item in stream() {
        yield_!(item);
    }
}

fn main() {
    let _ = drives_a_stream();
    let _ = sync_gen_block! {
        for await item in stream() {
            yield item;
        }
    };
}
