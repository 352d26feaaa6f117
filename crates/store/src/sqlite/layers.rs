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

    /// Indexes the article for search: names as written and as linked,
    /// and quote text, beside its title and clean text. (When each article
    /// had a savepoint, FTS5 wrote its pending index at every one, so
    /// indexing waited for the end of a batch; it now runs as the article
    /// is stored, so the batch's commit does not do it all at once at the
    /// end of an ingest.)
    pub(super) fn index_for_search(&self, p: &PreparedArticle) -> Result<(), StoreError> {
        let a = &p.rows.article;
        self.conn
            .prepare_cached(
                "INSERT INTO search (article_id, title, text, names, quotes) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .map_err(sql("preparing search"))?
            .execute(params![p.id, a.title, a.text, p.rows.names, p.rows.quote_text])
            .map_err(sql(format!("indexing {} for search", p.id)))?;
        Ok(())
    }
}
