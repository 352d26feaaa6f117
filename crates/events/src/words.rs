//! The article's tokens as lower-case words, with sentence ranges.

use std::borrow::Cow;
use warta_core::{Document, Span, TokenKind};

/// One token of the clean text.
#[derive(Debug, Clone)]
pub(crate) struct Word<'a> {
    pub span: Span,
    /// Lower case; borrowed from the text when it already is (most words).
    pub norm: Cow<'a, str>,
    pub punct: bool,
    /// Starts with a capital letter.
    pub cap: bool,
}

/// The words of a document and, per sentence, its range of word indices.
pub(crate) struct Words<'a> {
    pub ws: Vec<Word<'a>>,
    pub sentences: Vec<(usize, usize)>,
}

impl<'a> Words<'a> {
    pub fn new(doc: &'a Document) -> Words<'a> {
        let ws: Vec<Word> = doc
            .tokens
            .iter()
            .map(|t| Word {
                span: t.span,
                norm: lower(&doc.text[t.span.range()]),
                punct: matches!(t.kind, TokenKind::Punct | TokenKind::Symbol),
                cap: doc.text[t.span.range()]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
            })
            .collect();
        let sentences = doc
            .sentences
            .iter()
            .map(|s| {
                let a = ws.partition_point(|w| w.span.start < s.start);
                let b = ws.partition_point(|w| w.span.start < s.end);
                (a, b)
            })
            .collect();
        Words { ws, sentences }
    }

    /// Index of the first word starting at or after `pos`.
    pub fn at(&self, pos: usize) -> usize {
        self.ws.partition_point(|w| w.span.start < pos)
    }

    /// The word's text without a `-nya`, `-lah` or `-pun` ending, when it
    /// has one.
    pub fn bare(norm: &str) -> Option<&str> {
        ["nya", "lah", "pun"]
            .iter()
            .find_map(|s| norm.strip_suffix(s).filter(|r| r.chars().count() >= 3))
    }
}

fn lower(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}
