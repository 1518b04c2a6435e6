//! The size of a generator against the plain `async` block that does the
//! same work with `core::future::ready(x).await` in place of each yield. Each
//! test prints both figures.
//!
//! The generator may add its slot (`Option<Y>`) and a fixed `OVERHEAD`: the
//! body's handle (one pointer), the copy rustc keeps of the async closure's
//! argument (another), and the generator's state byte with its padding (a
//! word at most). The fixed part dominates only for tiny bodies (a 3-yield
//! `u32` generator: 40 bytes against 12).

use core::future::ready;
use core::mem::{size_of, size_of_val};
use core::pin::pin;

use asyncgen::{async_gen, async_gen_block};
use futures::StreamExt;
use futures::executor::block_on;
use futures::stream::Stream;

/// Prints the figures of one case; returns whether the generator is within
/// the bound.
fn report<Y>(case: &str, generator: usize, block: usize) -> bool {
    let slot = size_of::<Option<Y>>();
    let bound = block + slot + OVERHEAD;
    println!(
        "{case}: generator {generator} bytes, async block {block} bytes \
         (slot {slot} bytes, bound {bound} bytes)"
    );
    generator <= bound
}

/// Prints the figures and checks the bound.
fn compare<Y>(case: &str, generator: usize, block: usize) {
    assert!(
        report::<Y>(case, generator, block),
        "{case}: generator {generator} bytes > async block {block} bytes + slot + {OVERHEAD}"
    );
}

/// See the module docs.
const OVERHEAD: usize = 3 * size_of::<usize>();

#[async_gen(yield = u64)]
async fn count_to(limit: u64) {
    for i in 0..limit {
        yield_!(i);
    }
}

#[test]
fn a_counting_loop() {
    let limit = 10_u64;
    let generator = count_to(limit);
    let block = async move {
        for i in 0..limit {
            ready(i).await;
        }
    };
    compare::<u64>("counting loop", size_of_val(&generator), size_of_val(&block));
    // Both do the work they are measured for.
    assert_eq!(block_on(pin!(generator).collect::<Vec<_>>()), (0..10).collect::<Vec<_>>());
    block_on(block);
}

#[async_gen(yield = u32)]
async fn three() {
    yield_!(1);
    yield_!(2);
    yield_!(3);
}

#[test]
fn three_yields() {
    let attribute_form = three();
    let block_form = async_gen_block! {
        yield 1_u32;
        yield 2;
        yield 3;
    };
    let block = async {
        ready(1_u32).await;
        ready(2_u32).await;
        ready(3_u32).await;
    };
    let (sizes, block_size) =
        ([size_of_val(&attribute_form), size_of_val(&block_form)], size_of_val(&block));
    // Both figures are printed before either is checked.
    let within = [
        report::<u32>("three yields", sizes[0], block_size),
        report::<u32>("three yields, block form", sizes[1], block_size),
    ];
    assert_eq!(block_on(pin!(attribute_form).collect::<Vec<_>>()), [1, 2, 3]);
    assert_eq!(block_on(pin!(block_form).collect::<Vec<_>>()), [1, 2, 3]);
    block_on(block);
    assert_eq!(within, [true, true], "generators {sizes:?} bytes, async block {block_size} bytes");
}

#[async_gen(yield = String)]
async fn strings(words: &'static [&'static str]) {
    let mut joined = String::new();
    for word in words {
        joined.push_str(word);
        yield_!(joined.clone());
    }
}

#[test]
fn a_string_generator() {
    let words: &'static [&'static str] = &["a", "b"];
    let generator = strings(words);
    let block = async move {
        let mut joined = String::new();
        for word in words {
            joined.push_str(word);
            drop(ready(joined.clone()).await);
        }
    };
    compare::<String>("strings", size_of_val(&generator), size_of_val(&block));
    assert_eq!(block_on(pin!(generator).collect::<Vec<_>>()), ["a", "ab"]);
    block_on(block);
}

#[async_gen(yield = u64)]
async fn doubled(inner: impl Stream<Item = u64>) {
    #[for_await]
    for item in inner {
        yield_!(item * 2);
    }
}

#[test]
fn a_generator_consuming_another() {
    let generator = doubled(count_to(10));
    let inner = count_to(10);
    let block = async move {
        let mut inner = pin!(inner);
        while let Some(item) = inner.next().await {
            ready(item * 2).await;
        }
    };
    compare::<u64>("consuming a generator", size_of_val(&generator), size_of_val(&block));
    let items = block_on(pin!(generator).collect::<Vec<_>>());
    assert_eq!(items, (0..10).map(|i| i * 2).collect::<Vec<_>>());
    block_on(block);

    let generator = doubled(futures::stream::iter(0..10_u64));
    let inner = futures::stream::iter(0..10_u64);
    let block = async move {
        let mut inner = pin!(inner);
        while let Some(item) = inner.next().await {
            ready(item * 2).await;
        }
    };
    compare::<u64>("consuming a stream::iter", size_of_val(&generator), size_of_val(&block));
    let items = block_on(pin!(generator).collect::<Vec<_>>());
    assert_eq!(items, (0..10).map(|i| i * 2).collect::<Vec<_>>());
    block_on(block);
}
