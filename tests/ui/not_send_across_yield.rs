use asyncgen::async_gen;
use std::rc::Rc;

#[async_gen(yield = u32)]
async fn counts() {
    let shared = Rc::new(5);
    yield_!(*shared);
    yield_!(*shared + 1);
}

fn require_send<T: Send>(_: T) {}

fn main() {
    require_send(counts());
}
