//! Integration tests of `yield` inside a body's control flow: loops, `match`,
//! `if`, nested and labelled blocks, the arms of `tokio::select!` and
//! `futures::select!`, `?` and early `return`.

use std::fmt;
use std::num::ParseIntError;
use std::pin::pin;

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen, async_gen_block};
use futures::executor::block_on;
use futures::{FutureExt, Stream, StreamExt};

/// Collects every item of a generator (or any stream) into a `Vec`.
fn collect<S: Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

// ---------------------------------------------------------------------------
// Loops

#[async_gen(yield = u32)]
async fn in_loop() {
    let mut i = 0;
    let total = loop {
        yield_!(i);
        i += 1;
        if i == 3 {
            break i * 10;
        }
    };
    yield_!(total);
}

#[test]
fn yield_in_loop_with_break_value() {
    assert_eq!(collect(in_loop()), vec![0, 1, 2, 30]);
}

#[async_gen(yield = u32)]
async fn in_while(mut n: u32) {
    while n > 0 {
        yield_!(n);
        n /= 2;
    }
    let mut stack = vec![7, 8];
    while let Some(top) = stack.pop() {
        yield_!(top);
    }
}

#[test]
fn yield_in_while_and_while_let() {
    assert_eq!(collect(in_while(10)), vec![10, 5, 2, 1, 8, 7]);
}

#[async_gen(yield = (usize, char))]
async fn in_for(text: &str) {
    for (i, c) in text.chars().enumerate() {
        if c == ' ' {
            continue;
        }
        yield_!((i, c));
    }
}

#[test]
fn yield_in_for_with_continue() {
    assert_eq!(collect(in_for("a b")), vec![(0, 'a'), (2, 'b')]);
}

#[async_gen(yield = (u8, u8))]
async fn nested_loops() {
    for i in 0..3 {
        for j in 0..3 {
            if j > i {
                break;
            }
            yield_!((i, j));
        }
    }
}

#[test]
fn yield_in_nested_loops() {
    assert_eq!(collect(nested_loops()), vec![(0, 0), (1, 0), (1, 1), (2, 0), (2, 1), (2, 2)]);
}

#[async_gen(yield = u64)]
async fn many(count: u64) {
    for i in 0..count {
        yield_!(i);
    }
}

#[test]
fn many_yields_in_a_loop() {
    let count = if cfg!(miri) { 200 } else { 10_000 };
    let items = collect(many(count));
    assert_eq!(items, (0..count).collect::<Vec<_>>());
}

// ---------------------------------------------------------------------------
// `match`, `if`, `let else`

#[derive(Debug)]
enum Event {
    Key(char),
    Click { x: i32, y: i32 },
    Resize(u32, u32),
    Quit,
}

#[async_gen(yield = String)]
async fn describe(events: Vec<Event>) {
    for event in events {
        match event {
            Event::Key(c) if c.is_ascii_digit() => yield_!(format!("digit {c}")),
            Event::Key(c) => yield_!(format!("key {c}")),
            Event::Click { x, y } => {
                yield_!(format!("click {x}"));
                yield_!(format!("at {y}"));
            }
            Event::Resize(w, h) => match w.cmp(&h) {
                std::cmp::Ordering::Equal => yield_!("square".to_owned()),
                std::cmp::Ordering::Greater => {
                    yield_!("wide".to_owned());
                }
                std::cmp::Ordering::Less => {
                    if w == 0 {
                        yield_!("empty".to_owned());
                    } else {
                        yield_!("tall".to_owned());
                    }
                }
            },
            Event::Quit => break,
        }
    }
}

#[test]
fn yield_in_match_arms_and_if_else() {
    let events = vec![
        Event::Key('1'),
        Event::Key('q'),
        Event::Click { x: 3, y: 4 },
        Event::Resize(2, 2),
        Event::Resize(3, 2),
        Event::Resize(2, 3),
        Event::Quit,
        Event::Key('z'),
    ];
    assert_eq!(
        collect(describe(events)),
        vec!["digit 1", "key q", "click 3", "at 4", "square", "wide", "tall"]
    );
}

#[async_gen(yield = i32)]
async fn if_let_and_let_else(values: Vec<Option<i32>>) {
    for value in values {
        if let Some(v @ 0..) = value {
            yield_!(v);
        } else if let Some(v) = value {
            yield_!(-v);
        }
        let Some(v) = value else {
            yield_!(0);
            continue;
        };
        yield_!(v * 100);
    }
}

#[test]
fn yield_in_if_let_and_let_else() {
    assert_eq!(
        collect(if_let_and_let_else(vec![Some(1), None, Some(-2)])),
        vec![1, 100, 0, 2, -200]
    );
}

#[async_gen(yield = u8)]
async fn yield_as_tail_of_branches(flag: bool, value: Option<u8>) {
    if flag {
        yield_!(1);
    } else {
        yield_!(2);
    }
    // Each arm's value is its yield (which evaluates to `()`).
    match value {
        Some(0) => yield_!(100),
        Some(v) => yield_!(v),
        None => yield_!(0),
    }
}

#[test]
fn yield_as_the_value_of_if_and_match() {
    assert_eq!(collect(yield_as_tail_of_branches(true, Some(9))), vec![1, 9]);
    assert_eq!(collect(yield_as_tail_of_branches(false, None)), vec![2, 0]);
    assert_eq!(collect(yield_as_tail_of_branches(false, Some(0))), vec![2, 100]);
}

#[test]
fn block_form_yield_as_tail_of_if_and_match() {
    let flag = false;
    let g = async_gen_block! {
        yield 0;
        if flag { yield 1 } else { yield 2 }
    };
    assert_eq!(collect(g), vec![0, 2]);

    let v = Some(3);
    let g = async_gen_block! {
        match v {
            Some(0) => yield 100,
            Some(x) => yield x,
            None => yield 0,
        }
    };
    assert_eq!(collect(g), vec![3]);
}

// ---------------------------------------------------------------------------
// Nested and labelled blocks, labelled breaks

#[async_gen(yield = u32)]
async fn nested_blocks() {
    {
        yield_!(1);
        {
            let x = {
                yield_!(2);
                3
            };
            yield_!(x);
        }
    }
    let y = {
        {
            yield_!(4);
        }
        5
    };
    yield_!(y);
}

#[test]
fn yield_in_nested_blocks() {
    assert_eq!(collect(nested_blocks()), vec![1, 2, 3, 4, 5]);
}

#[async_gen(yield = (u32, u32))]
async fn labelled_loops() {
    'outer: for i in 0..5 {
        'inner: for j in 0..5 {
            if j == 2 {
                continue 'outer;
            }
            if i == 3 {
                break 'outer;
            }
            if i == 1 {
                break 'inner;
            }
            yield_!((i, j));
        }
        yield_!((i, 100));
    }
    let mut n = 0;
    'count: while n < 10 {
        loop {
            n += 1;
            yield_!((n, 0));
            if n == 2 {
                break 'count;
            }
            if n == 1 {
                break;
            }
        }
    }
}

#[test]
fn yield_with_labelled_break_and_continue() {
    assert_eq!(
        collect(labelled_loops()),
        vec![(0, 0), (0, 1), (1, 100), (2, 0), (2, 1), (1, 0), (2, 0)]
    );
}

#[async_gen(yield = &'static str)]
async fn labelled_block(skip: bool) {
    'b: {
        yield_!("first");
        if skip {
            break 'b;
        }
        yield_!("second");
    }
    let value = 'v: {
        yield_!("computing");
        if skip {
            break 'v "short";
        }
        "long"
    };
    yield_!(value);
}

#[test]
fn yield_in_labelled_block() {
    assert_eq!(collect(labelled_block(true)), vec!["first", "computing", "short"]);
    assert_eq!(collect(labelled_block(false)), vec!["first", "second", "computing", "long"]);
}

#[test]
fn block_form_labelled_block_and_loops() {
    let g = async_gen_block! {
        'b: {
            yield 1;
            break 'b;
        }
        'outer: loop {
            for i in 2.. {
                yield i;
                if i == 3 {
                    break 'outer;
                }
            }
        }
    };
    assert_eq!(collect(g), vec![1, 2, 3]);
}

// ---------------------------------------------------------------------------
// Yields among the tokens of other macros

macro_rules! twice {
    ($($body:tt)*) => {{
        $($body)*;
        $($body)*;
    }};
}

#[async_gen(yield = u8)]
async fn in_user_macro() {
    twice!(yield_!(7));
    twice! {
        yield_!(8)
    }
}

#[test]
fn yield_inside_a_user_macro() {
    assert_eq!(collect(in_user_macro()), vec![7, 7, 8, 8]);
}

#[async_gen(yield = String)]
async fn tokio_select_events(
    mut rx: tokio::sync::mpsc::Receiver<u32>,
    mut stop: tokio::sync::oneshot::Receiver<&'static str>,
) {
    loop {
        tokio::select! {
            biased;
            Some(v) = rx.recv() => yield_!(format!("value {v}")),
            reason = &mut stop => {
                yield_!(format!("stop: {}", reason.unwrap_or("sender dropped")));
                break;
            }
        }
    }
    yield_!("after loop".to_owned());
}

#[tokio::test]
async fn yield_in_tokio_select_arms() {
    let (tx, rx) = tokio::sync::mpsc::channel(8);
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel();
    tx.send(1).await.unwrap();
    tx.send(2).await.unwrap();
    stop_tx.send("done").unwrap();
    let items: Vec<String> = pin!(tokio_select_events(rx, stop_rx)).collect().await;
    assert_eq!(items, vec!["value 1", "value 2", "stop: done", "after loop"]);
    drop(tx);
}

#[tokio::test]
async fn yield_in_tokio_select_arms_with_concurrent_producer() {
    let (tx, rx) = tokio::sync::mpsc::channel(1);
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel();
    let producer = tokio::spawn(async move {
        for i in 0..5 {
            tx.send(i).await.unwrap();
        }
        // Wait until the consumer has drained the channel before stopping it.
        tx.closed().await;
    });
    let mut events = pin!(tokio_select_events(rx, stop_rx));
    let mut items = Vec::new();
    for _ in 0..5 {
        items.push(events.next().await.unwrap());
    }
    stop_tx.send("unused").unwrap();
    assert_eq!(events.next().await.as_deref(), Some("stop: unused"));
    assert_eq!(events.next().await.as_deref(), Some("after loop"));
    assert_eq!(events.next().await, None);
    // The finished generator dropped its receiver, which lets the producer end.
    producer.await.unwrap();
    assert_eq!(items, vec!["value 0", "value 1", "value 2", "value 3", "value 4"]);
}

#[tokio::test]
async fn block_form_yield_in_tokio_select_arms() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    for i in 1..=3 {
        tx.send(i).await.unwrap();
    }
    drop(tx);
    let g = async_gen_block! {
        let mut extra = Some(100_u32);
        loop {
            tokio::select! {
                biased;
                Some(v) = rx.recv() => yield v,
                v = async { extra.take() }, if extra.is_some() => {
                    yield v.unwrap();
                    yield_!(0);
                }
                else => break,
            }
        }
    };
    let items: Vec<u32> = pin!(g).collect().await;
    assert_eq!(items, vec![1, 2, 3, 100, 0]);
}

#[tokio::test]
#[cfg_attr(miri, ignore = "tokio timers are not supported by Miri")]
async fn yield_in_tokio_select_with_timer() {
    let (tx, rx) = tokio::sync::mpsc::channel::<u32>(8);
    let g = async_gen_block! {
        let mut rx = rx;
        let mut ticks = 0_u32;
        let mut interval = tokio::time::interval(std::time::Duration::from_millis(1));
        loop {
            tokio::select! {
                biased;
                message = rx.recv() => match message {
                    Some(v) => yield format!("message {v}"),
                    None => break,
                },
                _ = interval.tick() => {
                    ticks += 1;
                    if ticks <= 2 {
                        yield format!("tick {ticks}");
                    }
                }
            }
        }
    };
    let mut g = pin!(g);
    // The first tick of an interval completes at once.
    assert_eq!(g.next().await.as_deref(), Some("tick 1"));
    assert_eq!(g.next().await.as_deref(), Some("tick 2"));
    tx.send(7).await.unwrap();
    assert_eq!(g.next().await.as_deref(), Some("message 7"));
    drop(tx);
    assert_eq!(g.next().await, None);
}

#[async_gen(yield = (char, u32))]
async fn futures_select(a: Vec<u32>, b: Vec<u32>) {
    let mut a = futures::stream::iter(a).fuse();
    let mut b = futures::stream::iter(b).fuse();
    loop {
        futures::select! {
            x = a.next() => if let Some(x) = x { yield_!(('a', x)) },
            y = b.next() => {
                if let Some(y) = y {
                    yield_!(('b', y));
                }
            }
            complete => break,
        }
    }
}

#[test]
fn yield_in_futures_select_arms() {
    let items = collect(futures_select(vec![1, 2, 3], vec![10, 20]));
    // `select!` picks among ready branches at random: check each source's
    // items arrive complete and in order.
    let from = |source| -> Vec<u32> {
        items.iter().filter(|(s, _)| *s == source).map(|&(_, v)| v).collect()
    };
    assert_eq!(from('a'), vec![1, 2, 3]);
    assert_eq!(from('b'), vec![10, 20]);
    assert_eq!(items.len(), 5);
}

#[test]
fn block_form_yield_in_futures_select_biased_arms() {
    let g = async_gen_block! {
        let mut a = futures::stream::iter([1, 2]).fuse();
        let mut b = futures::stream::iter([10, 20]).fuse();
        let mut done = futures::future::ready("done").fuse();
        loop {
            futures::select_biased! {
                x = a.next() => if let Some(x) = x { yield x },
                y = b.next() => if let Some(y) = y { yield y },
                message = done => yield_!(message.len() * 1000),
                complete => break,
            }
        }
    };
    // Biased: the first ready branch wins each time.
    assert_eq!(collect(g), vec![1, 2, 10, 20, 4000]);
}

#[test]
fn yield_in_futures_select_with_pending_branch() {
    let g = async_gen_block! {
        let (tx, mut rx) = futures::channel::mpsc::unbounded::<u8>();
        for i in 0..3 {
            tx.unbounded_send(i).unwrap();
        }
        drop(tx);
        let mut never = futures::future::pending::<()>().fuse();
        loop {
            futures::select! {
                v = rx.next() => match v {
                    Some(v) => yield v,
                    None => break,
                },
                () = never => unreachable!(),
            }
        }
    };
    assert_eq!(collect(g), vec![0, 1, 2]);
}

// ---------------------------------------------------------------------------
// `?` and early `return`

#[derive(Debug, PartialEq)]
enum AppError {
    Parse(ParseIntError),
    Negative(i64),
}

impl From<ParseIntError> for AppError {
    fn from(error: ParseIntError) -> Self {
        Self::Parse(error)
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

async fn check(value: i64) -> Result<u64, AppError> {
    let value = futures::future::ready(value).await;
    u64::try_from(value).map_err(|_| AppError::Negative(value))
}

#[async_gen(yield = u64)]
async fn parse_positive(inputs: Vec<&'static str>) -> Result<(), AppError> {
    for input in inputs {
        let value: i64 = input.trim().parse()?;
        yield_!(check(value).await?);
    }
    Ok(())
}

#[test]
fn question_mark_error_is_the_last_item() {
    assert_eq!(collect(parse_positive(vec!["1", " 2 "])), vec![Ok(1), Ok(2)]);
    assert_eq!(
        collect(parse_positive(vec!["1", "-5", "3"])),
        vec![Ok(1), Err(AppError::Negative(-5))]
    );
    assert_eq!(
        collect(parse_positive(vec!["x", "3"])),
        vec![Err(AppError::Parse("x".parse::<i64>().unwrap_err()))]
    );
}

#[test]
fn question_mark_error_then_fused() {
    block_on(async {
        let mut g = pin!(parse_positive(vec!["4", "-1", "5"]));
        assert_eq!(g.next().await, Some(Ok(4)));
        assert_eq!(g.next().await, Some(Err(AppError::Negative(-1))));
        assert_eq!(g.next().await, None);
        assert_eq!(g.next().await, None);
    });
}

#[async_gen(yield = u8)]
async fn question_mark_in_nested_control_flow(rows: Vec<Vec<&'static str>>) -> Result<(), String> {
    'rows: for row in rows {
        for cell in row {
            match cell {
                "skip" => continue 'rows,
                "fail" => Err(format!("failed after {cell}"))?,
                _ => yield_!(cell.parse().map_err(|e: ParseIntError| e.to_string())?),
            }
        }
    }
    Ok(())
}

#[test]
fn question_mark_inside_loops_and_match() {
    assert_eq!(
        collect(question_mark_in_nested_control_flow(vec![vec!["1", "skip", "9"], vec!["2"]])),
        vec![Ok(1), Ok(2)]
    );
    assert_eq!(
        collect(question_mark_in_nested_control_flow(vec![vec!["1"], vec!["fail", "3"]])),
        vec![Ok(1), Err("failed after fail".to_owned())]
    );
}

#[test]
fn block_form_question_mark() {
    let inputs = vec!["10", "20", "oops", "30"];
    let g = async_gen_block! {
        for input in inputs {
            yield input.parse::<u16>()?;
        }
        Ok::<(), ParseIntError>(())
    };
    assert_eq!(collect(g), vec![Ok(10), Ok(20), Err("oops".parse::<u16>().unwrap_err())]);
}

#[async_gen(yield = u32)]
async fn return_early(limit: u32) {
    for round in 0.. {
        for i in 0..2 {
            if round * 2 + i == limit {
                return;
            }
            yield_!(round * 2 + i);
        }
    }
}

#[test]
fn return_ends_the_stream() {
    assert_eq!(collect(return_early(3)), vec![0, 1, 2]);
    assert_eq!(collect(return_early(0)), Vec::<u32>::new());
}

#[async_gen(yield = u32)]
async fn return_error_early(values: Vec<u32>) -> Result<(), &'static str> {
    for value in values {
        if value == 0 {
            return Err("zero");
        }
        yield_!(100 / value);
    }
    Ok(())
}

#[test]
fn return_err_is_the_last_item() {
    assert_eq!(collect(return_error_early(vec![1, 2, 0, 4])), vec![Ok(100), Ok(50), Err("zero")]);
    assert_eq!(collect(return_error_early(vec![5])), vec![Ok(20)]);
}

#[async_gen(yield = u32)]
async fn return_value_early(values: Vec<u32>) -> Option<u32> {
    for value in values {
        if value > 10 {
            return Some(value);
        }
        yield_!(value);
    }
    None
}

#[test]
fn return_value_is_the_completion() {
    block_on(async {
        let mut g = pin!(return_value_early(vec![1, 20, 3]));
        assert_eq!(g.as_mut().resume(()).await, GeneratorState::Yielded(1));
        assert_eq!(g.as_mut().resume(()).await, GeneratorState::Complete(Some(20)));

        let mut g = pin!(return_value_early(vec![2]));
        assert_eq!(g.as_mut().resume(()).await, GeneratorState::Yielded(2));
        assert_eq!(g.as_mut().resume(()).await, GeneratorState::Complete(None));
    });
}

#[test]
fn block_form_return_in_a_loop() {
    let g = async_gen_block! {
        let mut n = 1_u32;
        loop {
            yield n;
            n *= 3;
            if n > 30 {
                return;
            }
        }
    };
    assert_eq!(collect(g), vec![1, 3, 9, 27]);
}

#[test]
fn yield_after_pending_await_in_control_flow() {
    // A body that returns `Pending` from ordinary awaits between yields.
    let g = async_gen_block! {
        for i in 0..3 {
            if i % 2 == 0 {
                let mut yielded_once = false;
                futures::future::poll_fn(|cx| {
                    if yielded_once {
                        std::task::Poll::Ready(())
                    } else {
                        yielded_once = true;
                        cx.waker().wake_by_ref();
                        std::task::Poll::Pending
                    }
                })
                .await;
            }
            yield i;
        }
    };
    assert_eq!(collect(g), vec![0, 1, 2]);
    // And `now_or_never` sees the first pending await as not ready yet.
    let mut g = Box::pin(async_gen_block! {
        futures::future::pending::<()>().await;
        yield 1;
    });
    assert_eq!(g.next().now_or_never(), None);
}

// ---------------------------------------------------------------------------
// Known bugs that show at compile time. Each test builds and runs a small
// crate that depends on this package: a runtime `#[test]` cannot contain code
// that fails to compile.

#[test]
fn block_form_yield_with_turbofish_in_select_arm() {
    let generator = async_gen_block! {
        let mut numbers = futures::stream::iter([1_u8, 2]).fuse();
        loop {
            futures::select_biased! {
                x = numbers.next() => match x {
                    Some(x) => yield Ok::<u8, String>(x),
                    None => break,
                },
            }
        }
    };
    let items: Vec<Result<u8, String>> = block_on(pin!(generator).collect());
    assert_eq!(items, [Ok(1), Ok(2)]);
}

// ---------------------------------------------------------------------------
// Completion values reach the declared type through coercions, from the tail
// and from every `return`

#[async_gen(yield = u32)]
async fn coerced(which: u8) -> Box<dyn fmt::Display> {
    yield_!(1);
    if which == 0 {
        return Box::new(7);
    }
    if which == 1 { Box::new("early") } else { Box::new(2.5) }
}

#[async_gen(yield = u32)]
async fn converted(text: &str) -> Result<u32, Box<dyn std::error::Error>> {
    let n: u32 = text.parse()?;
    yield_!(n);
    if n == 0 {
        return Err("zero".into());
    }
    Ok(n * 2)
}

#[test]
fn completion_values_coerce_to_the_declared_type() {
    let completion = |which| {
        block_on(async {
            let mut generator = pin!(coerced(which));
            let first = generator.as_mut().resume(()).await;
            assert!(matches!(first, GeneratorState::Yielded(1)));
            match generator.as_mut().resume(()).await {
                GeneratorState::Complete(done) => done.to_string(),
                GeneratorState::Yielded(item) => panic!("unexpected item {item}"),
            }
        })
    };
    assert_eq!([completion(0), completion(1), completion(2)], ["7", "early", "2.5"]);
    let outcome = |text| {
        block_on(async {
            let mut generator = pin!(converted(text));
            loop {
                if let GeneratorState::Complete(done) = generator.as_mut().resume(()).await {
                    return done.map_err(|error| error.to_string());
                }
            }
        })
    };
    assert_eq!(outcome("4"), Ok(8));
    assert_eq!(outcome("0"), Err("zero".to_string()));
    assert!(outcome("x").is_err_and(|error| error.contains("invalid digit")));
}
