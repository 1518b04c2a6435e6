use asyncgen::sync_gen;
use std::rc::Rc;

// `boxed` promises `Send`: an `Rc` held across a yield breaks it; use `boxed_local`.
#[sync_gen(yield = usize, boxed)]
fn counts(shared: Rc<Vec<u8>>) {
    yield_!(shared.len());
    yield_!(Rc::strong_count(&shared));
}

fn main() {
    let _ = counts(Rc::new(Vec::new()));
}
