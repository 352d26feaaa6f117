//! Compares the two candidate main-content extractors, `dom_smoothie` and
//! `rs-trafilatura`, on the Readability.js test pages in `../shared`:
//! bag-of-words F1 of the extracted text against the reference text, title and
//! published-time agreement, panics and speed. The result is recorded in
//! `docs/html-extraction.md`.
//!
//! ```text
//! cargo run --release -p warta-read --features compare-extractors --example compare_extractors
//! ```

#[path = "../tests/support/pages.rs"]
mod pages;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// What one extractor made of one page.
struct Got {
    text: String,
    title: Option<String>,
    published: Option<String>,
}

/// A named extractor under test.
type Extractor = (&'static str, fn(&str) -> Option<Got>);

fn smoothie(html: &str) -> Option<Got> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg)).ok()?;
    let a = r.parse().ok()?;
    Some(Got {
        text: a.text_content.to_string(),
        title: Some(a.title),
        published: a.published_time,
    })
}

fn trafilatura(html: &str) -> Option<Got> {
    let r = rs_trafilatura::extract(html).ok()?;
    Some(Got {
        text: r.content_text,
        title: r.metadata.title,
        published: r.metadata.date.map(|d| d.to_rfc3339()),
    })
}

#[derive(Default)]
struct Tally {
    f1_sum: f64,
    failed: usize,
    panicked: usize,
    title_ok: usize,
    date_ok: usize,
    date_total: usize,
    time: Duration,
    low: Vec<(String, f64)>,
}

fn main() {
    let Some(pages) = pages::load_pages() else {
        eprintln!(
            "shared data not found at {}; nothing to compare",
            pages::shared_dir().display()
        );
        return;
    };
    let extractors: [Extractor; 2] = [("dom_smoothie", smoothie), ("rs-trafilatura", trafilatura)];
    let mut tallies: Vec<Tally> = extractors.iter().map(|_| Tally::default()).collect();
    let verbose = std::env::args().any(|a| a == "-v");
    for page in &pages {
        let want = pages::html_text(&page.expected_html);
        let want_title = page.metadata["title"].as_str().unwrap_or("").trim().to_string();
        let want_date = page.metadata["publishedTime"].as_str().map(str::to_string);
        let mut line = format!("{:45}", page.name);
        for ((_, f), t) in extractors.iter().zip(tallies.iter_mut()) {
            let start = Instant::now();
            let got = catch_unwind(AssertUnwindSafe(|| f(&page.source)));
            t.time += start.elapsed();
            let f1 = match got {
                Err(_) => {
                    t.panicked += 1;
                    0.0
                }
                Ok(None) => {
                    t.failed += 1;
                    0.0
                }
                Ok(Some(g)) => {
                    if g.title.as_deref().map(str::trim) == Some(want_title.as_str()) {
                        t.title_ok += 1;
                    }
                    if let Some(d) = &want_date {
                        t.date_total += 1;
                        // Compare the calendar date only: trafilatura normalises to UTC.
                        if g.published.as_deref().and_then(|p| p.get(..10)) == d.get(..10) {
                            t.date_ok += 1;
                        }
                    }
                    pages::token_f1(&g.text, &want)
                }
            };
            t.f1_sum += f1;
            if f1 < 0.5 {
                t.low.push((page.name.clone(), f1));
            }
            line.push_str(&format!(" {f1:.3}"));
        }
        if verbose {
            println!("{line}");
        }
    }
    let n = pages.len();
    println!("{n} pages");
    println!(
        "{:16} {:>8} {:>7} {:>7} {:>9} {:>9} {:>10}",
        "extractor", "mean F1", "failed", "panics", "title=", "date=", "ms/page"
    );
    for ((name, _), t) in extractors.iter().zip(&tallies) {
        println!(
            "{:16} {:>8.3} {:>7} {:>7} {:>5}/{:<3} {:>5}/{:<3} {:>10.2}",
            name,
            t.f1_sum / n as f64,
            t.failed,
            t.panicked,
            t.title_ok,
            n,
            t.date_ok,
            t.date_total,
            t.time.as_secs_f64() * 1000.0 / n as f64
        );
    }
    for ((name, _), t) in extractors.iter().zip(&tallies) {
        let low: Vec<String> = t.low.iter().map(|(p, f)| format!("{p} {f:.2}")).collect();
        println!("{name}: F1 < 0.5 on {} pages: {}", low.len(), low.join(", "));
    }
}
