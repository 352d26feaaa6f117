//! Full-text search with filters, ranked inside FTS5.

use super::{sql, SqliteStore};
use crate::{Hit, Search, StoreError};
use rusqlite::params_from_iter;

/// A plain SQL error while searching with text is FTS5 refusing the query
/// (`"unclosed`, a bare `AND`): the user's input, said as such.
fn search_error(s: &Search, e: rusqlite::Error) -> StoreError {
    match (&s.text, &e) {
        (Some(q), rusqlite::Error::SqliteFailure(f, Some(m))) if f.code == rusqlite::ErrorCode::Unknown => {
            StoreError::Invalid(format!("search text `{q}`: {m}"))
        }
        _ => StoreError::Sqlite {
            what: "searching".into(),
            source: e,
        },
    }
}

impl SqliteStore {
    pub(super) fn search_articles(&self, s: &Search) -> Result<Vec<Hit>, StoreError> {
        let mut args: Vec<String> = Vec::new();
        let mut filters = String::new();
        let arg = |v: &str, args: &mut Vec<String>| {
            args.push(v.to_string());
            format!("?{}", args.len())
        };
        let text = s.text.as_deref().filter(|t| !t.trim().is_empty());
        if let Some(q) = text {
            // the first parameter, `?1`, which the snippets ask again below
            let p = arg(q, &mut args);
            filters.push_str(&format!(" AND search MATCH {p}"));
        }
        if let Some(d) = &s.from {
            let p = arg(d, &mut args);
            filters.push_str(&format!(" AND a.published >= {p}"));
        }
        if let Some(d) = &s.to {
            let p = arg(d, &mut args);
            filters.push_str(&format!(" AND a.published <= {p}"));
        }
        // Event conditions hold for one and the same event. CROSS JOIN
        // keeps SQLite's order: the article's few mentions first, then
        // their events by id — not every event of a type, then its
        // mentions (7x slower on 10,000 articles).
        let mut on_event = super::events_query::event_conditions(
            s.plover.as_deref(),
            s.cameo.as_deref(),
            s.actor.as_deref(),
            &mut |v| arg(&v, &mut args),
        );
        if let Some(m) = &s.modality {
            let p = arg(&m.to_lowercase(), &mut args);
            on_event.push_str(&format!(" AND m.modality = {p}"));
        }
        if !on_event.is_empty() {
            filters.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM event_mentions m CROSS JOIN events e ON e.id = m.event_id
                   WHERE m.article_id = a.id{on_event})"
            ));
        }
        if let Some(c) = &s.country {
            // where an event happened, or a place the article names
            let p = arg(&c.to_uppercase(), &mut args);
            filters.push_str(&format!(
                " AND (EXISTS (SELECT 1 FROM event_mentions m CROSS JOIN events e ON e.id = m.event_id
                       WHERE m.article_id = a.id AND e.country = {p})
                    OR EXISTS (SELECT 1 FROM entities en WHERE en.article_id = a.id AND en.type = 'LOC'
                       AND en.country = {p}))"
            ));
        }
        if let Some(place) = &s.place {
            let p = arg(place, &mut args);
            filters.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM entities en WHERE en.article_id = a.id AND en.type = 'LOC'
                   AND (en.canonical = {p} COLLATE NOCASE OR en.text = {p} COLLATE NOCASE))"
            ));
        }
        if let Some(site) = &s.site {
            let p = arg(&site.to_lowercase(), &mut args);
            filters.push_str(&format!(" AND (lower(a.site) = {p} OR a.outlet = {p})"));
        }
        if let Some(story) = s.story {
            let p = arg(&story.to_string(), &mut args);
            filters.push_str(&format!(
                " AND a.id IN (SELECT article_id FROM story_articles WHERE story_id = CAST({p} AS INTEGER))"
            ));
        }
        if !s.include_copies {
            filters.push_str(" AND NOT EXISTS (SELECT 1 FROM copies c WHERE c.article_id = a.id)");
        }
        let limit = s.limit.clamp(1, 10_000);
        let columns = "a.id, a.title, a.site, a.url, a.published, a.language";
        let events = "(SELECT count(*) FROM event_mentions m WHERE m.article_id = a.id),
                      (SELECT count(*) FROM copies c WHERE c.canonical_id = a.id),
                      (SELECT story_id FROM story_articles s WHERE s.article_id = a.id)";
        let query = if text.is_some() {
            // Rank and filter first, then make snippets for the page only:
            // a snippet for every match of a common word (`presiden` in
            // most articles) took 140 ms on 10,000 articles; this takes 36.
            format!(
                "SELECT {columns}, snippet(search, 2, '[', ']', '…', 16), {events} FROM (
                    SELECT search.rowid AS hit, search.article_id AS aid, search.rank AS score
                    FROM search JOIN articles a ON a.id = search.article_id
                    WHERE 1 = 1{filters} ORDER BY search.rank LIMIT {limit}
                 ) h JOIN search ON search.rowid = h.hit JOIN articles a ON a.id = h.aid
                 WHERE search MATCH ?1 ORDER BY h.score"
            )
        } else {
            format!(
                "SELECT {columns}, substr(a.text, 1, 160), {events} FROM articles a
                 WHERE 1 = 1{filters} ORDER BY a.published DESC, a.id LIMIT {limit}"
            )
        };
        let mut st = self.conn.prepare(&query).map_err(sql("preparing the search"))?;
        let rows = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(Hit {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    site: r.get(2)?,
                    url: r.get(3)?,
                    published: r.get(4)?,
                    language: r.get(5)?,
                    snippet: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                    events: r.get::<_, i64>(7)? as u64,
                    copies: r.get::<_, i64>(8)? as u64,
                    story: r.get(9)?,
                })
            })
            .map_err(|e| search_error(s, e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| search_error(s, e))
    }
}
