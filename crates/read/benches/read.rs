//! Reader speed: HTML main-content extraction on real news pages from the
//! Readability.js suite in `../shared` (skipped when absent), and JSON Lines
//! parsing on synthetic records. Throughput is in articles per second on
//! one thread.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

/// News pages of typical size and structure.
const PAGES: &[&str] = &[
    "bbc-1",
    "cnn",
    "guardian-1",
    "nytimes-1",
    "lemonde-1",
    "folha",
    "wapo-1",
    "yahoo-1",
];

use warta_testdata::shared_dir;

fn html(c: &mut Criterion) {
    let dir = shared_dir().join("data/html/readability-test-pages");
    let pages: Vec<(String, String)> = PAGES
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(dir.join(p).join("source.html")).ok()?;
            Some((p.to_string(), String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect();
    if pages.is_empty() {
        eprintln!("SKIP html benches: no readability pages under {}", dir.display());
        return;
    }
    let mut g = c.benchmark_group("extract_html");
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.bench_function(format!("{}_news_pages", pages.len()), |b| {
        b.iter(|| {
            for (_, page) in &pages {
                black_box(warta_read::extract_html(black_box(page), None).ok());
            }
        })
    });
    g.finish();
}

fn jsonl(c: &mut Criterion) {
    let line = r#"{"id":"x","text":"Pemimpin Korea Utara menyampaikan dukungan penuh. Kalimat kedua berita ini cukup panjang untuk mewakili paragraf.","url":"https://a.example/x","published":"2022-06-13"}"#;
    let data = vec![line; 1000].join("\n");
    let mut g = c.benchmark_group("jsonl");
    g.throughput(Throughput::Elements(1000));
    g.bench_function("1000_text_records", |b| {
        b.iter(|| black_box(warta_read::read_bytes("b.jsonl", data.as_bytes()).len()))
    });
    g.finish();
}

criterion_group!(benches, html, jsonl);
criterion_main!(benches);
