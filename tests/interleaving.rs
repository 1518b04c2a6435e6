//! A yielded value reaches its own generator's consumer and no other: many
//! generators polled round-robin in one task, generators polled inside other
//! generators' bodies, and nested generators of different item types.

mod support;

use core::pin::{Pin, pin};
use core::task::{Context, Poll};

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen, async_gen_block};
use futures::executor::block_on;
use futures::stream::{FusedStream, Stream, StreamExt};
use futures::task::noop_waker_ref;
use support::PendingOnce;

/// How many generators run side by side (fewer under Miri, which is slow).
const GENERATORS: u64 = if cfg!(miri) { 200 } else { 10_000 };
/// How many items each of them yields.
const ITEMS: u64 = 5;

/// Polls a stream once with a no-op waker.
fn poll_once<S: Stream + ?Sized>(stream: Pin<&mut S>) -> Poll<Option<S::Item>> {
    stream.poll_next(&mut Context::from_waker(noop_waker_ref()))
}

/// Collects a generator's items.
fn collect<S: Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

/// Whether generator `index` waits at an ordinary await before its item `step`.
const fn waits_before(index: u64, step: u64) -> bool {
    (index + step) % 3 == 0
}

/// Yields `index * 1000 + 0..ITEMS`, waiting at an ordinary await before
/// some of them, so that the generators' states drift apart.
#[async_gen(yield = u64)]
async fn sequence(index: u64) {
    for step in 0..ITEMS {
        if waits_before(index, step) {
            PendingOnce::default().await;
        }
        yield_!(index * 1_000 + step);
    }
}

#[test]
fn many_generators_polled_round_robin_keep_their_own_items() {
    let mut generators: Vec<Pin<Box<_>>> = (0..GENERATORS).map(|i| Box::pin(sequence(i))).collect();
    let mut next_step = vec![0; generators.len()];
    let (mut items, mut pendings, mut finished, mut rounds) = (0, 0, 0, 0);
    while finished < GENERATORS {
        rounds += 1;
        for (index, generator) in (0..).zip(generators.iter_mut()) {
            if generator.is_terminated() {
                continue;
            }
            let step = &mut next_step[usize::try_from(index).expect("fits")];
            match poll_once(generator.as_mut()) {
                Poll::Ready(Some(item)) => {
                    assert_eq!(item, index * 1_000 + *step, "generator {index}");
                    *step += 1;
                    items += 1;
                }
                Poll::Ready(None) => {
                    assert_eq!(*step, ITEMS, "generator {index} ended early");
                    finished += 1;
                }
                Poll::Pending => pendings += 1,
            }
        }
    }
    let expected_pendings = (0..GENERATORS)
        .flat_map(|index| (0..ITEMS).filter(move |&step| waits_before(index, step)))
        .count();
    assert_eq!(items, GENERATORS * ITEMS);
    assert_eq!(pendings, expected_pendings);
    // Each generator took its items, its waits and one final poll; the one
    // that waits most sets the number of rounds.
    let most_waits = (0..3)
        .map(|index| (0..ITEMS).filter(|&step| waits_before(index, step)).count())
        .max()
        .expect("three generators");
    assert_eq!(rounds, ITEMS + u64::try_from(most_waits).expect("fits") + 1);
}

#[test]
fn many_generators_merged_by_select_all_keep_their_order() {
    let merged = futures::stream::select_all((0..GENERATORS).map(|i| Box::pin(sequence(i))));
    let mut next_step = vec![0; usize::try_from(GENERATORS).expect("fits")];
    let mut total = 0;
    block_on(async {
        let mut merged = pin!(merged);
        while let Some(item) = merged.next().await {
            let (index, step) = (item / 1_000, item % 1_000);
            let expected = &mut next_step[usize::try_from(index).expect("fits")];
            assert_eq!(step, *expected, "generator {index} out of order");
            *expected += 1;
            total += 1;
        }
    });
    assert_eq!(total, GENERATORS * ITEMS);
    assert!(next_step.iter().all(|&step| step == ITEMS));
}

/// The items of one generator, tagged with who yielded them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tagged {
    /// Yielded by the outer generator's own `yield`.
    Outer(u64),
    /// An item of an inner generator, re-yielded by the outer one.
    Inner(u64),
}

/// Yields `base..base + count`, waiting before each item.
#[async_gen(yield = u64)]
async fn inner(base: u64, count: u64) {
    for value in base..base + count {
        PendingOnce::default().await;
        yield_!(value);
    }
}

/// Drives an inner generator with `#[for_await]`, then another one with
/// manual `next().await`, interleaving its own yields with theirs.
#[async_gen(yield = Tagged)]
async fn outer() {
    yield_!(Tagged::Outer(0));
    #[for_await]
    for value in inner(100, 3) {
        yield_!(Tagged::Inner(value));
        yield_!(Tagged::Outer(value + 1));
    }
    let mut manual = pin!(inner(200, 3));
    let mut count = 0;
    while let Some(value) = manual.next().await {
        count += 1;
        yield_!(Tagged::Outer(count));
        yield_!(Tagged::Inner(value));
    }
    yield_!(Tagged::Outer(u64::from(manual.is_terminated())));
}

#[test]
fn a_generator_polled_inside_another_ones_body_keeps_its_items() {
    use Tagged::{Inner, Outer};
    let expected = [
        Outer(0),
        Inner(100),
        Outer(101),
        Inner(101),
        Outer(102),
        Inner(102),
        Outer(103),
        Outer(1),
        Inner(200),
        Outer(2),
        Inner(201),
        Outer(3),
        Inner(202),
        Outer(1),
    ];
    assert_eq!(collect(outer()), expected);
}

/// The same with one item type for both: a crossed value would show up as
/// an untransformed inner value (below 1000) in the outer stream.
#[async_gen(yield = u64)]
async fn outer_same_type() {
    yield_!(1_000);
    let mut first = pin!(inner(10, 3));
    let mut second = pin!(inner(20, 3));
    // Alternate between two inner generators, both suspended at once.
    loop {
        let (a, b) = futures::join!(first.next(), second.next());
        match (a, b) {
            (Some(a), Some(b)) => {
                yield_!(a * 1_000);
                yield_!(b * 1_000);
            }
            (None, None) => break,
            other => panic!("the inner generators got out of step: {other:?}"),
        }
    }
    #[for_await]
    for value in inner(30, 2) {
        yield_!(value * 1_000);
    }
    yield_!(2_000);
}

#[test]
fn inner_generators_of_the_same_item_type_never_reach_the_outer_slot() {
    let expected = [1_000, 10_000, 20_000, 11_000, 21_000, 12_000, 22_000, 30_000, 31_000, 2_000];
    assert_eq!(collect(outer_same_type()), expected);
}

#[test]
fn a_generator_created_outside_is_driven_partly_inside_another_body() {
    let mut shared = pin!(inner(500, 5));
    {
        let mut lent = shared.as_mut();
        let borrower = async_gen_block! {
            // Takes two items of the shared generator, then stops.
            for _ in 0..2 {
                let value = lent.next().await.expect("the shared generator has items");
                yield value + 1;
            }
        };
        assert_eq!(collect(borrower), [501, 502]);
    }
    // The rest of the shared generator is still where it was.
    assert_eq!(block_on(shared.as_mut().collect::<Vec<_>>()), [502, 503, 504]);
    assert!(shared.is_terminated());
}

/// Three levels: each level tags the items of the one below it.
#[async_gen(yield = u64)]
async fn level(depth: u32) {
    if depth == 0 {
        for value in 1..=3 {
            yield_!(value);
        }
        return;
    }
    yield_!(u64::from(depth) * 100);
    #[for_await]
    for value in Box::pin(level(depth - 1)) {
        yield_!(value * 10 + u64::from(depth));
    }
}

#[test]
fn nested_three_levels_deep() {
    // level 0: 1 2 3
    // level 1: 100, 11 21 31
    // level 2: 200, 1002, 112 212 312
    // level 3: 300, 2003, 10023, 1123 2123 3123
    assert_eq!(collect(level(3)), [300, 2_003, 10_023, 1_123, 2_123, 3_123]);
}

/// Two-way: the outer generator passes each resume value it receives, plus
/// one, on to the inner generator, which yields it back doubled.
#[async_gen(yield = u64, resume = u64)]
async fn echo_doubled() -> u64 {
    let mut sum = 0;
    loop {
        let value = yield_!(sum * 2);
        if value == 0 {
            return sum;
        }
        sum = value;
    }
}

#[async_gen(yield = (char, u64), resume = u64)]
async fn relays() -> (u64, u64) {
    let mut inner = pin!(echo_doubled());
    let GeneratorState::Yielded(start) = inner.as_mut().resume(0).await else {
        unreachable!("the inner generator yields first");
    };
    let mut received = yield_!(('i', start));
    loop {
        yield_!(('o', received));
        match inner.as_mut().resume(received + 1).await {
            GeneratorState::Yielded(doubled) => received = yield_!(('i', doubled)),
            GeneratorState::Complete(_) => unreachable!("the inner generator is only ended by 0"),
        }
        if received == 0 {
            let GeneratorState::Complete(last) = inner.as_mut().resume(0).await else {
                unreachable!("0 ends the inner generator");
            };
            return (received, last);
        }
    }
}

#[test]
fn resume_values_reach_the_right_generator_when_nested() {
    block_on(async {
        let mut relays = pin!(relays());
        assert_eq!(relays.as_mut().resume(999).await, GeneratorState::Yielded(('i', 0)));
        assert_eq!(relays.as_mut().resume(5).await, GeneratorState::Yielded(('o', 5)));
        assert_eq!(relays.as_mut().resume(777).await, GeneratorState::Yielded(('i', 12)));
        assert_eq!(relays.as_mut().resume(7).await, GeneratorState::Yielded(('o', 7)));
        assert_eq!(relays.as_mut().resume(888).await, GeneratorState::Yielded(('i', 16)));
        assert_eq!(relays.as_mut().resume(0).await, GeneratorState::Complete((0, 8)));
    });
}

/// An inner generator of `String`s inside an outer one of `u64`s.
#[async_gen(yield = String)]
async fn words() {
    for word in ["one", "three", "seventeen"] {
        PendingOnce::default().await;
        yield_!(word.to_string());
    }
}

#[async_gen(yield = u64)]
async fn lengths() {
    #[for_await]
    for word in words() {
        yield_!(u64::try_from(word.len()).expect("fits"));
    }
    let mut more = pin!(words());
    while let Some(word) = more.next().await {
        yield_!(u64::from(word.as_bytes()[0]));
    }
}

#[test]
fn nested_generators_of_different_item_types() {
    assert_eq!(collect(lengths()), [3, 5, 9, u64::from(b'o'), u64::from(b't'), u64::from(b's')]);

    // And the other way around, with block generators defined in the body.
    let outer = async_gen_block! {
        let numbers = async_gen_block! {
            yield 1_u64;
            PendingOnce::default().await;
            yield 22;
        };
        yield String::from("start");
        for await number in numbers {
            yield format!("#{number}");
        }
        let labels = async_gen_block! {
            yield 'a';
            yield 'b';
        };
        for await label in labels {
            yield label.to_string();
        }
    };
    assert_eq!(collect(outer), ["start", "#1", "#22", "a", "b"]);
}

#[test]
fn a_block_generator_defined_inside_another_yields_to_its_own_consumer() {
    // The shape of async-stream's issues #106 and #107: a generator built
    // inside another generator's body, of the same item type, or of another.
    let outer = async_gen_block! {
        let same_type = async_gen_block! {
            yield 1_u64;
            yield 2;
        };
        let other_type = async_gen_block! {
            yield "x";
        };
        yield 10_u64;
        for await value in same_type {
            yield value + 100;
        }
        for await text in other_type {
            yield u64::try_from(text.len()).expect("fits") + 1_000;
        }
        yield 20;
    };
    assert_eq!(collect(outer), [10, 101, 102, 1_001, 20]);
}
