//! An event source: a generator that waits on a timer and a channel at once
//! with `tokio::select!`, yielding an event for each tick and each message,
//! until the channel closes.
//!
//! Run it with `cargo run --example events`.

use core::pin::pin;
use std::time::Duration;

use asyncgen::async_gen;
use futures::StreamExt;
use tokio::sync::mpsc;

/// What the source reports.
enum Event {
    /// The timer fired, for the n-th time.
    Tick(u32),
    /// A message arrived on the channel.
    Message(String),
}

/// Yields timer ticks and channel messages as they happen; ends when every
/// sender is gone.
#[async_gen(yield = Event)]
async fn events(mut messages: mpsc::Receiver<String>, period: Duration) {
    let mut timer = tokio::time::interval(period);
    timer.tick().await; // the first tick fires at once: skip it
    let mut ticks = 0;
    loop {
        tokio::select! {
            _ = timer.tick() => {
                ticks += 1;
                yield_!(Event::Tick(ticks));
            }
            message = messages.recv() => match message {
                Some(text) => yield_!(Event::Message(text)),
                None => break,
            },
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (sender, receiver) = mpsc::channel(4);
    // A producer that sends three messages 25 ms apart, then hangs up.
    tokio::spawn(async move {
        for text in ["hello", "from", "the channel"] {
            tokio::time::sleep(Duration::from_millis(25)).await;
            sender.send(text.to_string()).await.expect("the generator is listening");
        }
    });
    let mut events = pin!(events(receiver, Duration::from_millis(10)));
    let (mut ticks, mut messages) = (0, 0);
    while let Some(event) = events.next().await {
        match event {
            Event::Tick(n) => {
                ticks += 1;
                println!("tick {n}");
            }
            Event::Message(text) => {
                messages += 1;
                println!("message {text:?}");
            }
        }
    }
    println!("channel closed after {messages} messages and {ticks} ticks");
}
