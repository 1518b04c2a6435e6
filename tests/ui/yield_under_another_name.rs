// `yield_!` and `yield_from!` imported under other names are not rewritten:
// the error says to use the macros' own names.
use asyncgen::{async_gen, yield_ as emit, yield_from as delegate};

#[async_gen(yield = u32)]
async fn renamed() {
    yield_!(0);
    emit!(1);
    delegate!(futures::stream::iter([2]));
}

fn main() {
    let _ = renamed();
}
