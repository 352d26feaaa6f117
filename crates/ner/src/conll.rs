//! Reading CoNLL-style gold files: one token per line, the token first and
//! its tag last (any columns between are ignored), blank lines between
//! sentences. Tags are mapped onto PER/ORG/LOC (see [`type_index`]); tags
//! without a B-/I- prefix (the Wikipedia gold set) become BIO, adjacent tokens
//! of one type forming one mention.

use crate::labels::{type_index, Mention};
use std::path::Path;

/// Why a gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConllError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A non-blank line without a token and a tag.
    #[error("{path}:{line}: expected `token … tag`, found {found:?}")]
    Format {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The offending line.
        found: String,
    },
}

/// One gold sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The tokens, as in the file's first column.
    pub words: Vec<String>,
    /// BIO tags over our three types (`O`, `B-PER`, `I-LOC`, …).
    pub tags: Vec<String>,
}

impl Sentence {
    /// The gold mentions, read from the tags the way conlleval reads chunks.
    pub fn mentions(&self) -> Vec<Mention> {
        crate::eval::chunks(&self.tags)
            .into_iter()
            .filter_map(|(s, e, t)| type_index(&t).map(|ty| Mention { start: s, end: e, ty }))
            .collect()
    }
}

/// Reads a gold file.
pub fn read_file(path: &Path) -> Result<Vec<Sentence>, ConllError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConllError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse(&text, &path.display().to_string())
}

/// Parses gold text; `origin` names it in errors.
pub fn parse(text: &str, origin: &str) -> Result<Vec<Sentence>, ConllError> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    let mut prev_type: Option<usize> = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with("-DOCSTART-") {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            prev_type = None;
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 2 {
            return Err(ConllError::Format {
                path: origin.to_string(),
                line: n + 1,
                found: line.to_string(),
            });
        }
        let (word, tag) = (fields[0], fields[fields.len() - 1]);
        let (prefix, name) = match tag.split_once('-') {
            Some((p, t)) if p.len() == 1 => (Some(p), t),
            _ => (None, tag),
        };
        let ty = if tag == "O" { None } else { type_index(name) };
        let norm = match (ty, prefix) {
            (None, _) => "O".to_string(),
            (Some(t), Some(p)) => format!("{}-{}", p.to_ascii_uppercase(), crate::labels::TYPES[t].as_str()),
            (Some(t), None) => {
                let p = if prev_type == Some(t) { "I" } else { "B" };
                format!("{p}-{}", crate::labels::TYPES[t].as_str())
            }
        };
        prev_type = ty;
        cur.words.push(word.to_string());
        cur.tags.push(norm);
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_crlf_three_column_and_maps_dataset_types() {
        let text = "Kata NOUN O\r\nJoko PROPN B-PER\r\nWidodo PROPN I-PER\r\n\r\nke\tO\nJakarta\tB-PLACE\nmakan\tB-FNB\n";
        let s = parse(text, "t").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, ["O", "B-PER", "I-PER"]);
        assert_eq!(s[1].tags, ["O", "B-LOC", "O"]);
    }

    #[test]
    fn unprefixed_tags_join_adjacent_tokens() {
        let s = parse(
            "Bank\tOrganisation\nDunia\tOrganisation\ndi\tO\nParis\tPlace\n",
            "t",
        )
        .unwrap();
        assert_eq!(s[0].tags, ["B-ORG", "I-ORG", "O", "B-LOC"]);
    }

    #[test]
    fn a_line_without_tag_is_an_error_naming_the_line() {
        let e = parse("Joko B-PER\nWidodo\n", "f.txt").unwrap_err().to_string();
        assert!(e.contains("f.txt:2"), "{e}");
    }
}
