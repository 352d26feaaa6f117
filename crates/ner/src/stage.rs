//! The pipeline stage: tags each sentence's tokens and adds unlinked
//! entities with byte spans into the document text.

use crate::consistency;
use crate::labels::{bio_strings, Mention, TYPES};
use crate::model::{Model, ModelError, Scratch};
use warta_core::{Document, Entity, Span, Stage, StageError, Token, TokenKind};

static DEFAULT_MODEL: &[u8] = include_bytes!("../../../data/ner/model.bin");

/// Finds PER/ORG/LOC mentions in a segmented document (unlinked).
#[derive(Debug, Clone)]
pub struct NerStage {
    model: Model,
}

impl NerStage {
    /// Loads the committed model from the crate's embedded data.
    pub fn load_default() -> Result<NerStage, StageError> {
        NerStage::from_bytes(DEFAULT_MODEL).map_err(|e| StageError {
            stage: "ner",
            message: format!("embedded model: {e}"),
        })
    }

    /// Loads a model file's bytes (e.g. one just trained).
    pub fn from_bytes(bytes: &[u8]) -> Result<NerStage, ModelError> {
        Ok(NerStage {
            model: Model::from_bytes(bytes)?,
        })
    }

    /// Wraps a model already in memory.
    pub fn from_model(model: Model) -> NerStage {
        NerStage { model }
    }

    /// The underlying model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// BIO labels (`B-PER`, `I-LOC`, `O`) for one sentence's words.
    pub fn tag_tokens(&self, words: &[&str]) -> Vec<String> {
        bio_strings(words.len(), &self.mentions(words, &mut Scratch::default()))
    }

    /// Mentions (token ranges) in one sentence, reusing `scratch`.
    pub fn mentions(&self, words: &[&str], scratch: &mut Scratch) -> Vec<Mention> {
        let labels = self.model.tag(words, scratch);
        self.model.scheme().mentions(&labels)
    }
}

impl Stage for NerStage {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let tokens = if doc.tokens.is_empty() {
            tokenize(&doc.text)
        } else {
            doc.tokens.clone()
        };
        let sentences = if doc.sentences.is_empty() {
            vec![Span::new(0, doc.text.len())]
        } else {
            doc.sentences.clone()
        };
        let mut scratch = Scratch::default();
        // Mentions as global token ranges.
        let mut found: Vec<Mention> = Vec::new();
        for (i, sent) in sentences.into_iter().enumerate() {
            // The slowest stage checks the article's time budget as it goes,
            // so an article over it stops here rather than at the stage end.
            if i % 64 == 0 {
                doc.check_deadline("ner")?;
            }
            let a = tokens.partition_point(|t| t.span.start < sent.start);
            let b = tokens.partition_point(|t| t.span.start < sent.end);
            // Very long "sentences" (unsegmented text) are cut at sentence
            // punctuation so the tagger sees units like its training data.
            for part in split_long(&doc.text, &tokens[a..b]) {
                let off = a + part.start;
                let words: Vec<&str> = tokens[off..a + part.end]
                    .iter()
                    .map(|t| &doc.text[t.span.range()])
                    .collect();
                for m in self.mentions(&words, &mut scratch) {
                    found.push(Mention {
                        start: m.start + off,
                        end: m.end + off,
                        ty: m.ty,
                    });
                }
            }
        }
        let words: Vec<&str> = tokens.iter().map(|t| &doc.text[t.span.range()]).collect();
        let found = consistency::harmonise(&words, found, &self.model.cap, &self.model.trig);
        for m in found {
            let Some((s, e)) = consistency::name_core(&words, m.start, m.end) else {
                continue;
            };
            let span = trim_punct(&doc.text, Span::new(tokens[s].span.start, tokens[e - 1].span.end));
            if !span.is_empty() {
                doc.entities
                    .push(Entity::new(span, &doc.text[span.range()], TYPES[m.ty]));
            }
        }
        doc.entities.sort_by_key(|e| (e.span.start, e.span.end));
        Ok(())
    }
}

/// Cuts a sentence's tokens into pieces of at most 80 tokens, preferring
/// sentence punctuation; returns ranges into `toks`.
fn split_long(text: &str, toks: &[Token]) -> Vec<std::ops::Range<usize>> {
    const MAX: usize = 80;
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.span.range()];
        if i + 1 - start >= MAX || (i + 1 - start > 1 && matches!(s, "." | "!" | "?") && i - start > 20) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// Drops trailing punctuation (and unbalanced closing brackets or quotes)
/// from a mention's span.
fn trim_punct(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let trimmed = s.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == ')' && s.contains('(')));
    let lead = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(')
            .len();
    Span::new(span.start + lead, span.start + trimmed.len().max(lead))
}

/// The fallback tokenizer used when no Segmenter filled `doc.tokens`: runs
/// of letters and digits (keeping inner hyphens, apostrophes and dots, as in
/// `pro-Moskow`, `Jum'at`, `S.H`) and single punctuation marks.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut digits = c.is_numeric();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    digits &= d.is_numeric();
                    end = j + d.len_utf8();
                    chars.next();
                } else if matches!(d, '-' | '\'' | '’' | '.') {
                    // Joiner only when a letter or digit follows.
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(char::is_alphanumeric) {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let kind = if digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: Span::new(i, end),
                kind,
            });
        } else {
            let kind = if c.is_ascii_punctuation() || c.is_ascii() {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_tokenizer_splits_punctuation_and_keeps_joined_words() {
        let text = "Pasukan pro-Moskow (Rusia), kata Kim.";
        let words: Vec<&str> = tokenize(text).iter().map(|t| &text[t.span.range()]).collect();
        assert_eq!(
            words,
            [
                "Pasukan",
                "pro-Moskow",
                "(",
                "Rusia",
                ")",
                ",",
                "kata",
                "Kim",
                "."
            ]
        );
    }

    #[test]
    fn trailing_punctuation_is_trimmed_from_spans() {
        let text = "PT Maju Tbk., lalu";
        let s = trim_punct(text, Span::new(0, 13));
        assert_eq!(&text[s.range()], "PT Maju Tbk");
        let text = "Partai (PDIP)";
        assert_eq!(
            trim_punct(text, Span::new(0, text.len())),
            Span::new(0, text.len())
        );
    }
}
