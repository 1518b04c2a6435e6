use asyncgen::async_gen;
use std::rc::Rc;

// `boxed` promises `Send`: an `Rc` held across a yield breaks it.
// (`boxed_local` is the spelling for such bodies.)
#[async_gen(yield = usize, boxed)]
async fn counts(shared: Rc<Vec<u8>>) {
    yield_!(shared.len());
    yield_!(Rc::strong_count(&shared));
}

fn main() {}
