//! Entity linking: canonical names, countries, CAMEO actor codes, coordinates.
//!
//! The [`Linker`] stage runs after NER. For every entity it
//! 1. reads the mention in the lexicon (fixing the type when the lexicon is
//!    sure: "KCNA" is an ORG, "Korut" a LOC);
//! 2. adds lexicon matches the NER missed (countries, capitals, known
//!    actors, places after a trigger word or prominent enough);
//! 3. resolves places from document context (countries named, provinces
//!    named, trigger words "Kabupaten"/"Kota"/"Provinsi", population);
//! 4. links people to the lexicon and short mentions to the full name
//!    earlier in the article ("Kim" → "Kim Jong Un"), reading roles at the
//!    publication date;
//! 5. codes role phrases ("pasukan Rusia" → RUSMIL) as ORG entities.

mod classify;
mod context;
mod eval;
mod link;
mod people;
mod resolve;
mod roles;
mod scan;
mod spans;
mod words;

use std::sync::Arc;
use warta_core::{Document, Stage, StageError};
use warta_lexicon::Lexicon;

/// Links the entities the NER stage found (and adds lexicon matches it missed).
#[derive(Debug)]
pub struct Linker {
    lexicon: Arc<Lexicon>,
}

impl Linker {
    /// A linker over `lexicon` (usually [`Lexicon::load_default`]; an
    /// `Arc` lets later stages share it).
    pub fn new(lexicon: impl Into<Arc<Lexicon>>) -> Linker {
        Linker {
            lexicon: lexicon.into(),
        }
    }

    /// The lexicon this linker reads.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }
}

impl Stage for Linker {
    fn name(&self) -> &'static str {
        "link"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        for e in &doc.entities {
            if e.span.start > e.span.end || doc.text.get(e.span.range()).is_none() {
                return Err(StageError {
                    stage: "link",
                    message: format!(
                        "entity `{}` has span {}..{} outside the text ({} bytes) or inside a character",
                        e.text,
                        e.span.start,
                        e.span.end,
                        doc.text.len()
                    ),
                });
            }
        }
        link::link(&self.lexicon, doc);
        Ok(())
    }
}

/// Entry points for the `warta` command line (`warta eval …`, `warta train …`).
pub mod cli {
    use std::path::PathBuf;

    /// Error type the command line prints as is.
    pub type CliError = Box<dyn std::error::Error + Send + Sync>;

    /// Scores gold files and returns a printable report.
    ///
    /// `warta eval places data/eval/places-detik.tsv`: place-resolution
    /// accuracy (country, within 25 km) over hand-labelled mentions.
    pub fn run_eval(files: &[PathBuf]) -> Result<String, CliError> {
        crate::eval::run(files)
    }
}

#[cfg(test)]
mod tests;
