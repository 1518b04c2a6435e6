use asyncgen::sync_gen;

// A closure is not part of the generator's body: it cannot yield for it.
#[sync_gen(yield = u32)]
fn in_closure(values: Vec<u32>) {
    values.iter().for_each(|value| yield_!(*value));
}

// Nor can a nested `async` block.
#[sync_gen(yield = u32)]
fn in_async_block() {
    let future = async { yield_!(1) };
    drop(future);
}

fn main() {
    let _ = in_closure(vec![1]);
    let _ = in_async_block();
}
