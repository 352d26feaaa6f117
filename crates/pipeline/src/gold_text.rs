//! Gold articles that name their text in the reference data instead of
//! carrying it, so publisher text is never committed (see
//! `data/eval/quotes/README.md`).
//!
//! A record's `ref` is `{corpus, id}`: `detik` (the Detik CSV's `id`),
//! `indosum` (an IndoSum dev record, its tokenised paragraphs detokenised
//! and joined with newlines) or `html` (a Readability test page, read as
//! `warta analyze` reads it). `sha256` of the materialised text proves it is
//! the text the gold was written on (not kept for `html`). The same
//! materialisation is in `scripts/quote-gold.py`, which labellers use.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use warta_read::RawArticle;

/// The reference data folder: `$WARTA_SHARED`, else `../shared`.
pub fn default_shared_dir() -> PathBuf {
    std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"))
}

/// Reads referenced articles from the reference data, loading each corpus
/// once.
pub struct GoldTexts {
    shared: PathBuf,
    detik: Option<Corpus>,
    indosum: Option<Corpus>,
}

impl GoldTexts {
    pub fn new(shared: impl Into<PathBuf>) -> GoldTexts {
        GoldTexts {
            shared: shared.into(),
            detik: None,
            indosum: None,
        }
    }

    /// The article `id` of `corpus`, as a raw article; `sha256` is checked
    /// when given.
    pub fn article(&mut self, corpus: &str, id: &str, sha256: Option<&str>) -> Result<RawArticle, String> {
        let (text, url) = match corpus {
            "detik" => cached(&mut self.detik, || load_detik(&self.shared))?
                .get(id)
                .cloned()
                .ok_or_else(|| format!("no detik article with id {id}"))?,
            "indosum" => cached(&mut self.indosum, || load_indosum(&self.shared))?
                .get(id)
                .cloned()
                .ok_or_else(|| format!("no indosum article with id {id}"))?,
            "html" => {
                let path = self
                    .shared
                    .join("data/html/readability-test-pages")
                    .join(id)
                    .join("source.html");
                let path = path.to_string_lossy().to_string();
                let mut raw = warta_read::read_inputs(std::slice::from_ref(&path))
                    .next()
                    .ok_or_else(|| format!("{path}: nothing read"))?
                    .map_err(|e| e.to_string())?;
                raw.id = id.to_string();
                return Ok(raw);
            }
            other => return Err(format!("unknown corpus `{other}` (known: detik, indosum, html)")),
        };
        if let Some(want) = sha256.filter(|s| !s.is_empty()) {
            let got = hex(&Sha256::digest(text.as_bytes()));
            if got != want {
                return Err(format!(
                    "{corpus} {id}: text differs from the one the gold was written on (sha256 {got}, gold {want})"
                ));
            }
        }
        Ok(RawArticle {
            id: id.to_string(),
            origin: format!("{corpus}:{id}"),
            text,
            url: Some(url).filter(|u| !u.is_empty()),
            ..RawArticle::default()
        })
    }
}

/// Text and URL of each article of a corpus, by id.
type Corpus = HashMap<String, (String, String)>;

/// The corpus in `slot`, loading it on first use.
fn cached(
    slot: &mut Option<Corpus>,
    load: impl FnOnce() -> Result<Corpus, String>,
) -> Result<&Corpus, String> {
    if slot.is_none() {
        *slot = Some(load()?);
    }
    Ok(slot.as_ref().expect("just filled"))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn load_detik(shared: &Path) -> Result<Corpus, String> {
    let path = shared.join("data/news/detik/data_berita_dev.csv");
    let mut reader = csv::Reader::from_path(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{}: no column {name}", path.display()))
    };
    let (id, url, text) = (col("id")?, col("tautan")?, col("isi_berita")?);
    let mut out = HashMap::new();
    for r in reader.records() {
        let r = r.map_err(|e| format!("{}: {e}", path.display()))?;
        // The first row of an id wins, as in `scripts/quote-gold.py`.
        out.entry(r[id].to_string())
            .or_insert_with(|| (r[text].to_string(), r[url].to_string()));
    }
    Ok(out)
}

fn load_indosum(shared: &Path) -> Result<Corpus, String> {
    let dir = shared.join("data/news/indosum");
    let mut out = HashMap::new();
    for fold in 1..=4 {
        let path = dir.join(format!("dev.0{fold}.jsonl"));
        let data = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (n, line) in data.lines().enumerate() {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            let paras: Vec<Vec<Vec<String>>> = serde_json::from_value(v["paragraphs"].clone())
                .map_err(|e| format!("{}:{}: paragraphs: {e}", path.display(), n + 1))?;
            let text = paras.iter().map(|p| detokenise(p)).collect::<Vec<_>>().join("\n");
            let id = v["id"].as_str().unwrap_or_default().to_string();
            let url = v["source_url"].as_str().unwrap_or_default().to_string();
            // IndoSum repeats a few ids across folds with other text; the
            // first fold's wins, as in `scripts/quote-gold.py`.
            out.entry(id).or_insert((text, url));
        }
    }
    Ok(out)
}

/// One IndoSum paragraph as text: no space before closing punctuation,
/// straight quotes attached inside, `(`/`[` glued to what follows, digits
/// around `/` glued (`27/3`). Same rules as `scripts/quote-gold.py`.
pub fn detokenise(sentences: &[Vec<String>]) -> String {
    let mut text = String::new();
    let mut in_quote = false;
    let mut glue_next = false;
    let mut prev = String::new();
    for tok in sentences.iter().flatten() {
        let tok = match tok.trim() {
            "\u{201c}" | "\u{201d}" => "\"",
            t => t,
        };
        if tok.is_empty() {
            continue;
        }
        let is_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        let closing = tok == "\"" && in_quote;
        let attach_left = matches!(tok, "," | "." | "?" | "!" | ")" | ";" | ":" | "%" | "..." | "]")
            || closing
            || (tok == "/" && is_digits(&prev))
            || (prev == "/" && is_digits(tok));
        if !text.is_empty() && !attach_left && !glue_next {
            text.push(' ');
        }
        text.push_str(tok);
        glue_next = matches!(tok, "(" | "[") || (tok == "\"" && !in_quote);
        if tok == "\"" {
            in_quote = !in_quote;
        }
        prev = tok.to_string();
    }
    text
}

/// The records of JSON Lines gold files (`warta eval quotes|events`), in
/// order, each with where it is (`path:line`); blank lines are skipped.
pub fn records<T: serde::de::DeserializeOwned>(
    files: &[std::path::PathBuf],
) -> Result<Vec<(String, T)>, String> {
    let mut out = Vec::new();
    for file in files {
        let data = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        for (n, line) in data.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("{}:{}", file.display(), n + 1);
            let rec: T = serde_json::from_str(line).map_err(|e| format!("{at}: {e}"))?;
            out.push((at, rec));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detokenises_quotes_dates_and_brackets() {
        let p = vec![[
            "\"", "Tidak", "hanya", "tarif", ",", "\"", "ucap", "Zulkifli", ",", "Senin", "(", "27", "/",
            "3", ")", ".",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()];
        assert_eq!(
            detokenise(&p),
            "\"Tidak hanya tarif,\" ucap Zulkifli, Senin (27/3)."
        );
    }
}
