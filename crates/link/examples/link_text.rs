//! Links the entities of a plain-text article with the lexicon alone (no
//! NER) and prints them: `cargo run -p warta-link --example link_text -- FILE [YYYY-MM-DD]`.

use warta_core::{Document, Stage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: link_text FILE [YYYY-MM-DD]")?;
    let mut doc = Document::new("doc", std::fs::read_to_string(&path)?);
    doc.published = args
        .next()
        .map(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
        .transpose()?;
    let linker = warta_link::Linker::new(warta_lexicon::Lexicon::load_default()?);
    linker.process(&mut doc)?;
    for e in &doc.entities {
        let geo = e
            .geo
            .as_ref()
            .map(|g| format!("{:.2},{:.2} {}", g.lat, g.lon, g.admin1.as_deref().unwrap_or("")))
            .unwrap_or_default();
        println!(
            "{:>5} {:<3} {:<28} {:<24} {:<4} {:<9} {}",
            e.span.start,
            e.kind.as_str(),
            e.text,
            e.canonical.as_deref().unwrap_or("-"),
            e.country.as_deref().unwrap_or("-"),
            e.actor_code.as_deref().unwrap_or("-"),
            geo
        );
    }
    Ok(())
}
