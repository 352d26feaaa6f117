//! The corpus store: analysed articles with all their layers, kept in an
//! embedded database so that `warta ingest` builds a corpus once and
//! `warta query` (and later the server) read it.
//!
//! Everything the rest of warta needs from a store is the [`Store`] trait;
//! [`SqliteStore`] implements it over one SQLite file (WAL, versioned
//! migrations, FTS5 full-text search). A PostgreSQL store for several
//! machines would implement the same trait (see ARCHITECTURE.md).
//!
//! An article's identity is a hash of its clean text and its URL when known
//! ([`article_id`]), so storing the same input twice adds nothing, and an
//! ingest interrupted anywhere leaves whole articles only: each batch of
//! articles is one transaction.

mod browse;
pub mod eval;
mod rows;
mod schema;
mod sqlite;
pub mod stories;

pub use browse::{ActorCount, ActorLink, ArticleRelations, CopyRef, PlaceCount, QuoteHit, QuoteQuery};
pub use sqlite::SqliteStore;

use sha2::{Digest, Sha256};
use warta_core::Document;

/// A store error, naming what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{what}: {source}")]
    Sqlite {
        what: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{0}")]
    Invalid(String),
    /// An article could not be written whole, so every article put since
    /// the last commit was given up (none of them is stored).
    #[error("{0} (the articles put since the last commit were not stored)")]
    BatchLost(Box<StoreError>),
}

/// What happened to an article given to [`Store::put_article`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    Stored,
    AlreadyPresent,
}

/// Counts of what a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub articles: u64,
    pub entities: u64,
    pub quotes: u64,
    /// Events counted once (across copies).
    pub events: u64,
    /// Every mention of an event in an article.
    pub event_mentions: u64,
    /// Articles that copy another.
    pub copies: u64,
    /// Stories (every article is in one).
    pub stories: u64,
    pub rejects: u64,
}

/// A full-text query.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// FTS5 query over titles, clean text, entity names and quote text;
    /// plain words are ANDed, `"a phrase"` and `OR` work as in FTS5.
    pub text: Option<String>,
    /// Only articles published on or after / on or before (`YYYY-MM-DD`).
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only articles with an event of this PLOVER type (`ASSAULT`).
    pub plover: Option<String>,
    /// Only articles with an event whose source or target code starts with
    /// this (`RUS`, `IDNCOP`), or whose source or target is this actor
    /// (`Vladimir Putin`, as linked).
    pub actor: Option<String>,
    /// Only articles with an event whose CAMEO code starts with this
    /// (`19`, `0874`).
    pub cameo: Option<String>,
    /// Only articles with an event of this modality (`asserted`, `denied`…).
    pub modality: Option<String>,
    /// Only articles with an event in, or naming a place in, this country
    /// (ISO 3166 alpha-3, `UKR`).
    pub country: Option<String>,
    /// Only articles naming this place (as written or as linked:
    /// `Sievierodonetsk`, `Siverskodonetsk`).
    pub place: Option<String>,
    /// Only articles from this site (`detik.com`).
    pub site: Option<String>,
    /// Only articles of this story.
    pub story: Option<i64>,
    /// List copies too (by default a copy group shows as its canonical
    /// article, with the number of its copies).
    pub include_copies: bool,
    pub limit: usize,
}

/// One article found by [`Store::search`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    /// Words around the match, matches in `[…]`.
    pub snippet: String,
    /// Event mentions in this article.
    pub events: u64,
    /// Stored articles that copy this one.
    pub copies: u64,
    /// The story the article belongs to.
    pub story: Option<i64>,
}

/// An event counted once, with the mention export reads it from: the
/// first article (in ingest order) that mentions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedEvent {
    pub id: i64,
    pub article_id: String,
    /// Index of the event in that article's `events`.
    pub index: usize,
    pub num_mentions: u64,
    pub num_sources: u64,
    pub num_articles: u64,
    /// The story of its first mention.
    pub story: Option<i64>,
}

/// A story: the articles about one happening, counted.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StorySummary {
    pub id: i64,
    /// The title of its earliest article.
    pub title: Option<String>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// Articles, copies included.
    pub articles: u64,
    /// Distinct sites.
    pub sources: u64,
    /// Events counted once.
    pub events: u64,
}

/// Which stories [`Store::stories`] lists: those overlapping the period,
/// with at least `min_articles`, largest first.
#[derive(Debug, Clone, Default)]
pub struct StoryQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub min_articles: u64,
    pub limit: usize,
}

/// Where an event counted once is mentioned: an article and the index of
/// the event in that article's `events`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRef {
    pub event_id: i64,
    pub article_id: String,
    pub index: usize,
}

/// Which events [`Store::events`] lists and [`Store::event_counts`] counts.
/// Every filter holds for the event itself (its `day`: its own date, else
/// the publication date of the article that first told it).
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// Only events on or after / on or before this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    pub to: Option<String>,
    /// PLOVER type (`ASSAULT`).
    pub plover: Option<String>,
    /// CAMEO code prefix (`19`, `0874`).
    pub cameo: Option<String>,
    /// Modality of its first mention (`asserted`, …).
    pub modality: Option<String>,
    /// Source or target code prefix (`RUS`, `IDNCOP`), or a linked name.
    pub actor: Option<String>,
    /// Country where it happened (ISO alpha-3).
    pub country: Option<String>,
    /// Only events placed inside this box: west, south, east, north.
    pub bbox: Option<[f64; 4]>,
    /// Only events some article of this story tells.
    pub story: Option<i64>,
    /// Only events some article of this site tells.
    pub site: Option<String>,
    /// Cursor: only events with a larger id (the last id of the previous page).
    pub after: Option<i64>,
    pub limit: usize,
}

/// An event counted once, as listed by [`Store::events`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StoredEvent {
    pub id: i64,
    pub plover: String,
    pub cameo: String,
    pub quad_class: i64,
    pub goldstein: f64,
    pub source_name: Option<String>,
    pub source_code: Option<String>,
    pub target_name: Option<String>,
    pub target_code: Option<String>,
    pub modality: String,
    pub date: Option<String>,
    pub day: Option<String>,
    pub location: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub num_mentions: u64,
    pub num_articles: u64,
    pub num_sources: u64,
    /// The article that first told it, and its story.
    pub article_id: Option<String>,
    pub story: Option<i64>,
}

/// How [`Store::event_counts`] groups events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountBy {
    /// `YYYY-MM-DD`.
    Day,
    /// ISO week, `YYYY-Www` as SQLite's `%W` (weeks starting Monday).
    Week,
    /// No time key: totals per PLOVER type.
    Type,
}

/// Events of one PLOVER type in one period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EventCount {
    /// The day or week (`null` for totals per type, or events with no day).
    pub period: Option<String>,
    pub plover: String,
    pub quad_class: i64,
    pub events: u64,
}

/// What a feed said last time it was polled, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What a store keeps of an analysed article that needs no store to
/// compute: its identity, its JSON output, its MinHash signature, its
/// story keys and the rows of its layers. Ingest makes it on the worker
/// threads ([`prepare`]), so the one writer thread only writes.
#[derive(Debug, Clone)]
pub struct PreparedArticle {
    /// [`article_id`] of the document.
    pub id: String,
    /// The document as `warta analyze --format json` writes it.
    pub json: String,
    pub signature: warta_dedup::Signature,
    /// [`stories::story_keys`] of the document's output.
    pub story_keys: Vec<String>,
    pub(crate) rows: rows::Rows,
}

/// Prepares `doc` for [`Store::put_prepared`].
pub fn prepare(doc: &Document) -> Result<PreparedArticle, StoreError> {
    let output = doc.to_output();
    // Straight from the document, as `warta analyze` writes it (through a
    // `serde_json::Value` an `f32` came out as `-2.200000047683716`).
    let json = serde_json::to_string(&output)
        .map_err(|e| StoreError::Invalid(format!("{}: serialising: {e}", doc.id)))?;
    Ok(PreparedArticle {
        id: article_id(doc),
        json,
        signature: warta_dedup::Signature::of(&doc.text),
        story_keys: stories::story_keys(&output),
        rows: rows::Rows::of(&output),
    })
}

/// What ingest, query, export and the server need of a store.
pub trait Store {
    /// Stores an analysed article with all its layers, unless an article
    /// with the same [`article_id`] is already there.
    /// An error rolls back everything put since the last
    /// [`Store::commit`], so that the store only ever holds whole articles.
    fn put_article(&mut self, doc: &Document) -> Result<Put, StoreError> {
        self.put_prepared(&prepare(doc)?)
    }
    /// [`Store::put_article`] with what [`prepare`] made of a document.
    fn put_prepared(&mut self, prepared: &PreparedArticle) -> Result<Put, StoreError>;
    /// Records an input that could not be read or analysed.
    fn put_reject(&mut self, input: &str, id: Option<&str>, reason: &str) -> Result<(), StoreError>;
    /// Makes everything put so far durable (the end of a batch).
    fn commit(&mut self) -> Result<(), StoreError>;
    /// Articles matching `search`, best first.
    fn search(&self, search: &Search) -> Result<Vec<Hit>, StoreError>;
    /// The stored document of an article, as `warta analyze --format json`
    /// writes it.
    fn document_json(&self, id: &str) -> Result<Option<String>, StoreError>;
    fn counts(&self) -> Result<Counts, StoreError>;
    /// Every event counted once, in id order, with its first mention.
    fn counted_events(&self) -> Result<Vec<CountedEvent>, StoreError>;
    /// Every mention of an event, article by article in the order they
    /// were stored.
    fn mentions(&self) -> Result<Vec<MentionRef>, StoreError>;
    /// Stories matching `query`, most articles first.
    fn stories(&self, query: &StoryQuery) -> Result<Vec<StorySummary>, StoreError>;
    /// Events counted once matching `query`, by id, a page at a time.
    fn events(&self, query: &EventQuery) -> Result<Vec<StoredEvent>, StoreError>;
    /// Events matching `query` (its cursor and limit aside) counted by
    /// period and PLOVER type.
    fn event_counts(&self, query: &EventQuery, by: CountBy) -> Result<Vec<EventCount>, StoreError>;
    /// Actors of the events matching `query` (its cursor aside), most
    /// events first, at most `query.limit`.
    fn actors(&self, query: &EventQuery) -> Result<Vec<ActorCount>, StoreError>;
    /// Who acts on whom in the events matching `query` (its cursor aside),
    /// most events first, at most `query.limit` links.
    fn actor_links(&self, query: &EventQuery) -> Result<Vec<ActorLink>, StoreError>;
    /// Places of the events matching `query` (its cursor aside), most
    /// events first, at most `query.limit`.
    fn places(&self, query: &EventQuery) -> Result<Vec<PlaceCount>, StoreError>;
    /// Quotes matching `query`, newest article first.
    fn quotes(&self, query: &QuoteQuery) -> Result<Vec<QuoteHit>, StoreError>;
    /// An article's copy group and story; `None` when it is not stored.
    fn relations(&self, id: &str) -> Result<Option<ArticleRelations>, StoreError>;
    /// The conditional-GET state of a watched feed.
    fn feed_state(&self, url: &str) -> Result<FeedState, StoreError>;
    /// Records a feed's state after a poll.
    fn set_feed_state(&mut self, url: &str, state: &FeedState) -> Result<(), StoreError>;
    /// Whether the page at `url` was fetched before (stored or not).
    fn was_fetched(&self, url: &str) -> Result<bool, StoreError>;
    /// Records a fetched page: the article it became, or why not.
    fn mark_fetched(&mut self, url: &str, article_id: Option<&str>, outcome: &str) -> Result<(), StoreError>;
}

/// An article's identity: the first 128 bits of SHA-256 over its clean
/// text and, when known, its URL, in hex.
pub fn article_id(doc: &Document) -> String {
    let mut h = Sha256::new();
    h.update(doc.text.as_bytes());
    h.update([0u8]);
    if let Some(url) = &doc.source.url {
        h.update(url.as_bytes());
    }
    h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests;
