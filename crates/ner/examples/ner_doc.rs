//! Runs the NER stage on a plain-text file and prints the entities:
//! `cargo run --release -p warta-ner --example ner_doc -- FILE`
use warta_core::{Document, Stage};

fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let path = std::env::args().nth(1).ok_or("usage: ner_doc FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let mut doc = Document::new("doc", text);
    warta_ner::NerStage::load_default()?.process(&mut doc)?;
    for e in &doc.entities {
        println!(
            "{}\t{}\t{}..{}",
            e.kind.as_str(),
            e.text,
            e.span.start,
            e.span.end
        );
    }
    Ok(())
}
