//! Times `extract` on a page of 6,000 characters (not a user command).
//!
//! ```sh
//! cargo run --release --example extract_bench            # or bench/extract
//! ```
//!
//! Two pages, both cut to 6,000 characters at a line's end: a news page made
//! of the announcement corpus (`tests/fixtures/announcements/`), and a dense
//! one, the 2024 Sơn Tây page again and again (every line a citation or a
//! deadline). Prints the median and the slowest of many runs of each, and
//! what the first reading of a process costs (it compiles the patterns).

use std::time::{Duration, Instant};

use anyhow::{Context, Result};

const CHARS: usize = 6_000;

/// Lines from `texts`, in turn, until the page has `CHARS` characters.
fn page(texts: &[String]) -> String {
    let mut page = String::new();
    'fill: for text in texts.iter().cycle() {
        for line in text.lines() {
            let len = page.chars().count() + line.chars().count() + 1;
            if len > CHARS {
                break 'fill;
            }
            page.push_str(line);
            page.push('\n');
        }
    }
    page
}

/// The fastest, the median and the slowest time of `runs` readings of
/// `text`. (On a busy machine the fastest says most of the parser itself.)
fn time(text: &str, runs: usize) -> (Duration, Duration, Duration, usize) {
    let mut found = 0;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let x = theodoi::extract::extract(text);
            let took = start.elapsed();
            found = x.directives.len() + x.deadlines.len();
            took
        })
        .collect();
    times.sort();
    (times[0], times[runs / 2], times[runs - 1], found)
}

fn main() -> Result<()> {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/announcements");
    let corpus: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(root.join("corpus.json")).context("corpus.json")?,
    )?;
    let mut texts: Vec<String> = vec![std::fs::read_to_string(root.join("son-tay.txt"))?];
    texts.extend(
        corpus
            .iter()
            .filter_map(|c| c["text"].as_str().map(str::to_string)),
    );
    let news = page(&texts);
    let dense = page(&[std::fs::read_to_string(root.join("son-tay-2024.txt"))?]);
    // The first reading compiles the patterns: what one command pays once.
    let start = Instant::now();
    theodoi::extract::extract(&news);
    let first = start.elapsed();
    let runs = 500;
    println!("| page ({CHARS} characters) | found | fastest | median | slowest of {runs} |");
    println!("|---|---|---|---|---|");
    for (name, text) in [
        ("news, from the corpus", &news),
        ("dense, every line a citation or deadline", &dense),
    ] {
        let (fastest, median, slowest, found) = time(text, runs);
        println!(
            "| {name} | {found} | {:.2} ms | {:.2} ms | {:.2} ms |",
            fastest.as_secs_f64() * 1000.0,
            median.as_secs_f64() * 1000.0,
            slowest.as_secs_f64() * 1000.0
        );
    }
    println!(
        "\nThe first reading of a process, which compiles the patterns: {:.1} ms.",
        first.as_secs_f64() * 1000.0
    );
    Ok(())
}
