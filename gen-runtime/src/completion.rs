//! Which completion types make a generator a `Stream`.

use core::task::Poll;

use crate::protocol::GeneratorState;

mod sealed {
    pub trait Sealed {}
    impl Sealed for () {}
    impl<E> Sealed for Result<(), E> {}
}

/// A completion type that lets a generator be a [`Stream`](futures_core::Stream).
///
/// * `()`: the items are the yielded values.
/// * `Result<(), E>`: the items are `Ok(yielded)`; an `Err(e)` completion
///   becomes one last `Err(e)` item (the `try_stream` pattern, with plain `?`).
///
/// Any other completion value has nowhere to go in a `Stream`, so such a
/// generator is not one; drive it with
/// [`AsyncGeneratorExt::resume`](crate::AsyncGeneratorExt::resume) instead.
///
/// ```
/// use asyncgen_runtime::StreamCompletion;
///
/// assert_eq!(<()>::item(5), 5);
/// assert_eq!(<Result<(), &str>>::item(5), Ok(5));
/// assert_eq!(StreamCompletion::<u8>::last_item(Err::<(), _>("bad")), Some(Err("bad")));
/// assert_eq!(StreamCompletion::<u8>::last_item(()), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "a generator that completes with `{Self}` is not a `Stream`",
    label = "`Stream` needs a completion type of `()` or `Result<(), E>`",
    note = "a `Stream` has nowhere to put a completion value: declare the function's return \
            type as `()` or `Result<(), E>`, or drive the generator with \
            `AsyncGeneratorExt::resume` to receive `GeneratorState::Complete(value)`"
)]
pub trait StreamCompletion<Y>: sealed::Sealed {
    /// The stream's item type.
    type Item;

    /// Wraps a yielded value as a stream item.
    fn item(value: Y) -> Self::Item;

    /// The last item the completion value adds, if any.
    fn last_item(self) -> Option<Self::Item>;
}

impl<Y> StreamCompletion<Y> for () {
    type Item = Y;

    fn item(value: Y) -> Y {
        value
    }

    fn last_item(self) -> Option<Y> {
        None
    }
}

impl<Y, E> StreamCompletion<Y> for Result<(), E> {
    type Item = Result<Y, E>;

    fn item(value: Y) -> Result<Y, E> {
        Ok(value)
    }

    fn last_item(self) -> Option<Result<Y, E>> {
        self.err().map(Err)
    }
}

/// A step of a body as a poll of its stream. Generic over the values only,
/// not the body: one copy serves every generator of one item type.
#[inline]
pub(crate) fn poll_item<Y, R: StreamCompletion<Y>>(
    step: Poll<Option<GeneratorState<Y, R>>>,
) -> Poll<Option<R::Item>> {
    match step {
        Poll::Ready(Some(GeneratorState::Yielded(value))) => Poll::Ready(Some(R::item(value))),
        Poll::Ready(Some(GeneratorState::Complete(completion))) => {
            Poll::Ready(completion.last_item())
        }
        Poll::Ready(None) => Poll::Ready(None),
        Poll::Pending => Poll::Pending,
    }
}

/// The `size_hint` of a generator used as a `Stream` or an `Iterator`:
/// nothing is known until it completes, and then no item is left.
pub(crate) fn size_hint(complete: bool) -> (usize, Option<usize>) {
    (0, complete.then_some(0))
}
