//! Events with no one acted on, done by someone of no known role. A person
//! or body the lexicon does not know gets the article's bare country code
//! (`IDN`): right for who they are, but an act of theirs with no target is
//! seldom political. In an audit of 60 events coded from unseen IndoSum
//! articles, 13 of the 14 events of that shape were not events at all: an
//! actor turning down a job, a tourist's visit, a film director leaving a
//! sequel, a child asking his sister to close one eye (docs/quality.md).
//! A country acting as a whole (`Korea Utara meluncurkan rudal`) keeps its
//! events.

use crate::actors::is_place_at;
use warta_core::{Document, Event};

/// PLOVER types whose untargeted acts by people of no known role were
/// nearly all private life in the audit (a visit, a meeting, turning
/// something down, stepping back, backing someone); requests, accusations,
/// coercion and violence of that shape were as often real on the gold
/// splits and stay.
const PRIVATE_LIFE_TYPES: [&str; 4] = ["CONSULT", "REJECT", "RETREAT", "SUPPORT"];

/// Whether the event is done by a person or body of no known role (a bare
/// country code, or none), acts on no one, and is of a type that is then
/// seldom political.
pub(crate) fn is_unroled_and_untargeted(doc: &Document, e: &Event) -> bool {
    if e.target.is_some() || !PRIVATE_LIFE_TYPES.contains(&e.plover.as_str()) {
        return false;
    }
    let Some(source) = &e.source else {
        return true;
    };
    let roleless = source.code.as_deref().is_none_or(|c| c.len() == 3);
    roleless && !is_place_at(doc, source.span.start)
}
