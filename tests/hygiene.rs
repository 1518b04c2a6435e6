//! The expansions keep working when the user's crate shadows the names they
//! could depend on, and user spans are preserved.
#![allow(dead_code, non_camel_case_types)] // the shadowing items below exist only to shadow

use asyncgen::{async_gen, async_gen_block};

// Everything an expansion might name, shadowed at the crate root.
mod core {}
mod std {}
struct Option;
struct Some;
struct None;
struct Poll;
struct Pin;
struct Result;
struct Ok;
struct Err;
struct Box;
struct Future;
struct Stream;
struct Send;
struct Sync;

#[async_gen(yield = u32)]
async fn shadowed_everything(
    input: impl futures::Stream<Item = u32>,
) -> ::core::result::Result<(), u8> {
    // Names the macros use internally are free for the user.
    let __co = 1_u32;
    let __stream = 2_u32;
    let __item = 3_u32;
    let __source = 4_u32;
    #[for_await]
    for value in input {
        yield_!(value + __co + __stream + __item + __source);
    }
    yield_from!(async_gen_block! { yield 100_u32; });
    '__for_await: for extra in 0..2_u32 {
        if extra == 1 {
            break '__for_await;
        }
        yield_!(extra);
    }
    ::core::result::Result::Err(7)
}

#[test]
fn expansions_work_with_core_std_and_prelude_names_shadowed() {
    let input = async_gen_block! { yield 10_u32; yield 20_u32; };
    let generator = shadowed_everything(input);
    let items: ::std::vec::Vec<_> =
        futures::executor::block_on(futures::StreamExt::collect(::core::pin::pin!(generator)));
    assert_eq!(
        items,
        [
            ::core::result::Result::Ok(20),
            ::core::result::Result::Ok(30),
            ::core::result::Result::Ok(100),
            ::core::result::Result::Ok(0),
            ::core::result::Result::Err(7)
        ]
    );
}

#[async_gen(yield = (u32, u32))]
async fn locations() {
    yield_!((line!(), ::std::panic::Location::caller().line()));
    let block = async_gen_block! {
        yield (line!(), ::std::panic::Location::caller().line());
    };
    yield_from!(block);
}

#[test]
fn line_and_location_report_the_users_own_lines() {
    let items: ::std::vec::Vec<(u32, u32)> =
        futures::executor::block_on(futures::StreamExt::collect(::core::pin::pin!(locations())));
    let first = line_of("yield_!((line!()");
    let second = line_of("yield (line!()");
    assert_eq!(items, [(first, first), (second, second)]);
}

/// The 1-based line of this file on which `needle` first appears.
fn line_of(needle: &str) -> u32 {
    let source = include_str!("hygiene.rs");
    let index = source.lines().position(|line| line.contains(needle)).expect("needle in source");
    u32::try_from(index + 1).expect("small file")
}

#[async_gen(yield = u32)]
async fn panics_on_its_own_line() {
    yield_!(1);
    panic!("the body's own panic");
}

#[test]
fn a_panic_in_the_body_reports_the_users_location() {
    let reported = ::std::sync::Arc::new(::std::sync::Mutex::new(::std::option::Option::None));
    let sink = ::std::sync::Arc::clone(&reported);
    let previous = ::std::panic::take_hook();
    ::std::panic::set_hook(::std::boxed::Box::new(move |info| {
        *sink.lock().unwrap() = info.location().map(::std::panic::Location::line);
    }));
    let result = ::std::panic::catch_unwind(|| {
        futures::executor::block_on(futures::StreamExt::collect::<::std::vec::Vec<u32>>(
            ::core::pin::pin!(panics_on_its_own_line()),
        ))
    });
    ::std::panic::set_hook(previous);
    assert!(result.is_err());
    assert_eq!(
        *reported.lock().unwrap(),
        ::std::option::Option::Some(line_of("panic!(\"the body's own panic\")"))
    );
}
