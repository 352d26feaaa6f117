//! JSON Lines (one article object per line, read lazily line by line) and
//! `.json` documents (one record or an array of them).

use std::io::BufRead;

use serde::Deserialize;
use serde_json::Value;

use crate::{limit::read_line_bounded, PendingArticle, RawArticle, ReadError, MAX_ARTICLE_BYTES};

/// One JSON Lines record. Unknown fields are ignored so exports from other
/// tools can be fed as they are.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    /// A string, or a number (a Unix time) kept as its decimal form.
    #[serde(default)]
    published: Option<Value>,
    #[serde(default)]
    site: Option<String>,
}

/// Yields one result per non-blank line of `reader`.
pub(crate) struct JsonLines<R> {
    reader: R,
    /// The input as named, for `origin` (`path:line`).
    label: String,
    /// The file stem, for ids of records without one (`stem:line`).
    stem: String,
    line: usize,
    /// Whether any non-blank line was seen: an empty file is an error.
    seen: bool,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    pub(crate) fn new(reader: R, label: String, stem: String) -> Self {
        JsonLines {
            reader,
            label,
            stem,
            line: 0,
            seen: false,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<PendingArticle, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        while !self.done {
            self.line += 1;
            let origin = format!("{}:{}", self.label, self.line);
            match read_line_bounded(&mut self.reader, &mut buf, MAX_ARTICLE_BYTES) {
                Err(e) => {
                    self.done = true;
                    return Some(Err(ReadError::new(origin, format!("read failed: {e}"))));
                }
                Ok(None) => {
                    self.done = true;
                    if !self.seen {
                        return Some(Err(ReadError::new(
                            &self.label,
                            "empty input: no JSON Lines records",
                        )));
                    }
                }
                Ok(Some(false)) => {
                    self.seen = true;
                    return Some(Err(ReadError::new(origin, crate::limit::too_large_message())));
                }
                Ok(Some(true)) if buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(Some(true)) => {
                    self.seen = true;
                    // Tools on Windows start files with a UTF-8 byte-order mark.
                    let line = if self.line == 1 {
                        buf.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&buf)
                    } else {
                        &buf
                    };
                    return Some(self.record(line, origin));
                }
            }
        }
        None
    }
}

impl<R> JsonLines<R> {
    fn record(&self, line: &[u8], origin: String) -> Result<PendingArticle, ReadError> {
        let rec: Record = serde_json::from_slice(line).map_err(|e| {
            // Valid JSON of the wrong shape (`[1,2]`, `"text"`) deserves a
            // plainer message than serde's about the first field it tried.
            let message = match serde_json::from_slice::<Value>(line) {
                Ok(v) if !v.is_object() => "record is not a JSON object".to_string(),
                _ => format!("bad JSON Lines record: {}", column_only(&e)),
            };
            ReadError::new(origin.clone(), message)
        })?;
        to_pending(rec, origin, format!("{}:{}", self.stem, self.line))
    }
}

/// A `.json` file: one record object or an array of them, read whole (it is
/// bounded by the article size limit; use JSON Lines for big batches). Array
/// elements are named `path[i]`, ids default to `stem:i` (both 0-based).
pub(crate) fn json_document(bytes: &[u8], label: &str, stem: &str) -> Vec<Result<PendingArticle, ReadError>> {
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return vec![Err(ReadError::new(label, format!("bad JSON: {e}")))],
    };
    let one = |v: Value, origin: String, id: String| {
        serde_json::from_value::<Record>(v)
            .map_err(|e| ReadError::new(&origin, format!("bad JSON record: {e}")))
            .and_then(|rec| to_pending(rec, origin, id))
    };
    match value {
        Value::Array(items) if items.is_empty() => {
            vec![Err(ReadError::new(label, "empty input: empty JSON array"))]
        }
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| one(v, format!("{label}[{i}]"), format!("{stem}:{i}")))
            .collect(),
        v => vec![one(v, label.to_string(), stem.to_string())],
    }
}

/// A parsed record as an article; `default_id` when it has no `id`.
fn to_pending(rec: Record, origin: String, default_id: String) -> Result<PendingArticle, ReadError> {
    let id = match rec.id {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => default_id,
    };
    let published = match rec.published {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    // The record's own fields win over what its HTML declares.
    let fields = RawArticle {
        id,
        origin: origin.clone(),
        text: String::new(),
        url: rec.url.clone(),
        title: rec.title,
        published,
        site: rec.site,
    };
    match (rec.text, rec.html) {
        (Some(text), _) if !text.trim().is_empty() => {
            Ok(PendingArticle::ready(RawArticle { text, ..fields }))
        }
        (_, Some(html)) if !html.trim().is_empty() => Ok(PendingArticle::html(html, rec.url, fields)),
        (Some(_), _) | (_, Some(_)) => {
            Err(ReadError::new(origin, "record's `text` is empty").with_id(fields.id))
        }
        (None, None) => {
            Err(ReadError::new(origin, "record has neither `text` nor `html`").with_id(fields.id))
        }
    }
}

/// serde_json says "at line 1 column 7"; the line is ours to report.
fn column_only(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(at) => format!("{} (column {})", &msg[..at], e.column()),
        None => msg,
    }
}
