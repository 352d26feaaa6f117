//! [`Store`] over one SQLite file: WAL journal (readers never wait for the
//! writer), one transaction per batch, layers as rows read from the
//! document's JSON contract (so offsets are code points, as in
//! `warta analyze` output), and an FTS5 table for search.

use crate::schema::MIGRATIONS;
use crate::{
    ActorCount, ActorLink, ArticleRelations, CountBy, CountedEvent, Counts, EventCount, EventQuery,
    FeedState, Hit, MentionRef, PlaceCount, PreparedArticle, Put, QuoteHit, QuoteQuery, Search, Store,
    StoreError, StoredEvent, StoryQuery, StorySummary,
};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

mod browse;
mod copies;
mod events;
mod events_query;
mod layers;
mod search;
mod stories;

/// A store in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
    in_transaction: bool,
    /// Search rows of articles stored in the open batch, not yet indexed
    /// (see `flush_search`).
    pending_search: std::cell::RefCell<Vec<layers::SearchRow>>,
}

fn sql(what: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> StoreError {
    let what = what.into();
    move |source| StoreError::Sqlite { what, source }
}

impl SqliteStore {
    /// Opens (creating it when missing) the database at `path` and brings
    /// its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let conn = Connection::open(path).map_err(sql(format!("opening {}", path.display())))?;
        Self::init(conn, &path.display().to_string())
    }

    /// Opens an existing database for reading only (the server): it must
    /// exist and be at this warta's schema version (open it once with
    /// [`SqliteStore::open`] to migrate it).
    pub fn open_read_only(path: &Path) -> Result<SqliteStore, StoreError> {
        use rusqlite::OpenFlags;
        let name = path.display().to_string();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(sql(format!("opening {name} to read")))?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(sql(format!("{name}: reading the schema version")))?;
        if version as usize != MIGRATIONS.len() {
            return Err(StoreError::Invalid(format!(
                "{name}: schema version {version}, this warta reads version {}",
                MIGRATIONS.len()
            )));
        }
        Ok(Self::over(conn))
    }

    /// A store over an open, up-to-date connection.
    fn over(conn: Connection) -> SqliteStore {
        // More statements are cached than rusqlite's default 16: every
        // one prepared again per article cost 7 % of ingest.
        conn.set_prepared_statement_cache_capacity(64);
        SqliteStore {
            conn,
            in_transaction: false,
            pending_search: Default::default(),
        }
    }

    /// A database in memory (tests).
    pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
        Self::init(
            Connection::open_in_memory().map_err(sql("opening a memory database"))?,
            ":memory:",
        )
    }

    fn init(conn: Connection, name: &str) -> Result<SqliteStore, StoreError> {
        // Foreign keys are declared (they document the schema) but not
        // enforced: every statement that could fail one kept a journal of
        // the pages it touched, a tenth of ingest's writing. The writer
        // files an article before its rows, in one transaction, and the
        // tests check the keys (`PRAGMA foreign_key_check`).
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;
             PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
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
        let store = Self::over(conn);
        if (1..3).contains(&version) {
            // Stories came with schema 3: file what an older warta stored.
            store.backfill_stories()?;
        }
        Ok(store)
    }

    pub(crate) fn conn(&self) -> &Connection {
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

    /// Records that an input called the article `id` by `name`.
    fn name_article(&self, name: &str, id: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO article_names (name, article_id) VALUES (?1, ?2)")
            .map_err(sql("preparing article names"))?
            .execute(params![name, id])
            .map_err(sql(format!("naming {id}")))?;
        Ok(())
    }

    fn insert_article(&self, p: &PreparedArticle) -> Result<(), StoreError> {
        let (id, rows) = (p.id.as_str(), &p.rows);
        let a = &rows.article;
        self.conn
            .prepare_cached(
                "INSERT INTO articles (id, input, url, site, title, published, language, outlet, text, document)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )
            .map_err(sql("preparing articles"))?
            .execute(params![
                id,
                a.input,
                a.url,
                a.site,
                a.title,
                a.published,
                a.language,
                a.outlet,
                a.text,
                p.json
            ])
            .map_err(sql(format!("storing {id}")))?;
        self.name_article(&a.name, id)?;
        self.insert_layers(id, rows)?;
        let copy_of = self.link_copies(id, a, &p.signature)?;
        let story = self.assign_story(id, a.published.as_deref(), &p.story_keys, copy_of.as_deref())?;
        self.insert_events(id, story, rows)?;
        Ok(())
    }

    /// Gives up the open batch: after an error inside an article, the
    /// transaction holds part of it, and only whole articles may stay.
    fn abandon_batch(&mut self) {
        if self.in_transaction {
            let _ = self.conn.execute_batch("ROLLBACK");
            self.in_transaction = false;
        }
        self.pending_search.borrow_mut().clear();
    }
}

impl Store for SqliteStore {
    fn put_prepared(&mut self, prepared: &PreparedArticle) -> Result<Put, StoreError> {
        let id = prepared.id.as_str();
        let present: Option<i64> = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .map_err(sql("preparing a lookup"))?
            .query_row([id], |r| r.get(0))
            .optional()
            .map_err(sql(format!("looking up {id}")))?;
        self.begin()?;
        if present.is_some() {
            self.name_article(&prepared.rows.article.name, id)?;
            return Ok(Put::AlreadyPresent);
        }
        // All of an article or none of it: a savepoint per article cost a
        // tenth of ingest (every page it touched was journaled again), so
        // an error gives up the whole batch instead, which the next ingest
        // stores again.
        let stored = self.insert_article(prepared).and_then(|()| {
            let pending = {
                let mut rows = self.pending_search.borrow_mut();
                rows.push(layers::SearchRow::of(prepared));
                rows.len()
            };
            if pending >= layers::SEARCH_BATCH {
                self.flush_search()?;
            }
            Ok(())
        });
        match stored {
            Ok(()) => Ok(Put::Stored),
            Err(e) => {
                self.abandon_batch();
                Err(StoreError::BatchLost(Box::new(e)))
            }
        }
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
            self.flush_search()?;
            self.conn.execute_batch("COMMIT").map_err(sql("committing"))?;
            self.in_transaction = false;
        }
        Ok(())
    }

    fn search(&self, s: &Search) -> Result<Vec<Hit>, StoreError> {
        // what this connection stored in its open batch is found too
        self.flush_search()?;
        self.search_articles(s)
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
                         WHERE m.event_id = e.id ORDER BY a.rowid, m.idx LIMIT 1),
                        (SELECT s.story_id FROM event_mentions m JOIN articles a ON a.id = m.article_id
                         JOIN story_articles s ON s.article_id = m.article_id
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
                    story: r.get(6)?,
                })
            })
            .map_err(sql("reading the events"))?;
        rows.collect::<Result<_, _>>().map_err(sql("reading the events"))
    }

    fn mentions(&self) -> Result<Vec<MentionRef>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT m.event_id, m.article_id, m.idx FROM event_mentions m
                 JOIN articles a ON a.id = m.article_id ORDER BY a.rowid, m.idx",
            )
            .map_err(sql("preparing the event mentions"))?;
        let rows = st
            .query_map([], |r| {
                Ok(MentionRef {
                    event_id: r.get(0)?,
                    article_id: r.get(1)?,
                    index: r.get::<_, i64>(2)? as usize,
                })
            })
            .map_err(sql("reading the event mentions"))?;
        rows.collect::<Result<_, _>>()
            .map_err(sql("reading the event mentions"))
    }

    fn stories(&self, q: &StoryQuery) -> Result<Vec<StorySummary>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT st.id, st.title, st.first_published, st.last_published, st.num_articles, st.num_sources,
                        (SELECT count(DISTINCT m.event_id) FROM story_articles s
                         JOIN event_mentions m ON m.article_id = s.article_id WHERE s.story_id = st.id)
                 FROM stories st
                 WHERE st.num_articles >= ?1
                   AND (?2 IS NULL OR st.last_published >= ?2) AND (?3 IS NULL OR st.first_published <= ?3)
                 ORDER BY st.num_articles DESC, st.num_sources DESC, st.first_published DESC, st.id
                 LIMIT ?4",
            )
            .map_err(sql("preparing the stories"))?;
        let rows = st
            .query_map(
                params![
                    q.min_articles as i64,
                    q.from,
                    q.to,
                    q.limit.clamp(1, 10_000) as i64
                ],
                |r| {
                    Ok(StorySummary {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        first_published: r.get(2)?,
                        last_published: r.get(3)?,
                        articles: r.get::<_, i64>(4)? as u64,
                        sources: r.get::<_, i64>(5)? as u64,
                        events: r.get::<_, i64>(6)? as u64,
                    })
                },
            )
            .map_err(sql("reading the stories"))?;
        rows.collect::<Result<_, _>>().map_err(sql("reading the stories"))
    }

    fn events(&self, q: &EventQuery) -> Result<Vec<StoredEvent>, StoreError> {
        self.list_events(q)
    }

    fn event_counts(&self, q: &EventQuery, by: CountBy) -> Result<Vec<EventCount>, StoreError> {
        self.count_events(q, by)
    }

    fn actors(&self, q: &EventQuery) -> Result<Vec<ActorCount>, StoreError> {
        self.list_actors(q)
    }

    fn actor_links(&self, q: &EventQuery) -> Result<Vec<ActorLink>, StoreError> {
        self.list_actor_links(q)
    }

    fn places(&self, q: &EventQuery) -> Result<Vec<PlaceCount>, StoreError> {
        self.list_places(q)
    }

    fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteHit>, StoreError> {
        self.find_quotes(q)
    }

    fn relations(&self, id: &str) -> Result<Option<ArticleRelations>, StoreError> {
        self.article_relations(id)
    }

    fn feed_state(&self, url: &str) -> Result<FeedState, StoreError> {
        let state = self
            .conn
            .query_row(
                "SELECT etag, last_modified FROM feeds WHERE url = ?1",
                [url],
                |r| {
                    Ok(FeedState {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(sql(format!("reading the state of feed {url}")))?;
        Ok(state.unwrap_or_default())
    }

    fn set_feed_state(&mut self, url: &str, state: &FeedState) -> Result<(), StoreError> {
        self.begin()?;
        self.conn
            .execute(
                "INSERT INTO feeds (url, etag, last_modified, polled_at)
                 VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                 ON CONFLICT (url) DO UPDATE SET etag = ?2, last_modified = ?3, polled_at = excluded.polled_at",
                params![url, state.etag, state.last_modified],
            )
            .map_err(sql(format!("recording feed {url}")))?;
        Ok(())
    }

    fn was_fetched(&self, url: &str) -> Result<bool, StoreError> {
        let found: Option<i64> = self
            .conn
            .prepare_cached("SELECT 1 FROM fetched WHERE url = ?1")
            .map_err(sql("preparing fetched"))?
            .query_row([url], |r| r.get(0))
            .optional()
            .map_err(sql(format!("looking up {url}")))?;
        Ok(found.is_some())
    }

    fn mark_fetched(&mut self, url: &str, article_id: Option<&str>, outcome: &str) -> Result<(), StoreError> {
        self.begin()?;
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO fetched (url, article_id, outcome) VALUES (?1, ?2, ?3)")
            .map_err(sql("preparing fetched"))?
            .execute(params![url, article_id, outcome])
            .map_err(sql(format!("recording {url} as fetched")))?;
        Ok(())
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
            stories: n("stories")?,
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
