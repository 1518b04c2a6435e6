//! Drives an async generator to its end with `resume(())`, for the tests
//! that check both its items and its completion value (each includes this
//! file with `#[path = "support/drive.rs"] mod drive;`).

use core::pin::pin;

use asyncgen::{AsyncGenerator, AsyncGeneratorExt, GeneratorState};
use futures::executor::block_on;

/// Output: the generator's items, then its completion value.
pub fn items_and_completion<Y, R>(
    generator: impl AsyncGenerator<Yield = Y, Return = R>,
) -> (Vec<Y>, R) {
    block_on(async {
        let mut generator = pin!(generator);
        let mut items = Vec::new();
        loop {
            match generator.as_mut().resume(()).await {
                GeneratorState::Yielded(item) => items.push(item),
                GeneratorState::Complete(done) => return (items, done),
            }
        }
    })
}
