use asyncgen::async_gen;

trait Numbers {
    #[async_gen(yield = u32)]
    async fn numbers(&self);
}

fn main() {}
