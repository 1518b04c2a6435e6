//! Integration tests of `#[for_await] for pat in stream { ... }` and the block
//! form's `for await pat in stream { ... }`: plain streams, other generators,
//! `continue`/`break`, labels, patterns and chains of generators.

use std::pin::pin;
use std::task::Poll;

use asyncgen::{async_gen, async_gen_block};
use futures::executor::block_on;
use futures::{Stream, StreamExt};

/// Collects every item of a generator (or any stream) into a `Vec`.
fn collect<S: Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

/// A stream of `0..limit` that returns `Pending` (waking itself) before each item.
fn slow_range(limit: u32) -> impl Stream<Item = u32> {
    let (mut next, mut ready) = (0, false);
    futures::stream::poll_fn(move |cx| {
        if next == limit {
            return Poll::Ready(None);
        }
        if !ready {
            ready = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        ready = false;
        next += 1;
        Poll::Ready(Some(next - 1))
    })
}

// ---------------------------------------------------------------------------
// Over plain streams

#[async_gen(yield = u32)]
async fn doubled_iter(values: Vec<u32>) {
    #[for_await]
    for value in futures::stream::iter(values) {
        yield_!(value * 2);
    }
}

#[test]
fn attribute_form_over_stream_iter() {
    assert_eq!(collect(doubled_iter(vec![1, 2, 3])), vec![2, 4, 6]);
    assert_eq!(collect(doubled_iter(Vec::new())), Vec::<u32>::new());
}

#[test]
fn block_form_over_stream_iter() {
    let g = async_gen_block! {
        for await word in futures::stream::iter(["a", "bb", "ccc"]) {
            yield word.len();
        }
    };
    assert_eq!(collect(g), vec![1, 2, 3]);
}

#[test]
fn over_a_stream_that_is_pending_between_items() {
    let g = async_gen_block! {
        for await x in slow_range(4) {
            yield x;
        }
    };
    assert_eq!(collect(g), vec![0, 1, 2, 3]);
}

#[test]
fn over_a_not_unpin_stream() {
    // `then` with an `async` block makes a `!Unpin` stream: `#[for_await]` pins it.
    let g = async_gen_block! {
        let stream = futures::stream::iter(1..=3).then(|x| async move { x * 100 });
        for await x in stream {
            yield x;
        }
    };
    assert_eq!(collect(g), vec![100, 200, 300]);
}

#[test]
fn over_a_channel_fed_from_the_same_task() {
    block_on(async {
        let (mut tx, rx) = futures::channel::mpsc::channel::<u8>(0);
        let g = async_gen_block! {
            for await x in rx {
                yield x + 1;
            }
        };
        let producer = async move {
            for i in 0..4 {
                futures::SinkExt::send(&mut tx, i).await.unwrap();
            }
        };
        let g = pin!(g);
        let ((), items) = futures::join!(producer, g.collect::<Vec<_>>());
        assert_eq!(items, vec![1, 2, 3, 4]);
    });
}

#[async_gen(yield = String)]
async fn sums_of_nested(rows: Vec<Vec<u32>>) {
    #[for_await]
    for row in futures::stream::iter(rows) {
        let mut total = 0;
        #[for_await]
        for cell in futures::stream::iter(row) {
            total += cell;
            yield_!(format!("cell {cell}"));
        }
        yield_!(format!("total {total}"));
    }
}

#[test]
fn nested_for_await_loops() {
    assert_eq!(
        collect(sums_of_nested(vec![vec![1, 2], vec![], vec![5]])),
        vec!["cell 1", "cell 2", "total 3", "total 0", "cell 5", "total 5"]
    );
}

#[test]
fn by_mutable_reference_then_resumed() {
    let g = async_gen_block! {
        let mut source = futures::stream::iter(0..6);
        for await x in &mut source {
            if x == 2 {
                break;
            }
            yield ('a', x);
        }
        // The stream was borrowed: the rest of it is still there.
        for await x in source {
            yield ('b', x);
        }
    };
    assert_eq!(collect(g), vec![('a', 0), ('a', 1), ('b', 3), ('b', 4), ('b', 5)]);
}

#[test]
fn for_await_inside_a_nested_async_block_in_the_body() {
    let g = async_gen_block! {
        // Not a yield: the nested `async` block only drives a stream.
        let sum = async {
            let mut sum = 0;
            #[for_await]
            for x in futures::stream::iter([1, 2, 3]) {
                sum += x;
            }
            sum
        }
        .await;
        yield sum;
    };
    assert_eq!(collect(g), vec![6]);
}

// ---------------------------------------------------------------------------
// Over other generators

#[async_gen(yield = u32)]
async fn naturals(limit: u32) {
    for i in 1..=limit {
        yield_!(i);
    }
}

#[async_gen(yield = u32)]
async fn squares_of_naturals(limit: u32) {
    #[for_await]
    for n in naturals(limit) {
        yield_!(n * n);
    }
}

#[test]
fn attribute_form_over_attribute_form_generator() {
    assert_eq!(collect(squares_of_naturals(4)), vec![1, 4, 9, 16]);
}

#[test]
fn block_form_over_attribute_form_generator() {
    let g = async_gen_block! {
        for await n in naturals(3) {
            yield n + 10;
        }
    };
    assert_eq!(collect(g), vec![11, 12, 13]);
}

#[async_gen(yield = String)]
async fn from_block_generator(prefix: &str) {
    let inner = async_gen_block! {
        yield 'x';
        yield 'y';
    };
    #[for_await]
    for c in inner {
        yield_!(format!("{prefix}{c}"));
    }
}

#[test]
fn attribute_form_over_block_form_generator() {
    assert_eq!(collect(from_block_generator("-")), vec!["-x", "-y"]);
}

#[test]
fn block_form_over_block_form_generator() {
    let inner = async_gen_block! {
        for i in 0..3_i64 {
            yield i;
        }
    };
    let g = async_gen_block! {
        for await i in inner {
            yield -i;
        }
    };
    assert_eq!(collect(g), vec![0, -1, -2]);
}

#[async_gen(yield = &'a str)]
async fn words<'a>(text: &'a str) {
    for word in text.split(',') {
        yield_!(word);
    }
}

#[async_gen(yield = &'a str)]
async fn non_empty_words<'a>(text: &'a str) {
    #[for_await]
    for word in words(text) {
        if !word.is_empty() {
            yield_!(word);
        }
    }
}

#[test]
fn over_a_generator_of_borrowed_items() {
    let text = String::from("a,,b,c,");
    assert_eq!(collect(non_empty_words(&text)), vec!["a", "b", "c"]);
}

#[async_gen(yield = u32)]
async fn parse_numbers(text: &str) -> Result<(), std::num::ParseIntError> {
    #[for_await]
    for word in words(text) {
        yield_!(word.parse()?);
    }
    Ok(())
}

#[async_gen(yield = u32)]
async fn total_of_numbers(text: &str) -> Result<(), std::num::ParseIntError> {
    let mut total = 0;
    #[for_await]
    for number in parse_numbers(text) {
        total += number?;
        yield_!(total);
    }
    Ok(())
}

#[test]
fn over_a_try_generator_with_question_mark() {
    assert_eq!(collect(total_of_numbers("1,2,3")), vec![Ok(1), Ok(3), Ok(6)]);
    assert_eq!(
        collect(total_of_numbers("1,x,3")),
        vec![Ok(1), Err("x".parse::<u32>().unwrap_err())]
    );
}

// ---------------------------------------------------------------------------
// `continue`, `break`, labels

#[async_gen(yield = u32)]
async fn odd_until(stream: impl Stream<Item = u32>, stop: u32) {
    #[for_await]
    for x in stream {
        if x % 2 == 0 {
            continue;
        }
        if x >= stop {
            break;
        }
        yield_!(x);
    }
    yield_!(1000);
}

#[test]
fn continue_and_break() {
    assert_eq!(collect(odd_until(futures::stream::iter(1..20), 9)), vec![1, 3, 5, 7, 1000]);
    assert_eq!(collect(odd_until(naturals(6), 100)), vec![1, 3, 5, 1000]);
}

#[test]
fn break_stops_polling_the_stream() {
    let polled = std::cell::Cell::new(0);
    let source = futures::stream::iter(0..10).inspect(|_| polled.set(polled.get() + 1));
    let g = async_gen_block! {
        for await x in source {
            if x == 2 {
                break;
            }
            yield x;
        }
    };
    assert_eq!(collect(g), vec![0, 1]);
    assert_eq!(polled.get(), 3);
}

#[test]
fn inner_plain_break_leaves_only_the_inner_loop() {
    let g = async_gen_block! {
        for await x in futures::stream::iter([1, 2]) {
            for y in 0.. {
                if y == 2 {
                    break;
                }
                yield (x, y);
            }
            yield (x, 9);
        }
    };
    assert_eq!(collect(g), vec![(1, 0), (1, 1), (1, 9), (2, 0), (2, 1), (2, 9)]);
}

#[async_gen(yield = (u32, u32))]
async fn labelled_break_of_outer_loop() {
    'outer: for round in 0..10 {
        #[for_await]
        for x in futures::stream::iter(0..10) {
            if x == 2 {
                continue 'outer;
            }
            if round == 2 {
                break 'outer;
            }
            yield_!((round, x));
        }
    }
    yield_!((99, 99));
}

#[test]
fn labelled_break_and_continue_of_an_outer_plain_loop() {
    assert_eq!(
        collect(labelled_break_of_outer_loop()),
        vec![(0, 0), (0, 1), (1, 0), (1, 1), (99, 99)]
    );
}

#[async_gen(yield = (u32, u32))]
async fn labelled_for_await_loops() {
    #[for_await]
    'rows: for row in naturals(4) {
        #[for_await]
        'cells: for cell in naturals(4) {
            if cell > row {
                continue 'rows;
            }
            if row == 3 {
                break 'rows;
            }
            if cell == 2 {
                break 'cells;
            }
            yield_!((row, cell));
        }
        yield_!((row, 0));
    }
}

#[test]
fn labelled_break_and_continue_of_outer_for_await() {
    assert_eq!(collect(labelled_for_await_loops()), vec![(1, 1), (2, 1), (2, 0)]);
}

#[test]
fn block_form_labelled_break_of_outer_plain_loop() {
    let g = async_gen_block! {
        let mut rounds = 0;
        'outer: loop {
            rounds += 1;
            for await x in futures::stream::iter([10, 20, 30]) {
                if rounds == 3 {
                    break 'outer;
                }
                if x == 20 {
                    continue 'outer;
                }
                yield (rounds, x);
            }
        }
        yield (rounds, 0);
    };
    assert_eq!(collect(g), vec![(1, 10), (2, 10), (3, 0)]);
}

#[test]
fn block_form_for_await_attribute_before_label() {
    // The workaround for the labelled `for await` below: the attribute spelling.
    let g = async_gen_block! {
        #[for_await]
        'outer: for x in futures::stream::iter([1, 2, 3]) {
            for await y in futures::stream::iter([1, 2]) {
                if x == 3 {
                    break 'outer;
                }
                yield x * 10 + y;
            }
        }
    };
    assert_eq!(collect(g), vec![11, 12, 21, 22]);
}

#[test]
fn user_names_do_not_clash_with_the_expansion() {
    let g = async_gen_block! {
        let __stream = 1000;
        let __item = 100;
        '__for_await: loop {
            for await x in futures::stream::iter([1, 2, 3]) {
                if x == 3 {
                    break '__for_await;
                }
                yield x + __stream + __item;
            }
        }
    };
    assert_eq!(collect(g), vec![1101, 1102]);
}

// ---------------------------------------------------------------------------
// Patterns

#[async_gen(yield = String)]
async fn tuple_patterns(pairs: Vec<(u8, (char, bool))>) {
    #[for_await]
    for (n, (c, keep)) in futures::stream::iter(pairs) {
        if keep {
            yield_!(format!("{n}{c}"));
        }
    }
}

#[test]
fn tuple_destructuring() {
    assert_eq!(
        collect(tuple_patterns(vec![(1, ('a', true)), (2, ('b', false)), (3, ('c', true))])),
        vec!["1a", "3c"]
    );
}

struct Pair {
    key: &'static str,
    value: i32,
}

#[test]
fn struct_mut_ref_and_wildcard_patterns() {
    let g = async_gen_block! {
        for await Pair { key, value } in futures::stream::iter([Pair { key: "k", value: 1 }]) {
            yield format!("{key}={value}");
        }
        for await mut x in futures::stream::iter([1, 2]) {
            x *= 7;
            yield x.to_string();
        }
        for await &x in futures::stream::iter([&5, &6]) {
            yield (x + 1).to_string();
        }
        for await () in futures::stream::iter([(), ()]) {
            yield "unit".to_owned();
        }
        for await [first, .., last] in futures::stream::iter([[1, 2, 3]]) {
            yield format!("{first}..{last}");
        }
    };
    assert_eq!(collect(g), vec!["k=1", "7", "14", "6", "7", "unit", "unit", "1..3"]);
}

#[async_gen(yield = (usize, u32))]
async fn enumerate_generator() {
    #[for_await]
    for (index, (a, b)) in naturals(3).zip(naturals(3).skip(1)).enumerate() {
        yield_!((index, a * b));
    }
}

#[test]
fn patterns_over_combinator_streams_of_generators() {
    assert_eq!(collect(enumerate_generator()), vec![(0, 2), (1, 6)]);
}

// ---------------------------------------------------------------------------
// Chains: a generator consuming a generator consuming a generator

#[async_gen(yield = u64)]
async fn source(limit: u64) {
    for i in 0..limit {
        yield_!(i);
    }
}

#[async_gen(yield = u64)]
async fn evens_of(limit: u64) {
    #[for_await]
    for x in source(limit) {
        if x % 2 == 0 {
            yield_!(x);
        }
    }
}

#[async_gen(yield = String)]
async fn labels_of_evens(limit: u64) {
    let mut count = 0;
    #[for_await]
    for x in evens_of(limit) {
        count += 1;
        yield_!(format!("#{count}: {x}"));
    }
    yield_!(format!("{count} evens"));
}

#[test]
fn three_generators_deep_attribute_form() {
    assert_eq!(collect(labels_of_evens(5)), vec!["#1: 0", "#2: 2", "#3: 4", "3 evens"]);
}

#[test]
fn three_generators_deep_mixed_forms() {
    let bottom = async_gen_block! {
        for await x in slow_range(5) {
            yield u64::from(x);
        }
    };
    let middle = async_gen_block! {
        for await x in bottom {
            yield x * 3;
        }
    };
    let top = async_gen_block! {
        #[for_await]
        for x in middle {
            for await y in evens_of(x) {
                yield (x, y);
            }
        }
    };
    assert_eq!(
        collect(top),
        vec![
            (3, 0),
            (3, 2),
            (6, 0),
            (6, 2),
            (6, 4),
            (9, 0),
            (9, 2),
            (9, 4),
            (9, 6),
            (9, 8),
            (12, 0),
            (12, 2),
            (12, 4),
            (12, 6),
            (12, 8),
            (12, 10),
        ]
    );
}

#[test]
fn chain_consumed_one_item_at_a_time() {
    block_on(async {
        let mut top = pin!(labels_of_evens(3));
        assert_eq!(top.next().await.as_deref(), Some("#1: 0"));
        assert_eq!(top.next().await.as_deref(), Some("#2: 2"));
        assert_eq!(top.next().await.as_deref(), Some("2 evens"));
        assert_eq!(top.next().await, None);
        assert_eq!(top.next().await, None);
    });
}

#[test]
fn deep_chain_of_generators() {
    // Ten block generators, each adding one to the items of the previous.
    fn stage(
        input: std::pin::Pin<Box<dyn Stream<Item = u32>>>,
    ) -> std::pin::Pin<Box<dyn Stream<Item = u32>>> {
        Box::pin(async_gen_block! {
            for await x in input {
                yield x + 1;
            }
        })
    }
    let mut stream: std::pin::Pin<Box<dyn Stream<Item = u32>>> = Box::pin(naturals(3));
    for _ in 0..10 {
        stream = stage(stream);
    }
    assert_eq!(collect(stream), vec![11, 12, 13]);
}

// ---------------------------------------------------------------------------
// Known bugs that show at compile time. Each test builds and runs a small
// crate that depends on this package: a runtime `#[test]` cannot contain code
// that fails to compile, or check the compiler's warnings on itself.

#[async_gen(yield = u32)]
async fn products() {
    #[for_await]
    for a in futures::stream::iter([1, 2]) {
        #[for_await]
        for b in futures::stream::iter([10, 20]) {
            yield_!(a * b);
        }
    }
}

/// Nested loops without labels: no generated label shadows another (that
/// would be a warning, which the lint test crate would turn into an error).
#[test]
fn nested_unlabelled_for_await_loops() {
    let items: Vec<u32> = block_on(pin!(products()).collect());
    assert_eq!(items, [10, 20, 20, 40]);
    let sums = async_gen_block! {
        for await a in futures::stream::iter([1, 2]) {
            for await b in futures::stream::iter([3, 4]) {
                yield a + b;
            }
        }
    };
    let items: Vec<i32> = block_on(pin!(sums).collect());
    assert_eq!(items, [4, 5, 5, 6]);
}

#[test]
fn block_form_labelled_for_await() {
    let pairs = async_gen_block! {
        'outer: for await x in futures::stream::iter([1, 2, 3]) {
            for y in 0..10 {
                if x == 2 {
                    continue 'outer;
                }
                if x == 3 {
                    break 'outer;
                }
                yield (x, y);
                if y == 1 {
                    break;
                }
            }
        }
    };
    let items: Vec<(i32, i32)> = block_on(pin!(pairs).collect());
    assert_eq!(items, [(1, 0), (1, 1)]);
}

/// Evaluates to its input: a macro whose input the rewriter reads as tokens.
macro_rules! same {
    ($($tokens:tt)*) => {
        $($tokens)*
    };
}

#[async_gen(yield = u32)]
async fn for_await_in_macro_input() {
    let mut first = pin!(futures::stream::iter([1u32]).fuse());
    futures::select! {
        x = first.next() => {
            yield_!(x.unwrap_or_default());
            #[for_await]
            for y in futures::stream::iter([2u32, 3]) {
                yield_!(y);
            }
        }
    }
    same! {
        #[for_await]
        'outer: for z in futures::stream::iter([4u32, 5, 6]) {
            if z == 6 {
                break 'outer;
            }
            yield_!(z);
        }
    }
}

#[test]
fn for_await_inside_another_macro_s_input() {
    assert_eq!(collect(for_await_in_macro_input()), [1, 2, 3, 4, 5]);
    let block = async_gen_block! {
        let mut first = pin!(futures::stream::iter([1u32]).fuse());
        futures::select! {
            x = first.next() => {
                yield x.unwrap_or_default();
                for await y in futures::stream::iter([2u32, 3]) {
                    yield y;
                }
            }
        }
    };
    assert_eq!(collect(block), [1, 2, 3]);
}
