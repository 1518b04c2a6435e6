//! Every feature of both forms, under the strictest lints a user might set:
//! the expansions must add no warning (checked by `cargo clippy
//! --all-targets -- -D warnings` in `.ci/run`) and no `unsafe`.
#![forbid(unsafe_code)]
#![deny(
    warnings,
    clippy::all,
    clippy::pedantic,
    rust_2018_idioms,
    unused_qualifications,
    missing_docs
)]

use core::pin::pin;

use asyncgen::{
    AsyncGeneratorExt, BoxAsyncGen, GeneratorState, LocalBoxAsyncGen, async_gen, async_gen_block,
};
use futures::{Stream, StreamExt};

/// A plain generator with an argument pattern and a mutable argument.
#[async_gen(yield = u32)]
pub async fn plain((start, step): (u32, u32), mut count: u32) {
    let mut value = start;
    while count > 0 {
        yield_!(value);
        value += step;
        count -= 1;
    }
}

/// A try-generator with `?`.
///
/// # Errors
///
/// The stream's last item is the parse error of the first bad word.
#[async_gen(yield = u32)]
pub async fn parsed(text: &str) -> Result<(), core::num::ParseIntError> {
    for word in text.split_whitespace() {
        yield_!(word.parse()?);
    }
    Ok(())
}

/// A two-way generator with a completion value.
#[async_gen(yield = u64, resume = u64)]
pub async fn summing() -> u64 {
    let mut total = 0;
    loop {
        let next = yield_!(total);
        if next == 0 {
            return total;
        }
        total += next;
    }
}

/// `#[for_await]`, `yield_from!` and a labelled loop.
#[async_gen(yield = u32)]
pub async fn combined(input: impl Stream<Item = u32>) -> usize {
    let mut seen = 0;
    #[for_await]
    for value in input {
        seen += 1;
        yield_!(value * 10);
    }
    yield_from!(plain((1, 1), 2));
    'outer: for round in 0..3 {
        if round == 2 {
            break 'outer;
        }
        yield_!(round);
    }
    seen
}

/// A boxed recursive generator.
#[async_gen(yield = u32, boxed)]
pub async fn depth_first(depth: u32) {
    yield_!(depth);
    if depth > 0 {
        yield_from!(depth_first(depth - 1));
    }
}

/// A generator that is not `Send`, boxed.
#[async_gen(yield = usize, boxed_local)]
pub async fn local(shared: std::rc::Rc<str>) {
    yield_!(shared.len());
}

/// Methods with each receiver.
pub struct Counter(u32);

impl Counter {
    /// `&self`.
    #[async_gen(yield = u32)]
    pub async fn by_ref(&self) {
        yield_!(self.0);
    }

    /// `&mut self`.
    #[async_gen(yield = u32)]
    pub async fn by_mut(&mut self) {
        self.0 += 1;
        yield_!(self.0);
    }

    /// `self`.
    #[async_gen(yield = u32)]
    pub async fn by_value(self) {
        yield_!(self.0);
    }
}

/// The block form, with `for await` and a nested generator.
pub fn block(limit: u32) -> impl Stream<Item = u32> {
    async_gen_block! {
        for await value in plain((0, 2), limit) {
            yield value;
        }
        let nested = async_gen_block! { yield 99_u32; };
        yield_from!(nested);
    }
}

/// One-line `#[for_await]` and `for await` bodies (issue 10, defect 5).
#[async_gen(yield = u32)]
pub async fn relay() {
    #[for_await]
    for y in futures::stream::iter([1_u32]) {
        yield_!(y)
    }
}

/// A one-line body that delegates. (Without the `;`, pedantic's
/// `semicolon_if_nothing_returned` asks for one, with a valid suggestion, as
/// it does for any `()` macro call such as `println!` at the end of a block.)
#[async_gen(yield = u32)]
pub async fn relay_all() {
    #[for_await]
    for y in futures::stream::iter([3_u32]) {
        yield_from!(futures::stream::iter([y]));
    }
}

/// The block form of [`relay`].
pub fn relay_block() -> impl Stream<Item = u32> {
    async_gen_block! {
        for await y in futures::stream::iter([2_u32]) { yield y }
    }
}

/// Parameters named like the macro's helpers, an underscore guard, a
/// pattern, a yield whose value is a yield, a `yield_!()`, a label on the
/// body's own loop and an ignored `yield_from!` value of type `()`.
#[async_gen(yield = u32, resume = u32)]
pub async fn unusual(__co: u32, _guard: String, (a, __arg1): (u32, u32)) -> u32 {
    let sum = yield_!(yield_!(__co + a) + __arg1);
    yield_from!(futures::stream::iter([sum]));
    sum
}

/// `yield_!()` yields `()`; a block without a yield yields `()` too.
#[async_gen(yield = ())]
pub async fn units() {
    yield_!();
    yield_from!(async_gen_block! {});
}

/// An endless block generator.
pub fn endless() -> impl Stream<Item = u32> {
    async_gen_block! {
        let mut n = 0;
        loop {
            yield n;
            n += 1;
        }
    }
}

#[test]
fn unusual_shapes_build_and_run_without_warnings() {
    futures::executor::block_on(async {
        assert_eq!(pin!(relay()).collect::<Vec<_>>().await, [1]);
        assert_eq!(pin!(relay_block()).collect::<Vec<_>>().await, [2]);
        assert_eq!(pin!(relay_all()).collect::<Vec<_>>().await, [3]);
        let mut generator = pin!(unusual(1, String::new(), (2, 3)));
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Yielded(3));
        assert_eq!(generator.as_mut().resume(10).await, GeneratorState::Yielded(13));
        assert_eq!(generator.as_mut().resume(20).await, GeneratorState::Yielded(20));
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Complete(20));
        assert_eq!(pin!(units()).collect::<Vec<()>>().await.len(), 1);
        assert_eq!(pin!(endless()).take(2).collect::<Vec<_>>().await, [0, 1]);
    });
}

#[test]
fn every_feature_builds_and_runs_without_warnings() {
    futures::executor::block_on(async {
        assert_eq!(pin!(plain((3, 2), 3)).collect::<Vec<_>>().await, [3, 5, 7]);
        assert_eq!(pin!(parsed("1 x")).collect::<Vec<_>>().await.len(), 2);
        let mut sums = pin!(summing());
        assert_eq!(sums.as_mut().resume(0).await, GeneratorState::Yielded(0));
        assert_eq!(sums.as_mut().resume(5).await, GeneratorState::Yielded(5));
        assert_eq!(sums.as_mut().resume(0).await, GeneratorState::Complete(5));
        let mut all = pin!(combined(futures::stream::iter([1, 2])));
        let mut items = Vec::new();
        let seen = loop {
            match all.as_mut().resume(()).await {
                GeneratorState::Yielded(item) => items.push(item),
                GeneratorState::Complete(seen) => break seen,
            }
        };
        assert_eq!((items, seen), (vec![10, 20, 1, 2, 0, 1], 2));
        let boxed: BoxAsyncGen<'_, u32> = depth_first(2);
        assert_eq!(boxed.collect::<Vec<_>>().await, [2, 1, 0]);
        let local: LocalBoxAsyncGen<'_, usize> = local("four".into());
        assert_eq!(local.collect::<Vec<_>>().await, [4]);
        let mut counter = Counter(1);
        assert_eq!(pin!(counter.by_ref()).next().await, Some(1));
        assert_eq!(pin!(counter.by_mut()).next().await, Some(2));
        assert_eq!(pin!(counter.by_value()).next().await, Some(2));
        assert_eq!(pin!(block(2)).collect::<Vec<_>>().await, [0, 2, 99]);
    });
}
