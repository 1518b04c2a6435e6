use asyncgen::async_gen;

// The yield handle is hygienic: user code cannot name it, so cannot move or store it.
#[async_gen(yield = u32)]
async fn numbers() {
    yield_!(1);
    let stolen = __co;
}

fn main() {}
