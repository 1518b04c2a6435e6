//! Compile-fail tests: each misuse of the macros is one clear error at the
//! offending tokens. The `.stderr` snapshots are for the pinned stable rustc.

#[test]
#[cfg_attr(miri, ignore = "compiles crates with rustc")]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
