//! Accuracy and speed against how many characters lingua reads:
//! `cargo run --release -p warta-lang --example prefix_sweep [SHARED]`.
//! Uses held-out news paragraphs, lingua's id/en sentences and whole Detik
//! articles; times are wall-clock per text, one thread.

use std::path::PathBuf;
use std::time::Instant;
use warta_lang::cli::Scores;
use warta_lang::gold::{read_csv_texts, read_gold, split_of, Example, Split};
use warta_lang::LanguageIdentifier;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let d = root.join("data/langid");
    let news: Vec<Example> = read_gold(&d.join("news-ms-id.jsonl"))?
        .into_iter()
        .filter(|e| split_of(e) == Split::Test)
        .collect();
    let mut sentences = read_gold(&d.join("id.sentences.txt"))?;
    sentences.extend(read_gold(&d.join("en.sentences.txt"))?);
    let detik: Vec<Example> = read_csv_texts(&root.join("data/news/detik/data_berita_dev.csv"))?
        .into_iter()
        .map(|text| Example {
            text,
            lang: "id".into(),
            outlet: None,
        })
        .collect();
    let mut ident = LanguageIdentifier::new();
    println!("prefix  held-out news (lingua/warta)  id+en sentences  detik articles  µs/detik article");
    for prefix in [200, 300, 500, 1000, 2000] {
        ident.set_lingua_prefix(prefix);
        let score = |ex: &[Example]| Scores::compute(&ident, &ex.iter().collect::<Vec<_>>());
        let (n, s, a) = (score(&news), score(&sentences), score(&detik));
        let t = Instant::now();
        for e in &detik {
            std::hint::black_box(ident.detect(&e.text));
        }
        let us = t.elapsed().as_secs_f64() * 1e6 / detik.len() as f64;
        println!(
            "{prefix:>6}  {:.3}/{:.3}                  {:.3}/{:.3}      {:.3}/{:.3}     {us:.0}",
            n.lingua_accuracy(),
            n.warta_accuracy(),
            s.lingua_accuracy(),
            s.warta_accuracy(),
            a.lingua_accuracy(),
            a.warta_accuracy()
        );
    }
    Ok(())
}
