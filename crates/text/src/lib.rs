//! Text stages: cleaning of copied and scraped news (with an offset map back
//! to the input), tokenisation and sentence splitting.
//!
//! Patterns, place names and abbreviations are data files under
//! `data/boilerplate/`, embedded at compile time.

mod clean;
mod clitics;
mod data;
mod normalize;
mod prefix;
mod quote_marks;
mod sentences;
mod tail;
mod tokenize;

pub use clean::Cleaned;
pub use clitics::{split_clitics, split_clitics_with};
pub use data::AbbrevKind;
pub use quote_marks::{quoted_passages, QuotedPassage};
use warta_core::{Document, OffsetMap, Span, Stage, StageError, Token};

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
    ///
    /// A site already given by metadata is kept; the prefix is still
    /// stripped. Tokens and sentences of the old text are dropped, since
    /// their offsets no longer hold.
    pub fn clean(&self, doc: &mut Document) {
        let c = clean_text(&doc.text);
        doc.offsets = compose(&doc.offsets, &c.offsets);
        doc.text = c.text;
        doc.tokens.clear();
        doc.sentences.clear();
        let has_metadata_site = doc
            .source
            .site
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .is_some();
        if !has_metadata_site {
            doc.source.site = c.site.or(doc.source.site.take());
        }
        if doc.source.dateline.is_none() {
            doc.source.dateline = c.dateline;
        }
    }
}

/// Cleans a text without a document: the clean text, its offset map to
/// `input`, and the site/dateline its prefix named.
pub fn clean_text(input: &str) -> Cleaned {
    clean::clean_text(input, data::resources())
}

/// Maps through `inner` (clean → intermediate) then `outer` (intermediate
/// → reader's text). Anchors inside one of `inner`'s runs that `outer`
/// adds are approximated by the run's start, which is exact whenever
/// `outer` is the identity (the usual case: clean runs first).
fn compose(outer: &OffsetMap, inner: &OffsetMap) -> OffsetMap {
    let mut m = OffsetMap::default();
    for &(c, o) in inner.anchors() {
        m.push(c, outer.to_original(o));
    }
    if m.anchors().is_empty() {
        m.push(0, outer.to_original(0));
    }
    m
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
        doc.tokens = tokenize(&doc.text);
        doc.sentences = split_sentences(&doc.text, &doc.tokens);
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

/// Tokens of `text` in order (byte spans): words keep clitics and hyphens
/// (`rumahnya`, `pro-Moskow`), numbers keep units (`Rp 1,5 triliun`,
/// `10.00 WIB`, `3,5%`), abbreviations keep their full stop (`dll.`).
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize::tokenize(text, data::resources())
}

/// Sentence spans of `text`, given its `tokens` (from [`tokenize`]); no
/// sentence crosses a `\n`.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    sentences::split(text, tokens, data::resources())
}

/// The kind and expansion of an abbreviation as written (`dll.`, `Korut`),
/// from `data/boilerplate/abbreviations.tsv`.
pub fn abbreviation(abbr: &str) -> Option<(AbbrevKind, &'static str)> {
    data::resources()
        .abbreviations
        .get(abbr)
        .map(|(k, e)| (*k, e.as_str()))
}
