//! Yields in the body's own control flow keep working next to nested
//! `async` blocks and closures that do not yield, whoever writes them (the
//! body, a macro's tokens, a user's macro). Yields inside such nested
//! futures are compile errors: see the UI tests `yield_in_*`.

use core::fmt::Display;
use core::pin::pin;

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen, async_gen_block};
use futures::StreamExt;
use futures::executor::block_on;

fn collect<S: futures::Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

macro_rules! deferred {
    ($e:expr) => {
        async { $e }
    };
}

macro_rules! later {
    ($e:expr) => {
        move || $e
    };
}

macro_rules! run {
    ($($body:tt)*) => { $($body)* };
}

#[async_gen(yield = u32)]
async fn beside_nested_futures(values: Vec<u32>) {
    let double = |x: u32| x * 2;
    yield_!(double(1));
    let awaited = async { 5 }.await;
    yield_!(awaited);
    let (a, b) = futures::join!(async { 6 }, deferred!(7));
    yield_!(a);
    yield_!(b);
    let call = later!(8);
    yield_!(call());
    run! {
        let plus_one: Vec<u32> = values.iter().map(&|x: &u32| x + 1).collect();
        for value in plus_one {
            yield_!(value);
        }
        let nested = async move { 20 };
        yield_!(nested.await);
    }
    let constant = const { 21 };
    yield_!(constant);
}

#[test]
fn attribute_form_yields_beside_nested_futures_and_closures() {
    assert_eq!(collect(beside_nested_futures(vec![9, 10])), [2, 5, 6, 7, 8, 10, 11, 20, 21]);
}

#[test]
fn block_form_yields_beside_nested_futures_and_closures() {
    let values = [9_u32];
    let generator = async_gen_block! {
        let double = |x: u32| x * 2;
        yield double(1);
        yield deferred!(5).await;
        let (a, b) = futures::join!(async { 6 }, async { 7 });
        yield a + b;
        run! {
            let plus_one: Vec<u32> = values.iter().map(&|x: &u32| x + 1).collect();
            yield plus_one[0];
        }
    };
    assert_eq!(collect(generator), [2, 5, 13, 10]);
}

#[async_gen(yield = u32, resume = u32)]
async fn nested_yields() -> u32 {
    // Each yield evaluates to its resume value; the inner one runs first.
    yield_!(yield_!(1) + 1)
}

#[test]
fn a_yield_whose_value_is_a_yield() {
    block_on(async {
        let mut generator = pin!(nested_yields());
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Yielded(1));
        assert_eq!(generator.as_mut().resume(10).await, GeneratorState::Yielded(11));
        assert_eq!(generator.as_mut().resume(100).await, GeneratorState::Complete(100));
    });
}

#[test]
fn block_form_a_yield_whose_value_is_a_yield() {
    let generator = async_gen_block! {
        let resumed: u32 = yield (yield 1_u32) + 1;
        resumed
    };
    block_on(async {
        let mut generator = pin!(generator);
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Yielded(1));
        assert_eq!(generator.as_mut().resume(10).await, GeneratorState::Yielded(11));
        assert_eq!(generator.as_mut().resume(100).await, GeneratorState::Complete(100));
    });
}

#[async_gen(yield = Box<dyn Display>)]
async fn coerced() -> Result<(), core::num::ParseIntError> {
    // The declared yield type is the expected type: coercion and inference.
    yield_!(Box::new(5));
    yield_!(Box::new("text"));
    let parsed: Box<u8> = Box::new("7".parse()?);
    yield_!(parsed);
    Ok(())
}

#[test]
fn the_declared_yield_type_still_drives_coercion_and_inference() {
    let items: Vec<String> =
        collect(coerced()).into_iter().map(|item| item.unwrap().to_string()).collect();
    assert_eq!(items, ["5", "text", "7"]);
}

#[async_gen(yield = u32)]
async fn parses(words: Vec<&'static str>) -> Result<(), core::num::ParseIntError> {
    for word in words {
        yield_!(word.parse()?);
    }
    Ok(())
}

#[test]
fn the_declared_yield_type_infers_parse() {
    let items = collect(parses(vec!["1", "x"]));
    assert_eq!(items[0], Ok(1));
    assert!(items[1].is_err());
}

#[test]
fn an_endless_body_keeps_its_inferred_types() {
    // The label check's `break` must not leave the completion type open when
    // the body never completes.
    let endless = async_gen_block! {
        let mut n = 0_u32;
        loop {
            yield n;
            n += 1;
        }
    };
    assert_eq!(block_on(pin!(endless).take(3).collect::<Vec<_>>()), [0, 1, 2]);
}
