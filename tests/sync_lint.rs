//! Every feature of the sync forms, under the strictest lints a user might
//! set, as `lint.rs` does for the async forms: the expansions must add no
//! warning (checked by `cargo clippy --all-targets -- -D warnings` in
//! `.ci/run`) and no `unsafe`.
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
    BoxSyncGen, GeneratorState, LocalBoxSyncGen, SyncGenerator, sync_gen, sync_gen_block,
};

/// A plain generator with an argument pattern and a mutable argument.
#[sync_gen(yield = u32)]
pub fn plain((start, step): (u32, u32), mut count: u32) {
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
/// The last item is the parse error of the first bad word.
#[sync_gen(yield = u32)]
pub fn parsed(text: &str) -> Result<(), core::num::ParseIntError> {
    for word in text.split_whitespace() {
        yield_!(word.parse()?);
    }
    Ok(())
}

/// A two-way generator: each resume value is added to a running sum.
#[sync_gen(yield = u64, resume = u64)]
pub fn summing() -> u64 {
    let mut sum = 0;
    loop {
        let added = yield_!(sum);
        if added == 0 {
            return sum;
        }
        sum += added;
    }
}

/// Delegation to another sync generator and to an iterator, and a
/// completion value.
#[sync_gen(yield = u32)]
pub fn combined() -> usize {
    yield_from!(plain((10, 10), 2));
    yield_from!([1, 2]);
    let mut seen = 0;
    for x in pin!(plain((0, 1), 2)) {
        yield_!(x);
        seen += 1;
    }
    seen
}

/// A recursive, boxed generator.
#[sync_gen(yield = u32, boxed)]
pub fn depth_first(depth: u32) {
    yield_!(depth);
    if depth > 0 {
        yield_from!(depth_first(depth - 1));
    }
}

/// A boxed generator that is not `Send`.
#[sync_gen(yield = usize, boxed_local)]
pub fn local(text: std::rc::Rc<str>) {
    yield_!(text.len());
}

/// Methods with every receiver.
pub struct Counter(pub u32);

impl Counter {
    /// By shared reference.
    #[sync_gen(yield = u32)]
    pub fn by_ref(&self) {
        yield_!(self.0);
    }

    /// By mutable reference.
    #[sync_gen(yield = u32)]
    pub fn by_mut(&mut self) {
        self.0 += 1;
        yield_!(self.0);
    }

    /// By value.
    #[sync_gen(yield = u32)]
    pub fn by_value(self) {
        yield_!(self.0);
    }
}

/// The block form, with plain `yield`, a nested block that keeps its own
/// yields, and `yield_from!`.
pub fn block(n: u32) -> impl Iterator<Item = u32> {
    let generator = sync_gen_block! {
        for i in 0..n {
            yield i * 2;
        }
        let nested = sync_gen_block! { yield 99_u32; };
        yield_from!(nested);
    };
    Box::pin(generator)
}

#[test]
fn every_sync_feature_builds_and_runs_without_warnings() {
    assert_eq!(pin!(plain((3, 2), 3)).collect::<Vec<_>>(), [3, 5, 7]);
    assert_eq!(pin!(parsed("1 x")).count(), 2);
    let mut sums = pin!(summing());
    assert_eq!(sums.as_mut().resume(0), GeneratorState::Yielded(0));
    assert_eq!(sums.as_mut().resume(5), GeneratorState::Yielded(5));
    assert_eq!(sums.as_mut().resume(0), GeneratorState::Complete(5));
    let mut all = pin!(combined());
    let mut items = Vec::new();
    let seen = loop {
        match all.as_mut().resume(()) {
            GeneratorState::Yielded(item) => items.push(item),
            GeneratorState::Complete(seen) => break seen,
        }
    };
    assert_eq!((items, seen), (vec![10, 20, 1, 2, 0, 1], 2));
    let boxed: BoxSyncGen<'_, u32> = depth_first(2);
    assert_eq!(boxed.collect::<Vec<_>>(), [2, 1, 0]);
    let local: LocalBoxSyncGen<'_, usize> = local("four".into());
    assert_eq!(local.collect::<Vec<_>>(), [4]);
    let mut counter = Counter(1);
    assert_eq!(pin!(counter.by_ref()).next(), Some(1));
    assert_eq!(pin!(counter.by_mut()).next(), Some(2));
    assert_eq!(pin!(counter.by_value()).next(), Some(2));
    assert_eq!(block(2).collect::<Vec<_>>(), [0, 2, 99]);
}
