//! Span-carrying error helpers, in the style of pin-project.

/// `return Err(syn::Error::new_spanned(tokens, format!(...)))`.
macro_rules! bail {
    ($tokens:expr, $($msg:tt)+) => {
        return ::core::result::Result::Err(crate::error::format_err!($tokens, $($msg)+))
    };
}

/// `syn::Error::new_spanned(tokens, format!(...))`.
macro_rules! format_err {
    ($tokens:expr, $($msg:tt)+) => {
        ::syn::Error::new_spanned(&$tokens, ::std::format!($($msg)+))
    };
}

pub(crate) use {bail, format_err};
