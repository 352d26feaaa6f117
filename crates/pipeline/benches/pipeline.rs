//! Whole-pipeline throughput on the Detik development articles
//! (`../shared/data/news/detik/data_berita_dev.csv`); skipped when absent.
//!
//! `cargo bench -p warta-pipeline` — reports time per article for the
//! text-only stages (clean + lang + segment, the 5,000 articles/s
//! target) and for every stage.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use warta_pipeline::Pipeline;
use warta_read::RawArticle;

fn detik_articles() -> Option<Vec<RawArticle>> {
    let shared = std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let path = shared.join("data/news/detik/data_berita_dev.csv");
    let mut reader = csv::Reader::from_path(&path).ok()?;
    let headers = reader.headers().ok()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (id, url, date, text) = (col("id")?, col("tautan")?, col("tanggal")?, col("isi_berita")?);
    let articles: Vec<RawArticle> = reader
        .records()
        .filter_map(Result::ok)
        .map(|r| RawArticle {
            id: r[id].to_string(),
            origin: format!("detik:{}", &r[id]),
            text: r[text].to_string(),
            url: Some(r[url].to_string()),
            published: Some(r[date].to_string()),
            ..RawArticle::default()
        })
        .collect();
    Some(articles)
}

fn bench(c: &mut Criterion) {
    let Some(articles) = detik_articles() else {
        eprintln!("skipping pipeline bench: ../shared/data/news/detik/data_berita_dev.csv not found");
        return;
    };
    let mut group = c.benchmark_group("pipeline_detik");
    group.sample_size(10);
    group.throughput(Throughput::Elements(articles.len() as u64));
    for (name, stages) in [
        ("clean+lang+segment", vec!["clean", "lang", "segment"]),
        ("all_stages", warta_pipeline::STAGE_NAMES.to_vec()),
    ] {
        let pipeline = Pipeline::with_stages(&stages).expect("stages load");
        group.bench_function(name, |b| {
            b.iter(|| {
                for a in &articles {
                    let doc = pipeline.analyze(a.clone()).expect("analysis succeeds");
                    std::hint::black_box(doc);
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
