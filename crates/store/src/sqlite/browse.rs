//! The queries behind [`crate::browse`]: actors, their links, places,
//! quotes and an article's relations.

use super::events_query::filters;
use super::{sql, SqliteStore};
use crate::{
    ActorCount, ActorLink, ArticleRelations, CopyRef, EventQuery, PlaceCount, QuoteHit, QuoteQuery,
    StoreError,
};
use rusqlite::types::Value as Sql;
use rusqlite::{params_from_iter, OptionalExtension, Row};

/// Most rows any of these lists returns.
const MAX_ROWS: usize = 1000;

fn copy_ref(r: &Row) -> rusqlite::Result<CopyRef> {
    Ok(CopyRef {
        id: r.get(0)?,
        title: r.get(1)?,
        site: r.get(2)?,
        url: r.get(3)?,
        published: r.get(4)?,
        similarity: r.get(5)?,
    })
}

impl SqliteStore {
    pub(super) fn list_actors(&self, q: &EventQuery) -> Result<Vec<ActorCount>, StoreError> {
        let (w, args) = filters(q);
        let limit = q.limit.clamp(1, MAX_ROWS);
        // Each event once per side it names; an actor is its linked name,
        // else its code.
        let sql_text = format!(
            "WITH matching AS (SELECT * FROM events e WHERE {w}),
                  sides AS (
                    SELECT id, coalesce(source_name, source_code) AS name, source_code AS code, 1 AS src, 0 AS tgt
                    FROM matching WHERE coalesce(source_name, source_code) IS NOT NULL
                    UNION ALL
                    SELECT id, coalesce(target_name, target_code), target_code, 0, 1
                    FROM matching WHERE coalesce(target_name, target_code) IS NOT NULL)
             SELECT name, max(code), count(DISTINCT id), sum(src), sum(tgt) FROM sides
             GROUP BY name ORDER BY count(DISTINCT id) DESC, name LIMIT {limit}"
        );
        let mut st = self
            .conn
            .prepare(&sql_text)
            .map_err(sql("preparing the actor list"))?;
        let rows = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(ActorCount {
                    name: r.get(0)?,
                    code: r.get(1)?,
                    events: r.get::<_, i64>(2)? as u64,
                    as_source: r.get::<_, i64>(3)? as u64,
                    as_target: r.get::<_, i64>(4)? as u64,
                })
            })
            .map_err(sql("listing actors"))?;
        rows.collect::<Result<_, _>>().map_err(sql("listing actors"))
    }

    pub(super) fn list_actor_links(&self, q: &EventQuery) -> Result<Vec<ActorLink>, StoreError> {
        let (w, args) = filters(q);
        let limit = q.limit.clamp(1, MAX_ROWS);
        let sql_text = format!(
            "SELECT coalesce(e.source_name, e.source_code) AS s, max(e.source_code),
                    coalesce(e.target_name, e.target_code) AS t, max(e.target_code),
                    count(*), sum(e.quad_class IN (1, 2)), sum(e.quad_class IN (3, 4))
             FROM events e WHERE {w} AND s IS NOT NULL AND t IS NOT NULL AND s <> t
             GROUP BY s, t ORDER BY count(*) DESC, s, t LIMIT {limit}"
        );
        let mut st = self
            .conn
            .prepare(&sql_text)
            .map_err(sql("preparing the actor network"))?;
        let rows = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(ActorLink {
                    source: r.get(0)?,
                    source_code: r.get(1)?,
                    target: r.get(2)?,
                    target_code: r.get(3)?,
                    events: r.get::<_, i64>(4)? as u64,
                    cooperative: r.get::<_, i64>(5)? as u64,
                    conflictual: r.get::<_, i64>(6)? as u64,
                })
            })
            .map_err(sql("listing actor links"))?;
        rows.collect::<Result<_, _>>().map_err(sql("listing actor links"))
    }

    pub(super) fn list_places(&self, q: &EventQuery) -> Result<Vec<PlaceCount>, StoreError> {
        let (w, args) = filters(q);
        let limit = q.limit.clamp(1, MAX_ROWS);
        let sql_text = format!(
            "SELECT e.location, e.country, e.lat, e.lon, count(*) FROM events e
             WHERE {w} AND e.lat IS NOT NULL AND e.lon IS NOT NULL
             GROUP BY e.lat, e.lon ORDER BY count(*) DESC, e.location LIMIT {limit}"
        );
        let mut st = self
            .conn
            .prepare(&sql_text)
            .map_err(sql("preparing the place list"))?;
        let rows = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(PlaceCount {
                    location: r.get(0)?,
                    country: r.get(1)?,
                    lat: r.get(2)?,
                    lon: r.get(3)?,
                    events: r.get::<_, i64>(4)? as u64,
                })
            })
            .map_err(sql("listing places"))?;
        rows.collect::<Result<_, _>>().map_err(sql("listing places"))
    }

    pub(super) fn find_quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteHit>, StoreError> {
        let mut w = String::from("1 = 1");
        let mut args: Vec<Sql> = Vec::new();
        // LIKE patterns take the user's text literally: `%` and `_` escaped.
        let like = |s: &str| {
            let escaped = s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            Sql::Text(format!("%{escaped}%"))
        };
        if let Some(s) = &q.speaker {
            args.push(like(s));
            w += &format!(" AND q.speaker LIKE ?{} ESCAPE '\\'", args.len());
        }
        if let Some(t) = &q.text {
            args.push(like(t));
            w += &format!(" AND q.text LIKE ?{} ESCAPE '\\'", args.len());
        }
        let limit = q.limit.clamp(1, MAX_ROWS);
        let sql_text = format!(
            "SELECT q.article_id, a.title, a.site, a.published, q.kind, q.text, q.speaker, q.speaker_actor_code
             FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE {w} ORDER BY a.published DESC, a.rowid DESC, q.idx LIMIT {limit}"
        );
        let mut st = self
            .conn
            .prepare(&sql_text)
            .map_err(sql("preparing the quote search"))?;
        let rows = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(QuoteHit {
                    article_id: r.get(0)?,
                    title: r.get(1)?,
                    site: r.get(2)?,
                    published: r.get(3)?,
                    kind: r.get(4)?,
                    text: r.get(5)?,
                    speaker: r.get(6)?,
                    speaker_actor_code: r.get(7)?,
                })
            })
            .map_err(sql("searching quotes"))?;
        rows.collect::<Result<_, _>>().map_err(sql("searching quotes"))
    }

    pub(super) fn article_relations(&self, id: &str) -> Result<Option<ArticleRelations>, StoreError> {
        let stored: Option<i64> = self
            .conn
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(sql(format!("looking up {id}")))?;
        if stored.is_none() {
            return Ok(None);
        }
        let copy_of = self
            .conn
            .query_row(
                "SELECT a.id, a.title, a.site, a.url, a.published, c.similarity
                 FROM copies c JOIN articles a ON a.id = c.canonical_id WHERE c.article_id = ?1",
                [id],
                copy_ref,
            )
            .optional()
            .map_err(sql(format!("reading what {id} copies")))?;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title, a.site, a.url, a.published, c.similarity
                 FROM copies c JOIN articles a ON a.id = c.article_id WHERE c.canonical_id = ?1
                 ORDER BY a.published, a.rowid LIMIT 1000",
            )
            .map_err(sql("preparing the copy list"))?;
        let copies = st
            .query_map([id], copy_ref)
            .map_err(sql(format!("listing copies of {id}")))?
            .collect::<Result<_, _>>()
            .map_err(sql(format!("listing copies of {id}")))?;
        let story = self
            .conn
            .query_row(
                "SELECT story_id FROM story_articles WHERE article_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql(format!("reading the story of {id}")))?;
        Ok(Some(ArticleRelations {
            copy_of,
            copies,
            story,
        }))
    }
}
