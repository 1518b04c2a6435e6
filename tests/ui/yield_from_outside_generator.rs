use asyncgen::yield_from;

async fn not_a_generator() {
    yield_from!(futures::stream::iter([1, 2, 3]));
}

fn main() {
    let _ = not_a_generator();
}
