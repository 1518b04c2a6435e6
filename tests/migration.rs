//! Shapes a user moving from async-stream writes that `#[async_gen]`'s early
//! checks (`?` with a `()` completion, recursion without `boxed`) must
//! accept: each compiles and runs.

use std::num::ParseIntError;
use std::pin::pin;

use asyncgen::{async_gen, async_gen_block};
use futures::executor::block_on;
use futures::{Stream, StreamExt};

fn collect<S: Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

/// A `()` completion with `?` only where another return type rules: a
/// closure, a nested `async` block, a nested fn, a nested generator.
#[async_gen(yield = u32)]
async fn question_marks_elsewhere(words: Vec<&'static str>) {
    let parse = |word: &str| -> Result<u32, ParseIntError> { Ok(word.parse::<u32>()? + 1) };
    yield_!(parse(words[0]).unwrap_or(0));
    let later = async { Ok::<u32, ParseIntError>(words[1].parse::<u32>()? * 10) };
    yield_!(later.await.unwrap_or(0));
    fn first_char(word: &str) -> Option<u32> {
        Some(u32::from(word.chars().next()?))
    }
    yield_!(first_char(words[2]).unwrap_or(0));
    let nested = async_gen_block! {
        yield words[0].parse::<u32>()?;
        Ok::<(), ParseIntError>(())
    };
    #[for_await]
    for item in nested {
        yield_!(item.unwrap_or(0) * 100);
    }
}

#[test]
fn question_marks_with_their_own_return_type_are_accepted() {
    assert_eq!(collect(question_marks_elsewhere(vec!["1", "x", "A"])), [2, 0, 65, 100]);
}

/// Recursion through a box the user writes: no `boxed` needed.
#[async_gen(yield = u32)]
async fn halves(n: u32) {
    yield_!(n);
    if n > 1 {
        #[for_await]
        for item in Box::pin(halves(n / 2)) {
            yield_!(item);
        }
    }
}

#[test]
fn recursion_through_the_users_box_is_accepted() {
    assert_eq!(collect(halves(8)), [8, 4, 2, 1]);
}

struct Counter(u32);

impl Counter {
    /// A method that calls another type's method of the same name.
    #[async_gen(yield = u32)]
    async fn count(&self) {
        yield_!(u32::try_from([1, 2, 3].iter().count()).unwrap() + self.0);
    }
}

#[test]
fn a_method_calling_a_namesake_is_not_recursion() {
    assert_eq!(collect(Counter(10).count()), [13]);
}
