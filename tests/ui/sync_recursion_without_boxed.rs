// A sync generator that calls itself without `boxed`: one error at the call,
// and callers still see an iterator (the function is expanded as if
// `boxed_local` were given).
use asyncgen::sync_gen;

struct Tree(u32, Vec<Tree>);

#[sync_gen(yield = u32)]
fn walk(tree: &Tree) {
    yield_!(tree.0);
    for child in &tree.1 {
        yield_from!(walk(child));
    }
}

fn main() {
    let tree = Tree(1, Vec::new());
    let values: Vec<u32> = walk(&tree).collect();
    let _ = values;
}
