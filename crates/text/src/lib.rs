//! Text stages: cleaning of copied and scraped news (with an offset map back
//! to the input), tokenisation and sentence splitting.

use warta_core::{Document, Span, Stage, StageError};

/// Removes site-name/dateline prefixes and boilerplate lines, normalises
/// Unicode, and records the site/dateline in `doc.source`.
#[derive(Debug, Default)]
pub struct Cleaner {}

impl Cleaner {
    pub fn new() -> Cleaner {
        Cleaner {}
    }

    /// Replaces `doc.text` (the reader's text) with the clean text and sets
    /// `doc.offsets` so clean offsets map back to the reader's text.
    pub fn clean(&self, doc: &mut Document) {
        let _ = doc;
    }
}

impl Stage for Cleaner {
    fn name(&self) -> &'static str {
        "clean"
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        self.clean(doc);
        Ok(())
    }
}

/// Splits the clean text into tokens and sentences.
#[derive(Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// Fills `doc.tokens` and `doc.sentences`.
    pub fn segment(&self, doc: &mut Document) {
        doc.sentences = doc
            .text
            .split_inclusive('\n')
            .scan(0, |pos, line| {
                let s = Span::new(*pos, *pos + line.trim_end().len());
                *pos += line.len();
                Some(s)
            })
            .filter(|s| !s.is_empty())
            .collect();
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        self.segment(doc);
        Ok(())
    }
}
