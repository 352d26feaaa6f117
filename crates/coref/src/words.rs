//! The article's tokens as coreference reads them: lower-cased, with their
//! sentence and whether they sit inside quotation marks.

use warta_core::{Document, Span, TokenKind};
use warta_text::quoted_passages;

/// One token.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub span: Span,
    pub lower: String,
    pub is_word: bool,
    pub capitalised: bool,
    /// Index into `Document::sentences`.
    pub sentence: usize,
    /// Inside quotation marks: names and pronouns there are the speaker's,
    /// not the narrator's, and are never antecedents.
    pub quoted: bool,
}

/// Lower case, with a fast path for ASCII (most tokens).
pub(crate) fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// The tokens of a document, in order.
pub(crate) struct Words {
    pub words: Vec<Word>,
    /// Content spans of quoted passages, sorted.
    pub quoted: Vec<Span>,
}

impl Words {
    pub fn new(doc: &Document) -> Words {
        let quoted: Vec<Span> = quoted_passages(&doc.text).iter().map(|q| q.content).collect();
        let mut words = Vec::with_capacity(doc.tokens.len());
        let mut sentence = 0;
        let mut q = 0;
        for t in &doc.tokens {
            while sentence + 1 < doc.sentences.len() && doc.sentences[sentence].end <= t.span.start {
                sentence += 1;
            }
            while q < quoted.len() && quoted[q].end <= t.span.start {
                q += 1;
            }
            let text = &doc.text[t.span.range()];
            words.push(Word {
                span: t.span,
                lower: lowercase(text),
                is_word: t.kind == TokenKind::Word,
                capitalised: text.chars().next().is_some_and(char::is_uppercase),
                sentence,
                quoted: q < quoted.len() && quoted[q].contains(t.span),
            });
        }
        Words { words, quoted }
    }

    /// Whether byte `at` lies inside a quoted passage.
    pub fn is_quoted(&self, at: usize) -> bool {
        let i = self.quoted.partition_point(|s| s.end <= at);
        i < self.quoted.len() && self.quoted[i].start <= at
    }

    /// Index of the first token starting at or after `at`.
    pub fn index_at(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start < at)
    }
}
