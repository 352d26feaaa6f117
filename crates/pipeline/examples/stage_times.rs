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
//! `file:PATH` is that file's text, repeated.
//! `STAGES=clean,lang,segment` runs only the stages named; `--print KIND
//! SIZE` writes the generated text instead (to feed `warta analyze`).

use std::io::Write;
use std::time::Instant;
use warta_core::Document;
use warta_pipeline::{Pipeline, STAGE_NAMES};

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

const KINDS: &[&str] = &[
    "normal",
    "names",
    "manynames",
    "roles",
    "quotes",
    "onepara",
    "tinyparas",
    "oneword",
    "titlecase",
    "digits",
    "dates",
    "longtoken",
    "punct",
];

/// Text of `kind`, cut to at most `size` bytes at a character boundary.
fn generate(kind: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + 256);
    let normal = || normal_text(size);
    match kind {
        "normal" => out = normal(),
        _ if kind.starts_with("file:") => {
            let text = std::fs::read_to_string(&kind[5..]).unwrap_or_else(|e| {
                eprintln!("{kind}: {e}");
                std::process::exit(1)
            });
            fill(&mut out, size, |_| text.clone())
        }
        "names" => fill(&mut out, size, |_| {
            "Presiden Joko Widodo bertemu Menteri Luhut Binsar Pandjaitan di Jakarta.\n".into()
        }),
        "manynames" => fill(&mut out, size, |i| {
            format!(
                "{} {} bertemu {} {} di {}.\n",
                name(i, 0),
                name(i, 1),
                name(i, 2),
                name(i, 3),
                name(i, 4)
            )
        }),
        "roles" => fill(&mut out, size, |_| {
            "Pasukan Rusia menyerang warga sipil setempat di Ukraina, kata separatis pro-Rusia.\n".into()
        }),
        "quotes" => fill(&mut out, size, |_| "\"Kami siap,\" kata Jokowi.\n".into()),
        "onepara" => out = normal().replace('\n', " "),
        "tinyparas" => {
            let words: Vec<String> = normal().split_whitespace().map(str::to_string).collect();
            fill(&mut out, size, |i| format!("{}\n", words[i % words.len()]))
        }
        "oneword" => fill(&mut out, size, |_| "Jakarta ".into()),
        "titlecase" => {
            out = normal()
                .split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
        "digits" => fill(&mut out, size, |i| format!("{i} ")),
        "dates" => {
            const MONTHS: [&str; 12] = [
                "Januari",
                "Februari",
                "Maret",
                "April",
                "Mei",
                "Juni",
                "Juli",
                "Agustus",
                "September",
                "Oktober",
                "November",
                "Desember",
            ];
            fill(&mut out, size, |i| {
                format!(
                    "{} {} {}, ",
                    i % 28 + 1,
                    MONTHS[(i / 28) % 12],
                    1990 + (i / 336) % 60
                )
            })
        }
        "longtoken" => fill(&mut out, size, |i| ((b'a' + (i % 26) as u8) as char).to_string()),
        "punct" => fill(&mut out, size, |i| {
            const P: &[&str] = &[
                ".", ",", "!", "?", ";", ":", "-", "\"", "'", "(", ")", "…", " ", "\n",
            ];
            P[(i * 7 + i / 13) % P.len()].to_string()
        }),
        _ => usage(),
    }
    let mut cut = out.len().min(size);
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}

fn fill(out: &mut String, size: usize, mut piece: impl FnMut(usize) -> String) {
    let mut i = 0;
    while out.len() < size {
        out.push_str(&piece(i));
        i += 1;
    }
}

/// A made-up capitalised name, different for every `i` (and slot).
fn name(i: usize, slot: usize) -> String {
    const SYL: &[&str] = &[
        "ba", "di", "ko", "ra", "su", "ti", "wa", "ne", "lu", "ha", "mi", "jo", "ga", "pe", "ya", "ri",
    ];
    let mut x = i.wrapping_mul(2_654_435_761).wrapping_add(slot * 97) % 65_536;
    let mut s = String::new();
    for _ in 0..3 {
        s.push_str(SYL[x % SYL.len()]);
        x /= SYL.len();
    }
    s.push_str(SYL[(i + slot) % SYL.len()]);
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
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
