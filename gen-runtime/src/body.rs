//! The trait of a generator's body, which a boxed generator erases.

use core::task::{Context, Poll};

use crate::protocol::GeneratorState;

mod sealed {
    pub trait Sealed {}
}

pub(crate) use sealed::Sealed;

/// Where a generator's body is in its life.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Not polled yet: the body has not started.
    Unstarted,
    /// Parked at a `yield`, waiting for its consumer to resume it.
    Suspended,
    /// Started and parked at an ordinary `.await`.
    Running,
    /// Returned its completion value, or panicked.
    Complete,
}

/// The body of an [`AsyncGen`](crate::AsyncGen): what the macros build from an
/// `async fn` or an `async_gen_block!`, together with the hand-off its yields go
/// through.
///
/// The trait is sealed: only this crate implements it. It appears in the
/// return types the macros write (`AsyncGen<impl Body<Yield = u32, …>>`) and is
/// dyn compatible, so that a body can be type-erased behind a box.
///
/// ```
/// use asyncgen_runtime::{AsyncGen, Body};
///
/// // A function signature that accepts any generator yielding `u32`s.
/// fn takes(_gen: AsyncGen<impl Body<Yield = u32, Resume = (), Return = ()>>) {}
/// ```
pub trait Body: Sealed {
    /// The type of the values the body yields.
    type Yield;
    /// The type of the values the body receives back from each `yield`.
    type Resume;
    /// The body's completion value.
    type Return;

    #[doc(hidden)]
    fn progress(&self) -> Progress;

    /// Resumes the body; `Ready(None)` if it had already finished (returned
    /// or panicked), in which case nothing is polled and `arg` is left alone.
    /// One check serves both callers: `Stream` ends, `resume` panics.
    ///
    /// # Safety
    ///
    /// `self` is pinned: it is not moved from this call until it is dropped.
    /// (A `&mut` rather than a `Pin`: the generator's own pin projection is
    /// then the only pinning code each generator instantiates.)
    #[doc(hidden)]
    unsafe fn poll_step(
        &mut self,
        cx: &mut Context<'_>,
        arg: &mut Option<Self::Resume>,
    ) -> Poll<Option<GeneratorState<Self::Yield, Self::Return>>>;
}
