//! The typed layers a document carries. Later issues fill quotes and events;
//! their shapes are fixed here so that output consumers can rely on them.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What kind of token a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

/// A token of the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    #[serde(flatten)]
    pub span: Span,
    pub kind: TokenKind,
}

/// Named-entity types. `Loc` covers countries, cities and regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Per,
    Org,
    Loc,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
        }
    }
}

/// A place's resolution in the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    /// The gazetteer's name for the place.
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// GeoNames id, when the place came from GeoNames.
    pub geonameid: Option<u64>,
    /// ISO 3166 alpha-3 of the country the place lies in.
    pub country: Option<String>,
    /// First-level administrative division (province, oblast, state).
    pub admin1: Option<String>,
}

/// A named entity mention, linked where possible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The mention as written.
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    #[serde(flatten)]
    pub span: Span,
    /// Full name of what the mention refers to ("Kim" → "Kim Jong Un").
    pub canonical: Option<String>,
    /// ISO 3166 alpha-3 of the actor's or place's country.
    pub country: Option<String>,
    /// CAMEO-style actor code (PRKGOV, RUSMIL, IDNLEG).
    pub actor_code: Option<String>,
    /// Coordinates and gazetteer entry, for places.
    pub geo: Option<Geo>,
}

impl Entity {
    /// An unlinked mention.
    pub fn new(span: Span, text: impl Into<String>, kind: EntityType) -> Entity {
        Entity {
            text: text.into(),
            kind,
            span,
            canonical: None,
            country: None,
            actor_code: None,
            geo: None,
        }
    }
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    Date,
    Time,
    Duration,
    Set,
}

/// A temporal expression normalised in TIMEX3 style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimeType,
    #[serde(flatten)]
    pub span: Span,
    /// `2022-06-13`, `2022-06`, `2022`, `2022-06-13T10:00+07:00`, `P3D`, …;
    /// null when the expression is vague or could not be resolved.
    pub value: Option<String>,
    /// The date a relative expression was resolved against (`YYYY-MM-DD`).
    pub anchor: Option<String>,
}

/// A quotation with its speaker (filled by the quotes issue).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    /// Canonical name of the speaker.
    pub speaker: Option<String>,
    /// Agencies and media that relayed the quote, nearest to the source first.
    pub relayed_by: Vec<String>,
    /// `direct` or `partial`.
    pub kind: String,
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    pub name: String,
    /// CAMEO actor code.
    pub code: Option<String>,
}

/// A coded political event (filled by the events issue).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The sentence or clause the event was coded from.
    #[serde(flatten)]
    pub span: Span,
    pub cameo: String,
    pub plover: String,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    pub date: Option<String>,
    pub location: Option<Geo>,
}
