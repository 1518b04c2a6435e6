//! The sync expansions keep working when the user's crate shadows the names
//! they could depend on, parameters named like the macro's helpers are
//! ordinary bindings, and user spans are preserved.
#![allow(dead_code, non_camel_case_types)] // the shadowing items below exist only to shadow

use asyncgen::{sync_gen, sync_gen_block};

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
struct Iterator;
struct Send;
struct Sync;

#[sync_gen(yield = u32)]
fn shadowed_everything(__co: u32, __from: u32) -> ::core::result::Result<(), u8> {
    let __via = 1_u32;
    let __source = 2_u32;
    let __resume = 3_u32;
    yield_!(__co + __from + __via + __source + __resume);
    yield_from!(sync_gen_block! { yield 100_u32; });
    yield_from!([7_u32]);
    ::core::result::Result::Ok(())
}

#[sync_gen(yield = u32, boxed)]
fn boxed_shadowed() {
    yield_!(line!());
}

#[test]
fn expansions_do_not_depend_on_the_users_names() {
    let items: ::std::vec::Vec<_> = ::core::pin::pin!(shadowed_everything(10, 20)).collect();
    assert_eq!(
        items,
        [
            ::core::result::Result::Ok(36),
            ::core::result::Result::Ok(100),
            ::core::result::Result::Ok(7)
        ]
    );
    let lines: ::std::vec::Vec<u32> = boxed_shadowed().collect();
    assert_eq!(lines, [36]);
}
