//! Events: who did what to whom, where and when.
//!
//! The [`EventCoder`] stage runs after quotes and fills
//! [`Document::events`]. For each sentence it
//! 1. finds **triggers** from the lexicon (`data/events/triggers-id.tsv`:
//!    Indonesian roots under their affix frames → CAMEO codes, with
//!    conditions such as `menetapkan … tersangka`);
//! 2. finds the **source and target** in the trigger's clause by voice:
//!    active subject and object, passive subject and `oleh` agent, a noun's
//!    genitive and its `terhadap`/`ke`/`dengan` phrase, light verbs
//!    (`melancarkan serangan`); actors are entities, coreference mentions
//!    (so `ia` and `lembaga antirasuah itu` are coded as whom they refer
//!    to) and actor nouns (`polisi`, `warga`);
//! 3. sets the **modality** — denied, conditional, planned, reported (inside
//!    a quote: `claimed_by` its speaker) or asserted;
//! 4. takes the clause's own **date** and the **place** after `di`.
//!
//! Indonesian and Malay articles are coded by the grammar above; English
//! articles by [`en`], with PETRARCH's verb dictionary and patterns.

mod actors;
mod coder;
mod data;
mod domain;
pub mod en;
mod morph;
mod unroled;
mod words;

pub use data::{cameo, CameoCode};

use std::sync::Arc;
use warta_core::{Document, Event, Stage, StageError};
use warta_lexicon::Lexicon;

/// The event-coding stage.
pub struct EventCoder {
    lexicon: Arc<Lexicon>,
}

impl EventCoder {
    /// A coder using `lexicon` (shared with linking) to tell countries
    /// from other places.
    pub fn new(lexicon: impl Into<Arc<Lexicon>>) -> EventCoder {
        let _ = data::resources();
        EventCoder {
            lexicon: lexicon.into(),
        }
    }
}

impl Stage for EventCoder {
    fn name(&self) -> &'static str {
        "events"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.events = code_events(doc, &self.lexicon);
        Ok(())
    }
}

/// The events of `doc`. Needs tokens, sentences, entities, times,
/// coreference and quotes.
pub fn code_events(doc: &Document, lexicon: &Lexicon) -> Vec<Event> {
    let lang = doc.language.as_ref().map(|l| l.code.as_str());
    if lang == Some("en") {
        return en::code_article(doc, lexicon);
    }
    if !matches!(lang, Some("id" | "ms")) {
        return Vec::new();
    }
    let res = data::resources();
    let words = words::Words::new(doc);
    let home = actors::home_country(doc);
    let actors = actors::actors(doc, &words, res, lexicon, home.as_deref());
    let mut events = coder::code(&coder::Article {
        doc,
        words: &words,
        res,
        investigator: actors::investigator(doc, &actors, res),
        home,
        actors: &actors,
        lexicon,
    });
    if let Some(domain) = domain::outside_politics(&words, res) {
        events.retain(|e| domain::keeps(doc, domain, e));
    }
    events.retain(|e| !unroled::is_unroled_and_untargeted(doc, e));
    events
}

#[cfg(test)]
mod tests;
