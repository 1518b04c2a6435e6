//! Property test: random generator programs, run by one generic generator
//! body, against a plain reference interpreter: the same items, the same
//! resume values at the same yields, the same completion, and one `Pending`
//! per pending await, whatever the nesting through `yield_from!`.

#[path = "../../support/mod.rs"]
mod support;

use core::task::{Context, Poll};

use asyncgen::{AsyncGenerator, BoxAsyncGen, GeneratorState, async_gen};
use futures::task::noop_waker_ref;
use proptest::prelude::*;
use support::PendingOnce;

/// One step of a generator program.
#[derive(Clone, Debug)]
enum Op {
    /// `yield_!(v)`; the resume value is folded into the accumulator.
    Yield(u32),
    /// `.await` on a ready future.
    AwaitReady,
    /// `.await` on a future that is `Pending` once (and wakes itself).
    AwaitPending,
    /// `return Ok(acc + v)`.
    Return(u32),
    /// `Err(e)?`.
    Fail(u8),
    /// `acc += yield_from!(program)?`.
    YieldFrom(Vec<Op>),
}

fn fold(acc: u32, resumed: u32) -> u32 {
    acc.wrapping_mul(31).wrapping_add(resumed)
}

/// The generic body that runs a program.
#[async_gen(yield = u32, resume = u32, boxed)]
async fn run(program: Vec<Op>) -> Result<u32, u8> {
    let mut acc = 0_u32;
    for op in program {
        match op {
            Op::Yield(value) => acc = fold(acc, yield_!(value)),
            Op::AwaitReady => core::future::ready(()).await,
            Op::AwaitPending => PendingOnce::default().await,
            Op::Return(value) => return Ok(acc.wrapping_add(value)),
            Op::Fail(error) => Err(error)?,
            Op::YieldFrom(inner) => acc = acc.wrapping_add(yield_from!(run(inner))?),
        }
    }
    Ok(acc)
}

/// What a run produces.
#[derive(Debug, Default, PartialEq)]
struct Trace {
    items: Vec<u32>,
    pendings: usize,
    completion: Option<Result<u32, u8>>,
}

/// The reference: interprets `program`, taking resume values from `resumes`.
fn interpret(
    program: &[Op],
    resumes: &mut impl Iterator<Item = u32>,
    trace: &mut Trace,
) -> Result<u32, u8> {
    let mut acc = 0_u32;
    for op in program {
        match op {
            Op::Yield(value) => {
                trace.items.push(*value);
                acc = fold(acc, resumes.next().expect("enough resume values"));
            }
            Op::AwaitReady => {}
            Op::AwaitPending => trace.pendings += 1,
            Op::Return(value) => return Ok(acc.wrapping_add(*value)),
            Op::Fail(error) => return Err(*error),
            Op::YieldFrom(inner) => acc = acc.wrapping_add(interpret(inner, resumes, trace)?),
        }
    }
    Ok(acc)
}

/// Drives the generator with `resumes` (the first one only starts the body).
fn drive(program: Vec<Op>, resumes: &[u32]) -> Trace {
    let mut generator: BoxAsyncGen<'static, u32, Result<u32, u8>, u32> = run(program);
    let mut cx = Context::from_waker(noop_waker_ref());
    let mut trace = Trace::default();
    let mut next_resume = resumes.iter().copied();
    let mut arg = next_resume.next();
    loop {
        match generator.as_mut().poll_resume(&mut cx, &mut arg) {
            Poll::Pending => trace.pendings += 1,
            Poll::Ready(GeneratorState::Yielded(item)) => {
                trace.items.push(item);
                arg = next_resume.next();
            }
            Poll::Ready(GeneratorState::Complete(completion)) => {
                trace.completion = Some(completion);
                return trace;
            }
        }
    }
}

fn op() -> impl Strategy<Value = Op> {
    let leaf = prop_oneof![
        6 => any::<u32>().prop_map(Op::Yield),
        2 => Just(Op::AwaitReady),
        2 => Just(Op::AwaitPending),
        1 => any::<u32>().prop_map(Op::Return),
        1 => any::<u8>().prop_map(Op::Fail),
    ];
    leaf.prop_recursive(3, 40, 8, |inner| {
        prop_oneof![
            4 => inner.clone(),
            1 => prop::collection::vec(inner, 0..8).prop_map(Op::YieldFrom),
        ]
    })
}

fn count_yields(program: &[Op]) -> usize {
    program
        .iter()
        .map(|op| match op {
            Op::Yield(_) => 1,
            Op::YieldFrom(inner) => count_yields(inner),
            _ => 0,
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: if cfg!(miri) { 4 } else { 4_000 },
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn generators_match_the_reference_interpreter(
        program in prop::collection::vec(op(), 0..12),
        seed in any::<u32>(),
    ) {
        // One resume value to start, then one per yield the program may reach.
        let resumes: Vec<u32> = (0..=count_yields(&program))
            .map(|i| seed.wrapping_add(u32::try_from(i).unwrap().wrapping_mul(2_654_435_761)))
            .collect();
        let mut expected = Trace::default();
        let completion = interpret(&program, &mut resumes[1..].iter().copied(), &mut expected);
        expected.completion = Some(completion);
        prop_assert_eq!(drive(program, &resumes), expected);
    }
}
