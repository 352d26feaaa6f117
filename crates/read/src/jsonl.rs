//! JSON Lines: one article object per line, read lazily line by line.

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
            ReadError::new(
                origin.clone(),
                format!("bad JSON Lines record: {}", column_only(&e)),
            )
        })?;
        let id = match rec.id {
            Some(Value::String(s)) if !s.trim().is_empty() => s,
            Some(Value::Number(n)) => n.to_string(),
            _ => format!("{}:{}", self.stem, self.line),
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
            (Some(_), _) | (_, Some(_)) => Err(ReadError::new(origin, "record's `text` is empty")),
            (None, None) => Err(ReadError::new(origin, "record has neither `text` nor `html`")),
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
