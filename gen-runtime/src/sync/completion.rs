//! Which completion types make a sync generator an `Iterator`.

mod sealed {
    pub trait Sealed {}
    impl Sealed for () {}
    impl<E> Sealed for Result<(), E> {}
}

/// A completion type that lets a pinned sync generator be an [`Iterator`].
///
/// * `()`: the items are the yielded values.
/// * `Result<(), E>`: the items are `Ok(yielded)`; an `Err(e)` completion
///   becomes one last `Err(e)` item (so `?` in the body ends the iteration
///   with the error).
///
/// Any other completion value has nowhere to go in an `Iterator`, so such a
/// generator is not one; drive it with
/// [`SyncGenerator::resume`](crate::SyncGenerator::resume) instead.
///
/// ```
/// use asyncgen_runtime::IteratorCompletion;
///
/// assert_eq!(<()>::item(5), 5);
/// assert_eq!(<Result<(), &str>>::item(5), Ok(5));
/// assert_eq!(IteratorCompletion::<u8>::last_item(Err::<(), _>("bad")), Some(Err("bad")));
/// assert_eq!(IteratorCompletion::<u8>::last_item(()), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "a sync generator that completes with `{Self}` is not an `Iterator`",
    label = "`Iterator` needs a completion type of `()` or `Result<(), E>`",
    note = "an `Iterator` has nowhere to put a completion value: declare the function's return \
            type as `()` or `Result<(), E>`, or drive the generator with \
            `SyncGenerator::resume` to receive `GeneratorState::Complete(value)`"
)]
pub trait IteratorCompletion<Y>: sealed::Sealed {
    /// The iterator's item type.
    type Item;

    /// Wraps a yielded value as an item.
    fn item(value: Y) -> Self::Item;

    /// The last item the completion value adds, if any.
    fn last_item(self) -> Option<Self::Item>;
}

impl<Y> IteratorCompletion<Y> for () {
    type Item = Y;

    fn item(value: Y) -> Y {
        value
    }

    fn last_item(self) -> Option<Y> {
        None
    }
}

impl<Y, E> IteratorCompletion<Y> for Result<(), E> {
    type Item = Result<Y, E>;

    fn item(value: Y) -> Result<Y, E> {
        Ok(value)
    }

    fn last_item(self) -> Option<Result<Y, E>> {
        self.err().map(Err)
    }
}
