//! The property tests of asyncgen (proptest). The package has no library
//! code: see `tests/model.rs`.
