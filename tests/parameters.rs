//! Parameters as an `async fn` (or a plain `fn`) takes them: under `#[cfg]`,
//! bound by patterns with `ref mut`, and dropped with the generator in the
//! order the README documents.

use core::pin::pin;
use std::cell::RefCell;
use std::rc::Rc;

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen, sync_gen};
use futures::StreamExt;
use futures::executor::block_on;

#[async_gen(yield = u32)]
async fn async_with_cfg_parameter(#[cfg(any())] gone: u32, #[cfg(test)] kept: u32, y: u32) {
    yield_!(kept + y);
}

#[sync_gen(yield = u32)]
fn sync_with_cfg_parameter(#[cfg(any())] (a, b): (u32, u32), #[cfg(test)] (c, d): (u32, u32)) {
    yield_!(c * d);
}

#[test]
fn a_parameter_under_a_false_cfg_does_not_exist() {
    assert_eq!(block_on(pin!(async_with_cfg_parameter(1, 2)).collect::<Vec<_>>()), [3]);
    assert_eq!(pin!(sync_with_cfg_parameter((3, 4))).collect::<Vec<_>>(), [12]);
}

#[async_gen(yield = u32)]
async fn async_ref_mut((mut a, ref mut b): (u32, u32)) {
    *b += 1;
    a += 10;
    yield_!(a + *b);
}

#[sync_gen(yield = u32)]
fn sync_ref_mut([first, ref mut rest @ ..]: [u32; 3]) {
    rest[0] += first;
    yield_!(rest[0] + rest[1]);
}

#[test]
fn ref_mut_bindings_in_parameter_patterns_work() {
    assert_eq!(block_on(pin!(async_ref_mut((1, 2))).collect::<Vec<_>>()), [14]);
    assert_eq!(pin!(sync_ref_mut([1, 2, 3])).collect::<Vec<_>>(), [6]);
}

/// Logs its name when dropped.
struct Logged(&'static str, Rc<RefCell<Vec<&'static str>>>);

impl Drop for Logged {
    fn drop(&mut self) {
        self.1.borrow_mut().push(self.0);
    }
}

#[async_gen(yield = u32)]
async fn holds(a: Logged, (b, c): (Logged, Logged), d: Logged) {
    let local = Logged("local", a.1.clone());
    yield_!(1);
    let _ = (&local, &b, &c, &d);
}

/// The drops of `holds(a, (b, c), d)`, dropped after `polls` polls.
fn drops_after(polls: usize) -> Vec<&'static str> {
    let log = Rc::new(RefCell::new(Vec::new()));
    let logged = |name| Logged(name, log.clone());
    {
        let mut generator = pin!(holds(logged("a"), (logged("b"), logged("c")), logged("d")));
        for _ in 0..polls {
            let _ = block_on(generator.as_mut().resume(()));
        }
    }
    log.take()
}

#[test]
fn parameters_drop_after_the_body_s_locals() {
    // Unstarted: the parameters, in order, as an `async fn`'s future drops them.
    assert_eq!(drops_after(0), ["a", "b", "c", "d"]);
    // Started: the body's locals first (a pattern's bindings are locals of
    // the body), then the other parameters in order. (An `async fn` moves
    // every parameter into a local, storing each twice, and drops them in
    // reverse: `local, d, c, b, a`.)
    assert_eq!(drops_after(1), ["local", "c", "b", "a", "d"]);
    assert_eq!(drops_after(2), ["local", "c", "b", "a", "d"]);
}

#[test]
fn a_complete_generator_resumed_for_its_value_has_dropped_everything() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let logged = |name| Logged(name, log.clone());
    let mut generator = pin!(holds(logged("a"), (logged("b"), logged("c")), logged("d")));
    assert_eq!(block_on(generator.as_mut().resume(())), GeneratorState::Yielded(1));
    assert_eq!(block_on(generator.as_mut().resume(())), GeneratorState::Complete(()));
    assert_eq!(log.take(), ["local", "c", "b", "a", "d"]);
}

#[sync_gen(yield = u32)]
#[deny(unused_variables)]
fn lint_attribute_on_a_pattern(#[allow(unused_variables)] (a, b): (u32, u32)) {
    yield_!(a);
}

#[test]
fn a_parameter_s_lint_attributes_cover_its_pattern_s_bindings() {
    // With `deny(unused_variables)` on the function, an unused `b` would not
    // compile unless the parameter's `allow` reaches it.
    assert_eq!(pin!(lint_attribute_on_a_pattern((1, 2))).collect::<Vec<_>>(), [1]);
}

#[async_gen(yield = u32, boxed)]
async fn boxed_with_cfg_reference(#[cfg(any())] name: &str, n: u32) {
    yield_!(n);
}

#[sync_gen(yield = usize, boxed)]
fn sync_boxed_with_cfg_reference(#[cfg(test)] name: &str, #[cfg(any())] other: &str) {
    yield_!(name.len());
}

#[test]
fn a_boxed_generator_with_a_reference_parameter_under_cfg() {
    assert_eq!(block_on(boxed_with_cfg_reference(5).collect::<Vec<_>>()), [5]);
    assert_eq!(sync_boxed_with_cfg_reference("four").collect::<Vec<_>>(), [4]);
}
