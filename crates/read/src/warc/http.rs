//! The HTML page inside a `response` record's HTTP response.

use std::io::Read;

use super::headers::read_headers;
use crate::decode;
use crate::limit::{too_large_message, MAX_ARTICLE_BYTES};

/// An HTML payload and the charset its transport declared.
type Payload = (Vec<u8>, Option<String>);

/// The HTML inside an HTTP response and its declared charset, or `None` for
/// a response that is not a successful HTML page.
pub(super) fn http_html(body: &[u8]) -> Result<Option<Payload>, String> {
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

pub(super) fn is_html_type(ctype: &str) -> bool {
    ctype.starts_with("text/html") || ctype.starts_with("application/xhtml")
}

pub(super) fn charset_of(ctype: &str) -> Option<String> {
    decode::charset_in(ctype.as_bytes()).map(|e| e.name().to_string())
}
