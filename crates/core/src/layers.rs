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

impl TimeType {
    /// As in the JSON output (`DATE`).
    pub fn as_str(self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
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

/// How a quotation is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words in quotation marks credited to a speaker.
    Direct,
    /// Reported speech without marks (`X mengatakan bahwa …`, `Menurut X, …`).
    Indirect,
    /// A quoted phrase inside a sentence that credits it to a speaker.
    Partial,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Partial => "partial",
        }
    }
}

/// The attribution words of a quote (`tulis`, `mengatakan`, `Menurut`,
/// `demikian disampaikan`) and where they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
}

/// A quotation with its speaker and the media that relayed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// What was said: inside the marks for direct and partial quotes, the
    /// reported clause for indirect ones.
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    pub kind: QuoteKind,
    /// Canonical (fullest) name of the speaker, through coreference.
    pub speaker: Option<String>,
    /// The speaker as written at the attribution (`Kim`, `-nya`, `ia`).
    pub speaker_text: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    /// The speaker's office as the article gives it (`Menteri Dalam Negeri`).
    pub speaker_role: Option<String>,
    /// CAMEO actor code of the speaker (`PRKGOV`).
    pub speaker_actor_code: Option<String>,
    /// The speaker's cluster in the coreference layer.
    pub speaker_cluster: Option<usize>,
    /// Agencies and media that relayed the quote, nearest to the speaker first.
    pub relayed_by: Vec<String>,
    /// The attribution words, when the quote has an attribution.
    pub cue: Option<Cue>,
}

/// How a coreference mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A name (`Kim Jong Un`, `Kim`, `KPK`).
    Name,
    /// A personal pronoun (`ia`, `dia`, `beliau`, `mereka`, `he`, `they`).
    Pronoun,
    /// The clitic `-nya` on a reporting verb or on `pihak` (`katanya`, `pihaknya`).
    Clitic,
    /// An office or role noun standing for its holder (`Kapolri`, `the minister`).
    Role,
    /// An anaphoric noun phrase (`lembaga antirasuah itu`, `KPK sendiri`, `sang menteri`).
    Epithet,
}

/// One phrase that refers to an entity of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    pub kind: MentionKind,
    /// Index into [`Coreference::clusters`].
    pub cluster: usize,
}

/// One entity of the article with everything its mentions say about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Index of this cluster in [`Coreference::clusters`].
    pub id: usize,
    /// The fullest name the article (or the lexicon) gives it; for an
    /// office whose holder is never named, the role phrase.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The office the article gives it (`Menteri Dalam Negeri`), carried
    /// to every mention.
    pub role: Option<String>,
    /// ISO 3166 alpha-3.
    pub country: Option<String>,
    /// CAMEO actor code (`IDNGOV`), carried to every mention.
    pub actor_code: Option<String>,
}

/// The coreference layer: entities of the article and every phrase that
/// refers to them. Answers "who is this phrase" for any span
/// ([`Coreference::cluster_at`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Coreference {
    pub clusters: Vec<Cluster>,
    /// Sorted by start.
    pub mentions: Vec<Mention>,
}

impl Coreference {
    /// The cluster of the mention that best covers `span`: a mention inside
    /// `span` or containing it, the longest such one.
    pub fn cluster_at(&self, span: Span) -> Option<&Cluster> {
        self.mention_at(span).map(|m| &self.clusters[m.cluster])
    }

    /// The mention that best covers `span` (see [`Coreference::cluster_at`]).
    pub fn mention_at(&self, span: Span) -> Option<&Mention> {
        let first = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions[first..]
            .iter()
            .take_while(|m| m.span.start < span.end.max(span.start + 1))
            .filter(|m| span.contains(m.span) || m.span.contains(span))
            .max_by_key(|m| m.span.len())
    }
}

/// Words of the text an event rests on (its trigger, the words of its date
/// or place), so a user can highlight why the event exists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
}

/// Where an event happened: the place words and their gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    /// The place as written (`Sievierodonetsk`).
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    #[serde(flatten)]
    pub geo: Geo,
}

/// One side of an event: who acts (`source`) or is acted on (`target`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    /// The phrase in the clause as written (`ia`, `pihaknya`, `KPK`,
    /// `Pasukan Rusia`).
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    /// Canonical (fullest) name, through coreference.
    pub name: String,
    /// CAMEO actor code (`PRKGOV`, `RUSMIL`, `IDNCOP`, or a bare country
    /// `RUS` for a country acting as a whole).
    pub code: Option<String>,
    /// The actor's cluster in the coreference layer, when it has one.
    pub cluster: Option<usize>,
    /// True when the clause does not name this actor and the coder took
    /// it from the article: the agent of an agentless passive of legal
    /// process (`X ditahan` in a KPK story); `text` and the span are then
    /// its nearest mention before the event.
    pub implicit: bool,
}

/// Whether the article asserts an event happened, or only reports, denies,
/// plans or supposes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as fact by the article.
    Asserted,
    /// Said to have happened by someone the article quotes or reports
    /// (`claimed_by`).
    Reported,
    /// Negated or denied (`tidak menahan`, `membantah menyerang`).
    Denied,
    /// Future, intended or planned (`akan memeriksa`, `berencana`).
    Planned,
    /// Supposed under a condition (`jika`, `bila`).
    Conditional,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Denied => "denied",
            Modality::Planned => "planned",
            Modality::Conditional => "conditional",
        }
    }

    /// True for events counted and exported by default (acts and reported
    /// acts, not denials, plans or suppositions).
    pub fn counts(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported)
    }
}

/// A coded political event: who did what to whom, where and when, with the
/// words it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The clause the event was coded from.
    #[serde(flatten)]
    pub span: Span,
    /// Index into the document's sentences.
    pub sentence: usize,
    /// The words that name the act (`menetapkan … tersangka`, `serangan`).
    pub trigger: Evidence,
    /// PLOVER v2 event type (`ASSAULT`, `COERCE`, …).
    pub plover: String,
    /// The finest CAMEO code the clause supports, leading zero kept (`051`).
    pub cameo: String,
    /// CAMEO quad class: 1 verbal cooperation, 2 material cooperation,
    /// 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein conflict–cooperation score of the CAMEO code (−10 … +10).
    pub goldstein: f32,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    pub modality: Modality,
    /// For `reported` events: the canonical name of who claims it.
    pub claimed_by: Option<String>,
    /// The clause's own date (TIMEX3 value: `2022-02-24`, `2019`); null
    /// when the clause gives none.
    pub date: Option<String>,
    /// The time expression `date` comes from.
    pub date_evidence: Option<Evidence>,
    /// The publication date, for users who accept it for undated events.
    pub date_inferred: Option<String>,
    /// Where the event happened (not a destination), with the words it
    /// comes from.
    pub location: Option<EventPlace>,
    /// ISO 3166 alpha-3 of the country where it happened.
    pub country: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json<T: Serialize>(v: T) -> String {
        serde_json::to_value(v)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// The stores write these names into columns beside the JSON output:
    /// they must be the names the output uses.
    #[test]
    fn names_are_the_json_names() {
        for t in [EntityType::Per, EntityType::Org, EntityType::Loc] {
            assert_eq!(json(t), t.as_str());
        }
        for t in [TimeType::Date, TimeType::Time, TimeType::Duration, TimeType::Set] {
            assert_eq!(json(t), t.as_str());
        }
        for k in [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Partial] {
            assert_eq!(json(k), k.as_str());
        }
        for m in [
            Modality::Asserted,
            Modality::Reported,
            Modality::Denied,
            Modality::Planned,
            Modality::Conditional,
        ] {
            assert_eq!(json(m), m.as_str());
        }
    }
}
