use asyncgen::async_gen;

#[async_gen(yield = u8)]
struct Numbers {
    next: u8,
}

fn main() {}
