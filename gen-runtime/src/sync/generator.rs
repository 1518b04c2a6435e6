//! `SyncGen`: the sync generator type, its protocol and its `Iterator`s.

use core::fmt;
use core::iter::FusedIterator;
use core::pin::Pin;

use crate::body::Progress;
use crate::protocol::GeneratorState;
use crate::sync::body::SyncBody;
use crate::sync::completion::IteratorCompletion;
use crate::sync::protocol::SyncGenerator;

/// A sync generator (JavaScript's `function*`): the value returned by a
/// `#[sync_gen]` function or a `sync_gen_block!`.
///
/// It owns the body (the state machine the compiler builds from the body's
/// code) and one slot for the value in transit, and nothing else: no
/// allocation, no thread-local, no global state. Its body never waits: each
/// [`resume`](SyncGenerator::resume) runs it to its next `yield` or its end.
///
/// * `Pin<&mut SyncGen<…>>` (what `core::pin::pin!` gives) is an
///   [`Iterator`] and a [`FusedIterator`] when the resume type is `()` and
///   the completion type is `()` (items are the yielded values) or
///   `Result<(), E>` (items are `Ok(yielded)`, then one last `Err(e)` if the
///   body fails); see [`IteratorCompletion`]. So is `Pin<Box<SyncGen<…>>>`
///   with the runtime's `alloc` feature (the facade's `BoxSyncGen`).
/// * It implements the two-way [`SyncGenerator`] protocol for any resume type.
/// * It is `Send` / `Sync` exactly when its body and values are.
///
/// | JavaScript | asyncgen |
/// |---|---|
/// | `function*` | `#[sync_gen(yield = T)] fn` / `sync_gen_block!` |
/// | `yield v` | `yield_!(v)` (`yield v` in `sync_gen_block!`) |
/// | `for (x of g)` | `for x in pin!(g)` |
/// | `g.next()` | `g.next()` → `Option<Y>` |
/// | `g.next(v)` | `g.as_mut().resume(v)` → `GeneratorState<Y, R>` |
/// | `yield* other` | `yield_from!(other)` |
/// | `g.return()` | `drop(g)`: runs every live destructor |
///
/// # Panics
///
/// A panic in the body propagates out of the resume that ran it; the
/// generator is complete from then on, so `next()` returns `None`.
///
/// ```
/// # use asyncgen_runtime::{SyncBody, SyncGen, __private::sync};
/// # fn numbers() -> SyncGen<impl SyncBody<Yield = u32, Resume = (), Return = ()>> {
/// #     sync::new_unit::<u32, (), _, _>(async |mut co| for i in 0..3 { co.yield_(i); co.suspend().await; })
/// # }
/// // `numbers()` is what `#[sync_gen(yield = u32)] fn numbers()` returns.
/// let mut numbers = core::pin::pin!(numbers());
/// assert_eq!(format!("{numbers:?}"), "SyncGen { state: Unstarted, .. }");
/// assert_eq!(numbers.next(), Some(0));
/// assert_eq!(format!("{numbers:?}"), "SyncGen { state: Suspended, .. }");
/// let rest: Vec<u32> = numbers.as_mut().collect();
/// assert_eq!(rest, [1, 2]);
/// assert!(numbers.is_complete());
/// assert_eq!(format!("{numbers:?}"), "SyncGen { state: Complete, .. }");
/// ```
#[must_use = "generators do nothing unless resumed"]
pub struct SyncGen<B: SyncBody + ?Sized> {
    body: B,
}

impl<B: SyncBody> SyncGen<B> {
    pub(crate) const fn from_body(body: B) -> Self {
        Self { body }
    }
}

impl<B: SyncBody + ?Sized> SyncGen<B> {
    /// Whether the body has finished (returned or panicked): resuming it
    /// again would panic, and `next()` returns `None`.
    ///
    /// ```
    /// # use asyncgen_runtime::{SyncBody, SyncGen, __private::sync};
    /// # fn one() -> SyncGen<impl SyncBody<Yield = u32, Resume = (), Return = ()>> {
    /// #     sync::new_unit::<u32, (), _, _>(async |mut co| { co.yield_(1); co.suspend().await; })
    /// # }
    /// let mut one = core::pin::pin!(one());
    /// assert!(!one.is_complete());
    /// assert_eq!(one.next(), Some(1));
    /// assert!(!one.is_complete());
    /// assert_eq!(one.next(), None);
    /// assert!(one.is_complete());
    /// ```
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.body.progress() == Progress::Complete
    }

    /// Input: the resume value (`None`: only start the body). Output: the
    /// body's next step; `None` if it had already finished.
    // Inlined for the body's sake (see `SyncBody::step`).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn body_step(
        self: Pin<&mut Self>,
        arg: &mut Option<B::Resume>,
    ) -> Option<GeneratorState<B::Yield, B::Return>> {
        // SAFETY: `body` is structurally pinned: `SyncGen` never moves it out
        // and has no `Drop` impl of its own, so it stays where it is until it
        // is dropped, as `step` requires.
        unsafe { self.get_unchecked_mut().body.step(arg) }
    }

    fn step(
        self: Pin<&mut Self>,
        mut arg: Option<B::Resume>,
    ) -> GeneratorState<B::Yield, B::Return> {
        match self.body_step(&mut arg) {
            Some(state) => state,
            None => panic!(
                "`SyncGen` resumed after it completed or panicked: a generator cannot be resumed \
                 after `GeneratorState::Complete`, nor delegated to by `yield_from!` (its \
                 completion value was already taken); check `is_complete()` first"
            ),
        }
    }
}

impl<B: SyncBody + ?Sized> SyncGenerator<B::Resume> for SyncGen<B> {
    type Yield = B::Yield;
    type Return = B::Return;

    fn resume(self: Pin<&mut Self>, arg: B::Resume) -> GeneratorState<B::Yield, B::Return> {
        self.step(Some(arg))
    }

    fn resume_or_start(
        self: Pin<&mut Self>,
        arg: Option<B::Resume>,
    ) -> GeneratorState<B::Yield, B::Return> {
        self.step(arg)
    }
}

/// Input: a pinned generator. Output: its next item, `None` once it ended.
// Inlined for `body_step`'s sake (see `SyncBody::step`).
#[allow(clippy::inline_always)]
#[inline(always)]
fn next_item<B>(generator: Pin<&mut SyncGen<B>>) -> Option<IteratorItem<B>>
where
    B: SyncBody<Resume = ()> + ?Sized,
    B::Return: IteratorCompletion<B::Yield>,
{
    match generator.body_step(&mut Some(()))? {
        GeneratorState::Yielded(value) => Some(B::Return::item(value)),
        GeneratorState::Complete(completion) => completion.last_item(),
    }
}

type IteratorItem<B> =
    <<B as SyncBody>::Return as IteratorCompletion<<B as SyncBody>::Yield>>::Item;

impl<B> Iterator for Pin<&mut SyncGen<B>>
where
    B: SyncBody<Resume = ()> + ?Sized,
    B::Return: IteratorCompletion<B::Yield>,
{
    type Item = IteratorItem<B>;

    // Inlined for `body_step`'s sake (see `SyncBody::step`).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        next_item(self.as_mut())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        crate::completion::size_hint(self.is_complete())
    }
}

impl<B> FusedIterator for Pin<&mut SyncGen<B>>
where
    B: SyncBody<Resume = ()> + ?Sized,
    B::Return: IteratorCompletion<B::Yield>,
{
}

#[cfg(feature = "alloc")]
impl<B> Iterator for Pin<alloc::boxed::Box<SyncGen<B>>>
where
    B: SyncBody<Resume = ()> + ?Sized,
    B::Return: IteratorCompletion<B::Yield>,
{
    type Item = IteratorItem<B>;

    // Inlined for `body_step`'s sake (see `SyncBody::step`).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        next_item(self.as_mut())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        crate::completion::size_hint(self.is_complete())
    }
}

#[cfg(feature = "alloc")]
impl<B> FusedIterator for Pin<alloc::boxed::Box<SyncGen<B>>>
where
    B: SyncBody<Resume = ()> + ?Sized,
    B::Return: IteratorCompletion<B::Yield>,
{
}

/// Shows where the body is: `Unstarted`, `Suspended` (at a `yield`, waiting
/// for its consumer) or `Complete`.
impl<B: SyncBody + ?Sized> fmt::Debug for SyncGen<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SyncGen").field("state", &self.body.progress()).finish_non_exhaustive()
    }
}
