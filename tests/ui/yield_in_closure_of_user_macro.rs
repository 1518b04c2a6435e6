// A closure that a user's macro hides, and a closure written after `&` or
// `:` among a macro's tokens: each yield is an error at the `yield_!`.
use asyncgen::async_gen;

macro_rules! later {
    ($e:expr) => {
        || $e
    };
}

macro_rules! run {
    ($($body:tt)*) => { $($body)* };
}

struct Callbacks<'a> {
    each: &'a dyn Fn(&u32),
}

#[async_gen(yield = u32)]
async fn hidden(values: Vec<u32>) {
    let call = later!(yield_!(1));
    call();
    run! {
        let _: Vec<()> = values.iter().map(&|x: &u32| yield_!(*x)).collect();
        let _ = Callbacks { each: &|x: &u32| yield_!(*x) };
    }
}

fn main() {
    let _ = hidden(vec![1]);
}
