//! async-stream's own runtime test suite (`async-stream/tests/*.rs`), ported
//! to asyncgen the way a user moving over would: `stream! {` becomes
//! `async_gen_block! {`, and a `try_stream!` body becomes a block whose
//! completion is `Result<(), E>` (a tail `Ok(())`). The behaviours checked
//! are async-stream's; the tests are written anew.

use std::pin::pin;

use asyncgen::async_gen_block;
use futures::executor::block_on;
use futures::stream::{FusedStream, Stream, StreamExt};

/// Collects every item of a stream into a `Vec`.
fn collect<S: Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

// ---- stream.rs ----

#[test]
fn noop_stream() {
    let mut generator = pin!(async_gen_block! {});
    assert!(block_on(generator.next()).is_none());
}

#[test]
fn empty_stream() {
    let mut ran = false;
    {
        let ran = &mut ran;
        let mut generator = pin!(async_gen_block! {
            *ran = true;
        });
        assert!(block_on(generator.next()).is_none());
    }
    assert!(ran, "the body of a generator with no yield still runs when polled");
}

#[test]
fn yield_single_value() {
    let items = collect(async_gen_block! {
        yield "hello";
    });
    assert_eq!(items, ["hello"]);
}

#[test]
fn fused() {
    let mut generator = pin!(async_gen_block! {
        yield "hello";
    });
    assert!(!generator.is_terminated());
    assert_eq!(block_on(generator.next()), Some("hello"));
    assert_eq!(block_on(generator.next()), None);
    assert!(generator.is_terminated());
    assert_eq!(block_on(generator.next()), None, "a finished generator stays finished");
}

#[test]
fn yield_multi_value() {
    let items = collect(async_gen_block! {
        yield "hello";
        yield "world";
        yield "dizzy";
    });
    assert_eq!(items, ["hello", "world", "dizzy"]);
}

/// A future that is ready at once, for `select!` arms.
fn ready_now() -> std::future::Ready<()> {
    std::future::ready(())
}

#[test]
fn unit_yield_in_select() {
    let items = collect(async_gen_block! {
        tokio::select! {
            () = ready_now() => yield,
            else => yield,
        }
    });
    assert_eq!(items, [()]);
}

#[test]
fn yield_with_select() {
    let items = collect(async_gen_block! {
        tokio::select! {
            () = ready_now() => yield "hey",
            () = ready_now() => yield "hey",
            else => yield "hey",
        }
    });
    assert_eq!(items, ["hey"]);
}

#[test]
fn return_stream() {
    fn one_two_three() -> impl Stream<Item = u32> {
        async_gen_block! {
            yield 1;
            yield 2;
            yield 3;
        }
    }
    assert_eq!(collect(one_two_three()), [1, 2, 3]);
}

#[test]
fn consume_channel() {
    let (sender, mut receiver) = tokio::sync::mpsc::channel(10);
    let mut generator = pin!(async_gen_block! {
        while let Some(value) = receiver.recv().await {
            yield value;
        }
    });
    block_on(async {
        for i in 0..3 {
            sender.send(i).await.unwrap();
            assert_eq!(generator.next().await, Some(i));
        }
        drop(sender);
        assert_eq!(generator.next().await, None);
    });
}

#[test]
fn borrow_self() {
    struct Data(String);

    impl Data {
        fn stream(&self) -> impl Stream<Item = &str> + '_ {
            async_gen_block! {
                yield &self.0[..];
            }
        }
    }

    let data = Data("hello".to_string());
    let mut generator = pin!(data.stream());
    assert_eq!(block_on(generator.next()), Some("hello"));
}

#[test]
fn stream_in_stream() {
    let items = collect(async_gen_block! {
        let inner = async_gen_block! {
            for i in 0..3 {
                yield i;
            }
        };
        let mut inner = pin!(inner);
        while let Some(value) = inner.next().await {
            yield value;
        }
    });
    assert_eq!(items, [0, 1, 2]);
}

#[test]
fn yield_non_unpin_value() {
    let generator = async_gen_block! {
        for i in 0..3 {
            yield async move { i };
        }
    };
    let items: Vec<i32> = block_on(pin!(generator).buffered(1).collect());
    assert_eq!(items, [0, 1, 2]);
}

#[test]
fn inner_try_stream() {
    // async-stream checks that this compiles: a `try_stream!` inside a
    // `select!` arm of a `stream!`. Here it also runs.
    let items = collect(async_gen_block! {
        tokio::select! {
            () = ready_now() => {
                let mut inner = Box::pin(async_gen_block! {
                    yield;
                    Ok::<(), ()>(())
                });
                let first: Result<(), ()> = inner.next().await.unwrap();
                assert_eq!(first, Ok(()));
            },
            else => {},
        }
        yield
    });
    assert_eq!(items, [()]);
}

// ---- spans_preserved.rs ----

#[test]
fn spans_preserved() {
    let mut generator = pin!(async_gen_block! {
        assert_eq!(line!(), 197);
    });
    assert!(block_on(generator.next()).is_none());
}

// ---- for_await.rs ----

#[test]
fn for_await() {
    let words = async_gen_block! {
        yield "hello";
        yield "world";
    };
    let shouted = async_gen_block! {
        for await word in words {
            yield word.to_owned() + "!";
        }
    };
    assert_eq!(collect(shouted), ["hello!", "world!"]);
}

// ---- try_stream.rs ----

#[test]
fn single_err() {
    let items = collect(async_gen_block! {
        if true {
            Err("hello")?;
        } else {
            yield "world";
        }
        unreachable!();
        #[allow(unreachable_code)] // async-stream's shape: the tail after a certain error
        Ok(())
    });
    assert_eq!(items, [Err("hello")]);
}

#[test]
fn yield_then_err() {
    let items = collect(async_gen_block! {
        yield "hello";
        Err("world")?;
        unreachable!();
        #[allow(unreachable_code)] // as above
        Ok(())
    });
    assert_eq!(items, [Ok("hello"), Err("world")]);
}

#[test]
fn convert_err() {
    struct ErrorA(u8);
    #[derive(PartialEq, Debug)]
    struct ErrorB(u8);
    impl From<ErrorA> for ErrorB {
        fn from(a: ErrorA) -> ErrorB {
            ErrorB(a.0)
        }
    }

    fn converting() -> impl Stream<Item = Result<&'static str, ErrorB>> {
        async_gen_block! {
            if true {
                Err(ErrorA(1))?;
            } else {
                Err(ErrorB(2))?;
            }
            yield "unreachable";
            Ok(())
        }
    }

    assert_eq!(collect(converting()), [Err(ErrorB(1))]);
}

#[test]
fn multi_try() {
    fn repeated() -> impl Stream<Item = Result<i32, String>> {
        async_gen_block! {
            let a = Ok::<_, String>(Ok::<_, String>(123))??;
            for _ in 1..10 {
                yield a;
            }
            Ok(())
        }
    }
    assert_eq!(collect(repeated()), vec![Ok(123); 9]);
}

#[test]
fn issue_65_yield_of_a_question_mark() {
    fn failing() -> impl Stream<Item = Result<u32, ()>> {
        async_gen_block! {
            yield Err(())?;
            Ok(())
        }
    }
    assert_eq!(collect(failing()), [Err(())]);
}
