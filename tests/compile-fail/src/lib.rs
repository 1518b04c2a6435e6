//! The UI (compile-fail) tests of asyncgen. The package has no library
//! code: `tests/ui.rs` runs trybuild over the facade's `tests/ui/*.rs`.
