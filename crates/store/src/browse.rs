//! What the dashboard browses besides articles and events: the actors that
//! act on each other, the places where events happen, who said what, and
//! how an article relates to its copies and its story.

use serde::Serialize;

/// An actor as events name it (its linked name, else its code), with how
/// many events it takes part in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorCount {
    /// The linked name, or the code when the event names no one.
    pub name: String,
    /// Its CAMEO actor code (the commonest one it has).
    pub code: Option<String>,
    /// Events counted once, as source or target.
    pub events: u64,
    pub as_source: u64,
    pub as_target: u64,
}

/// Events in which one actor acts on another: an edge of the actor network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorLink {
    pub source: String,
    pub source_code: Option<String>,
    pub target: String,
    pub target_code: Option<String>,
    pub events: u64,
    /// Events of quad classes 1–2 (verbal and material cooperation).
    pub cooperative: u64,
    /// Events of quad classes 3–4 (verbal and material conflict).
    pub conflictual: u64,
}

/// A place where events happened, with their number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceCount {
    pub location: Option<String>,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub events: u64,
}

/// Which quotes [`crate::Store::quotes`] finds: by speaker (a part of the
/// canonical name, any case) and by words in the quote.
#[derive(Debug, Clone, Default)]
pub struct QuoteQuery {
    pub speaker: Option<String>,
    pub text: Option<String>,
    pub limit: usize,
}

/// A quote found, with its article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteHit {
    pub article_id: String,
    pub title: Option<String>,
    pub site: Option<String>,
    pub published: Option<String>,
    pub kind: String,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_actor_code: Option<String>,
}

/// Another article in a copy group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyRef {
    pub id: String,
    pub title: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Estimated Jaccard similarity of the two texts.
    pub similarity: f64,
}

/// How a stored article relates to others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRelations {
    /// The canonical article this one copies, if it is a copy.
    pub copy_of: Option<CopyRef>,
    /// Stored articles that copy this one.
    pub copies: Vec<CopyRef>,
    pub story: Option<i64>,
}
