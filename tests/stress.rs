//! Stress: 100,000 generators interleaved across the tasks and threads of
//! tokio's multi-thread runtime, each checked item by item, and a generator
//! handed from task to task between polls.

use core::pin::pin;

use asyncgen::{BoxAsyncGen, async_gen};
use futures::StreamExt;
use futures::stream::FuturesUnordered;

const GENERATORS: u64 = 100_000;
const ITEMS: u64 = 4;
const TASKS: u64 = 8;

/// Generator `id` yields `id * 1000 + 0 .. id * 1000 + ITEMS`, letting the
/// scheduler run others before each item.
#[async_gen(yield = u64)]
async fn sequence(id: u64) {
    for j in 0..ITEMS {
        tokio::task::yield_now().await;
        yield_!(id * 1000 + j);
    }
}

/// Drains generator `id`, checking every item; returns how many it saw.
async fn drain_and_check(id: u64) -> u64 {
    let mut generator = pin!(sequence(id));
    let mut expected = id * 1000;
    while let Some(item) = generator.next().await {
        assert_eq!(item, expected, "generator {id} produced another generator's item");
        expected += 1;
    }
    expected - id * 1000
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(miri, ignore = "100,000 generators on a real thread pool")]
async fn a_hundred_thousand_generators_across_tasks_keep_their_items() {
    let tasks: Vec<_> = (0..TASKS)
        .map(|task| {
            tokio::spawn(async move {
                let mut running: FuturesUnordered<_> = (task..GENERATORS)
                    .step_by(usize::try_from(TASKS).unwrap())
                    .map(drain_and_check)
                    .collect();
                let (mut generators, mut items) = (0, 0);
                while let Some(count) = running.next().await {
                    assert_eq!(count, ITEMS);
                    generators += 1;
                    items += count;
                }
                (generators, items)
            })
        })
        .collect();
    let mut totals = (0, 0);
    for task in tasks {
        let (generators, items) = task.await.expect("a task panicked");
        totals = (totals.0 + generators, totals.1 + items);
    }
    assert_eq!(totals, (GENERATORS, GENERATORS * ITEMS));
}

#[async_gen(yield = u64, boxed)]
async fn counter(limit: u64) {
    for n in 0..limit {
        tokio::task::yield_now().await;
        yield_!(n);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(miri, ignore = "a real thread pool")]
async fn a_generator_moved_between_tasks_between_polls() {
    let mut generator: BoxAsyncGen<'static, u64> = counter(30);
    let mut seen = Vec::new();
    // Each hop: a new task takes the generator, polls it a few times, and
    // hands it back, so it resumes on whichever worker runs the next task.
    for hop in 0..10 {
        let (returned, items) = tokio::spawn(async move {
            let mut items = Vec::new();
            for _ in 0..3 {
                items.push(generator.next().await);
            }
            (generator, items)
        })
        .await
        .expect("a hop panicked");
        generator = returned;
        assert_eq!(items, (hop * 3..hop * 3 + 3).map(Some).collect::<Vec<_>>());
        seen.extend(items.into_iter().flatten());
    }
    assert_eq!(generator.next().await, None);
    assert_eq!(seen, (0..30).collect::<Vec<_>>());
}
