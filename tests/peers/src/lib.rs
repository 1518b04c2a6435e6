//! Tests of asyncgen together with its peers (async-stream). The package
//! has no library code: see `tests/`.
