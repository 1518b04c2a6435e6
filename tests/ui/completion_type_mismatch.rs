// A body or `return` whose value is not the declared completion type (a
// wrong tail, a missing `Ok(())`, a bare `return`): one error at that value,
// against the declared type, as for an `async fn`, not at the attribute.
use asyncgen::{async_gen, sync_gen};

#[async_gen(yield = u32)]
async fn wrong_tail() -> u32 {
    yield_!(1);
    "s"
}

#[async_gen(yield = u32)]
async fn missing_ok(text: &str) -> Result<(), std::num::ParseIntError> {
    yield_!(text.parse()?);
}

#[sync_gen(yield = u32)]
fn sync_wrong_tail() -> u32 {
    yield_!(1);
    "s"
}

#[sync_gen(yield = u32)]
fn sync_missing_ok(text: &str) -> Result<(), std::num::ParseIntError> {
    yield_!(text.parse()?);
}

#[async_gen(yield = u32)]
async fn wrong_return(early: bool) -> u32 {
    if early {
        return "s";
    }
    yield_!(1);
    5
}

#[sync_gen(yield = u32)]
fn bare_return(early: bool) -> u32 {
    if early {
        return;
    }
    yield_!(1);
    5
}

fn main() {
    let _ = (wrong_tail(), missing_ok("1"), sync_wrong_tail(), sync_missing_ok("1"));
    let _ = (wrong_return(true), bare_return(true));
}
