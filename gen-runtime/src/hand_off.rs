//! What a generator and its body's handle share: one state byte for the
//! whole generator, and the value in transit.
//!
//! The byte says where the body is and, at the same time, what the union of
//! the closure and the future holds and what the transit union holds, so that
//! every transition is one byte store and every question is one byte load.

use core::cell::{Cell, UnsafeCell};
use core::mem::{ManuallyDrop, MaybeUninit, size_of};
use core::panic::Location;
use core::task::Poll;

use crate::protocol::GeneratorState;

/// Where the body is. The order matters: the generator's hot path is one
/// comparison (`<= Suspended`: started and parked, poll it), and so is the
/// check of a `yield` (`<= Suspended`: nothing in transit, write it).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub(crate) enum Phase {
    /// Started: being polled, or parked at an ordinary `.await`. The future
    /// is stored; nothing is in transit.
    Running = 0,
    /// Parked at a `yield` whose value the generator took. The future is
    /// stored. Nothing is in transit, except while the generator polls the
    /// body to resume it with a zero-sized resume value: that value is
    /// "written" by a store of no bytes, and no byte records it. (A body
    /// built by `new_unit` takes no resume value at all: the generator polls
    /// it still saying `Suspended`, and says `Running` only if the body parks
    /// at an ordinary `.await`, see [`HandOff::after_pending`].)
    Suspended = 1,
    /// The body yielded; the value (a `Y`) is in transit, not taken yet.
    Yielded = 2,
    /// The generator resumed the body; the value (an `A` with a size) is in
    /// transit, not taken yet.
    Resumed = 3,
    /// Not polled yet: the closure is stored; nothing is in transit.
    Unstarted = 4,
    /// Being dropped, or dropped the closure or future: nothing is stored.
    Complete = 5,
    /// Panicked: the future is stored, unwound (its locals and captures
    /// went with the unwinding), and is dropped with the generator; nothing
    /// is in transit. (A future that returns is dropped at once.)
    Finished = 6,
}

/// The value in transit: a yielded value or a resume value, never both.
// The fields are never named: they give the union the size and alignment of
// both types, and the values are reached by casting the slot's pointer
// (`repr(C)`: every field is at offset 0).
#[allow(dead_code)]
#[repr(C)]
union Transit<Y, A> {
    yielded: ManuallyDrop<Y>,
    resumed: ManuallyDrop<A>,
}

/// The state byte and the value in transit.
///
/// Every method takes `&self`, and every byte is inside a `Cell` or an
/// `UnsafeCell`: the generator reaches this through a shared reference, the
/// body's handle through a raw pointer, and neither ever asserts uniqueness
/// over it. Each method keeps the invariant that the state byte says what is
/// in transit (see [`Phase`]), so none of them is `unsafe` to call.
pub(crate) struct HandOff<Y, A> {
    phase: Cell<Phase>,
    value: UnsafeCell<MaybeUninit<Transit<Y, A>>>,
}

impl<Y, A> HandOff<Y, A> {
    /// A generator whose closure is stored, not started.
    pub(crate) const fn unstarted() -> Self {
        Self { phase: Cell::new(Phase::Unstarted), value: UnsafeCell::new(MaybeUninit::uninit()) }
    }

    pub(crate) fn phase(&self) -> Phase {
        self.phase.get()
    }

    pub(crate) fn set_phase(&self, phase: Phase) {
        self.phase.set(phase);
    }

    /// The first half of a step. Input: the consumer's resume value, and
    /// whether the body resumes with `()` without taking it (`unit_resume`:
    /// a body built by `new_unit`, whose yields end at their `suspend`).
    /// Output: `true` if the body is started and parked (and, at a yield,
    /// the resume value is in transit; with `unit_resume` nothing is, and
    /// nothing is stored): poll it; `false` for the cold states
    /// (`Unstarted`, `Complete`, or a body parked at an ordinary `.await`
    /// after an unusual hand-off), which the generator sorts out.
    ///
    /// The work of a step lives here and in [`after_pending`](Self::after_pending),
    /// not in the generator's `poll_step`: these are generic over the values
    /// only, so one copy serves every generator of one item type, which is
    /// most of what a debug build compiles per generator.
    ///
    /// # Panics
    ///
    /// If the body is suspended at a yield and `arg` is `None`.
    #[inline]
    pub(crate) fn enter(&self, arg: &mut Option<A>, unit_resume: bool) -> bool {
        let phase = self.phase();
        if phase > Phase::Suspended {
            if phase == Phase::Unstarted {
                // The first resume value has no yield to go to. Taken here,
                // not in the cold path: a `Stream`'s `Some(())` then never
                // needs to be in memory.
                drop(arg.take());
            }
            return false;
        }
        if phase == Phase::Suspended {
            self.resume_with(arg, unit_resume);
        }
        true
    }

    /// The second half of a step whose poll returned `Pending`. Input:
    /// whether the body resumes with `()` without taking it (as for
    /// [`enter`](Self::enter)). Output: the yielded value, if the body
    /// yielded (it is then `Suspended` at that yield); otherwise `Pending`
    /// (the body waits at an ordinary `.await`; a unit-resume body then
    /// says `Running`).
    #[inline]
    pub(crate) fn after_pending<R>(&self, unit_resume: bool) -> Poll<Option<GeneratorState<Y, R>>> {
        if let Some(value) = self.take_yielded() {
            return Poll::Ready(Some(GeneratorState::Yielded(value)));
        }
        // A unit-resume body was polled saying `Suspended` (see
        // `resume_with`) or `Running`, nothing in transit either way; parked
        // at an `.await`, it is running. (No test of which: the one compare
        // of the hot path stays the only one.)
        if unit_resume {
            self.phase.set(Phase::Running);
        }
        Poll::Pending
    }

    /// Drops what is in transit, if anything, and records that nothing is
    /// stored (`Complete`), before the caller drops the closure or the future.
    /// Output: what the byte said before, which says what is stored.
    ///
    /// Completion is recorded before any destructor runs, the value's
    /// included: if one panics, the generator still says `Complete`; if one
    /// yields, the value is dropped at once (no consumer can take it).
    #[inline]
    pub(crate) fn close(&self) -> Phase {
        let stored = self.phase();
        self.leave_for(Phase::Complete);
        stored
    }

    /// Input: a value yielded by the body. Output: the value in transit,
    /// `Yielded`.
    #[inline]
    pub(crate) fn yield_value(&self, value: Y, location: &'static Location<'static>) {
        if self.phase() > Phase::Suspended {
            self.yield_value_unusually(value, location);
            return;
        }
        // SAFETY: `Running` or `Suspended`: nothing (or a zero-sized resume
        // value, which has no bytes) is in transit, so nothing is overwritten.
        unsafe { self.value.get().cast::<Y>().write(value) };
        self.phase.set(Phase::Yielded);
    }

    /// The rare states a yield can meet, none of them reachable through the
    /// macros.
    #[cold]
    #[inline(never)]
    fn yield_value_unusually(&self, value: Y, location: &'static Location<'static>) {
        match self.phase() {
            Phase::Yielded => overwrite(location),
            // A destructor of the body yields while the body is dropped (or
            // after it finished): no consumer will ever take the value.
            Phase::Complete | Phase::Finished => drop(value),
            _ => {
                // `Resumed`: the body yields again before taking its resume
                // value, which it will now never take. (`Unstarted` is
                // unreachable: the handle exists only once the body started.)
                self.drop_in_transit();
                // SAFETY: nothing is in transit any more.
                unsafe { self.value.get().cast::<Y>().write(value) };
                self.phase.set(Phase::Yielded);
            }
        }
    }

    /// Output: the yielded value, if the body yielded; the body is then
    /// `Suspended` at that yield.
    #[inline]
    fn take_yielded(&self) -> Option<Y> {
        if self.phase() != Phase::Yielded {
            return None;
        }
        self.phase.set(Phase::Suspended);
        // SAFETY: `Yielded`: a `Y` is in transit; the byte now says it is not.
        Some(unsafe { self.value.get().cast::<Y>().read() })
    }

    /// Called when the body is `Suspended` at a yield, before polling it.
    /// Input: the consumer's resume value. Output: the value in transit
    /// (`Resumed`, or still `Suspended` if it has no size); with
    /// `unit_resume` (the resume type is `()`, which the body does not
    /// take), nothing: the body is polled still saying `Suspended`.
    ///
    /// # Panics
    ///
    /// If `arg` is `None`.
    #[inline]
    fn resume_with(&self, arg: &mut Option<A>, unit_resume: bool) {
        let Some(value) = arg.take() else { missing_resume_value() };
        if unit_resume {
            // No store and none of the checks of `take_resumed`: `Suspended`
            // with a zero-sized resume type already says "a `()` is in
            // transit", so a body that takes it anyway gets that `()` (it
            // proves nothing), and a yield may write over it.
            return;
        }
        // SAFETY: `Suspended`: nothing is in transit. A zero-sized value is
        // written by a store of no bytes.
        unsafe { self.value.get().cast::<A>().write(value) };
        if size_of::<A>() != 0 {
            self.phase.set(Phase::Resumed);
        }
    }

    /// Output: the resume value the generator put in transit; the body is
    /// `Running` again.
    ///
    /// # Panics
    ///
    /// If the generator did not resume the body from a yield.
    #[inline]
    pub(crate) fn take_resumed(&self) -> A {
        let resumed = if size_of::<A>() == 0 { Phase::Suspended } else { Phase::Resumed };
        if self.phase() != resumed {
            not_resumed();
        }
        self.phase.set(Phase::Running);
        // SAFETY: `Resumed` holds an `A`. A body sees `Suspended` with a
        // zero-sized `A` only inside the poll that `resume_with` prepared:
        // it wrote one (of no bytes), or, for a unit-resume body, was given
        // a `()` (which has no bytes either) that `arg` held; the byte now
        // says it was taken.
        unsafe { self.value.get().cast::<A>().read() }
    }

    /// Drops what is in transit, if anything, and records that the body
    /// finished (`Finished`). Called when the body returns or unwinds, with
    /// the future still stored.
    pub(crate) fn finish(&self) {
        self.leave_for(Phase::Finished);
    }

    /// Drops what is in transit, if anything, and records that nothing is
    /// (`Running`).
    pub(crate) fn drop_in_transit(&self) {
        let phase = self.phase();
        if phase == Phase::Yielded || phase == Phase::Resumed {
            self.leave_for(Phase::Running);
        }
    }

    /// Input: the phase to record. Output: that phase, and what was in
    /// transit dropped. The byte is written before the value's destructor
    /// runs, so a destructor that panics (or yields) finds it already true.
    fn leave_for(&self, next: Phase) {
        let phase = self.phase();
        self.phase.set(next);
        let value = self.value.get();
        match phase {
            // SAFETY: `Yielded` held a `Y`; the byte no longer says so, so it
            // is read (and dropped) once.
            Phase::Yielded => drop(unsafe { value.cast::<Y>().read() }),
            // SAFETY: `Resumed` held an `A`; the byte no longer says so.
            Phase::Resumed => drop(unsafe { value.cast::<A>().read() }),
            _ => {}
        }
    }
}

/// A second yield before the first value was taken.
#[cold]
#[inline(never)]
#[track_caller]
fn overwrite(location: &'static Location<'static>) -> ! {
    panic!(
        "`yield` at {location} would overwrite a value its consumer has not taken yet: \
         a yield ran outside the generator's own body (inside a nested future?)"
    )
}

#[cold]
#[inline(never)]
#[track_caller]
fn missing_resume_value() -> ! {
    panic!(
        "`AsyncGen` resumed at a `yield` without a resume value: a body suspended at a `yield` \
         needs a resume value, so `poll_resume` needs `Some(arg)` there; `yield_from!` cannot \
         continue a source suspended at a `yield` unless the resume type is `()`"
    )
}

#[cold]
#[inline(never)]
fn not_resumed() -> ! {
    panic!("a generator body continued past a yield without being resumed from it")
}
