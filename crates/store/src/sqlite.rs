//! [`Store`] over one SQLite file: WAL journal (readers never wait for the
//! writer), one transaction per batch, layers as rows read from the
//! document's JSON contract (so offsets are code points, as in
//! `warta analyze` output), and an FTS5 table for search.

use crate::schema::MIGRATIONS;
use crate::{article_id, CountedEvent, Counts, Hit, Put, Search, Store, StoreError};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde_json::Value;
use std::path::Path;
use warta_core::Document;
use warta_dedup::{Signature, COPY_THRESHOLD};

/// Bounds on LSH candidates, so that a bucket everybody falls into (the
/// same boilerplate-only page a thousand times) costs a constant per
/// article, not one comparison per stored article.
const MAX_CANDIDATES_PER_BAND: i64 = 64;
const MAX_CANDIDATES: usize = 64;

/// A store in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
    in_transaction: bool,
}

fn sql(what: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> StoreError {
    let what = what.into();
    move |source| StoreError::Sqlite { what, source }
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn int(v: &Value, key: &str) -> i64 {
    v.get(key).and_then(Value::as_i64).unwrap_or(0)
}

fn items<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

impl SqliteStore {
    /// Opens (creating it when missing) the database at `path` and brings
    /// its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let conn = Connection::open(path).map_err(sql(format!("opening {}", path.display())))?;
        Self::init(conn, &path.display().to_string())
    }

    /// A database in memory (tests).
    pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
        Self::init(
            Connection::open_in_memory().map_err(sql("opening a memory database"))?,
            ":memory:",
        )
    }

    fn init(conn: Connection, name: &str) -> Result<SqliteStore, StoreError> {
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )
        .map_err(sql(format!("{name}: setting up")))?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(sql(format!("{name}: reading the schema version")))?;
        if version as usize > MIGRATIONS.len() {
            return Err(StoreError::Invalid(format!(
                "{name}: schema version {version} is newer than this warta knows ({}); use a newer warta",
                MIGRATIONS.len()
            )));
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            conn.execute_batch(&format!("BEGIN; {m}; PRAGMA user_version = {}; COMMIT;", i + 1))
                .map_err(sql(format!("{name}: migrating the schema to version {}", i + 1)))?;
        }
        Ok(SqliteStore {
            conn,
            in_transaction: false,
        })
    }

    #[cfg(test)]
    pub(crate) fn conn_for_tests(&self) -> &Connection {
        &self.conn
    }

    fn begin(&mut self) -> Result<(), StoreError> {
        if !self.in_transaction {
            self.conn
                .execute_batch("BEGIN")
                .map_err(sql("starting a transaction"))?;
            self.in_transaction = true;
        }
        Ok(())
    }

    fn insert_article(&self, id: &str, doc: &Document, out: &Value) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO articles (id, input, url, site, title, published, language, outlet, text, document)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )
            .map_err(sql("preparing articles"))?
            .execute(params![
                id,
                doc.source.input,
                doc.source.url,
                doc.source.site,
                doc.title,
                doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
                doc.language.as_ref().map(|l| l.code.clone()),
                outlet(doc),
                doc.text,
                out.to_string()
            ])
            .map_err(sql(format!("storing {id}")))?;
        self.insert_layers(id, out)?;
        let canonical = self.link_copies(id, doc)?;
        self.insert_events(id, canonical.as_deref().unwrap_or(id), out)
    }

    /// Files the article's events as mentions of events counted once: an
    /// event of the same CAMEO code, source and target codes — and the same
    /// date and country where both give one — already mentioned by this
    /// article or another of its copy group (whose canonical article is
    /// `canonical`) gets a mention; any other is a new event. The counts
    /// of every event touched are then recomputed from its mentions.
    fn insert_events(&self, id: &str, canonical: &str, doc: &Value) -> Result<(), StoreError> {
        let c = &self.conn;
        let mut find = c
            .prepare_cached(
                "SELECT ev.id FROM events ev
                 WHERE ev.cameo = ?1 AND ev.source_code IS ?2 AND ev.target_code IS ?3
                   AND (ev.date IS NULL OR ?4 IS NULL OR ev.date = ?4)
                   AND (ev.country IS NULL OR ?5 IS NULL OR ev.country = ?5)
                   AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = ev.id
                       AND (m.article_id IN (?6, ?7)
                            OR m.article_id IN (SELECT article_id FROM copies WHERE canonical_id = ?7)))
                 ORDER BY ev.id LIMIT 1",
            )
            .map_err(sql("preparing event matching"))?;
        let mut new_event = c
            .prepare_cached(
                "INSERT INTO events (plover, cameo, quad_class, goldstein, source_name, source_code, target_name,
                    target_code, modality, date, location, country, lat, lon)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )
            .map_err(sql("preparing events"))?;
        let mut mention = c
            .prepare_cached(
                "INSERT INTO event_mentions (article_id, idx, event_id, sentence, modality, claimed_by, source_text,
                    target_text, trigger, start, end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .map_err(sql("preparing event mentions"))?;
        let mut touched: Vec<i64> = Vec::new();
        for (i, e) in items(doc, "events").iter().enumerate() {
            let side = |k: &str, f: &str| e.get(k).and_then(|a| text(a, f));
            let loc = e.get("location").filter(|l| l.is_object());
            let (cameo, src, tgt) = (text(e, "cameo"), side("source", "code"), side("target", "code"));
            let (date, country) = (text(e, "date"), text(e, "country"));
            let found: Option<i64> = find
                .query_row(params![cameo, src, tgt, date, country, id, canonical], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(sql(format!("matching the events of {id}")))?;
            let event_id = match found {
                Some(ev) => ev,
                None => {
                    new_event
                        .execute(params![
                            text(e, "plover"),
                            cameo,
                            int(e, "quad_class"),
                            e.get("goldstein").and_then(Value::as_f64).unwrap_or(0.0),
                            side("source", "name"),
                            src,
                            side("target", "name"),
                            tgt,
                            text(e, "modality"),
                            date,
                            loc.and_then(|l| text(l, "name")),
                            country,
                            loc.and_then(|l| l.get("lat")).and_then(Value::as_f64),
                            loc.and_then(|l| l.get("lon")).and_then(Value::as_f64),
                        ])
                        .map_err(sql(format!("storing the events of {id}")))?;
                    c.last_insert_rowid()
                }
            };
            mention
                .execute(params![
                    id,
                    i as i64,
                    event_id,
                    int(e, "sentence"),
                    text(e, "modality"),
                    text(e, "claimed_by"),
                    side("source", "text"),
                    side("target", "text"),
                    e.get("trigger").and_then(|t| text(t, "text")),
                    int(e, "start"),
                    int(e, "end"),
                ])
                .map_err(sql(format!("storing the event mentions of {id}")))?;
            if !touched.contains(&event_id) {
                touched.push(event_id);
            }
        }
        let mut count = c
            .prepare_cached(
                "UPDATE events SET
                    num_mentions = (SELECT count(*) FROM event_mentions WHERE event_id = ?1),
                    num_articles = (SELECT count(DISTINCT article_id) FROM event_mentions WHERE event_id = ?1),
                    num_sources = (SELECT count(DISTINCT coalesce(a.outlet, a.id)) FROM event_mentions m
                                   JOIN articles a ON a.id = m.article_id WHERE m.event_id = ?1)
                 WHERE id = ?1",
            )
            .map_err(sql("preparing event counts"))?;
        for ev in touched {
            count.execute([ev]).map_err(sql("counting event mentions"))?;
        }
        Ok(())
    }

    /// Files the article's MinHash signature and bands, and puts it in the
    /// copy group of its most similar stored article, if any reaches
    /// [`COPY_THRESHOLD`]. The group's canonical article is the earliest
    /// published, then one with a URL (a known site over a pasted copy),
    /// then the smaller id; a new article that beats it takes its place.
    /// Returns the canonical article of its group (itself when it leads
    /// one), or `None` when it copies nothing.
    fn link_copies(&self, id: &str, doc: &Document) -> Result<Option<String>, StoreError> {
        let c = &self.conn;
        let sig = Signature::of(&doc.text);
        c.prepare_cached("INSERT INTO minhash (article_id, signature) VALUES (?1, ?2)")
            .map_err(sql("preparing minhash"))?
            .execute(params![id, sig.to_bytes()])
            .map_err(sql(format!("storing the signature of {id}")))?;
        // Candidates by the number of bands they share: a copy shares many,
        // a chance collision one.
        let mut candidates: rustc_hash::FxHashMap<String, usize> = Default::default();
        {
            let mut find = c
                .prepare_cached("SELECT article_id FROM lsh WHERE band = ?1 AND hash = ?2 LIMIT ?3")
                .map_err(sql("preparing lsh lookups"))?;
            let mut add = c
                .prepare_cached("INSERT OR IGNORE INTO lsh (band, hash, article_id) VALUES (?1, ?2, ?3)")
                .map_err(sql("preparing lsh"))?;
            for (b, h) in sig.bands().iter().enumerate() {
                let h = *h as i64;
                let found = find
                    .query_map(params![b as i64, h, MAX_CANDIDATES_PER_BAND], |r| {
                        r.get::<_, String>(0)
                    })
                    .map_err(sql("looking up lsh bands"))?;
                for f in found {
                    let f = f.map_err(sql("reading lsh bands"))?;
                    *candidates.entry(f).or_default() += 1;
                }
                add.execute(params![b as i64, h, id])
                    .map_err(sql(format!("storing the bands of {id}")))?;
            }
        }
        let mut candidates: Vec<(String, usize)> = candidates.into_iter().collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut best: Option<(String, f32)> = None;
        for (cand, _) in candidates.into_iter().take(MAX_CANDIDATES) {
            let other = self.signature(&cand)?;
            let s = sig.similarity(&other);
            if s >= COPY_THRESHOLD && best.as_ref().is_none_or(|(_, b)| s > *b) {
                best = Some((cand, s));
            }
        }
        let Some((near, _)) = best else {
            return Ok(None);
        };
        let canonical: String = c
            .prepare_cached("SELECT canonical_id FROM copies WHERE article_id = ?1")
            .map_err(sql("preparing copies"))?
            .query_row([&near], |r| r.get(0))
            .optional()
            .map_err(sql("reading copies"))?
            .unwrap_or(near);
        let canon_meta: (Option<String>, Option<String>) = c
            .query_row(
                "SELECT published, url FROM articles WHERE id = ?1",
                [&canonical],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(sql("reading the canonical article"))?;
        let mine = (
            doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
            doc.source.url.clone(),
        );
        let rank = |(published, url): &(Option<String>, Option<String>), id: &str| {
            (
                published.is_none(),
                published.clone(),
                url.is_none(),
                id.to_string(),
            )
        };
        if rank(&mine, id) < rank(&canon_meta, &canonical) {
            // The new article leads the group: the others point to it.
            let members: Vec<String> = c
                .prepare("SELECT article_id FROM copies WHERE canonical_id = ?1")
                .map_err(sql("preparing copies"))?
                .query_map([&canonical], |r| r.get(0))
                .map_err(sql("reading copies"))?
                .collect::<Result<_, _>>()
                .map_err(sql("reading copies"))?;
            let mut set = c
                .prepare_cached("INSERT OR REPLACE INTO copies (article_id, canonical_id, similarity) VALUES (?1, ?2, ?3)")
                .map_err(sql("preparing copies"))?;
            for m in members.iter().chain(std::iter::once(&canonical)) {
                let s = sig.similarity(&self.signature(m)?);
                set.execute(params![m, id, s]).map_err(sql("regrouping copies"))?;
            }
            Ok(Some(id.to_string()))
        } else {
            c.prepare_cached("INSERT INTO copies (article_id, canonical_id, similarity) VALUES (?1, ?2, ?3)")
                .map_err(sql("preparing copies"))?
                .execute(params![
                    id,
                    canonical,
                    sig.similarity(&self.signature(&canonical)?)
                ])
                .map_err(sql(format!("filing {id} as a copy")))?;
            Ok(Some(canonical))
        }
    }

    fn signature(&self, id: &str) -> Result<Signature, StoreError> {
        let bytes: Vec<u8> = self
            .conn
            .prepare_cached("SELECT signature FROM minhash WHERE article_id = ?1")
            .map_err(sql("preparing minhash"))?
            .query_row([id], |r| r.get(0))
            .map_err(sql(format!("reading the signature of {id}")))?;
        Signature::from_bytes(&bytes).ok_or_else(|| StoreError::Invalid(format!("{id}: a damaged signature")))
    }

    fn insert_layers(&self, id: &str, doc: &Value) -> Result<(), StoreError> {
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
        c.prepare_cached(
            "INSERT INTO search (article_id, title, text, names, quotes) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(sql("preparing search"))?
        .execute(params![
            id,
            text(doc, "title"),
            text(doc, "text"),
            names.join("\n"),
            quotes.join("\n")
        ])
        .map_err(sql(format!("indexing {id} for search")))?;
        Ok(())
    }
}

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

/// Where an article was published: its site (`source.site`), else its
/// URL's host; distinct outlets make an event's `num_sources`.
fn outlet(doc: &Document) -> Option<String> {
    doc.source.site.clone().or_else(|| {
        let url = doc.source.url.as_deref()?;
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?.trim_start_matches("www.");
        (!host.is_empty()).then(|| host.to_lowercase())
    })
}

impl Store for SqliteStore {
    fn put_article(&mut self, doc: &Document) -> Result<Put, StoreError> {
        let id = article_id(doc);
        let present: Option<i64> = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .map_err(sql("preparing a lookup"))?
            .query_row([&id], |r| r.get(0))
            .optional()
            .map_err(sql(format!("looking up {id}")))?;
        if present.is_some() {
            return Ok(Put::AlreadyPresent);
        }
        let out = serde_json::to_value(doc.to_output())
            .map_err(|e| StoreError::Invalid(format!("{}: serialising: {e}", doc.id)))?;
        self.begin()?;
        // All of an article or none of it, even inside a batch.
        self.conn
            .execute_batch("SAVEPOINT article")
            .map_err(sql("starting an article"))?;
        let stored = self.insert_article(&id, doc, &out);
        let end = if stored.is_ok() {
            "RELEASE article"
        } else {
            "ROLLBACK TO article; RELEASE article"
        };
        self.conn
            .execute_batch(end)
            .map_err(sql(format!("finishing {id}")))?;
        stored.map(|()| Put::Stored)
    }

    fn put_reject(&mut self, input: &str, id: Option<&str>, reason: &str) -> Result<(), StoreError> {
        self.begin()?;
        self.conn
            .prepare_cached("INSERT INTO rejects (input, article_id, reason) VALUES (?1, ?2, ?3)")
            .map_err(sql("preparing rejects"))?
            .execute(params![input, id, reason])
            .map_err(sql(format!("recording the reject {input}")))?;
        Ok(())
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        if self.in_transaction {
            self.conn.execute_batch("COMMIT").map_err(sql("committing"))?;
            self.in_transaction = false;
        }
        Ok(())
    }

    fn search(&self, s: &Search) -> Result<Vec<Hit>, StoreError> {
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
        if let Some(t) = &s.plover {
            let p = arg(&t.to_uppercase(), &mut args);
            filters.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM event_mentions m JOIN events e ON e.id = m.event_id
                   WHERE m.article_id = a.id AND e.plover = {p})"
            ));
        }
        if let Some(code) = &s.actor {
            let p = arg(&format!("{}%", code.to_uppercase()), &mut args);
            filters.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM event_mentions m JOIN events e ON e.id = m.event_id
                   WHERE m.article_id = a.id AND (e.source_code LIKE {p} OR e.target_code LIKE {p}))"
            ));
        }
        if !s.include_copies {
            filters.push_str(" AND NOT EXISTS (SELECT 1 FROM copies c WHERE c.article_id = a.id)");
        }
        let limit = s.limit.clamp(1, 10_000);
        let columns = "a.id, a.title, a.site, a.url, a.published, a.language";
        let events = "(SELECT count(*) FROM event_mentions m WHERE m.article_id = a.id),
                      (SELECT count(*) FROM copies c WHERE c.canonical_id = a.id)";
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
                })
            })
            .map_err(|e| search_error(s, e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| search_error(s, e))
    }

    fn document_json(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT document FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(sql(format!("reading {id}")))
    }

    fn counted_events(&self) -> Result<Vec<CountedEvent>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT e.id, e.num_mentions, e.num_sources, e.num_articles,
                        (SELECT m.article_id FROM event_mentions m JOIN articles a ON a.id = m.article_id
                         WHERE m.event_id = e.id ORDER BY a.rowid, m.idx LIMIT 1),
                        (SELECT m.idx FROM event_mentions m JOIN articles a ON a.id = m.article_id
                         WHERE m.event_id = e.id ORDER BY a.rowid, m.idx LIMIT 1)
                 FROM events e ORDER BY e.id",
            )
            .map_err(sql("preparing the events"))?;
        let rows = st
            .query_map([], |r| {
                Ok(CountedEvent {
                    id: r.get(0)?,
                    num_mentions: r.get::<_, i64>(1)? as u64,
                    num_sources: r.get::<_, i64>(2)? as u64,
                    num_articles: r.get::<_, i64>(3)? as u64,
                    article_id: r.get(4)?,
                    index: r.get::<_, i64>(5)? as usize,
                })
            })
            .map_err(sql("reading the events"))?;
        rows.collect::<Result<_, _>>().map_err(sql("reading the events"))
    }

    fn counts(&self) -> Result<Counts, StoreError> {
        let n = |table: &str| -> Result<u64, StoreError> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|v| v as u64)
                .map_err(sql(format!("counting {table}")))
        };
        Ok(Counts {
            articles: n("articles")?,
            entities: n("entities")?,
            quotes: n("quotes")?,
            events: n("events")?,
            event_mentions: n("event_mentions")?,
            copies: n("copies")?,
            rejects: n("rejects")?,
        })
    }
}

impl Drop for SqliteStore {
    /// Keeps what was put: every article in the open batch is whole.
    fn drop(&mut self) {
        let _ = self.commit();
    }
}
