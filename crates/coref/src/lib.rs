//! Coreference: which entity of the article each phrase refers to.
//!
//! The [`Coreferencer`] stage runs after linking and fills
//! [`Document::coref`]: one [`Cluster`] per entity (named entities grouped
//! by their linked canonical name, plus offices and epithets whose holder
//! the article never names) and one [`Mention`] per phrase that refers to
//! it — names, pronouns (`ia`, `beliau`, `he`), the clitic `-nya` on
//! reporting verbs and `pihak`, role nouns (`Kapolri`, `the minister`) and
//! epithets (`lembaga antirasuah itu`). A cluster carries the role and
//! actor code its best-described mention gave, so every later mention
//! (`Kalla`, `ia`) has them too. Quotes and events ask
//! [`Coreference::cluster_at`] "who is this phrase".

mod clusters;
mod data;
mod pronouns;
mod roles;
mod words;

use warta_core::{Coreference, Document, Stage, StageError};

/// The coreference stage.
#[derive(Debug, Default)]
pub struct Coreferencer {}

impl Coreferencer {
    pub fn new() -> Coreferencer {
        // Parse the data files now, not inside the first article's budget.
        let _ = data::resources();
        Coreferencer {}
    }
}

impl Stage for Coreferencer {
    fn name(&self) -> &'static str {
        "coref"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.coref = resolve(doc);
        Ok(())
    }
}

/// The coreference layer of `doc` (which needs tokens, sentences and, for
/// anything useful, linked entities).
pub fn resolve(doc: &Document) -> Coreference {
    let res = data::resources();
    let words = words::Words::new(doc);
    let mut coref = clusters::from_entities(doc, &words, res);
    let anaphors = roles::add_roles_and_epithets(doc, &words, res, &mut coref);
    coref
        .mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    pronouns::add_pronouns(doc, &words, res, &anaphors, &mut coref);
    coref
        .mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    coref
}

#[cfg(test)]
mod tests;
