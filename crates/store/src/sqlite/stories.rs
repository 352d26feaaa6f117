//! Stories in the database: every stored article belongs to one. A copy
//! joins the story of the article it copies; any other article joins the
//! story of its most similar neighbour by story keys within the time
//! window, or starts a story of its own (see `crate::stories`).

use super::{sql, SqliteStore};
use crate::stories::{key_weight, similarity, story_keys, MIN_SHARED_KEYS, STORY_THRESHOLD, WINDOW_DAYS};
use crate::StoreError;
use rusqlite::{params, OptionalExtension};
use rustc_hash::FxHashMap;
use serde_json::Value;

/// Articles read per key when looking for neighbours, and neighbours
/// scored: a key every article holds costs a constant, not a scan.
const MAX_PER_KEY: i64 = 200;
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
            let doc: Value = serde_json::from_str(&document)
                .map_err(|e| StoreError::Invalid(format!("{id}: stored document: {e}")))?;
            self.assign_story(&id, published.as_deref(), &doc, copy_of.as_deref())?;
        }
        self.conn
            .execute_batch("COMMIT")
            .map_err(sql("finishing the story backfill"))
    }

    /// Puts article `id` in a story and returns the story's id: the story
    /// of `copy_of` (an article of its copy group) for a copy, else that
    /// of the most similar article published within the window, else a
    /// new one. `doc` is the article's JSON output.
    pub(super) fn assign_story(
        &self,
        id: &str,
        published: Option<&str>,
        doc: &Value,
        copy_of: Option<&str>,
    ) -> Result<i64, StoreError> {
        let copied_story = match copy_of {
            Some(other) => self.story_of(other)?,
            None => None,
        };
        let (story, similarity) = match (copied_story, published.and_then(day_number)) {
            (Some(s), _) => (Some(s), None),
            (None, Some(day)) => {
                let keys = story_keys(doc);
                let found = self.nearest_story(&keys, day)?;
                self.index_story_keys(id, day, &keys)?;
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
    fn nearest_story(&self, keys: &[String], day: i64) -> Result<Option<(i64, f64)>, StoreError> {
        if keys.len() < MIN_SHARED_KEYS {
            return Ok(None);
        }
        let mut shared: FxHashMap<String, usize> = FxHashMap::default();
        {
            let mut near = self
                .conn
                .prepare_cached(
                    "SELECT article_id FROM story_keys WHERE key = ?1 AND day BETWEEN ?2 AND ?3
                     ORDER BY day DESC LIMIT ?4",
                )
                .map_err(sql("preparing story neighbours"))?;
            for k in keys {
                let rows = near
                    .query_map(
                        params![k, day - WINDOW_DAYS, day + WINDOW_DAYS, MAX_PER_KEY],
                        |r| r.get::<_, String>(0),
                    )
                    .map_err(sql("looking up story neighbours"))?;
                for a in rows {
                    *shared
                        .entry(a.map_err(sql("reading story neighbours"))?)
                        .or_default() += 1;
                }
            }
        }
        let mut near: Vec<(String, usize)> = shared
            .into_iter()
            .filter(|(_, n)| *n >= MIN_SHARED_KEYS)
            .collect();
        if near.is_empty() {
            return Ok(None);
        }
        near.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        near.truncate(MAX_NEIGHBOURS);
        let n = self.key_count(ARTICLES_ROW)?;
        let mut weights: FxHashMap<String, f64> = FxHashMap::default();
        let mut best: Option<(String, f64)> = None;
        for (other, _) in near {
            let other_keys: String = self
                .conn
                .prepare_cached("SELECT keys FROM story_features WHERE article_id = ?1")
                .map_err(sql("preparing story features"))?
                .query_row([&other], |r| r.get(0))
                .map_err(sql(format!("reading the story keys of {other}")))?;
            let other_keys: Vec<String> = other_keys
                .split('\n')
                .filter(|k| !k.is_empty())
                .map(str::to_string)
                .collect();
            for k in keys.iter().chain(&other_keys) {
                if !weights.contains_key(k) {
                    weights.insert(k.clone(), key_weight(self.key_count(k)?, n));
                }
            }
            let weight = |k: &str| weights.get(k).copied().unwrap_or(1.0);
            let (s, common) = similarity(keys, &other_keys, &weight);
            if common >= MIN_SHARED_KEYS && s >= STORY_THRESHOLD && best.as_ref().is_none_or(|(_, b)| s > *b)
            {
                best = Some((other, s));
            }
        }
        match best {
            Some((other, s)) => Ok(self.story_of(&other)?.map(|story| (story, s))),
            None => Ok(None),
        }
    }

    /// How many articles hold `key` (`""`: how many articles have keys).
    fn key_count(&self, key: &str) -> Result<u64, StoreError> {
        let n: Option<i64> = self
            .conn
            .prepare_cached("SELECT n FROM story_key_counts WHERE key = ?1")
            .map_err(sql("preparing story key counts"))?
            .query_row([key], |r| r.get(0))
            .optional()
            .map_err(sql("reading story key counts"))?;
        Ok(n.unwrap_or(0) as u64)
    }

    fn index_story_keys(&self, id: &str, day: i64, keys: &[String]) -> Result<(), StoreError> {
        let c = &self.conn;
        c.prepare_cached("INSERT INTO story_features (article_id, day, keys) VALUES (?1, ?2, ?3)")
            .map_err(sql("preparing story features"))?
            .execute(params![id, day, keys.join("\n")])
            .map_err(sql(format!("storing the story keys of {id}")))?;
        let mut add = c
            .prepare_cached("INSERT OR IGNORE INTO story_keys (key, day, article_id) VALUES (?1, ?2, ?3)")
            .map_err(sql("preparing story keys"))?;
        let mut count = c
            .prepare_cached(
                "INSERT INTO story_key_counts (key, n) VALUES (?1, 1) ON CONFLICT (key) DO UPDATE SET n = n + 1",
            )
            .map_err(sql("preparing story key counts"))?;
        for k in keys {
            add.execute(params![k, day, id])
                .map_err(sql(format!("storing the story keys of {id}")))?;
            count.execute([k]).map_err(sql("counting story keys"))?;
        }
        count
            .execute([ARTICLES_ROW])
            .map_err(sql("counting story keys"))?;
        Ok(())
    }
}
