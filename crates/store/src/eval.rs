//! `warta eval stories`: how well stories group articles, scored on pairs
//! of articles that people labelled as reporting one happening or not
//! (data/eval/stories/README.md), after the corpus they come from has been
//! ingested into a store.

use crate::SqliteStore;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write;
use std::path::PathBuf;

/// One labelled pair: the articles' ids as given to `warta ingest` (the
/// JSON Lines `id`), and whether they report one happening.
#[derive(Debug, Deserialize)]
struct Pair {
    a: String,
    b: String,
    same: bool,
    #[serde(default)]
    note: Option<String>,
}

/// Pairwise precision, recall and F1 of "in one story" over the labelled
/// pairs of `files`, both articles looked up in `store` by id.
pub fn run_eval(store: &SqliteStore, files: &[PathBuf], show_errors: bool) -> Result<String, String> {
    let stories = store.stories_by_document_id().map_err(|e| e.to_string())?;
    let mut out = String::new();
    for file in files {
        let data = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let (mut tp, mut fp, mut fn_, mut tn, mut missing) = (0u32, 0u32, 0u32, 0u32, 0u32);
        let mut errors = Vec::new();
        for (n, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let p: Pair =
                serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", file.display(), n + 1))?;
            let (Some(sa), Some(sb)) = (stories.get(&p.a), stories.get(&p.b)) else {
                missing += 1;
                continue;
            };
            let predicted = sa == sb;
            match (predicted, p.same) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                (false, false) => tn += 1,
            }
            if predicted != p.same {
                let what = if predicted { "false merge" } else { "missed" };
                errors.push(format!(
                    "  {what}: {} / {} ({})",
                    p.a,
                    p.b,
                    p.note.as_deref().unwrap_or("")
                ));
            }
        }
        let ratio = |a: u32, b: u32| if b == 0 { 0.0 } else { f64::from(a) / f64::from(b) };
        let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        let _ = writeln!(
            out,
            "{}: {} pairs ({} same), {} not in the store\n  same story: P {p:.3}  R {r:.3}  F1 {f:.3}  (tp {tp}, fp {fp}, fn {fn_}, tn {tn})",
            file.display(),
            tp + fp + fn_ + tn,
            tp + fn_,
            missing
        );
        if show_errors {
            for e in errors {
                let _ = writeln!(out, "{e}");
            }
        }
    }
    Ok(out)
}

impl SqliteStore {
    /// The story of every stored article, by each id an input gave it
    /// (the document's `id`).
    pub fn stories_by_document_id(&self) -> Result<HashMap<String, i64>, crate::StoreError> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT n.name, s.story_id FROM article_names n
                 JOIN story_articles s ON s.article_id = n.article_id",
            )
            .map_err(|source| crate::StoreError::Sqlite {
                what: "reading stories".into(),
                source,
            })?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .and_then(|rows| rows.collect::<Result<HashMap<_, _>, _>>())
            .map_err(|source| crate::StoreError::Sqlite {
                what: "reading stories".into(),
                source,
            })?;
        Ok(rows)
    }
}
