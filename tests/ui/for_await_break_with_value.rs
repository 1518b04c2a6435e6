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
    let _ = nested(futures::stream::iter(vec![1, 2]));
}

// Breaks that do not leave the loop, or leave it without a value, are fine;
// a labelled `break 'outer value` is reported too.
#[async_gen(yield = u32)]
async fn nested(input: futures::stream::Iter<std::vec::IntoIter<u32>>) {
    #[for_await]
    'outer: for value in input {
        let found = loop {
            break value * 2;
        };
        if found > 10 {
            break 'outer found;
        }
        if found > 4 {
            break;
        }
        yield_!(found);
    }
}
