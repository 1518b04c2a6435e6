//! `boxed` and `boxed_local`: type-erased generators that can be named,
//! stored and used recursively, keeping every capability.

use core::pin::pin;
use std::rc::Rc;

use asyncgen::{
    AsyncGeneratorExt, BoxAsyncGen, GeneratorState, LocalBoxAsyncGen, async_gen, async_gen_block,
};
use futures::StreamExt;
use futures::executor::block_on;

struct Tree {
    value: u32,
    children: Vec<Tree>,
}

/// A complete tree with `fan_out` children per node down to `depth`,
/// numbered in depth-first pre-order from `*next`.
fn build(next: &mut u32, fan_out: usize, depth: u32) -> Tree {
    let value = *next;
    *next += 1;
    let children = if depth == 0 {
        Vec::new()
    } else {
        (0..fan_out).map(|_| build(next, fan_out, depth - 1)).collect()
    };
    Tree { value, children }
}

#[async_gen(yield = u32, boxed)]
async fn walk(tree: &Tree) -> usize {
    yield_!(tree.value);
    let mut visited = 1;
    for child in &tree.children {
        visited += yield_from!(walk(child));
    }
    visited
}

#[test]
fn a_recursive_walk_over_eleven_thousand_nodes() {
    // Under Miri, which is about a thousand times slower, 111 nodes.
    let (depth, nodes) = if cfg!(miri) { (2, 111) } else { (4, 11_111) };
    let mut next = 0;
    let tree = build(&mut next, 10, depth);
    assert_eq!(next, nodes);
    block_on(async {
        let mut walker = walk(&tree);
        for expected in 0..nodes {
            assert_eq!(walker.as_mut().resume(()).await, GeneratorState::Yielded(expected));
        }
        assert_eq!(walker.as_mut().resume(()).await, GeneratorState::Complete(nodes as usize));
    });
}

#[async_gen(yield = String, boxed)]
async fn labelled(label: &str, count: usize) {
    for i in 0..count {
        yield_!(format!("{label}{i}"));
    }
}

#[test]
fn a_vec_of_boxed_generators_of_different_bodies() {
    let generators: Vec<BoxAsyncGen<'_, String>> = vec![
        labelled("a", 2),
        Box::pin(async_gen_block! { yield "block".to_string(); }),
        labelled("b", 1),
    ];
    let items: Vec<String> = block_on(futures::stream::iter(generators).flatten().collect());
    assert_eq!(items, ["a0", "a1", "block", "b0"]);
}

/// A struct field and a trait signature can name the type.
struct Source {
    generator: BoxAsyncGen<'static, u64>,
}

trait Numbers {
    fn numbers(&self, limit: u64) -> BoxAsyncGen<'_, u64, u64>;
}

struct Evens;

impl Numbers for Evens {
    #[async_gen(yield = u64, boxed)]
    async fn numbers(&self, limit: u64) -> u64 {
        let mut sum = 0;
        for n in (0..limit).step_by(2) {
            sum += n;
            yield_!(n);
        }
        sum
    }
}

#[async_gen(yield = u64, boxed)]
async fn countdown(from: u64) {
    for n in (1..=from).rev() {
        yield_!(n);
    }
}

#[test]
fn boxed_generators_keep_stream_resume_and_completion() {
    block_on(async {
        let mut source = Source { generator: countdown(2) };
        assert_eq!(source.generator.next().await, Some(2));
        assert_eq!(source.generator.as_mut().resume(()).await, GeneratorState::Yielded(1));
        assert_eq!(source.generator.as_mut().resume(()).await, GeneratorState::Complete(()));
        assert_eq!(source.generator.next().await, None);
        assert!(source.generator.is_complete());

        let evens = Evens;
        let mut numbers = evens.numbers(7);
        let mut seen = Vec::new();
        let sum = loop {
            match numbers.as_mut().resume(()).await {
                GeneratorState::Yielded(n) => seen.push(n),
                GeneratorState::Complete(sum) => break sum,
            }
        };
        assert_eq!((seen, sum), (vec![0, 2, 4, 6], 12));
        assert_eq!(format!("{numbers:?}"), "AsyncGen { state: Complete, .. }");
    });
}

#[async_gen(yield = usize, boxed_local)]
async fn not_send(shared: Rc<Vec<u8>>) {
    let also_shared = Rc::clone(&shared);
    yield_!(Rc::strong_count(&shared));
    yield_!(also_shared.len());
}

#[test]
fn boxed_local_accepts_bodies_that_are_not_send() {
    let generator: LocalBoxAsyncGen<'_, usize> = not_send(Rc::new(vec![1, 2, 3]));
    let items: Vec<usize> = block_on(generator.collect());
    assert_eq!(items, [2, 3]);
}

fn assert_send<T: Send>(value: T) -> T {
    value
}

#[test]
fn boxed_generators_are_send_and_cross_threads() {
    let generator = assert_send(countdown(3));
    let items = std::thread::spawn(move || block_on(generator.collect::<Vec<u64>>()))
        .join()
        .expect("the consumer thread panicked");
    assert_eq!(items, [3, 2, 1]);
}

#[async_gen(yield = &'a str, boxed)]
async fn words<'a, T: AsRef<str> + Sync>(text: &'a T, skip: impl Fn(&str) -> bool + Send) {
    for word in text.as_ref().split(' ') {
        if !skip(word) {
            yield_!(word);
        }
    }
}

#[test]
fn boxed_works_with_generics_lifetimes_and_impl_trait_arguments() {
    let text = String::from("one two three four");
    let items: Vec<&str> = block_on(pin!(words(&text, |w| w.starts_with('t'))).collect());
    assert_eq!(items, ["one", "four"]);
}

/// Generic trait methods: a trait declares the boxed generator with the
/// lifetime its type parameters are bounded by, and the impls written with
/// `boxed` match it (async and sync alike).
trait Echo {
    fn echo<T: Send + 'static>(&self, value: T) -> BoxAsyncGen<'_, T>;
    fn echo_for<'a, T: Send + 'a>(&'a self, value: T) -> BoxAsyncGen<'a, T>;
    fn echo_sync<T>(&self, value: T) -> asyncgen::BoxSyncGen<'_, T>
    where
        T: Send + 'static;
    /// `self` by value: the lifetime is the method's own, bounding `Self`.
    fn into_copies<'g>(self, count: usize) -> BoxAsyncGen<'g, usize>
    where
        Self: 'g;
}

struct Twice;

impl Echo for Twice {
    #[async_gen(yield = T, boxed)]
    async fn echo<T: Send + 'static>(&self, value: T) {
        yield_!(value);
    }

    #[async_gen(yield = T, boxed)]
    async fn echo_for<'a, T: Send + 'a>(&'a self, value: T) {
        yield_!(value);
    }

    #[asyncgen::sync_gen(yield = T, boxed)]
    fn echo_sync<T>(&self, value: T)
    where
        T: Send + 'static,
    {
        yield_!(value);
    }

    #[async_gen(yield = usize, boxed)]
    async fn into_copies(self, count: usize) {
        let Twice = self;
        for copy in 0..count {
            yield_!(copy);
        }
    }
}

#[test]
fn generic_trait_methods_return_boxed_generators() {
    let twice = Twice;
    let borrowed = String::from("borrowed");
    let echoed: Vec<String> = block_on(twice.echo("owned".to_string()).collect());
    assert_eq!(echoed, ["owned"]);
    let echoed: Vec<&str> = block_on(twice.echo_for(borrowed.as_str()).collect());
    assert_eq!(echoed, ["borrowed"]);
    let echoed: Vec<u8> = twice.echo_sync(7).collect();
    assert_eq!(echoed, [7]);
    let copies: Vec<usize> = block_on(twice.into_copies(3).collect());
    assert_eq!(copies, [0, 1, 2]);
}
