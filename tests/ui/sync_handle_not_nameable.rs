use asyncgen::sync_gen;

// The yield handle is hygienic: user code cannot name it, so cannot move or store it.
#[sync_gen(yield = u32)]
fn numbers() {
    yield_!(1);
    let stolen = __co;
}

fn main() {}
