// A path type that hides a lifetime (`Chars` is `Chars<'_>`) looks borrow-free to
// `#[async_gen]`, so the boxed generator is `'static`; rustc says the argument must
// outlive `'static`. The fix is to write the lifetime: `Chars<'_>` (see `BoxAsyncGen`).
use asyncgen::async_gen;

#[async_gen(yield = char, boxed)]
async fn chars(c: std::str::Chars) {
    for ch in c {
        yield_!(ch);
    }
}

fn main() {
    let _ = chars("abc".chars());
}
