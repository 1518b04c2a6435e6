//! Every form of asyncgen's macros, built and run on Rust 1.85 (see
//! `Cargo.toml`). Each check asserts its items, so a wrong result fails the run.

use std::cell::Cell;
use std::num::ParseIntError;
use std::pin::pin;

use asyncgen::{
    AsyncGeneratorExt, BoxAsyncGen, GeneratorState, LocalBoxAsyncGen, async_gen, async_gen_block,
};
use futures::executor::block_on;
use futures::{Stream, StreamExt};

fn collect<S: Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

/// A free function.
#[async_gen(yield = u32)]
async fn countdown(from: u32) {
    for n in (1..=from).rev() {
        yield_!(n);
    }
}

struct Words(Vec<&'static str>);

impl Words {
    /// A method borrowing `self`.
    #[async_gen(yield = &'static str)]
    async fn each(&self) {
        for word in &self.0 {
            yield_!(*word);
        }
    }

    /// A `Result<(), E>` completion: `?` ends the stream with an `Err` item.
    #[async_gen(yield = u32)]
    async fn parsed(&self) -> Result<(), ParseIntError> {
        for word in &self.0 {
            yield_!(word.parse()?);
        }
        Ok(())
    }
}

struct Tree(u32, Vec<Tree>);

/// `boxed`, recursive, with `yield_from!`.
#[async_gen(yield = u32, boxed)]
async fn walk(tree: &Tree) {
    yield_!(tree.0);
    for child in &tree.1 {
        yield_from!(walk(child));
    }
}

/// `boxed_local`: an `Rc` held across a yield.
#[async_gen(yield = usize, boxed_local)]
async fn shared_len(shared: std::rc::Rc<Vec<u8>>) {
    yield_!(shared.len());
}

/// Two-way, with a completion value.
#[async_gen(yield = u32, resume = u32)]
async fn doubler() -> &'static str {
    let mut last = 0;
    loop {
        last = yield_!(last) * 2;
        if last > 100 {
            return "too big";
        }
    }
}

/// `#[for_await]` over another generator, and `yield_from!` over a stream.
#[async_gen(yield = u32)]
async fn doubled_then_more() {
    #[for_await]
    for n in countdown(2) {
        yield_!(n * 2);
    }
    yield_from!(futures::stream::iter([7, 8]));
}

/// The block form: plain `yield`, `for await`, eager code before it.
fn evens_after_check(limit: u64, checks: &Cell<u32>) -> impl Stream<Item = u64> {
    checks.set(checks.get() + 1);
    async_gen_block! {
        for await i in futures::stream::iter(0..limit) {
            if i % 2 == 0 {
                yield i;
            }
        }
    }
}

fn main() {
    assert_eq!(collect(countdown(3)), [3, 2, 1]);

    let words = Words(vec!["1", "2", "x"]);
    assert_eq!(collect(words.each()), ["1", "2", "x"]);
    let parsed = collect(words.parsed());
    assert_eq!(parsed[..2], [Ok(1), Ok(2)]);
    assert!(parsed[2].is_err());

    let tree = Tree(1, vec![Tree(2, vec![Tree(3, vec![])]), Tree(4, vec![])]);
    let walker: BoxAsyncGen<'_, u32> = walk(&tree);
    assert_eq!(block_on(walker.collect::<Vec<_>>()), [1, 2, 3, 4]);
    let local: LocalBoxAsyncGen<'_, usize> = shared_len(std::rc::Rc::new(vec![1, 2, 3]));
    assert_eq!(block_on(local.collect::<Vec<_>>()), [3]);

    block_on(async {
        let mut doubler = pin!(doubler());
        assert_eq!(doubler.as_mut().resume(0).await, GeneratorState::Yielded(0));
        assert_eq!(doubler.as_mut().resume(21).await, GeneratorState::Yielded(42));
        assert_eq!(doubler.as_mut().resume(51).await, GeneratorState::Complete("too big"));
    });

    assert_eq!(collect(doubled_then_more()), [4, 2, 7, 8]);

    let checks = Cell::new(0);
    let evens = evens_after_check(7, &checks);
    assert_eq!(checks.get(), 1);
    assert_eq!(collect(evens), [0, 2, 4, 6]);

    println!("asyncgen on {}: every form built and ran", env!("CARGO_PKG_RUST_VERSION"));
}
