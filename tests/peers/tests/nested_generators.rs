//! A generator nested in a body owns its yields, whatever it is called: a
//! nested `#[async_gen]` item, `async_gen_block!` (also imported under
//! another name), async-stream's `stream!` / `try_stream!`, also inside the
//! arms of `tokio::select!` (issue 10, defect 3). And macros whose input is
//! not code (`stringify!`) keep their input as written.

#[path = "../../support/drive.rs"]
mod drive;

use core::pin::pin;

use asyncgen::async_gen_block as agb;
use asyncgen::{async_gen, async_gen_block};
use drive::items_and_completion;
use futures::StreamExt;
use futures::executor::block_on;

fn collect<S: futures::Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

#[async_gen(yield = u32)]
async fn counts_an_async_stream() -> usize {
    let inner = async_stream::stream! { yield 1u32; yield 2u32; };
    yield_!(100);
    pin!(inner).count().await
}

#[test]
fn async_stream_stream_keeps_its_yields() {
    assert_eq!(items_and_completion(counts_an_async_stream()), (vec![100], 2));
}

#[async_gen(yield = u32)]
async fn collects_an_async_try_stream() -> Vec<Result<u32, String>> {
    let inner = async_stream::try_stream! {
        yield 1u32;
        Err("stop".to_string())?;
        yield 2u32;
    };
    yield_!(100);
    pin!(inner).collect().await
}

#[test]
fn async_stream_try_stream_keeps_its_yields() {
    let (items, done) = items_and_completion(collects_an_async_try_stream());
    assert_eq!(items, [100]);
    assert_eq!(done, [Ok(1), Err("stop".to_string())]);
}

#[async_gen(yield = u32)]
async fn collects_an_aliased_block() -> Vec<u32> {
    let inner = agb! { yield 7u32; yield 8u32; };
    yield_!(100);
    pin!(inner).collect().await
}

#[test]
fn aliased_block_macro_keeps_its_yields() {
    assert_eq!(items_and_completion(collects_an_aliased_block()), (vec![100], vec![7, 8]));
}

#[async_gen(yield = u32)]
async fn collects_a_nested_block() -> Vec<u32> {
    let inner = async_gen_block! {
        yield 7u32;
        yield_!(8u32);
        let deeper = async_gen_block! { yield 9u32; };
        for await value in deeper {
            yield value;
        }
    };
    yield_!(100);
    pin!(inner).collect().await
}

#[test]
fn nested_async_gen_block_keeps_its_yields() {
    assert_eq!(items_and_completion(collects_a_nested_block()), (vec![100], vec![7, 8, 9]));
}

#[async_gen(yield = u32)]
async fn uses_a_nested_item() -> Vec<u32> {
    #[async_gen(yield = u32)]
    async fn inner() {
        yield_!(5);
        yield_!(6);
    }
    yield_!(100);
    pin!(inner()).collect().await
}

#[test]
fn nested_async_gen_item_keeps_its_yields() {
    assert_eq!(items_and_completion(uses_a_nested_item()), (vec![100], vec![5, 6]));
}

#[test]
fn block_form_nested_generators_keep_their_yields() {
    let outer = async_gen_block! {
        yield (0, 0u32);
        let streamed: Vec<u32> = pin!(async_stream::stream! { yield 1u32; }).collect().await;
        let tried: Vec<Result<u32, ()>> =
            pin!(async_stream::try_stream! { yield 2u32; }).collect().await;
        let blocked: Vec<u32> = pin!(async_gen_block! { yield 3u32; }).collect().await;
        yield (1, streamed[0]);
        yield (2, tried[0].unwrap());
        yield (3, blocked[0]);
    };
    assert_eq!(collect(outer), [(0, 0), (1, 1), (2, 2), (3, 3)]);
}

#[async_gen(yield = String)]
async fn nested_generators_in_select_arms(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        tokio::select! {
            Some(v) = rx.recv() => {
                let streamed: Vec<u32> =
                    pin!(async_stream::stream! { yield v; yield v + 1; }).collect().await;
                let aliased: Vec<u32> = pin!(agb! { yield v * 10; }).collect().await;
                let blocked: Vec<u32> = pin!(async_gen_block! { yield_!(v * 100); }).collect().await;
                #[async_gen(yield = u32)]
                async fn item(v: u32) { yield_!(v * 1000); }
                let itemised: Vec<u32> = pin!(item(v)).collect().await;
                yield_!(format!("{streamed:?} {aliased:?} {blocked:?} {itemised:?}"));
            }
            else => break,
        }
    }
}

#[tokio::test]
async fn nested_generators_inside_tokio_select_arms() {
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tx.send(1).await.unwrap();
    tx.send(2).await.unwrap();
    drop(tx);
    let items: Vec<String> = pin!(nested_generators_in_select_arms(rx)).collect().await;
    assert_eq!(items, ["[1, 2] [10] [100] [1000]", "[2, 3] [20] [200] [2000]"]);
}

#[tokio::test]
async fn block_form_nested_generators_inside_tokio_select_arms() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(4);
    tx.send(1).await.unwrap();
    drop(tx);
    let outer = async_gen_block! {
        loop {
            tokio::select! {
                Some(v) = rx.recv() => {
                    let streamed: Vec<u32> =
                        pin!(async_stream::stream! { yield v + 1; }).collect().await;
                    let blocked: Vec<u32> = pin!(async_gen_block! { yield v + 2; }).collect().await;
                    yield v;
                    yield streamed[0];
                    yield blocked[0];
                }
                else => break,
            }
        }
    };
    let items: Vec<u32> = pin!(outer).collect().await;
    assert_eq!(items, [1, 2, 3]);
}

#[async_gen(yield = &'static str)]
async fn prints_its_yield() {
    yield_!(stringify!(yield_!(1)));
    yield_!(concat!("a", stringify!(yield 2)));
}

#[test]
fn stringify_keeps_its_input() {
    assert_eq!(collect(prints_its_yield()), ["yield_!(1)", "ayield 2"]);
    let block = async_gen_block! {
        yield stringify!(yield_!(3));
        yield stringify!(yield 4);
    };
    // The tokens are the user's; only their spacing differs, as tokens that
    // pass through a `macro_rules!` and a proc macro print as `yield_! (3)`.
    let printed: Vec<String> = collect(block).iter().map(|s| s.replace(' ', "")).collect();
    assert_eq!(printed, ["yield_!(3)", "yield4"]);
}

#[async_gen(yield = u32)]
async fn uses_a_nested_impl() -> Vec<u32> {
    struct Source(u32);
    impl Source {
        #[async_gen(yield = u32)]
        async fn items(&self) {
            yield_!(self.0);
            yield_!(self.0 + 1);
        }

        fn plain(&self) -> u32 {
            self.0 * 2
        }
    }
    let source = Source(3);
    yield_!(source.plain());
    pin!(source.items()).collect().await
}

#[test]
fn nested_impl_generator_method_keeps_its_yields() {
    assert_eq!(items_and_completion(uses_a_nested_impl()), (vec![6], vec![3, 4]));
}

#[test]
fn nested_generators_in_a_block_keep_their_for_await() {
    let outer = async_gen_block! {
        let inner = async_stream::stream! {
            for await x in futures::stream::iter([1u32, 2]) {
                yield x * 10;
            }
        };
        let own = async_gen_block! {
            for await x in futures::stream::iter([3u32]) {
                yield x * 10;
            }
        };
        for await y in inner.chain(own) {
            yield y + 1;
        }
    };
    assert_eq!(collect(outer), [11, 21, 31]);
}
