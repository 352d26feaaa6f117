//! Runs the linker (lexicon only, no NER) over the Detik dev articles and
//! prints every entity it finds, one per line (id, type, text, canonical,
//! country, actor code, byte offset): a way to look for false positives. `cargo run -p warta-link --example link_detik -- CSV [N]`
//! (CSV: ../shared/data/news/detik/data_berita_dev.csv).

use warta_core::{Document, Stage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: link_detik CSV [N]")?;
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(100);
    let raw = std::fs::read_to_string(&path)?;
    let linker = warta_link::Linker::new(warta_lexicon::Lexicon::load_default()?);
    let t0 = std::time::Instant::now();
    let (mut tokens, mut docs) = (0usize, 0usize);
    for (id, body) in articles(&raw).into_iter().take(n) {
        let mut doc = Document::new(id.clone(), body);
        tokens += doc.text.split_whitespace().count();
        docs += 1;
        linker.process(&mut doc)?;
        for e in &doc.entities {
            println!(
                "{id}\t{}\t{}\t{}\t{}\t{}\t{}",
                e.kind.as_str(),
                e.text,
                e.canonical.as_deref().unwrap_or("-"),
                e.country.as_deref().unwrap_or("-"),
                e.actor_code.as_deref().unwrap_or("-"),
                e.span.start
            );
        }
    }
    eprintln!("{docs} articles, {tokens} tokens in {:?}", t0.elapsed());
    Ok(())
}

/// (id, isi_berita) of each CSV record; a small RFC 4180 reader (quoted
/// fields with doubled quotes and newlines).
fn articles(raw: &str) -> Vec<(String, String)> {
    let mut records = Vec::new();
    let (mut field, mut rec, mut quoted) = (String::new(), Vec::new(), false);
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => rec.push(std::mem::take(&mut field)),
            ('\n', false) => {
                rec.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut rec));
            }
            _ => field.push(c),
        }
    }
    records
        .into_iter()
        .skip(1)
        .filter(|r: &Vec<String>| r.len() > 4)
        .map(|r| (r[0].clone(), r[4].clone()))
        .collect()
}
