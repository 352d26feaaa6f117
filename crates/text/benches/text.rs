//! Cleaning and segmentation speed on the Detik development articles
//! (`../shared/data/news/detik/data_berita_dev.csv`); prints a note and
//! measures nothing when the reference data is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta_core::Document;
use warta_text::{clean_text, Cleaner, Segmenter};

fn articles() -> Option<Vec<String>> {
    Some(
        warta_testdata::detik_articles()?
            .into_iter()
            .map(|a| a.text)
            .collect(),
    )
}

fn bench(c: &mut Criterion) {
    let Some(texts) = articles() else { return };
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
