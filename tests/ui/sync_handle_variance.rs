// async-stream issue #107 transposed to sync generators: an inner generator
// swapping its handle with the outer generator's, or overwriting it. The
// handle's lifetime is higher-ranked and invariant: both are borrowck errors.
use asyncgen::__private::sync::new;

fn swap_handles() {
    let _outer = new::<u32, (), (), _, _>(async |mut outer_co| {
        let outer_ref = &mut outer_co;
        let inner = new::<u32, (), (), _, _>(async move |mut inner_co| {
            core::mem::swap(outer_ref, &mut inner_co);
            inner_co.yield_(1);
        });
        drop(inner);
        outer_co.yield_(2);
    });
}

fn assign_handle() {
    let _outer = new::<u32, (), (), _, _>(async |mut outer_co| {
        let outer_ref = &mut outer_co;
        let inner = new::<u32, (), (), _, _>(async move |inner_co| {
            *outer_ref = inner_co;
        });
        drop(inner);
        outer_co.yield_(2);
    });
}

fn main() {
    swap_handles();
    assign_handle();
}
