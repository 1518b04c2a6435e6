//! Integration tests of the attribute form, `#[async_gen(yield = T)] async fn`:
//! free functions, methods, trait impls, generics, lifetimes, argument
//! patterns, the `crate = path` argument, laziness and yield coercions.

extern crate asyncgen as renamed;

use std::cell::Cell;
use std::fmt::Display;
use std::num::ParseIntError;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use asyncgen::async_gen;
use futures::executor::block_on;
use futures::{Stream, StreamExt};

/// Collects every item of a generator (or any stream) into a `Vec`.
fn collect<S: Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

// ---------------------------------------------------------------------------
// Free functions

#[async_gen(yield = u32)]
async fn one_two_three() {
    yield_!(1);
    yield_!(2);
    yield_!(3);
}

#[test]
fn free_fn_yields_in_order() {
    assert_eq!(collect(one_two_three()), vec![1, 2, 3]);
}

#[async_gen(yield = u32)]
async fn nothing() {}

#[test]
fn free_fn_without_yields_is_empty() {
    assert_eq!(collect(nothing()), Vec::<u32>::new());
}

#[async_gen(yield = String)]
async fn greet(name: String, times: usize) {
    for i in 0..times {
        yield_!(format!("{i}: hello {name}"));
    }
}

#[test]
fn free_fn_with_owned_arguments() {
    assert_eq!(
        collect(greet("ada".to_owned(), 2)),
        vec!["0: hello ada".to_owned(), "1: hello ada".to_owned()]
    );
}

#[async_gen(yield = u32)]
async fn awaits_between_yields() {
    yield_!(1);
    let two = async { 2 }.await;
    futures::future::ready(()).await;
    yield_!(two);
    let three = futures::future::lazy(|_| 3).await;
    yield_!(three);
}

#[test]
fn free_fn_awaits_between_yields() {
    assert_eq!(collect(awaits_between_yields()), vec![1, 2, 3]);
}

#[test]
fn next_one_at_a_time_then_fused() {
    block_on(async {
        let mut g = pin!(one_two_three());
        assert_eq!(g.next().await, Some(1));
        assert_eq!(g.next().await, Some(2));
        assert_eq!(g.next().await, Some(3));
        assert_eq!(g.size_hint(), (0, None));
        assert_eq!(g.next().await, None);
        assert_eq!(g.size_hint(), (0, Some(0)));
        assert_eq!(g.next().await, None);
    });
}

// ---------------------------------------------------------------------------
// Methods: `&self`, `&mut self`, `self`

struct Counter {
    start: u32,
    count: u32,
    taken: Vec<u32>,
}

impl Counter {
    #[async_gen(yield = u32)]
    async fn by_ref(&self) {
        for i in 0..self.count {
            yield_!(self.start + i);
        }
    }

    #[async_gen(yield = u32)]
    async fn by_mut(&mut self) {
        while self.count > 0 {
            self.count -= 1;
            self.taken.push(self.start);
            yield_!(self.start);
            self.start += 10;
        }
    }

    #[async_gen(yield = u32)]
    async fn by_value(self) {
        for value in self.taken {
            yield_!(value);
        }
        yield_!(self.start);
    }

    #[async_gen(yield = u32)]
    async fn boxed_self(self: Box<Self>) {
        yield_!(self.start);
        yield_!(self.count);
    }

    #[async_gen(yield = u32)]
    async fn by_ref_with_argument(&self, extra: u32) {
        yield_!(self.start + extra);
    }

    #[async_gen(yield = u32)]
    async fn associated(limit: u32) {
        for i in (0..limit).rev() {
            yield_!(i);
        }
    }
}

#[test]
fn method_with_shared_receiver() {
    let counter = Counter { start: 5, count: 3, taken: Vec::new() };
    assert_eq!(collect(counter.by_ref()), vec![5, 6, 7]);
    // Two generators may borrow the same value at once.
    let (a, b) = (counter.by_ref(), counter.by_ref());
    assert_eq!(collect(a.zip(b)), vec![(5, 5), (6, 6), (7, 7)]);
    assert_eq!(collect(counter.by_ref_with_argument(100)), vec![105]);
}

#[test]
fn method_with_mutable_receiver() {
    let mut counter = Counter { start: 1, count: 3, taken: Vec::new() };
    assert_eq!(collect(counter.by_mut()), vec![1, 11, 21]);
    assert_eq!(counter.count, 0);
    assert_eq!(counter.start, 31);
    assert_eq!(counter.taken, vec![1, 11, 21]);
}

#[test]
fn method_with_mutable_receiver_partially_consumed() {
    let mut counter = Counter { start: 1, count: 3, taken: Vec::new() };
    block_on(async {
        let mut g = pin!(counter.by_mut());
        assert_eq!(g.next().await, Some(1));
    });
    // The body stopped at its first yield, before `self.start += 10`.
    assert_eq!((counter.start, counter.count, counter.taken), (1, 2, vec![1]));
}

#[test]
fn method_with_owned_receiver() {
    let counter = Counter { start: 9, count: 0, taken: vec![3, 4] };
    assert_eq!(collect(counter.by_value()), vec![3, 4, 9]);
}

#[test]
fn method_with_boxed_receiver() {
    let counter = Box::new(Counter { start: 7, count: 8, taken: Vec::new() });
    assert_eq!(collect(counter.boxed_self()), vec![7, 8]);
}

#[test]
fn associated_function_without_receiver() {
    assert_eq!(collect(Counter::associated(3)), vec![2, 1, 0]);
}

// ---------------------------------------------------------------------------
// Trait-impl methods

trait Source {
    fn items(&self) -> impl Stream<Item = u32> + '_;
}

struct Numbers(Vec<u32>);

impl Source for Numbers {
    #[async_gen(yield = u32)]
    async fn items(&self) {
        for &n in &self.0 {
            yield_!(n * 2);
        }
    }
}

/// Uses the trait only, without knowing the implementing type.
fn sum_of_items(source: &impl Source) -> u32 {
    block_on(pin!(source.items()).fold(0, |acc, n| async move { acc + n }))
}

#[test]
fn trait_impl_method() {
    let numbers = Numbers(vec![1, 2, 3]);
    assert_eq!(collect(numbers.items()), vec![2, 4, 6]);
    assert_eq!(sum_of_items(&numbers), 12);
}

// ---------------------------------------------------------------------------
// Generics and `where` clauses

#[async_gen(yield = T)]
async fn repeat<T>(value: T, times: usize)
where
    T: Clone,
{
    for _ in 0..times {
        yield_!(value.clone());
    }
}

#[async_gen(yield = (usize, I::Item))]
async fn enumerate_iter<I>(iter: I)
where
    I: IntoIterator,
    I::Item: core::fmt::Debug,
{
    for pair in iter.into_iter().enumerate() {
        yield_!(pair);
    }
}

#[async_gen(yield = String)]
async fn show_all<T: Display, const N: usize>(values: [T; N]) {
    for value in values {
        yield_!(value.to_string());
    }
    yield_!(format!("N = {N}"));
}

#[test]
fn generic_type_parameter_with_where_clause() {
    assert_eq!(collect(repeat('x', 3)), vec!['x', 'x', 'x']);
    assert_eq!(collect(repeat(vec![1_u8], 2)), vec![vec![1_u8], vec![1]]);
}

#[test]
fn generic_with_associated_type_in_yield_type() {
    assert_eq!(collect(enumerate_iter(["a", "b"])), vec![(0, "a"), (1, "b")]);
}

#[test]
fn generic_with_const_parameter() {
    assert_eq!(
        collect(show_all([1.5, 2.0])),
        vec!["1.5".to_owned(), "2".to_owned(), "N = 2".to_owned()]
    );
}

struct Wrapper<T>(Vec<T>);

impl<T: Copy + PartialOrd> Wrapper<T> {
    #[async_gen(yield = T)]
    async fn above<'a>(&'a self, threshold: T)
    where
        T: 'a,
    {
        for &value in &self.0 {
            if value > threshold {
                yield_!(value);
            }
        }
    }
}

#[test]
fn method_of_generic_impl() {
    let wrapper = Wrapper(vec![3, 1, 4, 1, 5]);
    assert_eq!(collect(wrapper.above(2)), vec![3, 4, 5]);
}

// ---------------------------------------------------------------------------
// Lifetimes: named and elided, borrowed items

#[async_gen(yield = &'a str)]
async fn words<'a>(text: &'a str) {
    for word in text.split_whitespace() {
        yield_!(word);
    }
}

#[test]
fn named_lifetime_yielding_borrowed_str() {
    let text = String::from("the quick  brown fox");
    let items = collect(words(&text));
    assert_eq!(items, vec!["the", "quick", "brown", "fox"]);
    // The items borrow from `text` itself.
    assert!(items.iter().all(|word| text.as_bytes().as_ptr_range().contains(&word.as_ptr())));
}

#[async_gen(yield = &str)]
async fn lines_elided(text: &str) {
    for line in text.lines() {
        yield_!(line.trim());
    }
}

#[test]
fn elided_lifetime_yielding_borrowed_str() {
    let text = String::from(" a \n b\nc ");
    assert_eq!(collect(lines_elided(&text)), vec!["a", "b", "c"]);
}

#[async_gen(yield = usize)]
async fn lengths(items: &[String]) {
    for item in items {
        yield_!(item.len());
    }
}

#[test]
fn elided_lifetime_borrowed_argument() {
    let items = vec!["ab".to_owned(), String::new(), "xyz".to_owned()];
    assert_eq!(collect(lengths(&items)), vec![2, 0, 3]);
}

#[async_gen(yield = &'a T)]
async fn pick<'a, 'b, T>(items: &'a [T], indices: &'b [usize]) {
    for &index in indices {
        yield_!(&items[index]);
    }
}

#[test]
fn two_named_lifetimes() {
    let items = ["zero", "one", "two"];
    let items_out = {
        let indices = vec![2, 0];
        collect(pick(&items, &indices))
    };
    assert_eq!(items_out, vec![&"two", &"zero"]);
}

struct Text {
    body: String,
}

impl Text {
    #[async_gen(yield = &str)]
    async fn chars_as_str(&self) {
        for (index, c) in self.body.char_indices() {
            yield_!(&self.body[index..index + c.len_utf8()]);
        }
    }
}

#[test]
fn method_yielding_borrows_of_self() {
    let text = Text { body: "hé!".to_owned() };
    assert_eq!(collect(text.chars_as_str()), vec!["h", "é", "!"]);
}

// ---------------------------------------------------------------------------
// `impl Trait` arguments

#[async_gen(yield = u32)]
async fn doubled(values: impl IntoIterator<Item = u32>) {
    for value in values {
        yield_!(value * 2);
    }
}

#[async_gen(yield = String)]
async fn labelled(label: impl Display, values: impl Iterator<Item = u8> + Clone) {
    for value in values.clone() {
        yield_!(format!("{label}{value}"));
    }
    yield_!(format!("{label}:{}", values.count()));
}

#[async_gen(yield = u32)]
async fn from_stream(stream: impl Stream<Item = u32>) {
    #[for_await]
    for value in stream {
        yield_!(value + 100);
    }
}

#[test]
fn impl_trait_arguments() {
    assert_eq!(collect(doubled(vec![1, 2, 3])), vec![2, 4, 6]);
    assert_eq!(collect(doubled(1..=2)), vec![2, 4]);
    assert_eq!(
        collect(labelled('#', [7_u8, 8].into_iter())),
        vec!["#7".to_owned(), "#8".to_owned(), "#:2".to_owned()]
    );
    assert_eq!(collect(from_stream(futures::stream::iter([1, 2]))), vec![101, 102]);
    assert_eq!(collect(from_stream(one_two_three())), vec![101, 102, 103]);
}

// ---------------------------------------------------------------------------
// Argument patterns

#[async_gen(yield = u32)]
async fn sums((a, b): (u32, u32), mut x: u32) {
    yield_!(a + b);
    x += a;
    yield_!(x);
    x *= b;
    yield_!(x);
}

#[test]
fn tuple_pattern_and_mut_binding() {
    assert_eq!(collect(sums((2, 3), 10)), vec![5, 12, 36]);
}

struct Point {
    x: i32,
    y: i32,
}

#[async_gen(yield = i32)]
async fn coordinates(Point { x, y }: Point, [first, .., last]: [i32; 4], _: String, ref r: u8) {
    yield_!(x);
    yield_!(y);
    yield_!(first);
    yield_!(last);
    yield_!(i32::from(*r));
}

#[test]
fn struct_slice_wildcard_and_ref_patterns() {
    assert_eq!(
        collect(coordinates(Point { x: 1, y: -1 }, [10, 20, 30, 40], String::new(), 9)),
        vec![1, -1, 10, 40, 9]
    );
}

impl Counter {
    #[async_gen(yield = u32)]
    async fn with_patterns(&mut self, (a, mut b): (u32, u32)) {
        b += a;
        self.start = b;
        yield_!(self.start);
    }
}

#[test]
fn receiver_with_pattern_argument() {
    let mut counter = Counter { start: 0, count: 0, taken: Vec::new() };
    assert_eq!(collect(counter.with_patterns((4, 5))), vec![9]);
    assert_eq!(counter.start, 9);
}

// ---------------------------------------------------------------------------
// `crate = path` with a renamed facade

#[renamed::async_gen(yield = u8, crate = renamed)]
async fn via_renamed_crate(limit: u8) {
    for i in 0..limit {
        yield_!(i);
    }
    #[for_await]
    for i in futures::stream::iter([200, 201]) {
        yield_!(i);
    }
}

#[async_gen(yield = u8, crate = ::renamed)]
async fn via_absolute_renamed_path() {
    yield_!(42);
}

#[test]
fn crate_argument_names_a_renamed_facade() {
    assert_eq!(collect(via_renamed_crate(3)), vec![0, 1, 2, 200, 201]);
    assert_eq!(collect(via_absolute_renamed_path()), vec![42]);
}

#[test]
fn crate_argument_gives_the_same_generator_type() {
    fn takes(_: &renamed::AsyncGen<impl asyncgen::Body<Yield = u8, Resume = (), Return = ()>>) {}
    let g = via_renamed_crate(0);
    takes(&g);
    assert_eq!(collect(g), vec![200, 201]);
}

// ---------------------------------------------------------------------------
// Laziness: calling the function does no work

#[async_gen(yield = usize)]
async fn counts_starts(starts: &Cell<usize>) {
    starts.set(starts.get() + 1);
    yield_!(starts.get());
    yield_!(starts.get() * 10);
}

#[test]
fn call_does_no_work_until_first_poll_cell() {
    let starts = Cell::new(0);
    block_on(async {
        let g = counts_starts(&starts);
        assert_eq!(starts.get(), 0, "calling the function ran the body");
        let mut g = pin!(g);
        assert_eq!(starts.get(), 0, "pinning the generator ran the body");
        assert_eq!(g.next().await, Some(1));
        assert_eq!(starts.get(), 1);
        assert_eq!(g.next().await, Some(10));
        assert_eq!(g.next().await, None);
        assert_eq!(starts.get(), 1);
    });
}

#[async_gen(yield = &'static str)]
async fn counts_starts_shared(starts: Arc<AtomicUsize>) {
    starts.fetch_add(1, Ordering::SeqCst);
    yield_!("started");
}

#[test]
fn call_does_no_work_until_first_poll_arc() {
    let starts = Arc::new(AtomicUsize::new(0));
    let g = counts_starts_shared(Arc::clone(&starts));
    assert_eq!(starts.load(Ordering::SeqCst), 0);
    // The generator owns its argument from the call on.
    assert_eq!(Arc::strong_count(&starts), 2);
    let mut g = Box::pin(g);
    assert_eq!(block_on(g.next()), Some("started"));
    assert_eq!(starts.load(Ordering::SeqCst), 1);
    assert_eq!(block_on(g.next()), None);
    assert_eq!(starts.load(Ordering::SeqCst), 1);
    drop(g);
    assert_eq!(Arc::strong_count(&starts), 1);
}

#[test]
fn dropping_an_unpolled_generator_never_runs_the_body() {
    let starts = Arc::new(AtomicUsize::new(0));
    drop(counts_starts_shared(Arc::clone(&starts)));
    assert_eq!(starts.load(Ordering::SeqCst), 0);
    assert_eq!(Arc::strong_count(&starts), 1);
}

// ---------------------------------------------------------------------------
// `yield_!()` yields `()`

#[async_gen(yield = ())]
async fn ticks(count: usize) {
    for _ in 0..count {
        yield_!();
    }
    yield_!(());
}

#[test]
fn empty_yield_yields_unit() {
    assert_eq!(collect(ticks(2)), vec![(), (), ()]);
}

// ---------------------------------------------------------------------------
// The declared yield type is the expected type of each yielded expression

#[async_gen(yield = Box<dyn Display>)]
async fn displays() {
    yield_!(Box::new(5));
    yield_!(Box::new("five"));
    yield_!(Box::new(5.5));
}

#[test]
fn yield_coerces_to_trait_object() {
    let items: Vec<String> = collect(displays()).iter().map(ToString::to_string).collect();
    assert_eq!(items, vec!["5", "five", "5.5"]);
}

#[async_gen(yield = u64)]
async fn defaults() {
    yield_!(Default::default());
    yield_!(7_u32.into());
    yield_!(u8::MAX.into());
}

#[test]
fn yield_infers_from_the_declared_type() {
    assert_eq!(collect(defaults()), vec![0_u64, 7, 255]);
}

#[async_gen(yield = &'static [u8])]
async fn unsized_coercion() {
    yield_!(&[1, 2, 3]);
    yield_!(b"ab");
}

#[test]
fn yield_coerces_array_reference_to_slice() {
    assert_eq!(collect(unsized_coercion()), vec![&[1_u8, 2, 3][..], &b"ab"[..]]);
}

#[async_gen(yield = u32)]
async fn parse_all(inputs: Vec<&'static str>) -> Result<(), ParseIntError> {
    for s in inputs {
        yield_!(s.parse()?);
    }
    Ok(())
}

#[test]
fn yield_with_question_mark_infers_the_parse_target() {
    assert_eq!(collect(parse_all(vec!["1", "22"])), vec![Ok(1), Ok(22)]);
    let items = collect(parse_all(vec!["1", "x", "3"]));
    assert_eq!(items.len(), 2);
    assert_eq!(items[0], Ok(1));
    assert_eq!(items[1], Err("x".parse::<u32>().unwrap_err()));
}

#[test]
fn try_generator_is_fused_after_its_error() {
    block_on(async {
        let mut g = pin!(parse_all(vec!["", "2"]));
        assert_eq!(g.next().await, Some(Err("".parse::<u32>().unwrap_err())));
        assert_eq!(g.size_hint(), (0, Some(0)), "the error was the last item");
        assert_eq!(g.next().await, None);
        assert_eq!(g.next().await, None);
    });
}

// ---------------------------------------------------------------------------
// Signatures: visibility, doc comments and other attributes, `Self`, `impl Trait`
// in the yield type, the completion value, nested generator items

/// A documented public generator: the doc comment and `#[inline]` stay on the function.
#[inline]
#[async_gen(yield = i8)]
pub async fn documented_public() {
    yield_!(-1);
}

#[async_gen(yield = u8)]
pub(crate) async fn crate_visible() {
    yield_!(1);
}

#[test]
fn visibility_and_attributes_are_kept() {
    assert_eq!(collect(documented_public()), vec![-1]);
    assert_eq!(collect(crate_visible()), vec![1]);
}

#[derive(Clone, Debug, PartialEq)]
struct Cell2(u8, u8);

impl Cell2 {
    #[async_gen(yield = Self)]
    async fn halves(self) {
        yield_!(Self(self.0, 0));
        yield_!(Self(0, self.1));
    }
}

#[test]
fn self_type_as_yield_type() {
    assert_eq!(collect(Cell2(3, 4).halves()), vec![Cell2(3, 0), Cell2(0, 4)]);
}

#[async_gen(yield = impl Display)]
async fn opaque_items() {
    yield_!(5);
    yield_!(6);
}

#[test]
fn impl_trait_yield_type() {
    let items: Vec<String> = collect(opaque_items()).iter().map(ToString::to_string).collect();
    assert_eq!(items, vec!["5", "6"]);
}

#[async_gen(yield = u32)]
async fn sum_of_yields(values: Vec<u32>) -> u32 {
    let mut total = 0;
    for value in values {
        total += value;
        yield_!(value);
    }
    total
}

#[test]
fn declared_return_type_is_the_completion_value() {
    use asyncgen::{AsyncGeneratorExt, GeneratorState};
    block_on(async {
        let mut g = pin!(sum_of_yields(vec![4, 5]));
        assert_eq!(g.as_mut().resume(()).await, GeneratorState::Yielded(4));
        assert_eq!(g.as_mut().resume(()).await, GeneratorState::Yielded(5));
        assert_eq!(g.as_mut().resume(()).await, GeneratorState::Complete(9));
    });
}

#[async_gen(yield = String)]
async fn outer_with_nested_item() {
    #[async_gen(yield = u8)]
    async fn inner(limit: u8) {
        for i in 0..limit {
            yield_!(i);
        }
    }

    yield_!("start".to_owned());
    #[for_await]
    for i in inner(2) {
        yield_!(format!("inner {i}"));
    }
    yield_!("end".to_owned());
}

#[test]
fn nested_generator_fn_owns_its_yields() {
    assert_eq!(
        collect(outer_with_nested_item()),
        vec!["start".to_owned(), "inner 0".to_owned(), "inner 1".to_owned(), "end".to_owned()]
    );
}

impl Counter {
    #[async_gen(yield = u32)]
    async fn by_mut_value(mut self) {
        self.start *= 2;
        yield_!(self.start);
        self.taken.push(self.start);
        yield_!(u32::try_from(self.taken.len()).unwrap());
    }

    #[async_gen(yield = &'a mut u32)]
    async fn taken_mut<'a>(&'a mut self) {
        for value in &mut self.taken {
            yield_!(value);
        }
    }
}

#[test]
fn method_with_mutable_owned_receiver() {
    let counter = Counter { start: 4, count: 0, taken: vec![1] };
    assert_eq!(collect(counter.by_mut_value()), vec![8, 2]);
}

#[test]
fn method_yielding_mutable_borrows_of_self() {
    let mut counter = Counter { start: 0, count: 0, taken: vec![1, 2, 3] };
    for value in collect(counter.taken_mut()) {
        *value *= 10;
    }
    assert_eq!(counter.taken, vec![10, 20, 30]);
}

// ---------------------------------------------------------------------------
// Known bugs that show at compile time. Each test builds and runs a small
// crate that depends on this package: a runtime `#[test]` cannot contain code
// that fails to compile.

macro_rules! items {
    ($($item:item)*) => { $($item)* };
}

#[async_gen(yield = u32)]
async fn outer_with_an_inner_generator_in_a_macro() {
    items! {
        #[async_gen(yield = u32)]
        async fn inner() {
            yield_!(10);
        }
    }
    yield_!(1);
    #[for_await]
    for x in inner() {
        yield_!(x);
    }
}

#[test]
fn nested_generator_fn_inside_a_macro_owns_its_yields() {
    let items: Vec<u32> = block_on(pin!(outer_with_an_inner_generator_in_a_macro()).collect());
    assert_eq!(items, [1, 10]);
}

/// A local function named like the generator is no recursion.
#[async_gen(yield = u32)]
async fn twice_over(n: u32) {
    fn twice_over(n: u32) -> u32 {
        n * 2
    }
    yield_!(twice_over(n));
}

#[test]
fn a_local_named_like_the_function_is_not_a_recursive_call() {
    use futures::StreamExt;
    let items: Vec<u32> = block_on(pin!(twice_over(4)).collect());
    assert_eq!(items, [8]);
}

/// A parameter, or a `match` arm's binding, named like the generator is no recursion.
#[async_gen(yield = u32)]
async fn callback(callback: fn() -> u32, numbers: Option<u32>) {
    yield_!(callback());
    match numbers {
        Some(callback) => yield_!(callback),
        None => {}
    }
}

#[test]
fn a_parameter_or_binding_named_like_the_function_is_not_a_recursive_call() {
    use futures::StreamExt;
    let items: Vec<u32> = block_on(pin!(callback(|| 3, Some(4))).collect());
    assert_eq!(items, [3, 4]);
}

/// An `extern "ABI"` stays on the function, as on an `async fn`.
#[async_gen(yield = u32)]
async extern "C" fn with_c_abi() {
    yield_!(3);
}

#[test]
fn an_extern_abi_stays_on_the_function() {
    assert_eq!(collect(with_c_abi()), [3]);
}
