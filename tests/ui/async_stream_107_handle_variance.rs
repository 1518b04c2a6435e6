// async-stream issue #107: the yield handle's lifetime was variant, so an
// inner generator could swap its handle with the outer generator's (or
// overwrite it) and land a value in the other generator's slot. The handle's
// lifetime is higher-ranked and invariant: both shapes are borrowck errors.
use asyncgen::__private::new;

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
