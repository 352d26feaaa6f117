//! Cleaning and segmentation speed on the Detik development articles
//! (`../shared/data/news/detik/data_berita_dev.csv`); prints a note and
//! measures nothing when the reference data is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use warta_core::Document;
use warta_text::{clean_text, Cleaner, Segmenter};

fn shared() -> PathBuf {
    std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")))
}

fn articles() -> Option<Vec<String>> {
    let path = shared().join("data/news/detik/data_berita_dev.csv");
    let mut rdr = csv::Reader::from_path(&path).ok()?;
    let headers = rdr.headers().ok()?.clone();
    let col = headers.iter().position(|h| h == "isi_berita")?;
    Some(
        rdr.records()
            .filter_map(Result::ok)
            .filter_map(|r| r.get(col).map(str::to_string))
            .collect(),
    )
}

fn bench(c: &mut Criterion) {
    let Some(texts) = articles() else {
        eprintln!(
            "skipping text benches: Detik articles not found under {}",
            shared().display()
        );
        return;
    };
    let cleaned: Vec<String> = texts.iter().map(|t| clean_text(t).text).collect();
    let mut g = c.benchmark_group("detik_articles");
    g.throughput(Throughput::Elements(texts.len() as u64));
    g.sample_size(20);
    let cleaner = Cleaner::new();
    g.bench_function("clean", |b| {
        b.iter(|| {
            for t in &texts {
                let mut doc = Document::new("d", t.as_str());
                cleaner.clean(&mut doc);
                criterion::black_box(&doc.text);
            }
        })
    });
    let seg = Segmenter::new();
    g.bench_function("segment", |b| {
        b.iter(|| {
            for t in &cleaned {
                let mut doc = Document::new("d", t.as_str());
                seg.segment(&mut doc);
                criterion::black_box(&doc.sentences);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
