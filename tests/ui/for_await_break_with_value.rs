// A `#[for_await]` loop is a `for` loop: `break value` is an error at the
// user's `break`, not at the attribute.
use asyncgen::async_gen;

#[async_gen(yield = u32)]
async fn first_even(input: futures::stream::Iter<std::vec::IntoIter<u32>>) -> u32 {
    #[for_await]
    for value in input {
        if value % 2 == 0 {
            break value;
        }
        yield_!(value);
    }
    0
}

fn main() {
    let _ = first_even(futures::stream::iter(vec![1, 2]));
}
