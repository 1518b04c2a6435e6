//! A try-generator: reads a file line by line with `AsyncBufReadExt` and
//! yields a parsed record per line; `?` turns the first bad line (or an I/O
//! error) into the stream's last item, an `Err`.
//!
//! Run it with `cargo run --example lines`: it writes a small CSV file to the
//! system's temporary directory and streams it back.

use core::pin::pin;
use std::fmt;
use std::path::Path;

use asyncgen::async_gen;
use futures::StreamExt;
use tokio::io::{AsyncBufReadExt, BufReader};

/// One line of `name,quantity`.
struct Record {
    name: String,
    quantity: u32,
}

/// Why a line could not be read.
#[derive(Debug)]
enum LineError {
    Io(std::io::Error),
    Malformed { line: usize, text: String },
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineError::Io(error) => write!(f, "I/O error: {error}"),
            LineError::Malformed { line, text } => {
                write!(f, "line {line} is not `name,quantity`: {text:?}")
            }
        }
    }
}

impl From<std::io::Error> for LineError {
    fn from(error: std::io::Error) -> Self {
        LineError::Io(error)
    }
}

fn parse(line: usize, text: &str) -> Result<Record, LineError> {
    let malformed = || LineError::Malformed { line, text: text.to_string() };
    let (name, quantity) = text.split_once(',').ok_or_else(malformed)?;
    let quantity = quantity.trim().parse().map_err(|_| malformed())?;
    Ok(Record { name: name.trim().to_string(), quantity })
}

/// Yields one `Record` per line of `path`; the first bad line ends the
/// stream with an `Err` item.
#[async_gen(yield = Record)]
async fn records(path: &Path) -> Result<(), LineError> {
    let file = tokio::fs::File::open(path).await?;
    let mut lines = BufReader::new(file).lines();
    let mut number = 0;
    while let Some(text) = lines.next_line().await? {
        number += 1;
        yield_!(parse(number, &text)?);
    }
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let path = std::env::temp_dir().join(format!("asyncgen-lines-{}.csv", std::process::id()));
    tokio::fs::write(&path, "apples, 3\npears, 12\nplums, many\nfigs, 1\n").await?;
    let mut records = pin!(records(&path));
    let mut total = 0;
    while let Some(item) = records.next().await {
        match item {
            Ok(record) => {
                total += record.quantity;
                println!("{:>8}: {}", record.name, record.quantity);
            }
            Err(error) => println!("stopped: {error}"),
        }
    }
    println!("total quantity read: {total}");
    tokio::fs::remove_file(&path).await
}
