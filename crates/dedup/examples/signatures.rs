//! MinHash signatures and LSH bands of every `text` in a JSON Lines file,
//! timed (best of 3), for comparison with Python's datasketch
//! (`bench/copies-datasketch`). With `--groups`, also each text's copy
//! group by the store's rule (the most similar earlier text among its LSH
//! candidates, estimated Jaccard ≥ 0.35), one line per text.
//!
//!     cargo run --release -p warta-dedup --example signatures -- FILE.jsonl [--groups]

use std::time::Instant;
use warta_dedup::Signature;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: signatures FILE.jsonl");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    // The `text` field of each line, without a JSON dependency: the bench
    // script writes `{"text": "...", ...}` with `text` first.
    let texts: Vec<String> = text
        .lines()
        .filter_map(|l| {
            let v = l.strip_prefix("{\"text\": \"")?;
            let mut out = String::new();
            let mut chars = v.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => return Some(out),
                    '\\' => match chars.next()? {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'u' => {
                            let hex: String = chars.by_ref().take(4).collect();
                            out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?).unwrap_or(' '));
                        }
                        other => out.push(other),
                    },
                    c => out.push(c),
                }
            }
            None
        })
        .collect();
    let mut best = f64::MAX;
    let mut bands = 0usize;
    for _ in 0..3 {
        let t = Instant::now();
        bands = texts.iter().map(|t| Signature::of(t).bands().len()).sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "warta-dedup: {} texts, {bands} band hashes: best {:.1} ms ({:.0} texts/s, one core)",
        texts.len(),
        best * 1000.0,
        texts.len() as f64 / best
    );
    if std::env::args().any(|a| a == "--groups") {
        let sigs: Vec<Signature> = texts.iter().map(|t| Signature::of(t)).collect();
        let mut buckets: std::collections::HashMap<(usize, u64), Vec<usize>> = Default::default();
        let mut group: Vec<usize> = Vec::new();
        for (i, s) in sigs.iter().enumerate() {
            let bands = s.bands();
            let mut best: Option<(usize, f32)> = None;
            for (b, h) in bands.iter().enumerate() {
                for &c in buckets.get(&(b, *h)).into_iter().flatten() {
                    let j = s.similarity(&sigs[c]);
                    if j >= warta_dedup::COPY_THRESHOLD && best.is_none_or(|(_, bj)| j > bj) {
                        best = Some((c, j));
                    }
                }
            }
            group.push(best.map_or(i, |(c, _)| group[c]));
            for (b, h) in bands.iter().enumerate() {
                buckets.entry((b, *h)).or_default().push(i);
            }
        }
        for g in group {
            println!("group {g}");
        }
    }
}
