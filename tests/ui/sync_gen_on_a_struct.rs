use asyncgen::sync_gen;

#[sync_gen(yield = u32)]
struct Numbers;

fn main() {
    let _ = Numbers;
}
