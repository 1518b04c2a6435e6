//! Compile-fail tests: each misuse of the macros is one clear error at the
//! offending tokens. The cases and their `.stderr` snapshots live in the
//! facade's `tests/ui/`, reached through the symlink `tests/ui` of this
//! package, so that trybuild names them `tests/ui/NAME.rs` (with line
//! numbers) as it would in the facade. They compile against this package's
//! dev-dependencies (asyncgen, futures). The snapshots are for the pinned
//! stable rustc, with or without its `rust-src` component (`.ci/run` checks
//! both).

#[test]
#[cfg_attr(miri, ignore = "compiles crates with rustc")]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
