//! Layers as rows (entities, times, quotes) and the full-text index.

use super::{sql, SqliteStore};
use crate::rows::Rows;
use crate::{PreparedArticle, StoreError};
use rusqlite::params;

impl SqliteStore {
    pub(super) fn insert_layers(&self, id: &str, rows: &Rows) -> Result<(), StoreError> {
        let c = &self.conn;
        let mut st = c
            .prepare_cached(
                "INSERT INTO entities (article_id, idx, text, type, start, end, canonical, country, actor_code, lat, lon)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .map_err(sql("preparing entities"))?;
        for (i, e) in rows.entities.iter().enumerate() {
            st.execute(params![
                id,
                i as i64,
                e.text,
                e.kind,
                e.start,
                e.end,
                e.canonical,
                e.country,
                e.actor_code,
                e.lat,
                e.lon,
            ])
            .map_err(sql(format!("storing the entities of {id}")))?;
        }
        let mut st = c
            .prepare_cached(
                "INSERT INTO times (article_id, idx, text, type, value, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .map_err(sql("preparing times"))?;
        for (i, t) in rows.times.iter().enumerate() {
            st.execute(params![id, i as i64, t.text, t.kind, t.value, t.start, t.end])
                .map_err(sql(format!("storing the times of {id}")))?;
        }
        let mut st = c
            .prepare_cached(
                "INSERT INTO quotes (article_id, idx, kind, text, speaker, speaker_actor_code, start, end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .map_err(sql("preparing quotes"))?;
        for (i, q) in rows.quotes.iter().enumerate() {
            st.execute(params![
                id,
                i as i64,
                q.kind,
                q.text,
                q.speaker,
                q.speaker_actor_code,
                q.start,
                q.end
            ])
            .map_err(sql(format!("storing the quotes of {id}")))?;
        }
        Ok(())
    }

    /// Indexes the articles stored since the last call for search. FTS5
    /// keeps new rows in memory and writes them to its index at the next
    /// statement that opens a savepoint (every statement that writes
    /// several rows does): indexing an article as it was stored made every
    /// article pay a write of the index and its merges (7 % of the
    /// writer's time on IndoSum, `perf`). So articles are indexed [`SEARCH_BATCH`] at a time,
    /// and the rest when the batch is committed or searched.
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

/// Articles indexed for search together (see [`SqliteStore::flush_search`]):
/// few enough that the end of an ingest does not index a large batch alone.
pub(super) const SEARCH_BATCH: usize = 64;

/// What the search index holds of an article: names as written and as
/// linked, and quote text, beside its title and clean text.
pub(super) struct SearchRow {
    article_id: String,
    title: Option<String>,
    text: String,
    names: String,
    quotes: String,
}

impl SearchRow {
    pub(super) fn of(p: &PreparedArticle) -> SearchRow {
        SearchRow {
            article_id: p.id.clone(),
            title: p.rows.article.title.clone(),
            text: p.rows.article.text.clone(),
            names: p.rows.names.clone(),
            quotes: p.rows.quote_text.clone(),
        }
    }
}
