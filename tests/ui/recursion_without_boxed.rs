use asyncgen::async_gen;

struct Tree(u32, Vec<Tree>);

#[async_gen(yield = u32)]
async fn walk(tree: &Tree) {
    yield_!(tree.0);
    for child in &tree.1 {
        yield_from!(walk(child));
    }
}

fn main() {
    let _ = walk(&Tree(1, Vec::new()));
}
