//! A recursive generator: a depth-first walk of a directory-like tree,
//! yielding each path as it is reached and completing with the number of
//! files it saw. Recursion needs a nameable type, which `boxed` gives.
//!
//! Run it with `cargo run --example tree`.

use core::pin::pin;

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen};

/// A file or a directory of further nodes.
enum Node {
    File(&'static str),
    Dir(&'static str, Vec<Node>),
}

/// Yields the path of every node under `node`, parents first; completes with
/// the number of files.
#[async_gen(yield = String, boxed)]
async fn walk(node: &Node, prefix: String) -> usize {
    match node {
        Node::File(name) => {
            yield_!(format!("{prefix}{name}"));
            1
        }
        Node::Dir(name, children) => {
            let path = format!("{prefix}{name}/");
            yield_!(path.clone());
            let mut files = 0;
            for child in children {
                // `yield_from!` re-yields the child's paths and evaluates to
                // its completion value: the files below it.
                files += yield_from!(walk(child, path.clone()));
            }
            files
        }
    }
}

fn main() {
    use Node::{Dir, File};
    let tree = Dir(
        "project",
        vec![
            File("Cargo.toml"),
            Dir("src", vec![File("lib.rs"), Dir("bin", vec![File("main.rs")])]),
            Dir("tests", vec![File("walk.rs")]),
        ],
    );
    futures::executor::block_on(async {
        let mut walker = pin!(walk(&tree, String::new()));
        loop {
            match walker.as_mut().resume(()).await {
                GeneratorState::Yielded(path) => println!("{path}"),
                GeneratorState::Complete(files) => {
                    println!("{files} files");
                    break;
                }
            }
        }
    });
}
