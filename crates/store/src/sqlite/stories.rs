//! Stories in the database: every stored article belongs to one. A copy
//! joins the story of the article it copies; any other article joins the
//! story of its most similar neighbour by story keys within the time
//! window, or starts a story of its own (see `crate::stories`).

use super::{sql, SqliteStore};
use crate::stories::{key_weight, similarity, story_keys, MIN_SHARED_KEYS, STORY_THRESHOLD, WINDOW_DAYS};
use crate::StoreError;
use rusqlite::{params, OptionalExtension};
use rustc_hash::FxHashMap;

/// Articles read per key when looking for neighbours, and neighbours
/// scored: a key every article holds costs a constant, not a scan.
const MAX_PER_KEY: i64 = 20;
const MAX_NEIGHBOURS: usize = 32;

/// The row of `story_key_counts` that counts articles with keys.
const ARTICLES_ROW: &str = "";

/// Days since 0001-01-01 of a `YYYY-MM-DD` date.
fn day_number(date: &str) -> Option<i64> {
    use chrono::Datelike;
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .map(|d| i64::from(d.num_days_from_ce()))
}

impl SqliteStore {
    /// Files every stored article in a story, in the order they were
    /// stored, copies last (with the story of the article they copy), and
    /// records the id each was stored under: for a database made before
    /// stories existed. Events already counted stay
    /// as they were counted (across copy groups).
    pub(super) fn backfill_stories(&self) -> Result<(), StoreError> {
        let rows: Vec<(String, Option<String>, String, Option<String>)> = self
            .conn
            .prepare(
                "SELECT a.id, a.published, a.document, c.canonical_id FROM articles a
                 LEFT JOIN copies c ON c.article_id = a.id
                 ORDER BY c.canonical_id IS NOT NULL, a.rowid",
            )
            .and_then(|mut st| {
                st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                    .collect()
            })
            .map_err(sql("reading articles to file in stories"))?;
        self.conn
            .execute_batch(
                "BEGIN; INSERT OR IGNORE INTO article_names (name, article_id)
                 SELECT json_extract(document, '$.id'), id FROM articles WHERE json_extract(document, '$.id') IS NOT NULL;",
            )
            .map_err(sql("starting the story backfill"))?;
        for (id, published, document, copy_of) in rows {
            let doc: warta_core::Document = serde_json::from_str(&document)
                .map_err(|e| StoreError::Invalid(format!("{id}: stored document: {e}")))?;
            self.assign_story(&id, published.as_deref(), &story_keys(&doc), copy_of.as_deref())?;
        }
        self.conn
            .execute_batch("COMMIT")
            .map_err(sql("finishing the story backfill"))
    }

    /// Puts article `id` in a story and returns the story's id: the story
    /// of `copy_of` (an article of its copy group) for a copy, else that
    /// of the most similar article published within the window, else a
    /// new one. `keys` are the article's story keys.
    pub(super) fn assign_story(
        &self,
        id: &str,
        published: Option<&str>,
        keys: &[String],
        copy_of: Option<&str>,
    ) -> Result<i64, StoreError> {
        let copied_story = match copy_of {
            Some(other) => self.story_of(other)?,
            None => None,
        };
        let (story, similarity) = match (copied_story, published.and_then(day_number)) {
            (Some(s), _) => (Some(s), None),
            (None, Some(day)) => {
                let found = self.nearest_story(keys, day)?;
                self.index_story_keys(id, day, keys)?;
                match found {
                    Some((s, sim)) => (Some(s), Some(sim)),
                    None => (None, None),
                }
            }
            // Undated: no window to cluster in.
            (None, None) => (None, None),
        };
        let story = match story {
            Some(s) => s,
            None => {
                self.conn
                    .prepare_cached("INSERT INTO stories DEFAULT VALUES")
                    .map_err(sql("preparing stories"))?
                    .execute([])
                    .map_err(sql(format!("starting the story of {id}")))?;
                self.conn.last_insert_rowid()
            }
        };
        self.conn
            .prepare_cached(
                "INSERT INTO story_articles (article_id, story_id, similarity) VALUES (?1, ?2, ?3)",
            )
            .map_err(sql("preparing story articles"))?
            .execute(params![id, story, similarity])
            .map_err(sql(format!("filing {id} in story {story}")))?;
        self.conn
            .prepare_cached(
                "UPDATE stories SET
                    num_articles = (SELECT count(*) FROM story_articles WHERE story_id = ?1),
                    num_sources = (SELECT count(DISTINCT coalesce(a.outlet, a.id)) FROM story_articles s
                                   JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1),
                    first_published = (SELECT min(a.published) FROM story_articles s
                                       JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1),
                    last_published = (SELECT max(a.published) FROM story_articles s
                                      JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1),
                    title = (SELECT a.title FROM story_articles s JOIN articles a ON a.id = s.article_id
                             WHERE s.story_id = ?1 AND a.title IS NOT NULL
                             ORDER BY a.published IS NULL, a.published, a.rowid LIMIT 1)
                 WHERE id = ?1",
            )
            .map_err(sql("preparing story counts"))?
            .execute([story])
            .map_err(sql(format!("counting story {story}")))?;
        Ok(story)
    }

    fn story_of(&self, article: &str) -> Result<Option<i64>, StoreError> {
        self.conn
            .prepare_cached("SELECT story_id FROM story_articles WHERE article_id = ?1")
            .map_err(sql("preparing story lookups"))?
            .query_row([article], |r| r.get(0))
            .optional()
            .map_err(sql(format!("reading the story of {article}")))
    }

    /// The story of the stored article most like one with `keys` published
    /// on `day`, with its similarity, if one reaches [`STORY_THRESHOLD`].
    /// A handful of statements whatever the number of keys (keys travel as
    /// JSON arrays): statements, not rows, were the cost.
    fn nearest_story(&self, keys: &[String], day: i64) -> Result<Option<(i64, f64)>, StoreError> {
        if keys.len() < MIN_SHARED_KEYS {
            return Ok(None);
        }
        let mut counts = self.key_counts(keys.iter().map(String::as_str).chain([ARTICLES_ROW]))?;
        let n = counts.get(ARTICLES_ROW).copied().unwrap_or(0);
        // Neighbours are looked up by the keys that still tell articles
        // apart: a key a large share of the corpus holds would read a
        // large share of the window for every article.
        let max_df = MAX_PER_KEY.max(n as i64 / 50) as u64;
        let lookup: Vec<&str> = keys
            .iter()
            .map(String::as_str)
            .filter(|k| counts.get(*k).copied().unwrap_or(0) <= max_df)
            .collect();
        let near: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT s.article_id, count(*) AS shared FROM json_each(?1) k
                 JOIN story_keys s ON s.key = k.value AND s.day BETWEEN ?2 AND ?3
                 GROUP BY s.article_id HAVING shared >= ?4 ORDER BY shared DESC, s.article_id LIMIT ?5",
            )
            .map_err(sql("preparing story neighbours"))?
            .query_map(
                params![
                    json(&lookup),
                    day - WINDOW_DAYS,
                    day + WINDOW_DAYS,
                    MIN_SHARED_KEYS as i64,
                    MAX_NEIGHBOURS as i64
                ],
                |r| r.get::<_, String>(0),
            )
            .and_then(|rows| rows.collect())
            .map_err(sql("looking up story neighbours"))?;
        if near.is_empty() {
            return Ok(None);
        }
        let features: Vec<(String, Vec<String>)> = self
            .conn
            .prepare_cached(
                "SELECT f.article_id, f.keys FROM json_each(?1) j JOIN story_features f ON f.article_id = j.value",
            )
            .map_err(sql("preparing story features"))?
            .query_map([json(&near)], |r| {
                let keys: String = r.get(1)?;
                Ok((
                    r.get::<_, String>(0)?,
                    keys.split('\n').filter(|k| !k.is_empty()).map(str::to_string).collect(),
                ))
            })
            .and_then(|rows| rows.collect())
            .map_err(sql("reading story features"))?;
        let unknown: Vec<&str> = features
            .iter()
            .flat_map(|(_, ks)| ks.iter().map(String::as_str))
            .filter(|k| !counts.contains_key(*k))
            .collect();
        counts.extend(self.key_counts(unknown.into_iter())?);
        let weight = |k: &str| key_weight(counts.get(k).copied().unwrap_or(0), n);
        let mut best: Option<(&str, f64)> = None;
        for (other, other_keys) in &features {
            let (s, common) = similarity(keys, other_keys, &weight);
            if common >= MIN_SHARED_KEYS && s >= STORY_THRESHOLD && best.is_none_or(|(_, b)| s > b) {
                best = Some((other, s));
            }
        }
        match best {
            Some((other, s)) => Ok(self.story_of(other)?.map(|story| (story, s))),
            None => Ok(None),
        }
    }

    /// How many articles hold each of `keys` (`""`: how many articles have
    /// keys); keys no article holds are absent.
    fn key_counts<'k>(
        &self,
        keys: impl Iterator<Item = &'k str>,
    ) -> Result<FxHashMap<String, u64>, StoreError> {
        let keys: Vec<&str> = keys.collect();
        if keys.is_empty() {
            return Ok(FxHashMap::default());
        }
        self.conn
            .prepare_cached(
                "SELECT c.key, c.n FROM json_each(?1) j JOIN story_key_counts c ON c.key = j.value",
            )
            .map_err(sql("preparing story key counts"))?
            .query_map([json(&keys)], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })
            .and_then(|rows| rows.collect())
            .map_err(sql("reading story key counts"))
    }

    fn index_story_keys(&self, id: &str, day: i64, keys: &[String]) -> Result<(), StoreError> {
        let c = &self.conn;
        c.prepare_cached("INSERT INTO story_features (article_id, day, keys) VALUES (?1, ?2, ?3)")
            .map_err(sql("preparing story features"))?
            .execute(params![id, day, keys.join("\n")])
            .map_err(sql(format!("storing the story keys of {id}")))?;
        c.prepare_cached(
            // `OR IGNORE` (keys are distinct): see the bands of copies.
            "INSERT OR IGNORE INTO story_keys (key, day, article_id) SELECT value, ?2, ?3 FROM json_each(?1)",
        )
        .map_err(sql("preparing story keys"))?
        .execute(params![json(keys), day, id])
        .map_err(sql(format!("storing the story keys of {id}")))?;
        let counted: Vec<&str> = keys.iter().map(String::as_str).chain([ARTICLES_ROW]).collect();
        c.prepare_cached(
            "INSERT INTO story_key_counts (key, n) SELECT value, 1 FROM json_each(?1) WHERE true
             ON CONFLICT (key) DO UPDATE SET n = n + 1",
        )
        .map_err(sql("preparing story key counts"))?
        .execute([json(&counted)])
        .map_err(sql("counting story keys"))?;
        Ok(())
    }
}

/// A list of strings as a JSON array, for `json_each`.
fn json<S: AsRef<str>>(items: &[S]) -> String {
    serde_json::to_string(&items.iter().map(AsRef::as_ref).collect::<Vec<&str>>()).expect("strings serialise")
}
