use asyncgen::{sync_gen, sync_gen_block};

// A sync generator cannot wait: `.await` is an error at the `.await`,
// whether written in the body, inside a macro's input, or in the block form.
#[sync_gen(yield = u32)]
fn awaits() {
    let value = core::future::ready(1).await;
    yield_!(value);
    println!("{}", core::future::ready(2).await);
}

fn main() {
    let _ = awaits();
    let _ = sync_gen_block! {
        yield core::future::ready(3).await;
    };
    // A nested `async` block may await: it is a separate future.
    let _ = sync_gen_block! {
        let future = async { core::future::ready(4).await };
        drop(future);
        yield 4;
    };
}
