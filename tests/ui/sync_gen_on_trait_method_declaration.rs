// The error gives the signature to declare; the declaration is emitted with
// it, so an impl written with `boxed` and its callers get no second error.
use asyncgen::sync_gen;

trait Numbers {
    #[sync_gen(yield = u32)]
    fn numbers(&self);
}

struct Upto(u32);

impl Numbers for Upto {
    #[sync_gen(yield = u32, boxed)]
    fn numbers(&self) {
        for n in 0..self.0 {
            yield_!(n);
        }
    }
}

fn main() {
    let values: Vec<u32> = Upto(3).numbers().collect();
    let _ = values;
}
