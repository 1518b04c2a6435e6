//! Runs every example and checks what it prints, so that a broken example
//! fails the tests.

use std::process::Command;

/// Runs `cargo run --example name` and returns its standard output.
fn run_example(name: &str) -> String {
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", name])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "example {name} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
#[cfg_attr(miri, ignore = "runs cargo")]
fn numbers_prints_one_then_two_and_three_a_second_later() {
    let stdout = run_example("numbers");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert!(lines[0].starts_with("1 (after 0."), "{stdout}");
    assert!(lines[1].starts_with("2 (after 1."), "{stdout}");
    assert!(lines[2].starts_with("3 (after 1."), "{stdout}");
    assert_eq!(lines[3], "done: the generator is exhausted");
}

#[test]
#[cfg_attr(miri, ignore = "runs cargo")]
fn resume_feeds_samples_and_prints_the_final_report() {
    let stdout = run_example("resume");
    assert!(stdout.contains("   20.00      4    14.19     4.64"), "{stdout}");
    assert!(
        stdout
            .ends_with("final: 6 samples, mean 13.71, standard deviation 3.76, range 9.25..=20\n"),
        "{stdout}"
    );
}

#[test]
#[cfg_attr(miri, ignore = "runs cargo")]
fn tree_walks_depth_first_and_counts_files() {
    let stdout = run_example("tree");
    let expected = "project/\nproject/Cargo.toml\nproject/src/\nproject/src/lib.rs\n\
                    project/src/bin/\nproject/src/bin/main.rs\nproject/tests/\n\
                    project/tests/walk.rs\n4 files\n";
    assert_eq!(stdout, expected);
}

#[test]
#[cfg_attr(miri, ignore = "runs cargo")]
fn events_yields_ticks_and_messages_until_the_channel_closes() {
    let stdout = run_example("events");
    let messages: Vec<&str> = stdout.lines().filter(|line| line.starts_with("message")).collect();
    assert_eq!(messages, [r#"message "hello""#, r#"message "from""#, r#"message "the channel""#]);
    assert!(stdout.lines().any(|line| line == "tick 1"), "{stdout}");
    let last = stdout.lines().last().unwrap_or_default();
    assert!(last.starts_with("channel closed after 3 messages"), "{stdout}");
}

#[test]
#[cfg_attr(miri, ignore = "runs cargo")]
fn lines_streams_records_until_the_first_bad_line() {
    let stdout = run_example("lines");
    let expected = "  apples: 3\n   pears: 12\nstopped: line 3 is not `name,quantity`: \
                    \"plums, many\"\ntotal quantity read: 15\n";
    assert_eq!(stdout, expected);
}

#[test]
#[cfg_attr(miri, ignore = "runs cargo")]
fn pages_fetches_three_pages_then_stops_when_dropped() {
    let stdout = run_example("pages");
    let (first, rest) = stdout.split_once('\n').unwrap_or_default();
    assert!(first.starts_with("serving 25 elements, 3 per page, on http://127.0.0.1:"), "{stdout}");
    let expected = "
taking 7 elements from /elements:
    server: request 1: GET /elements?cursor=0
   1 hydrogen
   2 helium
   3 lithium
    server: request 2: GET /elements?cursor=3
   4 beryllium
   5 boron
   6 carbon
    server: request 3: GET /elements?cursor=6
   7 nitrogen
dropped the generator after 7 of 25 elements: the server handled 3 requests (of 9 pages), \
nothing more was fetched

taking everything from /flaky, which fails from cursor 6 on:
    server: request 4: GET /flaky?cursor=0
   1 hydrogen
   2 helium
   3 lithium
    server: request 5: GET /flaky?cursor=3
   4 beryllium
   5 boron
   6 carbon
    server: request 6: GET /flaky?cursor=6
error: GET /flaky?cursor=6 answered 500 Internal Server Error: the database is on fire
the stream ended after 6 elements and the error; 3 more requests
";
    assert_eq!(rest, expected);
}

#[test]
#[cfg_attr(miri, ignore = "runs cargo")]
fn fibonacci_prints_the_sequences_and_the_walk() {
    let stdout = run_example("fibonacci");
    let expected = "\
first ten: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
6 even numbers below 1000: [0, 2, 8, 34, 144, 610]
framed: [0, 5, 8, 13, 18446744073709551615]
walker: [Yielded(0), Yielded(3), Yielded(7), Complete(\"walked past 10\")]
";
    assert_eq!(stdout, expected);
}
