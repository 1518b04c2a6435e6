//! A two-way generator: running statistics fed by the consumer.
//!
//! The generator receives each sample through `resume` (JavaScript's
//! `gen.next(sample)`), yields the statistics so far after each one, and
//! when the consumer sends `None` it completes with a final report (its
//! completion value, JavaScript's `{ value, done: true }`).
//!
//! Run it with `cargo run --example resume`.

use core::pin::pin;

use asyncgen::{AsyncGeneratorExt, GeneratorState, async_gen};

/// Count, mean and spread of the samples seen so far.
#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    count: u32,
    mean: f64,
    min: f64,
    max: f64,
    /// Sum of squared distances from the mean (Welford's algorithm).
    m2: f64,
}

impl Stats {
    fn add(&mut self, sample: f64) {
        self.count += 1;
        if self.count == 1 {
            (self.min, self.max) = (sample, sample);
        }
        self.min = self.min.min(sample);
        self.max = self.max.max(sample);
        let delta = sample - self.mean;
        self.mean += delta / f64::from(self.count);
        self.m2 += delta * (sample - self.mean);
    }

    fn std_dev(&self) -> f64 {
        if self.count < 2 { 0.0 } else { (self.m2 / f64::from(self.count - 1)).sqrt() }
    }
}

/// Yields the statistics after each sample it is resumed with; a `None`
/// resume ends it with a one-line report.
#[async_gen(yield = Stats, resume = Option<f64>)]
async fn running_stats() -> String {
    let mut stats = Stats::default();
    // The first yield answers the first resume, which only starts the body.
    while let Some(sample) = yield_!(stats) {
        stats.add(sample);
    }
    format!(
        "{} samples, mean {:.2}, standard deviation {:.2}, range {}..={}",
        stats.count,
        stats.mean,
        stats.std_dev(),
        stats.min,
        stats.max
    )
}

fn main() {
    let samples = [12.0, 15.5, 9.25, 20.0, 14.0, 11.5];
    futures::executor::block_on(async {
        let mut stats = pin!(running_stats());
        // Starts the body; like JavaScript's first `next(v)`, the value is dropped.
        stats.as_mut().resume(None).await;
        println!("{:>8} {:>6} {:>8} {:>8}", "sample", "count", "mean", "std dev");
        for sample in samples {
            match stats.as_mut().resume(Some(sample)).await {
                GeneratorState::Yielded(now) => println!(
                    "{sample:>8.2} {:>6} {:>8.2} {:>8.2}",
                    now.count,
                    now.mean,
                    now.std_dev()
                ),
                GeneratorState::Complete(report) => unreachable!("ended early: {report}"),
            }
        }
        match stats.as_mut().resume(None).await {
            GeneratorState::Complete(report) => println!("final: {report}"),
            GeneratorState::Yielded(_) => unreachable!("a `None` sample ends the generator"),
        }
    });
}
