//! Names of the macro's own.

use proc_macro2::{Ident, Span};

/// A name of the macro's own (user code cannot name it) that errors report
/// at the user's tokens at `at`.
pub(crate) fn hygienic(name: &str, at: Span) -> Ident {
    Ident::new(name, Span::mixed_site().located_at(at))
}
