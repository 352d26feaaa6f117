//! WARC (ISO 28500) files, plain or gzip-compressed, read record by record.
//!
//! A small hand parser rather than the `warc` crate: a record is a version
//! line, `Name: value` headers, a blank line and `Content-Length` bytes, so
//! ~150 lines cover it, and owning them lets every record be size-bounded and
//! every malformation become a `ReadError` instead of a dependency's panic or
//! an unbounded allocation. Only HTML is taken: `response` records holding an
//! HTTP 2xx `text/html` (or XHTML) response, and `resource` records of type
//! `text/html`; requests, metadata, redirects, images and the like are
//! skipped silently, as they are what a crawl's WARC is mostly made of.

use std::io::{self, BufRead, Read};

use crate::limit::{read_line_bounded, too_large_message, MAX_ARTICLE_BYTES};
use crate::{decode, PendingArticle, RawArticle, ReadError};

/// Longest header line accepted; real ones are a few hundred bytes.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Most header lines in one record or HTTP response.
const MAX_HEADERS: usize = 500;
/// Room for HTTP headers on top of the article limit.
const MAX_RECORD: usize = MAX_ARTICLE_BYTES + 1024 * 1024;

/// Yields one result per HTML record; stops after the first malformed record
/// (without a valid length there is no telling where the next one starts).
pub(crate) struct WarcRecords<R> {
    reader: R,
    label: String,
    record: usize,
    /// Results yielded so far: a file that yields none gets one error saying
    /// why, rather than silently contributing nothing.
    yielded: usize,
    done: bool,
}

impl<R: BufRead> WarcRecords<R> {
    pub(crate) fn new(reader: R, label: String) -> Self {
        WarcRecords {
            reader,
            label,
            record: 0,
            yielded: 0,
            done: false,
        }
    }

    /// The next record's HTML article, `Ok(None)` for a record to skip, or
    /// `Err` with `done` set when the rest of the file cannot be read.
    fn next_record(&mut self) -> Result<Option<PendingArticle>, ReadError> {
        let origin = format!("{}#{}", self.label, self.record);
        let fail = |msg: String| ReadError::new(origin.clone(), msg);
        let headers = match read_headers(&mut self.reader, true) {
            Ok(Some(h)) => h,
            Ok(None) => {
                self.done = true;
                return Ok(None);
            }
            Err(e) => {
                self.done = true;
                return Err(fail(e));
            }
        };
        if !headers.first_line.starts_with("WARC/") {
            self.done = true;
            return Err(fail(format!(
                "not a WARC record (starts with {:?})",
                clip(&headers.first_line)
            )));
        }
        let Some(len) = headers
            .get("content-length")
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            self.done = true;
            return Err(fail("WARC record without a valid Content-Length".into()));
        };
        let uri = headers
            .get("warc-target-uri")
            .map(|u| u.trim().trim_matches(['<', '>']).to_string());
        let id = headers
            .get("warc-record-id")
            .map(|u| u.trim().trim_matches(['<', '>']).to_string());
        let kind = headers.get("warc-type").unwrap_or("").trim().to_ascii_lowercase();
        let ctype = headers.get("content-type").unwrap_or("").to_ascii_lowercase();
        let wanted = (kind == "response" && ctype.starts_with("application/http"))
            || (kind == "resource" && is_html_type(&ctype));
        if !wanted || len as usize > MAX_RECORD {
            io::copy(&mut (&mut self.reader).take(len), &mut io::sink()).map_err(|e| {
                self.done = true;
                fail(format!("read failed: {e}"))
            })?;
            return if wanted {
                Err(fail(too_large_message()))
            } else {
                Ok(None)
            };
        }
        let mut body = Vec::with_capacity(len as usize);
        (&mut self.reader).take(len).read_to_end(&mut body).map_err(|e| {
            self.done = true;
            fail(format!("read failed: {e}"))
        })?;
        if body.len() as u64 != len {
            self.done = true;
            return Err(fail(format!(
                "truncated WARC record ({} of {len} bytes)",
                body.len()
            )));
        }
        let (html, charset) = if kind == "response" {
            match http_html(&body).map_err(fail)? {
                Some(x) => x,
                None => return Ok(None),
            }
        } else {
            (body, charset_of(&ctype))
        };
        let html = decode::decode_html(&html, charset.as_deref());
        let origin = match &uri {
            Some(u) => format!("{origin} ({u})"),
            None => origin,
        };
        let fields = RawArticle {
            id: id.or_else(|| uri.clone()).unwrap_or_else(|| origin.clone()),
            origin,
            ..RawArticle::default()
        };
        Ok(Some(PendingArticle::html(html, uri, fields)))
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = Result<PendingArticle, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.record += 1;
            let item = match self.next_record() {
                Ok(None) => continue,
                Ok(Some(a)) => Ok(a),
                Err(e) => Err(e),
            };
            self.yielded += 1;
            return Some(item);
        }
        if self.yielded == 0 {
            self.yielded = 1;
            let records = self.record.saturating_sub(1);
            let msg = if records == 0 {
                "empty input: no WARC records".to_string()
            } else {
                format!("no HTML pages among its {records} WARC records")
            };
            return Some(Err(ReadError::new(&self.label, msg)));
        }
        None
    }
}

/// A header block: its first line and `Name: value` pairs.
struct Headers {
    first_line: String,
    fields: Vec<(String, String)>,
}

impl Headers {
    /// The first value of `name` (lower-case).
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads a header block up to its blank line. With `skip_blank`, blank lines
/// before it (the CRLF pairs ending the previous WARC record) are skipped.
/// `Ok(None)` at a clean end of input.
fn read_headers(reader: &mut impl BufRead, skip_blank: bool) -> Result<Option<Headers>, String> {
    let mut buf = Vec::new();
    let mut first_line = None;
    let mut fields: Vec<(String, String)> = Vec::new();
    loop {
        let line = match read_line_bounded(reader, &mut buf, MAX_HEADER_LINE) {
            Err(e) => return Err(format!("read failed: {e}")),
            Ok(None) if first_line.is_none() => return Ok(None),
            Ok(None) => return Err("truncated: input ends inside a header block".into()),
            Ok(Some(false)) => return Err("header line too long".into()),
            Ok(Some(true)) => String::from_utf8_lossy(buf.strip_suffix(b"\r").unwrap_or(&buf)).into_owned(),
        };
        match &first_line {
            None if line.trim().is_empty() && skip_blank => continue,
            None => first_line = Some(line),
            Some(_) if line.is_empty() => break,
            Some(_) if fields.len() >= MAX_HEADERS => return Err("too many header lines".into()),
            Some(_) if line.starts_with([' ', '\t']) => {
                // A folded continuation line.
                if let Some((_, v)) = fields.last_mut() {
                    v.push(' ');
                    v.push_str(line.trim());
                }
            }
            Some(_) => {
                if let Some((n, v)) = line.split_once(':') {
                    fields.push((n.trim().to_ascii_lowercase(), v.trim().to_string()));
                }
            }
        }
    }
    Ok(first_line.map(|first_line| Headers { first_line, fields }))
}

/// An HTML payload and the charset its transport declared.
type Payload = (Vec<u8>, Option<String>);

/// The HTML inside an HTTP response and its declared charset, or `None` for
/// a response that is not a successful HTML page.
fn http_html(body: &[u8]) -> Result<Option<Payload>, String> {
    let mut reader = body;
    let Some(h) = read_headers(&mut reader, false).map_err(|e| format!("bad HTTP response: {e}"))? else {
        return Ok(None);
    };
    let status = h
        .first_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok());
    let ctype = h.get("content-type").unwrap_or("").to_ascii_lowercase();
    if !matches!(status, Some(200..=299)) || !is_html_type(&ctype) {
        return Ok(None);
    }
    let mut payload = reader.to_vec();
    if h.get("transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        payload = dechunk(&payload).ok_or("bad chunked HTTP body")?;
    }
    match h
        .get("content-encoding")
        .map(|e| e.trim().to_ascii_lowercase())
        .as_deref()
    {
        None | Some("") | Some("identity") => {}
        Some("gzip") | Some("x-gzip") => payload = inflate(flate2::read::MultiGzDecoder::new(&payload[..]))?,
        Some("deflate") => payload = inflate(flate2::read::ZlibDecoder::new(&payload[..]))?,
        Some(other) => return Err(format!("unsupported HTTP Content-Encoding {other:?}")),
    }
    Ok(Some((payload, charset_of(&ctype))))
}

fn inflate(reader: impl Read) -> Result<Vec<u8>, String> {
    match crate::limit::read_all_bounded(reader, MAX_ARTICLE_BYTES) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(too_large_message()),
        Err(e) => Err(format!("bad compressed HTTP body: {e}")),
    }
}

/// Undoes HTTP/1.1 chunked transfer coding.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = body.windows(2).position(|w| w == b"\r\n")?;
        let size_field = std::str::from_utf8(&body[..eol]).ok()?;
        let size = usize::from_str_radix(size_field.split(';').next()?.trim(), 16).ok()?;
        body = &body[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?.strip_prefix(b"\r\n").unwrap_or(&body[size..]);
    }
}

fn is_html_type(ctype: &str) -> bool {
    ctype.starts_with("text/html") || ctype.starts_with("application/xhtml")
}

fn charset_of(ctype: &str) -> Option<String> {
    decode::charset_in(ctype.as_bytes()).map(|e| e.name().to_string())
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}
