// A trait declaring `-> BoxAsyncGen<'_, _>` with two borrowed inputs cannot be
// implemented by a generator that captures both (see `BoxAsyncGen`, "Lifetimes"):
// rustc reports E0195, naming the lifetimes `#[async_gen]` adds. The fix is one
// named lifetime on every input, in the trait and the impl.
use asyncgen::{BoxAsyncGen, async_gen};

trait Search {
    fn matches(&self, needle: &str) -> BoxAsyncGen<'_, usize>;
}

struct Haystack(String);

impl Search for Haystack {
    #[async_gen(yield = usize, boxed)]
    async fn matches(&self, needle: &str) {
        for (at, _) in self.0.match_indices(needle) {
            yield_!(at);
        }
    }
}

fn main() {}
