// The error gives the signature to declare; the declaration is emitted with
// it, so an impl written with `boxed` and its callers get no second error.
use asyncgen::async_gen;
use futures::StreamExt;

trait Numbers {
    #[async_gen(yield = u32)]
    async fn numbers(&self);
}

struct Upto(u32);

impl Numbers for Upto {
    #[async_gen(yield = u32, boxed)]
    async fn numbers(&self) {
        for n in 0..self.0 {
            yield_!(n);
        }
    }
}

async fn caller() -> Vec<u32> {
    Upto(3).numbers().collect().await
}

fn main() {
    let _ = caller();
}
