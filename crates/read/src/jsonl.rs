//! JSON Lines (one article object per line, read lazily line by line) and
//! `.json` documents (one record or an array of them).
//!
//! **Field types.** `id` and `published` are strings or numbers (a number is
//! kept as its decimal form: `7` → `"7"`, a Unix time stays digits); `text`,
//! `html`, `url`, `title` and `site` are strings. `null` counts as absent,
//! and so does a blank `id`. A known field of any other type rejects the
//! whole record with an error naming the field and the type it must have
//! (`field `published` must be a string or a number, not an object`), every
//! such field in one message; the failure keeps the record's id unless the
//! id itself is what is wrong. Unknown fields are ignored, so exports from
//! other tools can be fed as they are.

use std::io::BufRead;

use serde_json::{Map, Value};

use crate::{limit::read_line_bounded, PendingArticle, RawArticle, ReadError, MAX_ARTICLE_BYTES};

/// One record's known fields, each of the right type.
struct Record {
    id: Option<String>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    site: Option<String>,
}

/// What a field may hold.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    TextOrNumber,
}

impl Record {
    /// The record in `object`, or what is wrong with it and the id its
    /// failure keeps (`default_id` when it has none; no id when the `id`
    /// itself is wrong).
    fn from_object(
        mut object: Map<String, Value>,
        default_id: &str,
    ) -> Result<Record, (String, Option<String>)> {
        let mut wrong = Vec::new();
        let id = take(&mut object, "id", Kind::TextOrNumber, &mut wrong);
        let id_ok = wrong.is_empty();
        let mut field = |name: &str, kind: Kind| take(&mut object, name, kind, &mut wrong);
        let rec = Record {
            id: id.filter(|s| !s.trim().is_empty()),
            text: field("text", Kind::Text),
            html: field("html", Kind::Text),
            url: field("url", Kind::Text),
            title: field("title", Kind::Text),
            published: field("published", Kind::TextOrNumber),
            site: field("site", Kind::Text),
        };
        if wrong.is_empty() {
            return Ok(rec);
        }
        let id = id_ok.then(|| rec.id.unwrap_or_else(|| default_id.to_string()));
        Err((wrong.join("; "), id))
    }
}

/// Field `name` of `object` as a string, noting in `wrong` a value of a
/// type it may not have.
fn take(object: &mut Map<String, Value>, name: &str, kind: Kind, wrong: &mut Vec<String>) -> Option<String> {
    match (object.remove(name)?, kind) {
        (Value::Null, _) => None,
        (Value::String(s), _) => Some(s),
        (Value::Number(n), Kind::TextOrNumber) => Some(n.to_string()),
        (other, kind) => {
            let must = match kind {
                Kind::Text => "a string",
                Kind::TextOrNumber => "a string or a number",
            };
            wrong.push(format!(
                "field `{name}` must be {must}, not {}",
                type_name(&other)
            ));
            None
        }
    }
}

/// A JSON value's type, as a message names it.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `value` as an article read from `origin` (`default_id` when it has no
/// `id`), or an error about `origin`.
fn article_of(value: Value, origin: String, default_id: String) -> Result<PendingArticle, ReadError> {
    let Value::Object(object) = value else {
        return Err(ReadError::new(origin, "record is not a JSON object"));
    };
    let rec = Record::from_object(object, &default_id).map_err(|(message, id)| {
        let e = ReadError::new(&origin, message);
        match id {
            Some(id) => e.with_id(id),
            None => e,
        }
    })?;
    to_pending(rec, origin, default_id)
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
        let value: Value = serde_json::from_slice(line)
            .map_err(|e| ReadError::new(&origin, format!("bad JSON Lines record: {}", column_only(&e))))?;
        article_of(value, origin, format!("{}:{}", self.stem, self.line))
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
    match value {
        Value::Array(items) if items.is_empty() => {
            vec![Err(ReadError::new(label, "empty input: empty JSON array"))]
        }
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| article_of(v, format!("{label}[{i}]"), format!("{stem}:{i}")))
            .collect(),
        v @ Value::Object(_) => vec![article_of(v, label.to_string(), stem.to_string())],
        v => vec![Err(ReadError::new(
            label,
            format!(
                "a JSON document must be a record object or an array of them, not {}",
                type_name(&v)
            ),
        ))],
    }
}

/// A parsed record as an article; `default_id` when it has no `id`.
fn to_pending(rec: Record, origin: String, default_id: String) -> Result<PendingArticle, ReadError> {
    let id = rec.id.unwrap_or(default_id);
    let published = rec.published;
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
