// Array lengths and const generic arguments are constants, evaluated at
// compile time: a yield there is the constant's error, once, at the yield.
use asyncgen::async_gen;

fn takes<const N: usize>() {}

#[async_gen(yield = u32)]
async fn lengths() {
    let _: [u8; { yield_!(1); 3 }] = [0; 3];
    let _ = [0u8; { yield_!(2); 3 }];
    takes::<{ yield_!(3); 3 }>();
}

fn main() {
    let _ = lengths();
}
