// The asynk-strim / async-gen escape: a body that stores its yield handle in
// a variable that outlives the generator, to yield through it later. The
// handle's lifetime is higher-ranked, so borrowck rejects the store.
use asyncgen::__private::new;

fn main() {
    let mut stash = None;
    let generator = new::<u32, (), (), _, _>(async |co| {
        stash = Some(co);
    });
    drop(generator);
    if let Some(mut co) = stash {
        co.yield_(1);
    }
}
