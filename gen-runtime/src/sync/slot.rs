//! What crosses between a sync generator and its body during one resume.

/// The slot of a sync generator. `repr(u8)` guarantees a tag byte: the slot
/// is never zero-sized, so its address identifies one live generator (see
/// `SyncCo`'s token).
#[repr(u8)]
pub(crate) enum Transit<Y, A> {
    /// Nothing in transit.
    Empty,
    /// The body yielded this value; the generator has not taken it yet.
    Yielded(Y),
    /// The generator resumed the body with this value; the body has not taken it yet.
    Resumed(A),
}

impl<Y, A> Transit<Y, A> {
    pub(crate) fn take(&mut self) -> Self {
        core::mem::replace(self, Transit::Empty)
    }
}
