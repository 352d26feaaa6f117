//! Time of every stage on generated pathological inputs, next to normal news
//! text of the same size (issue 12: no stage may be super-linear).
//!
//! `cargo run --release -p warta-pipeline --example stage_times -- KIND SIZE…`
//! prints one line per (kind, size) with the seconds each stage took, each
//! time written as the stage ends, so a stage that never finishes shows
//! which one it is (run it under `timeout`). SIZE is bytes with an optional
//! `k`/`m` suffix (`50k`, `9m`). `KIND` is one of the generators below;
//! `normal` is the Detik development articles concatenated (from
//! `../shared`, never committed), repeated when the size asks for more;
//! `synthetic` is made-up ordinary news (what the linearity test compares
//! with); `file:PATH` is that file's text, repeated.
//! `STAGES=clean,lang,segment` runs only the stages named; `--print KIND
//! SIZE` writes the generated text instead (to feed `warta analyze`).

use std::io::Write;
use std::time::Instant;
use warta_core::Document;
use warta_pipeline::{Pipeline, STAGE_NAMES};
use warta_testdata::hard_inputs::{self, KINDS};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let print = args.first().is_some_and(|a| a == "--print");
    if print {
        args.remove(0);
    }
    let Some((kind, sizes)) = args.split_first() else {
        usage()
    };
    let sizes: Vec<usize> = sizes.iter().map(|s| parse_size(s)).collect();
    if sizes.is_empty() {
        usage();
    }
    if print {
        for &size in &sizes {
            print!("{}", generate(kind, size));
        }
        return;
    }
    // `STAGES=clean,lang,segment` stops after those (later stages need the
    // earlier layers, so it is a prefix in practice).
    let only = std::env::var("STAGES").ok();
    let stages: Vec<(&str, Pipeline)> = STAGE_NAMES
        .iter()
        .filter(|n| only.as_deref().is_none_or(|o| o.split(',').any(|m| m == **n)))
        .map(|&n| (n, Pipeline::with_stages(&[n]).expect("stage loads")))
        .collect();
    for size in sizes {
        let text = generate(kind, size);
        let mut doc = Document::new("t", text);
        print!("{kind:<10} {:>9}", doc.text.len());
        let mut total = 0.0;
        for (name, p) in &stages {
            let t = Instant::now();
            p.run(&mut doc).expect("stage runs");
            let s = t.elapsed().as_secs_f64();
            total += s;
            print!("  {name} {s:.3}");
            std::io::stdout().flush().ok();
        }
        println!(
            "  total {total:.3}  (ents {}, times {})",
            doc.entities.len(),
            doc.times.len()
        );
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: stage_times [--print] KIND SIZE… (kinds: {})",
        KINDS.join(", ")
    );
    std::process::exit(2)
}

fn parse_size(s: &str) -> usize {
    let (num, mul) = match s.as_bytes().last() {
        Some(b'k' | b'K') => (&s[..s.len() - 1], 1_000),
        Some(b'm' | b'M') => (&s[..s.len() - 1], 1_000_000),
        _ => (s, 1),
    };
    let n: f64 = num.parse().unwrap_or_else(|_| usage());
    (n * mul as f64) as usize
}

/// Text of `kind`: `normal` is the Detik articles, `synthetic` made-up
/// ordinary news, `file:PATH` that file repeated, the rest from
/// `warta_testdata::hard_inputs` (hard kinds reshaping news reshape Detik).
fn generate(kind: &str, size: usize) -> String {
    if kind == "synthetic" {
        return hard_inputs::ordinary_news(size);
    }
    if let Some(path) = kind.strip_prefix("file:") {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("{kind}: {e}");
            std::process::exit(1)
        });
        return hard_inputs::repeated(&text, size);
    }
    hard_inputs::generate(kind, size, normal_text).unwrap_or_else(|| usage())
}

/// The Detik development articles, one after another, repeated up to `size`.
fn normal_text(size: usize) -> String {
    let arts = warta_testdata::detik_articles().unwrap_or_else(|| {
        eprintln!("normal text needs ../shared/data/news/detik/data_berita_dev.csv");
        std::process::exit(1)
    });
    let mut out = String::new();
    'outer: loop {
        for a in &arts {
            out.push_str(a.text.trim());
            out.push('\n');
            if out.len() >= size {
                break 'outer;
            }
        }
    }
    out
}
