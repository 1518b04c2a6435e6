//! asyncgen used under another name: this crate depends on it as
//! `renamed_gen`, so the attribute form is told where the crate is with
//! `crate = renamed_gen`, and the block form finds it on its own (`$crate`).
//! Each item uses one feature of the macros through the renamed path.

use renamed_gen::{async_gen, AsyncGen, Body, BoxAsyncGen, LocalBoxAsyncGen};

/// A plain generator, through the attribute's full renamed path.
#[renamed_gen::async_gen(yield = u32, crate = renamed_gen)]
pub async fn countdown(from: u32) {
    for n in (1..=from).rev() {
        yield_!(n);
    }
}

/// `#[for_await]` over another generator, through the imported attribute and
/// a `crate = ::renamed_gen` path with a leading `::`.
#[async_gen(yield = u32, crate = ::renamed_gen)]
pub async fn doubled(input: AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>>) {
    #[for_await]
    for n in input {
        yield_!(n * 2);
    }
}

/// `yield_from!` over a generator with a completion value, and over a
/// generator without one; completes with what the first one returned.
#[renamed_gen::async_gen(yield = u32, crate = renamed_gen)]
pub async fn chained() -> &'static str {
    let inner = yield_from!(labelled());
    yield_from!(doubled(countdown(2)));
    inner
}

/// A completion value whose temporaries borrow a local. On this edition too
/// they are dropped before the body's locals, as in the blocks the macros
/// write (edition 2024); otherwise this would not compile (E0597).
#[renamed_gen::async_gen(yield = u32, crate = renamed_gen)]
pub async fn borrowed_length() -> usize {
    let cell = core::cell::RefCell::new(vec![1, 2, 3]);
    yield_!(1);
    cell.borrow().len()
}

/// A generator with a completion value, for [`chained`].
#[renamed_gen::async_gen(yield = u32, crate = renamed_gen)]
pub async fn labelled() -> &'static str {
    yield_!(100);
    "labelled done"
}

/// A recursive generator: needs `boxed`, which names `BoxAsyncGen` through
/// the renamed path.
#[renamed_gen::async_gen(yield = u32, boxed, crate = renamed_gen)]
pub async fn nested(depth: u32) {
    yield_!(depth);
    if depth > 0 {
        yield_from!(nested(depth - 1));
    }
}

/// `boxed_local`, holding an `Rc` across a yield.
#[renamed_gen::async_gen(yield = usize, boxed_local, crate = renamed_gen)]
pub async fn shared_len(shared: std::rc::Rc<Vec<u8>>) {
    yield_!(shared.len());
    yield_!(std::rc::Rc::strong_count(&shared));
}

/// A two-way generator (`resume = u32`): yields the running total of what
/// it is resumed with, and completes with it once resumed with `0`.
#[renamed_gen::async_gen(yield = u32, resume = u32, crate = renamed_gen)]
pub async fn running_total() -> u32 {
    let mut total = 0;
    loop {
        let next = yield_!(total);
        if next == 0 {
            return total;
        }
        total += next;
    }
}

/// The block form, through `renamed_gen::async_gen_block!`, with `for await`
/// over another generator.
pub fn evens_of(
    input: AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>>,
) -> AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>> {
    renamed_gen::async_gen_block! {
        for await n in input {
            if n % 2 == 0 {
                yield n;
            }
        }
    }
}

/// The boxed aliases, named through the renamed path.
pub mod named {
    use super::{BoxAsyncGen, LocalBoxAsyncGen};

    /// A generator in a submodule: `renamed_gen` still resolves there.
    #[renamed_gen::async_gen(yield = u32, boxed, crate = renamed_gen)]
    pub async fn boxed_pair() {
        yield_!(1);
        yield_!(2);
    }

    /// [`boxed_pair`] as its named, `Send` type.
    #[must_use]
    pub fn as_box() -> BoxAsyncGen<'static, u32> {
        boxed_pair()
    }

    /// [`super::shared_len`] as its named, not-`Send` type.
    #[must_use]
    pub fn as_local_box() -> LocalBoxAsyncGen<'static, usize> {
        super::shared_len(std::rc::Rc::new(vec![1, 2, 3]))
    }
}

#[cfg(test)]
mod tests {
    use core::pin::pin;

    use futures::executor::block_on;
    use futures::StreamExt;
    use renamed_gen::{AsyncGeneratorExt, GeneratorState};

    use super::*;

    #[test]
    fn attribute_with_full_renamed_path() {
        let items: Vec<u32> = block_on(pin!(countdown(3)).collect());
        assert_eq!(items, [3, 2, 1]);
    }

    #[test]
    fn for_await_with_leading_colons_crate_path() {
        let items: Vec<u32> = block_on(pin!(doubled(countdown(3))).collect());
        assert_eq!(items, [6, 4, 2]);
    }

    #[test]
    fn yield_from_and_completion_value() {
        block_on(async {
            let mut chained = pin!(chained());
            for expected in [100, 4, 2] {
                assert_eq!(chained.as_mut().resume(()).await, GeneratorState::Yielded(expected));
            }
            assert_eq!(
                chained.as_mut().resume(()).await,
                GeneratorState::Complete("labelled done")
            );
        });
    }

    #[test]
    fn a_completion_value_may_borrow_a_local() {
        block_on(async {
            let mut generator = pin!(borrowed_length());
            assert_eq!(generator.as_mut().resume(()).await, GeneratorState::Yielded(1));
            assert_eq!(generator.as_mut().resume(()).await, GeneratorState::Complete(3));
        });
    }

    #[test]
    fn boxed_recursion() {
        let items: Vec<u32> = block_on(nested(3).collect());
        assert_eq!(items, [3, 2, 1, 0]);
    }

    #[test]
    fn boxed_local_with_rc() {
        let items: Vec<usize> = block_on(shared_len(std::rc::Rc::new(vec![7, 8])).collect());
        assert_eq!(items, [2, 1]);
    }

    #[test]
    fn resume_values() {
        block_on(async {
            let mut total = pin!(running_total());
            assert_eq!(total.as_mut().resume(99).await, GeneratorState::Yielded(0));
            assert_eq!(total.as_mut().resume(5).await, GeneratorState::Yielded(5));
            assert_eq!(total.as_mut().resume(7).await, GeneratorState::Yielded(12));
            assert_eq!(total.as_mut().resume(0).await, GeneratorState::Complete(12));
        });
    }

    #[test]
    fn block_form_with_for_await() {
        let items: Vec<u32> = block_on(pin!(evens_of(countdown(6))).collect());
        assert_eq!(items, [6, 4, 2]);
    }

    #[test]
    fn named_boxed_aliases() {
        fn assert_send<T: Send>(value: T) -> T {
            value
        }
        let items: Vec<u32> = block_on(assert_send(named::as_box()).collect());
        assert_eq!(items, [1, 2]);
        let items: Vec<usize> = block_on(named::as_local_box().collect());
        assert_eq!(items, [3, 1]);
    }
}
