//! Layers as rows (entities, times, quotes) and the full-text index.

use super::{int, items, sql, text, SqliteStore};
use crate::StoreError;
use rusqlite::params;
use serde_json::Value;

impl SqliteStore {
    pub(super) fn insert_layers(&self, id: &str, doc: &Value) -> Result<SearchRow, StoreError> {
        let c = &self.conn;
        let mut st = c
            .prepare_cached(
                "INSERT INTO entities (article_id, idx, text, type, start, end, canonical, country, actor_code, lat, lon)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .map_err(sql("preparing entities"))?;
        for (i, e) in items(doc, "entities").iter().enumerate() {
            let geo = e.get("geo").filter(|g| g.is_object());
            st.execute(params![
                id,
                i as i64,
                text(e, "text"),
                text(e, "type"),
                int(e, "start"),
                int(e, "end"),
                text(e, "canonical"),
                text(e, "country"),
                text(e, "actor_code"),
                geo.and_then(|g| g.get("lat")).and_then(Value::as_f64),
                geo.and_then(|g| g.get("lon")).and_then(Value::as_f64),
            ])
            .map_err(sql(format!("storing the entities of {id}")))?;
        }
        let mut st = c
            .prepare_cached(
                "INSERT INTO times (article_id, idx, text, type, value, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .map_err(sql("preparing times"))?;
        for (i, t) in items(doc, "times").iter().enumerate() {
            st.execute(params![
                id,
                i as i64,
                text(t, "text"),
                text(t, "type"),
                text(t, "value"),
                int(t, "start"),
                int(t, "end")
            ])
            .map_err(sql(format!("storing the times of {id}")))?;
        }
        let mut st = c
            .prepare_cached(
                "INSERT INTO quotes (article_id, idx, kind, text, speaker, speaker_actor_code, start, end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .map_err(sql("preparing quotes"))?;
        for (i, q) in items(doc, "quotes").iter().enumerate() {
            st.execute(params![
                id,
                i as i64,
                text(q, "kind"),
                text(q, "text"),
                text(q, "speaker"),
                text(q, "speaker_actor_code"),
                int(q, "start"),
                int(q, "end")
            ])
            .map_err(sql(format!("storing the quotes of {id}")))?;
        }
        // Search: names as written and as linked; quote text.
        let mut names: Vec<String> = Vec::new();
        for e in items(doc, "entities") {
            names.extend(text(e, "text"));
            names.extend(text(e, "canonical"));
        }
        let quotes: Vec<String> = items(doc, "quotes")
            .iter()
            .filter_map(|q| text(q, "text"))
            .collect();
        Ok(SearchRow {
            article_id: id.to_string(),
            title: text(doc, "title"),
            text: text(doc, "text").unwrap_or_default(),
            names: names.join("\n"),
            quotes: quotes.join("\n"),
        })
    }

    /// Indexes the articles stored since the last call for search. FTS5
    /// writes its pending index at every savepoint, and each article is
    /// stored in one: indexing at the end of a batch, in the same
    /// transaction, let it merge a whole batch at once (ingest 1.9 s →
    /// see BENCHMARKS.md).
    pub(super) fn flush_search(&self) -> Result<(), StoreError> {
        let rows = std::mem::take(&mut *self.pending_search.borrow_mut());
        if rows.is_empty() {
            return Ok(());
        }
        let mut st = self
            .conn
            .prepare_cached(
                "INSERT INTO search (article_id, title, text, names, quotes) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .map_err(sql("preparing search"))?;
        for r in rows {
            st.execute(params![r.article_id, r.title, r.text, r.names, r.quotes])
                .map_err(sql(format!("indexing {} for search", r.article_id)))?;
        }
        Ok(())
    }
}

/// What the search index holds of an article.
pub(super) struct SearchRow {
    article_id: String,
    title: Option<String>,
    text: String,
    names: String,
    quotes: String,
}
