//! Whole-pipeline throughput on the Detik development articles
//! (`../shared/data/news/detik/data_berita_dev.csv`); skipped when absent.
//!
//! `cargo bench -p warta-pipeline` — reports time per article for the
//! text-only stages (clean + lang + segment, the 5,000 articles/s
//! target) and for every stage.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta_pipeline::Pipeline;
use warta_read::RawArticle;

fn detik_articles() -> Option<Vec<RawArticle>> {
    let articles = warta_testdata::detik_articles()?;
    Some(
        articles
            .into_iter()
            .map(|a| RawArticle {
                origin: format!("detik:{}", a.id),
                id: a.id,
                text: a.text,
                url: Some(a.url),
                published: Some(a.published),
                ..RawArticle::default()
            })
            .collect(),
    )
}

fn bench(c: &mut Criterion) {
    let Some(articles) = detik_articles() else { return };
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
