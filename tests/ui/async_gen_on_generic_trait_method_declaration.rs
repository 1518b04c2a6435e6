// A generic trait method declaration: the suggested signature keeps the
// generics and the `where` clause, and the impl written with `boxed` then
// compiles with no second error.
use asyncgen::async_gen;

trait Echo {
    #[async_gen(yield = T)]
    async fn echo<T: Send + 'static>(&self, value: T)
    where
        T: Clone;
}

struct Once;

impl Echo for Once {
    #[async_gen(yield = T, boxed)]
    async fn echo<T: Send + 'static>(&self, value: T)
    where
        T: Clone,
    {
        yield_!(value.clone());
    }
}

fn main() {
    let _ = Once.echo(1u8);
}
