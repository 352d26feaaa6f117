//! Shared by the extractor comparison example and the regression test: where
//! the Readability.js test pages live and how extracted text is scored.

use std::collections::HashMap;
use std::path::PathBuf;

pub use warta_testdata::shared_dir;

/// One test page: its source HTML, the reference text and metadata.
pub struct Page {
    pub name: String,
    pub source: String,
    pub expected_html: String,
    pub metadata: serde_json::Value,
}

/// Every readability test page in name order, or `None` when shared data is absent.
pub fn load_pages() -> Option<Vec<Page>> {
    let dir = shared_dir().join("data/html/readability-test-pages");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    let mut pages = Vec::new();
    for p in names {
        let (Ok(source), Ok(expected_html)) = (
            std::fs::read(p.join("source.html")),
            std::fs::read_to_string(p.join("expected.html")),
        ) else {
            continue;
        };
        let metadata = std::fs::read_to_string(p.join("expected-metadata.json"))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(serde_json::Value::Null);
        pages.push(Page {
            name: p.file_name().unwrap_or_default().to_string_lossy().into_owned(),
            // Pages are stored as saved; a few are not UTF-8, so decode leniently here
            // (the reader under test does its own decoding from bytes).
            source: String::from_utf8_lossy(&source).into_owned(),
            expected_html,
            metadata,
        });
    }
    Some(pages)
}

/// Plain text of an HTML fragment, block elements separated by newlines.
pub fn html_text(html: &str) -> String {
    dom_query::Document::from(html).formatted_text().to_string()
}

fn tokens(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for t in s.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()) {
        *m.entry(t.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Bag-of-words F1 of `got` against `want` (lower-cased alphanumeric tokens).
/// Two empty texts agree perfectly.
pub fn token_f1(got: &str, want: &str) -> f64 {
    let (g, w) = (tokens(got), tokens(want));
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    if ng == 0 && nw == 0 {
        return 1.0;
    }
    let common: usize = g.iter().map(|(t, n)| (*n).min(*w.get(t).unwrap_or(&0))).sum();
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / ng as f64, common as f64 / nw as f64);
    2.0 * p * r / (p + r)
}
