// Recursion without `boxed`: one error at the call, and callers still see a
// stream (the function is expanded as if `boxed_local` were given).
use asyncgen::async_gen;
use futures::StreamExt;

struct Tree(u32, Vec<Tree>);

#[async_gen(yield = u32)]
async fn walk(tree: &Tree) {
    yield_!(tree.0);
    for child in &tree.1 {
        yield_from!(walk(child));
    }
}

async fn caller(tree: &Tree) -> Vec<u32> {
    walk(tree).collect().await
}

fn main() {
    let _ = caller(&Tree(1, Vec::new()));
}
