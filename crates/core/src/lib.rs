//! warta's document model.
//!
//! An article enters the pipeline as a [`Document`] holding its clean text and
//! metadata; every stage adds a typed layer of spans (sentences, tokens,
//! entities, times, quotes, events). Stages are plain functions of the
//! document (see [`Stage`]).
//!
//! **Offsets.** Inside Rust every span holds UTF-8 *byte* offsets into
//! [`Document::text`], so `&doc.text[span.range()]` is always valid. The JSON
//! contract (`docs/schema.md`) uses Unicode code points instead, as Python
//! string indices; [`Document::to_output`] converts once, on the way out.

mod document;
mod layers;
mod offsets;
mod span;
mod stage;

pub use document::{Deadline, Document, Language, PublishedDate, Source};
pub use layers::{
    Cluster, Coreference, Cue, Entity, EntityType, Event, EventActor, EventPlace, Evidence, Geo, Mention,
    MentionKind, Modality, Quote, QuoteKind, TimeExpr, TimeType, Token, TokenKind,
};
pub use offsets::{CharIndex, OffsetMap};
pub use span::Span;
pub use stage::{Stage, StageError};
