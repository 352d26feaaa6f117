//! Tagging speed of the committed model (tokens per second, one thread).
//!
//! Uses the idner-news-2k test sentences when the shared data is present
//! (real news token distribution), else a built-in sentence set.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use warta_core::{Document, Stage};
use warta_ner::{conll, NerStage, Scratch};

const FALLBACK: &str =
    "Presiden Joko Widodo bertemu Gubernur Jawa Barat Ridwan Kamil di Bandung , Senin ( 13/6/2022 ) .\n\
Menurut Badan Pusat Statistik , inflasi pada Mei turun menjadi 3,5 persen .\n\
Pemimpin Korea Utara Kim Jong Un mengirim pesan kepada Presiden Rusia Vladimir Putin , lapor KCNA .\n\
PT Pertamina ( Persero ) menaikkan harga BBM di seluruh Indonesia mulai pekan depan .";

fn sentences() -> Vec<Vec<String>> {
    let root = std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    match conll::read_file(&root.join("data/ner/idner-news-2k/test.txt")) {
        Ok(s) => s.into_iter().map(|s| s.words).collect(),
        Err(_) => FALLBACK
            .lines()
            .map(|l| l.split_whitespace().map(String::from).collect())
            .collect(),
    }
}

fn bench(c: &mut Criterion) {
    let ner = NerStage::load_default().expect("embedded model");
    let sents = sentences();
    let tokens: usize = sents.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("tag_sentences", |b| {
        let mut scratch = Scratch::default();
        b.iter(|| {
            let mut n = 0;
            for s in &sents {
                let words: Vec<&str> = s.iter().map(String::as_str).collect();
                n += ner.mentions(&words, &mut scratch).len();
            }
            n
        })
    });
    // The stage on raw text: fallback tokenizer, spans, entities.
    let text: String = sents.iter().map(|s| s.join(" ")).collect::<Vec<_>>().join("\n");
    g.bench_function("stage_on_text", |b| {
        b.iter(|| {
            let mut doc = Document::new("b", text.clone());
            ner.process(&mut doc).expect("stage runs");
            doc.entities.len()
        })
    });
    g.finish();
    c.bench_function("load_default_model", |b| {
        b.iter(|| NerStage::load_default().expect("loads"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
