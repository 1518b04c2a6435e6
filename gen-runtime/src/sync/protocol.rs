//! The two-way protocol of sync generators: `resume(arg)` gives a `GeneratorState`.

use core::ops::DerefMut;
use core::pin::Pin;

use crate::protocol::GeneratorState;

/// A sync generator that can be resumed with values of type `A`
/// (JavaScript's `generator.next(arg)`).
///
/// Every [`SyncGen`](crate::SyncGen) implements it, with `A` its resume type
/// (`()` unless declared with `resume = A`); so do `Pin<P>` of one (a
/// `Pin<Box<SyncGen<…>>>`, say) and `&mut G` of an `Unpin` one.
///
/// ```
/// use core::pin::Pin;
/// use asyncgen_runtime::{GeneratorState, SyncGenerator};
///
/// // A generator written by hand: yields each resume value doubled, twice.
/// struct Doubler(u8);
///
/// impl SyncGenerator<u32> for Doubler {
///     type Yield = u32;
///     type Return = &'static str;
///     fn resume(mut self: Pin<&mut Self>, arg: u32) -> GeneratorState<u32, &'static str> {
///         if self.0 == 2 {
///             return GeneratorState::Complete("done");
///         }
///         self.0 += 1;
///         GeneratorState::Yielded(arg * 2)
///     }
/// }
///
/// let mut doubler = Doubler(0);
/// let mut doubler = Pin::new(&mut doubler);
/// assert_eq!(doubler.as_mut().resume(4), GeneratorState::Yielded(8));
/// assert_eq!(doubler.as_mut().resume(5), GeneratorState::Yielded(10));
/// assert_eq!(doubler.as_mut().resume(6), GeneratorState::Complete("done"));
/// ```
pub trait SyncGenerator<A = ()> {
    /// The type of the values the generator yields.
    type Yield;
    /// The generator's completion value.
    type Return;

    /// Runs the body until its next `yield` or its end. `arg` becomes the
    /// value of the `yield` the body is suspended at; the first resume's
    /// argument is dropped (the body has not reached a `yield` yet), as
    /// JavaScript drops the first `next(v)`'s argument.
    ///
    /// # Panics
    ///
    /// `SyncGen` panics when resumed after it returned
    /// [`GeneratorState::Complete`] or after its body panicked (check
    /// [`SyncGen::is_complete`](crate::SyncGen::is_complete) first), and
    /// propagates a panic of its body.
    ///
    /// ```
    /// use asyncgen_runtime::{GeneratorState, SyncGenerator};
    /// # use asyncgen_runtime::__private::sync;
    /// # let total = sync::new::<u32, u32, u32, _, _>(async |mut co| {
    /// #     let mut total = 0;
    /// #     for _ in 0..2 { co.yield_(total); co.suspend().await; total += co.resumed(); }
    /// #     total
    /// # });
    /// // `total` sums two resume values, then completes with the sum.
    /// let mut total = core::pin::pin!(total);
    /// assert_eq!(total.as_mut().resume(100), GeneratorState::Yielded(0)); // 100 is dropped
    /// assert_eq!(total.as_mut().resume(5), GeneratorState::Yielded(5));
    /// assert_eq!(total.as_mut().resume(6), GeneratorState::Complete(11));
    /// assert!(total.is_complete());
    /// ```
    fn resume(self: Pin<&mut Self>, arg: A) -> GeneratorState<Self::Yield, Self::Return>;

    /// `resume`, or with `None` only start the body; used by `yield_from!`,
    /// which has no resume value for the first step of a delegation.
    #[doc(hidden)]
    fn resume_or_start(
        self: Pin<&mut Self>,
        arg: Option<A>,
    ) -> GeneratorState<Self::Yield, Self::Return> {
        match arg {
            Some(arg) => self.resume(arg),
            None => panic!(
                "`yield_from!` has no resume value for the first step of a generator that is not \
                 a `SyncGen`: delegate to it with resume type `()`, or drive it by hand"
            ),
        }
    }
}

impl<P, A> SyncGenerator<A> for Pin<P>
where
    P: DerefMut<Target: SyncGenerator<A>>,
{
    type Yield = <P::Target as SyncGenerator<A>>::Yield;
    type Return = <P::Target as SyncGenerator<A>>::Return;

    fn resume(self: Pin<&mut Self>, arg: A) -> GeneratorState<Self::Yield, Self::Return> {
        self.as_deref_mut().resume(arg)
    }

    fn resume_or_start(
        self: Pin<&mut Self>,
        arg: Option<A>,
    ) -> GeneratorState<Self::Yield, Self::Return> {
        self.as_deref_mut().resume_or_start(arg)
    }
}

impl<G: SyncGenerator<A> + Unpin + ?Sized, A> SyncGenerator<A> for &mut G {
    type Yield = G::Yield;
    type Return = G::Return;

    fn resume(mut self: Pin<&mut Self>, arg: A) -> GeneratorState<G::Yield, G::Return> {
        G::resume(Pin::new(&mut **self), arg)
    }

    fn resume_or_start(
        mut self: Pin<&mut Self>,
        arg: Option<A>,
    ) -> GeneratorState<G::Yield, G::Return> {
        G::resume_or_start(Pin::new(&mut **self), arg)
    }
}
