//! asyncgen and async-stream in one program: each consumes the other's
//! streams, item for item.

use async_stream::stream;
use asyncgen::{async_gen, async_gen_block};
use futures::executor::block_on;
use futures::stream::{Stream, StreamExt};

fn their_numbers(limit: u32) -> impl Stream<Item = u32> {
    stream! {
        for i in 0..limit {
            yield i;
        }
    }
}

#[async_gen(yield = u32)]
async fn doubled_theirs(limit: u32) {
    #[for_await]
    for x in their_numbers(limit) {
        yield_!(x * 2);
    }
}

#[test]
fn a_generator_drives_a_stream_macro_stream() {
    let items: Vec<u32> = block_on(Box::pin(doubled_theirs(4)).collect());
    assert_eq!(items, [0, 2, 4, 6]);
}

#[test]
fn a_stream_macro_stream_drives_a_generator() {
    let ours = async_gen_block! {
        for i in 10..13_u32 {
            yield i;
        }
    };
    let theirs = stream! {
        for await x in ours {
            yield x + 1;
        }
    };
    let items: Vec<u32> = block_on(Box::pin(theirs).collect());
    assert_eq!(items, [11, 12, 13]);
}
