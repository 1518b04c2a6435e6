//! A generator nested in a body owns its yields even under a name the
//! rewriter cannot recognise (`use asyncgen::async_gen_block as agb`, or a
//! renamed attribute): the outer generator marks each yield it takes from
//! another macro's input or a nested `fn`, and the nearest generator around
//! it takes it back. Where no generator is in between (a plain macro such
//! as `same!` below), the yield stays the outer one's.

#[path = "support/drive.rs"]
mod drive;

use core::pin::pin;

use asyncgen::async_gen as renamed_async_gen;
use asyncgen::async_gen_block as agb;
use asyncgen::sync_gen_block as sgb;
use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen, async_gen_block};
use asyncgen::{SyncGenerator, sync_gen};
use drive::items_and_completion;
use futures::StreamExt;
use futures::executor::block_on;

/// Expands to its input: a macro whose input the rewriter cannot parse.
macro_rules! same {
    ($($tokens:tt)*) => {
        $($tokens)*
    };
}

#[async_gen(yield = u32)]
async fn renamed_blocks_with_yield_macros() -> (Vec<u8>, Vec<u16>) {
    let inner = agb! { yield_!(10u8); yield_!(11u8); };
    let sync_inner = sgb! { yield_!(20u16); yield 21u16; };
    yield_!(100);
    (pin!(inner).collect().await, pin!(sync_inner).collect())
}

#[test]
fn renamed_block_macros_keep_their_yield_macros() {
    let (items, (inner, sync_inner)) = items_and_completion(renamed_blocks_with_yield_macros());
    assert_eq!(items, [100]);
    assert_eq!(inner, [10, 11]);
    assert_eq!(sync_inner, [20, 21]);
}

#[test]
fn a_renamed_block_inside_a_block_keeps_its_plain_yields() {
    let outer = async_gen_block! {
        let inner = agb! { yield 7u32; yield 8u32; };
        for await value in inner {
            yield value * 10;
        }
    };
    let items: Vec<u32> = block_on(pin!(outer).collect());
    assert_eq!(items, [70, 80]);
}

#[async_gen(yield = u32)]
async fn renamed_block_inside_a_plain_macro() -> Vec<u8> {
    let inner = same!(agb! { yield_!(1u8); same!(yield_!(2u8)); });
    same!(yield_!(100));
    pin!(inner).collect().await
}

#[test]
fn a_plain_macro_between_leaves_each_yield_to_the_nearest_generator() {
    assert_eq!(items_and_completion(renamed_block_inside_a_plain_macro()), (vec![100], vec![1, 2]));
}

#[async_gen(yield = u32)]
async fn renamed_attribute_inside() -> Vec<u8> {
    #[renamed_async_gen(yield = u8)]
    async fn inner() {
        yield_!(3);
        let four = 4;
        yield_!(four);
    }
    yield_!(100);
    pin!(inner()).collect().await
}

#[test]
fn a_nested_fn_under_a_renamed_attribute_keeps_its_yields() {
    assert_eq!(items_and_completion(renamed_attribute_inside()), (vec![100], vec![3, 4]));
}

#[sync_gen(yield = u32)]
fn sync_outer() -> Vec<u8> {
    let inner = sgb! { yield_!(1u8); yield 2u8; };
    same!(yield_!(100));
    pin!(inner).collect()
}

#[test]
fn a_sync_generator_leaves_a_renamed_block_its_yields() {
    let mut outer = pin!(sync_outer());
    assert_eq!(outer.as_mut().resume(()), GeneratorState::Yielded(100));
    assert_eq!(outer.as_mut().resume(()), GeneratorState::Complete(vec![1, 2]));
}

#[async_gen(yield = u32, resume = u32)]
async fn resumed_through_a_plain_macro() -> u32 {
    let first = same!(yield_!(1));
    let second = same!(yield_!(first + 1));
    first + second
}

#[test]
fn a_yield_in_a_plain_macro_still_takes_its_resume_value() {
    block_on(async {
        let mut generator = pin!(resumed_through_a_plain_macro());
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Yielded(1));
        assert_eq!(generator.as_mut().resume(10).await, GeneratorState::Yielded(11));
        assert_eq!(generator.as_mut().resume(20).await, GeneratorState::Complete(30));
    });
}

#[sync_gen(yield = u32)]
fn sync_outer_with_an_async_block_driving_a_stream() -> u8 {
    let inner = agb! {
        let mut total = 0u8;
        #[for_await]
        for x in futures::stream::iter([1u8, 2]) {
            total += x;
        }
        yield total;
    };
    yield_!(1);
    block_on(pin!(inner).collect::<Vec<u8>>())[0]
}

#[test]
fn a_renamed_async_block_in_a_sync_generator_keeps_its_for_await() {
    let mut outer = pin!(sync_outer_with_an_async_block_driving_a_stream());
    assert_eq!(outer.as_mut().resume(()), GeneratorState::Yielded(1));
    assert_eq!(outer.as_mut().resume(()), GeneratorState::Complete(3));
}

#[async_gen(yield = u32)]
async fn renamed_blocks_in_closures() -> (Vec<u8>, Vec<u8>) {
    let make = || agb! { yield_!(1u8); };
    let make_sync = move || sgb! { yield_!(2u8); };
    yield_!(100);
    (pin!(make()).collect().await, pin!(make_sync()).collect())
}

#[test]
fn a_renamed_block_in_a_closure_keeps_its_yields() {
    assert_eq!(items_and_completion(renamed_blocks_in_closures()), (vec![100], (vec![1], vec![2])));
    let outer = async_gen_block! {
        let inner = async { pin!(agb! { yield 3u8; }).collect::<Vec<u8>>().await };
        yield inner.await[0];
    };
    assert_eq!(block_on(pin!(outer).collect::<Vec<u8>>()), [3]);
}

#[async_gen(yield = u32)]
async fn renamed_attribute_with_a_plain_macro_inside() -> Vec<u8> {
    #[asyncgen::sync_gen(yield = u8)]
    fn sync_inner() {
        yield_!(6);
        same!(yield_!(7));
    }
    #[renamed_async_gen(yield = u8)]
    async fn async_inner() {
        same!(yield_!(8));
    }
    let mut all: Vec<u8> = pin!(sync_inner()).collect();
    all.extend(pin!(async_inner()).collect::<Vec<u8>>().await);
    yield_!(100);
    all
}

#[test]
fn a_renamed_attribute_takes_back_yields_in_its_macros_too() {
    assert_eq!(
        items_and_completion(renamed_attribute_with_a_plain_macro_inside()),
        (vec![100], vec![6, 7, 8])
    );
}

#[async_gen(yield = u32)]
async fn endless_renamed_blocks() -> (Vec<u8>, Vec<u8>) {
    let endless = agb! {
        let mut n = 0u8;
        loop {
            yield_!(n);
            n += 1;
        }
    };
    let endless_sync = sgb! {
        let mut n = 10u8;
        loop {
            yield n;
            n += 1;
        }
    };
    yield_!(100);
    (pin!(endless).take(2).collect().await, pin!(endless_sync).take(2).collect())
}

#[test]
fn an_endless_renamed_block_is_still_a_stream() {
    assert_eq!(
        items_and_completion(endless_renamed_blocks()),
        (vec![100], (vec![0, 1], vec![10, 11]))
    );
}

/// A user's macro that builds a generator around its input.
macro_rules! lazily {
    ($value:expr) => {
        asyncgen::async_gen_block! {
            let _ = $value;
        }
    };
}

#[async_gen(yield = u32)]
async fn through_a_user_macro_that_builds_a_generator() -> Vec<u32> {
    let built = lazily!(yield_!(1));
    yield_!(100);
    pin!(built).collect().await
}

#[test]
fn a_yield_belongs_to_the_generator_nearest_to_it_once_macros_are_expanded() {
    assert_eq!(
        items_and_completion(through_a_user_macro_that_builds_a_generator()),
        (vec![100], vec![1])
    );
}
