//! The database schema as a list of migrations, applied in order and
//! recorded in SQLite's `user_version`: a database made by an older warta
//! is brought up to date when opened, never rebuilt. The tables are
//! documented in docs/schema.md.

/// Migration `i` brings a database from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: articles and their layers, rejects, full-text search.
    "
    CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        input       TEXT,
        url         TEXT,
        site        TEXT,
        title       TEXT,
        published   TEXT,
        language    TEXT,
        outlet      TEXT,
        text        TEXT NOT NULL,
        document    TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX articles_published ON articles (published);
    CREATE INDEX articles_site ON articles (site);
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles (id),
        idx        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        type       TEXT NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        canonical  TEXT,
        country    TEXT,
        actor_code TEXT,
        lat        REAL,
        lon        REAL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX entities_canonical ON entities (canonical);
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles (id),
        idx        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        type       TEXT NOT NULL,
        value      TEXT,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE quotes (
        article_id         TEXT NOT NULL REFERENCES articles (id),
        idx                INTEGER NOT NULL,
        kind               TEXT NOT NULL,
        text               TEXT NOT NULL,
        speaker            TEXT,
        speaker_actor_code TEXT,
        start              INTEGER NOT NULL,
        end                INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX quotes_speaker ON quotes (speaker);
    CREATE TABLE events (
        id           INTEGER PRIMARY KEY,
        plover       TEXT NOT NULL,
        cameo        TEXT NOT NULL,
        quad_class   INTEGER NOT NULL,
        goldstein    REAL NOT NULL,
        source_name  TEXT,
        source_code  TEXT,
        target_name  TEXT,
        target_code  TEXT,
        modality     TEXT NOT NULL,
        date         TEXT,
        location     TEXT,
        country      TEXT,
        lat          REAL,
        lon          REAL,
        num_mentions INTEGER NOT NULL DEFAULT 0,
        num_articles INTEGER NOT NULL DEFAULT 0,
        num_sources  INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX events_key ON events (cameo, source_code, target_code);
    CREATE INDEX events_plover ON events (plover);
    CREATE INDEX events_source ON events (source_code);
    CREATE INDEX events_target ON events (target_code);
    CREATE TABLE event_mentions (
        article_id   TEXT NOT NULL REFERENCES articles (id),
        idx          INTEGER NOT NULL,
        event_id     INTEGER NOT NULL REFERENCES events (id),
        sentence     INTEGER NOT NULL,
        modality     TEXT NOT NULL,
        claimed_by   TEXT,
        source_text  TEXT,
        target_text  TEXT,
        trigger      TEXT NOT NULL,
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX event_mentions_event ON event_mentions (event_id);
    CREATE TABLE rejects (
        id         INTEGER PRIMARY KEY,
        input      TEXT NOT NULL,
        article_id TEXT,
        reason     TEXT NOT NULL,
        at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE VIRTUAL TABLE search USING fts5 (
        article_id UNINDEXED, title, text, names, quotes,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    ",
    // 2: copies — MinHash signatures, their LSH bands, copy groups.
    "
    CREATE TABLE minhash (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        signature  BLOB NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE lsh (
        band       INTEGER NOT NULL,
        hash       INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id),
        PRIMARY KEY (band, hash, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE copies (
        article_id   TEXT PRIMARY KEY REFERENCES articles (id),
        canonical_id TEXT NOT NULL REFERENCES articles (id),
        similarity   REAL NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX copies_canonical ON copies (canonical_id);
    ",
    // 3: stories — articles about one happening; the keys they were
    // clustered by (an inverted index by key and day, each article's keys,
    // how many articles hold each key). Article names: every id an input
    // gave an article (the same article can come twice under two ids).
    "
    CREATE TABLE stories (
        id              INTEGER PRIMARY KEY,
        title           TEXT,
        first_published TEXT,
        last_published  TEXT,
        num_articles    INTEGER NOT NULL DEFAULT 0,
        num_sources     INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        story_id   INTEGER NOT NULL REFERENCES stories (id),
        similarity REAL
    ) WITHOUT ROWID;
    CREATE INDEX story_articles_story ON story_articles (story_id);
    CREATE TABLE story_keys (
        key        TEXT NOT NULL,
        day        INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id),
        PRIMARY KEY (key, day, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE story_features (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        day        INTEGER NOT NULL,
        keys       TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE article_names (
        name       TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id),
        PRIMARY KEY (name, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE story_key_counts (
        key TEXT PRIMARY KEY,
        n   INTEGER NOT NULL
    ) WITHOUT ROWID;
    ",
    // 4: feeds watched (`warta watch`) with their conditional-GET state, and
    // every page fetched (stored or not), so a restart refetches nothing.
    "
    CREATE TABLE feeds (
        url           TEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT,
        polled_at     TEXT
    ) WITHOUT ROWID;
    CREATE TABLE fetched (
        url        TEXT PRIMARY KEY,
        article_id TEXT,
        outcome    TEXT NOT NULL,
        at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ) WITHOUT ROWID;
    ",
    // 5: the day an event is filed under (its own full date, else the
    // publication date of the article that first told it), for time
    // filters and counts by day.
    "
    ALTER TABLE events ADD COLUMN day TEXT;
    UPDATE events SET day = coalesce(
        CASE WHEN length(date) = 10 THEN date END,
        (SELECT a.published FROM event_mentions m JOIN articles a ON a.id = m.article_id
         WHERE m.event_id = events.id ORDER BY a.rowid LIMIT 1));
    CREATE INDEX events_day ON events (day);
    ",
    // 6: copies by integer keys. An article's signature has a key of its
    // own, and its LSH bands are filed by their hash alone (each band's
    // number is mixed into its hash) under that key: rows a third the size
    // of (band, hash, article id), and the lookup reads the signatures it
    // compares in the same pass. A bucket keeps its first 64 articles, so a
    // band that every copy of a page shares costs a constant.
    "
    CREATE TABLE signatures (
        key        INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE REFERENCES articles (id),
        signature  BLOB NOT NULL
    );
    INSERT INTO signatures (article_id, signature)
        SELECT m.article_id, m.signature FROM minhash m JOIN articles a ON a.id = m.article_id ORDER BY a.rowid;
    CREATE TABLE bands (
        hash INTEGER NOT NULL,
        key  INTEGER NOT NULL REFERENCES signatures (key),
        PRIMARY KEY (hash, key)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO bands (hash, key)
        SELECT hash, key FROM (
            SELECT l.hash, s.key, row_number() OVER (PARTITION BY l.band, l.hash ORDER BY s.key) AS n
            FROM lsh l JOIN signatures s ON s.article_id = l.article_id)
        WHERE n <= 64;
    DROP TABLE lsh;
    DROP TABLE minhash;
    ",
];
