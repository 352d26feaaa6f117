//! The project's seed article: a detik story copied by a spam blog.

use warta_core::Document;
use warta_text::{Cleaner, Segmenter};

fn seed() -> Option<String> {
    let path = warta_testdata::shared("seed/000_1ab9b96a3ef9a3a7.txt")?;
    Some(std::fs::read_to_string(path).expect("seed is readable"))
}

fn analysed(raw: &str) -> Document {
    let mut doc = Document::new("seed", raw);
    Cleaner::new().clean(&mut doc);
    Segmenter::new().segment(&mut doc);
    doc
}

#[test]
fn seed_prefix_becomes_the_site_and_the_footer_goes() {
    let Some(raw) = seed() else { return };
    let doc = analysed(&raw);
    assert_eq!(doc.source.site.as_deref(), Some("Negaratoto"));
    assert_eq!(doc.source.dateline, None);
    assert!(doc.text.starts_with("Pemimpin Korea Utara (Korut) Kim Jong Un"));
    assert!(!doc.text.contains("Negaratoto"));
    assert!(!doc.text.contains("No comments") && !doc.text.contains("Post a Comment"));
    assert_eq!(doc.text.lines().count(), 11, "one paragraph per line");
}

#[test]
fn seed_has_thirteen_sentences() {
    let Some(raw) = seed() else { return };
    let doc = analysed(&raw);
    let sents: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(*s)).collect();
    assert_eq!(sents.len(), 13, "{sents:#?}");
    assert!(sents[1].starts_with("\"Warga Rusia") && sents[1].ends_with("(13/6/2022)."));
    assert!(sents.contains(&"Rusia telah melancarkan invasi ke Ukraina sejak 24 Februari lalu."));
}

#[test]
fn every_clean_token_maps_to_the_same_text_in_the_seed() {
    let Some(raw) = seed() else { return };
    let doc = analysed(&raw);
    assert!(!doc.tokens.is_empty());
    for t in &doc.tokens {
        let word = doc.slice(t.span);
        let orig = doc.offsets.to_original(t.span.start);
        assert!(raw.is_char_boundary(orig));
        // Quotes are the only chars the cleaner rewrites in the seed.
        let first: String = word.chars().take_while(|c| *c != '"' && *c != '\'').collect();
        assert!(
            raw[orig..].starts_with(&first),
            "token {word:?} maps to {:?}",
            &raw[orig..(orig + 20).min(raw.len())]
        );
    }
}

#[test]
fn metadata_site_wins_but_the_prefix_is_still_stripped() {
    let Some(raw) = seed() else { return };
    let mut doc = Document::new("seed", raw.as_str());
    doc.source.site = Some("blog.example".into());
    Cleaner::new().clean(&mut doc);
    assert_eq!(doc.source.site.as_deref(), Some("blog.example"));
    assert!(doc.text.starts_with("Pemimpin"));
}

/// The seed as a careless copy would carry it: curly quotes, non-breaking
/// and doubled spaces, zero-width spaces, CRLF line ends, blank lines.
fn messy(raw: &str) -> String {
    let mut out = String::new();
    let mut open = true;
    for ch in raw.chars() {
        match ch {
            '"' => {
                out.push(if open { '\u{201c}' } else { '\u{201d}' });
                open = !open;
            }
            '\n' => out.push_str("  \r\n\r\n"),
            c => out.push(c),
        }
    }
    out.replace(", ", ",\u{a0}\u{200b}\u{a0} ")
}

#[test]
fn a_messy_copy_of_the_seed_cleans_to_the_same_text() {
    let Some(raw) = seed() else { return };
    let dirty = messy(&raw);
    assert_ne!(dirty, raw);
    let clean = analysed(&raw);
    let messy_doc = analysed(&dirty);
    assert_eq!(messy_doc.text, clean.text);
    assert_eq!(messy_doc.sentences, clean.sentences);
    for t in &messy_doc.tokens {
        let word = messy_doc.slice(t.span);
        let orig = messy_doc.offsets.to_original(t.span.start);
        let first = word.chars().next().unwrap();
        let found = dirty[orig..].chars().next().unwrap();
        if first == '"' {
            assert!(
                found == '\u{201c}' || found == '\u{201d}',
                "quote maps to {found:?}"
            );
        } else {
            assert!(
                dirty[orig..].starts_with(word),
                "token {word:?} maps to {:?}",
                &dirty[orig..]
            );
        }
    }
}
