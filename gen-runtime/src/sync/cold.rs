//! The misuse panics of sync generators, kept out of the hot paths.

/// A panic with `message`, out of line.
#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn panic_cold(message: &str) -> ! {
    panic!("{message}")
}
