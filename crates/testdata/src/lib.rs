//! Where tests and benches find the reference data (`../shared` beside the
//! repository, or `$WARTA_SHARED`) and how they read its corpora.
//!
//! The project never *requires* the reference data: every caller treats
//! `None` as "skip, with the printed reason".

pub mod hard_inputs;
pub mod invariants;

/// A tokenised and sentence-split document (language `id`) whose entities
/// are `(text, type, canonical, actor code)`, each at its first occurrence
/// after the previous one: the input coreference and quotes read, without
/// running NER and linking.
pub fn segmented_doc(
    text: &str,
    ents: &[(&str, warta_core::EntityType, Option<&str>, Option<&str>)],
) -> warta_core::Document {
    use warta_core::{Entity, Language, Span};
    let mut d = warta_core::Document::new("t", text);
    d.language = Some(Language {
        code: "id".into(),
        confidence: 1.0,
    });
    d.tokens = warta_text::tokenize(text);
    d.sentences = warta_text::split_sentences(text, &d.tokens);
    let mut from = 0;
    for (t, kind, canonical, code) in ents {
        let start = from + text[from..].find(t).expect("entity in text");
        let mut e = Entity::new(Span::new(start, start + t.len()), *t, *kind);
        e.canonical = canonical.map(str::to_string);
        e.actor_code = code.map(str::to_string);
        d.entities.push(e);
        from = start + t.len();
    }
    d
}

use std::path::PathBuf;

/// The reference data folder: `$WARTA_SHARED`, else `../shared` beside the
/// repository. It may not exist.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")))
}

/// `what` under the reference data folder when it exists; otherwise prints a
/// SKIP line naming what is missing and returns `None`.
pub fn shared(what: &str) -> Option<PathBuf> {
    let path = shared_dir().join(what);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "SKIP: {} not found (set WARTA_SHARED to the reference data)",
            path.display()
        );
        None
    }
}

/// One article of the Detik development set
/// (`data/news/detik/data_berita_dev.csv`; publisher text — never commit it).
#[derive(Debug, Clone)]
pub struct DetikArticle {
    pub id: String,
    pub title: String,
    pub url: String,
    /// As in the CSV: `M/D/YYYY HH:MM`.
    pub published: String,
    /// The article body (`isi_berita`), boilerplate included.
    pub text: String,
}

/// The Detik development articles in file order, or `None` (with a SKIP
/// line) when the file is absent or unreadable.
pub fn detik_articles() -> Option<Vec<DetikArticle>> {
    let path = shared("data/news/detik/data_berita_dev.csv")?;
    let mut reader = match csv::Reader::from_path(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("SKIP: {}: {e}", path.display());
            return None;
        }
    };
    let headers = reader.headers().ok()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (id, title, url, date, text) = (
        col("id")?,
        col("judul")?,
        col("tautan")?,
        col("tanggal")?,
        col("isi_berita")?,
    );
    Some(
        reader
            .records()
            .filter_map(Result::ok)
            .map(|r| DetikArticle {
                id: r[id].to_string(),
                title: r[title].to_string(),
                url: r[url].to_string(),
                published: r[date].to_string(),
                text: r[text].to_string(),
            })
            .collect(),
    )
}
