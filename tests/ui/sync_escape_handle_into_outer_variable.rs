// The escape of escape_handle_into_outer_variable.rs, for a sync generator: a
// body that stores its yield handle in a variable that outlives the
// generator. The handle's lifetime is higher-ranked: borrowck rejects it.
use asyncgen::__private::sync::new;

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
