//! Integration tests of the block form, `async_gen_block! { ... }`: plain
//! `yield`, `yield_!`, `async move` captures, inferred types, `for await`,
//! nested generators and early `return`.

use std::cell::Cell;
use std::num::ParseIntError;
use std::pin::pin;
use std::rc::Rc;

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen, async_gen_block};
use futures::executor::block_on;
use futures::{Stream, StreamExt};

/// Collects every item of a generator (or any stream) into a `Vec`.
fn collect<S: Stream>(stream: S) -> Vec<S::Item> {
    block_on(pin!(stream).collect())
}

#[test]
fn plain_yield() {
    let g = async_gen_block! {
        yield 1_u8;
        yield 2;
        yield 3;
    };
    assert_eq!(collect(g), vec![1, 2, 3]);
}

#[test]
fn trailing_yield_without_semicolon() {
    let g = async_gen_block! {
        yield "a";
        yield "b"
    };
    assert_eq!(collect(g), vec!["a", "b"]);
}

#[test]
fn yield_macro_in_block() {
    let g = async_gen_block! {
        yield_!('x');
        yield 'y';
        yield_!('z')
    };
    assert_eq!(collect(g), vec!['x', 'y', 'z']);
}

#[test]
fn empty_yield_in_block() {
    let g = async_gen_block! {
        yield;
        yield_!();
        yield ();
    };
    assert_eq!(collect(g), vec![(), (), ()]);
}

#[test]
fn block_without_yields_is_empty() {
    let counter = &Cell::new(0);
    let g = async_gen_block! {
        counter.set(counter.get() + 1);
        if false {
            yield 0_i32;
        }
    };
    assert_eq!(collect(g), Vec::<i32>::new());
    assert_eq!(counter.get(), 1);
}

/// The spec's `evens` example.
fn evens(limit: u64) -> impl Stream<Item = u64> {
    async_gen_block! {
        for i in (0..limit).step_by(2) {
            yield i;
        }
    }
}

#[test]
fn returned_from_a_function_as_impl_stream() {
    assert_eq!(collect(evens(7)), vec![0, 2, 4, 6]);
    assert_eq!(collect(evens(0)), Vec::<u64>::new());
}

#[test]
fn moves_captured_string_and_vec() {
    let name = String::from("ada");
    let values = vec![1, 2, 3];
    let g = async_gen_block! {
        for value in values {
            yield format!("{name}{value}");
        }
        // `name` was moved in, so the generator can consume it.
        yield name;
    };
    // `g` owns `name` and `values`: it can move out of the scope that made them.
    let g = std::convert::identity(g);
    assert_eq!(
        collect(g),
        vec!["ada1".to_owned(), "ada2".to_owned(), "ada3".to_owned(), "ada".to_owned()]
    );
}

fn owned_generator() -> impl Stream<Item = String> + 'static {
    let words = vec!["x".to_owned(), "y".to_owned()];
    let suffix = String::from("!");
    async_gen_block! {
        for word in words {
            yield word + &suffix;
        }
    }
}

#[test]
fn captured_values_outlive_the_creating_function() {
    assert_eq!(collect(owned_generator()), vec!["x!".to_owned(), "y!".to_owned()]);
}

#[test]
fn captures_are_dropped_with_the_generator() {
    let shared = Rc::new(());
    let captured = Rc::clone(&shared);
    let g = async_gen_block! {
        yield Rc::strong_count(&captured);
    };
    assert_eq!(Rc::strong_count(&shared), 2);
    // Never polled.
    drop(g);
    assert_eq!(Rc::strong_count(&shared), 1);

    let captured = Rc::clone(&shared);
    let mut g = Box::pin(async_gen_block! {
        yield Rc::strong_count(&captured);
        yield 0;
    });
    assert_eq!(block_on(g.next()), Some(2));
    // Suspended at its first yield.
    drop(g);
    assert_eq!(Rc::strong_count(&shared), 1);
}

#[test]
fn borrows_through_a_moved_reference() {
    let data = vec![10, 20];
    let data_ref = &data;
    let g = async_gen_block! {
        for value in data_ref {
            yield *value + 1;
        }
    };
    assert_eq!(collect(g), vec![11, 21]);
    // `data` itself was only borrowed.
    assert_eq!(data, vec![10, 20]);
}

#[test]
fn inferred_item_types() {
    // The item type comes from the yielded expressions.
    let g = async_gen_block! {
        yield (1_u16, "one");
        yield (2, "two");
    };
    let items: Vec<(u16, &str)> = collect(g);
    assert_eq!(items, vec![(1, "one"), (2, "two")]);

    // ... or from how the generator is used.
    let g = async_gen_block! {
        yield Default::default();
        yield 7_u32.into();
    };
    let items: Vec<u64> = collect(g);
    assert_eq!(items, vec![0, 7]);

    let g = async_gen_block! {
        yield Vec::new();
        yield vec![1_i8];
    };
    assert_eq!(collect(g), vec![vec![], vec![1_i8]]);
}

#[test]
fn inferred_try_completion_type() {
    let g = async_gen_block! {
        for s in ["1", "2", "x", "4"] {
            let n: u32 = s.parse()?;
            yield n;
        }
        Ok::<(), ParseIntError>(())
    };
    assert_eq!(collect(g), vec![Ok(1), Ok(2), Err("x".parse::<u32>().unwrap_err())]);

    let g = async_gen_block! {
        yield "7".parse::<u8>()?;
        Ok::<(), ParseIntError>(())
    };
    assert_eq!(collect(g), vec![Ok(7)]);
}

#[test]
fn lazy_until_first_poll() {
    // `async move` moves the reference in; the cell stays here.
    let starts = &Cell::new(0);
    let g = async_gen_block! {
        starts.set(starts.get() + 1);
        yield starts.get();
    };
    assert_eq!(starts.get(), 0);
    block_on(async {
        let mut g = pin!(g);
        assert_eq!(starts.get(), 0);
        assert_eq!(g.next().await, Some(1));
        assert_eq!(starts.get(), 1);
        assert_eq!(g.next().await, None);
        assert_eq!(g.next().await, None);
    });
}

#[test]
fn awaits_between_yields() {
    let g = async_gen_block! {
        let a = async { 1 }.await;
        yield a;
        let b = futures::future::ready(a + 1).await;
        yield b;
    };
    assert_eq!(collect(g), vec![1, 2]);
}

#[test]
fn for_await_over_a_stream() {
    let g = async_gen_block! {
        for await x in futures::stream::iter([1, 2, 3]) {
            yield x * 10;
        }
    };
    assert_eq!(collect(g), vec![10, 20, 30]);
}

#[test]
fn for_await_attribute_in_block() {
    let g = async_gen_block! {
        #[for_await]
        for x in futures::stream::iter(["a", "b"]) {
            yield x.to_uppercase();
        }
    };
    assert_eq!(collect(g), vec!["A".to_owned(), "B".to_owned()]);
}

#[test]
fn for_await_over_another_block_generator() {
    let inner = async_gen_block! {
        yield 1;
        yield 2;
    };
    let g = async_gen_block! {
        for await x in inner {
            yield x;
            yield -x;
        }
    };
    assert_eq!(collect(g), vec![1, -1, 2, -2]);
}

#[test]
fn nested_block_generator_owns_its_yields() {
    let g = async_gen_block! {
        yield "outer start".to_owned();
        let inner = async_gen_block! {
            yield 1_u8;
            yield 2;
        };
        for await i in inner {
            yield format!("outer saw {i}");
        }
        yield "outer end".to_owned();
    };
    assert_eq!(
        collect(g),
        vec![
            "outer start".to_owned(),
            "outer saw 1".to_owned(),
            "outer saw 2".to_owned(),
            "outer end".to_owned(),
        ]
    );
}

#[test]
fn nested_block_generator_inline_in_for_await() {
    let g = async_gen_block! {
        for await i in async_gen_block! { yield 'a'; yield 'b'; } {
            yield i as u32;
        }
    };
    assert_eq!(collect(g), vec![97, 98]);
}

#[test]
fn nested_block_generator_collected_inside_the_body() {
    let g = async_gen_block! {
        let inner = async_gen_block! {
            yield 5_i32;
            yield 6;
        };
        // The inner items are not the outer's: the outer yields their sum only.
        let inner_items: Vec<i32> = pin!(inner).collect().await;
        yield inner_items.iter().sum::<i32>();
    };
    assert_eq!(collect(g), vec![11]);
}

#[test]
fn nested_block_generator_three_deep() {
    let g = async_gen_block! {
        let middle = async_gen_block! {
            let inner = async_gen_block! {
                yield 1;
                yield 2;
            };
            for await x in inner {
                yield x * 10;
            }
        };
        for await x in middle {
            yield x + 1;
        }
    };
    assert_eq!(collect(g), vec![11, 21]);
}

#[test]
fn nested_async_gen_fn_inside_a_block() {
    let g = async_gen_block! {
        #[async_gen(yield = u32)]
        async fn squares(limit: u32) {
            for i in 1..=limit {
                yield_!(i * i);
            }
        }

        yield 0_u32;
        for await square in squares(3) {
            yield square;
        }
        yield 100;
    };
    assert_eq!(collect(g), vec![0, 1, 4, 9, 100]);
}

#[test]
fn return_ends_the_generator_early() {
    let g = async_gen_block! {
        for i in 0.. {
            if i == 3 {
                return;
            }
            yield i;
        }
    };
    assert_eq!(collect(g), vec![0, 1, 2]);
}

#[test]
fn return_before_any_yield() {
    let stop = true;
    let g = async_gen_block! {
        if stop {
            return;
        }
        yield "unreachable";
    };
    assert_eq!(collect(g), Vec::<&str>::new());
}

#[test]
fn return_of_error_ends_a_try_generator() {
    let g = async_gen_block! {
        yield 1;
        if true {
            return Err("stopped");
        }
        yield 2;
        Ok(())
    };
    assert_eq!(collect(g), vec![Ok(1), Err("stopped")]);
}

#[test]
fn completion_value_through_resume() {
    use asyncgen::{AsyncGeneratorExt, GeneratorState};
    let g = async_gen_block! {
        yield 1_u8;
        "done"
    };
    block_on(async {
        let mut g = pin!(g);
        assert_eq!(g.as_mut().resume(()).await, GeneratorState::Yielded(1));
        assert_eq!(g.as_mut().resume(()).await, GeneratorState::Complete("done"));
    });
}

#[test]
fn boxed_block_generator() {
    let mut g = Box::pin(async_gen_block! {
        yield 1;
        yield 2;
    });
    assert_eq!(block_on(g.next()), Some(1));
    assert_eq!(block_on(g.next()), Some(2));
    assert_eq!(block_on(g.next()), None);
}

#[test]
fn many_generators_from_a_loop() {
    let generators: Vec<_> = (0..3)
        .map(|n| {
            Box::pin(async_gen_block! {
                for i in 0..n {
                    yield (n, i);
                }
            })
        })
        .collect();
    let items: Vec<Vec<(i32, i32)>> = generators.into_iter().map(collect).collect();
    assert_eq!(items, vec![vec![], vec![(1, 0)], vec![(2, 0), (2, 1)]]);
}

// ---------------------------------------------------------------------------
// A yield whose value its block discards (at the end of an `if` without
// `else`, of a loop body, in an arm of a `match` statement) leaves the resume
// type `()`: such a block delegates to a started source, and infers.

#[test]
fn yields_at_the_end_of_discarded_blocks_keep_the_resume_type_unit() {
    block_on(async {
        let mut source = Box::pin(async_gen_block! { yield 1u32; yield 2; yield 3; });
        assert_eq!(source.next().await, Some(1));
        let flag = true;
        let delegating = async_gen_block! {
            if flag { yield 10 }
            for n in 0..2u32 {
                match n { 0 => yield 20, _ => yield 21 }
            }
            yield_from!(source);
        };
        assert_eq!(pin!(delegating).collect::<Vec<u32>>().await, [10, 20, 21, 2, 3]);
    });
    let mut source = Box::pin(asyncgen::sync_gen_block! { yield 1u32; yield 2; });
    assert_eq!(source.next(), Some(1));
    let delegating = asyncgen::sync_gen_block! {
        for n in 0..3u32 {
            if n == 1 { yield 30 }
        }
        yield_from!(source);
    };
    assert_eq!(pin!(delegating).collect::<Vec<u32>>(), [30, 2]);
}

#[test]
fn a_yield_whose_value_a_let_takes_still_takes_resume_values() {
    block_on(async {
        let mut generator = pin!(async_gen_block! {
            let first: u32 = if true { yield 1u32 } else { yield 2 };
            yield first * 10;
        });
        assert_eq!(generator.as_mut().resume(0).await, GeneratorState::Yielded(1));
        assert_eq!(generator.as_mut().resume(7).await, GeneratorState::Yielded(70));
    });
}
