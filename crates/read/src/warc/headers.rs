//! Header blocks, WARC's and the HTTP responses' inside records.

use std::io::{self, BufRead};

use super::version::version_in;
use super::{io_message, MAX_HEADERS, MAX_HEADER_LINE};
use crate::limit::read_line_bounded;

/// A header block: its first line and `Name: value` pairs.
pub(super) struct Headers {
    pub(super) first_line: String,
    fields: Vec<(String, String)>,
}

impl Headers {
    /// The first value of `name` (lower-case).
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Why a header block could not be read.
pub(super) enum HeaderError {
    Io(io::Error),
    Truncated,
    /// Broken, but the input goes on: the next record may be fine.
    Malformed(&'static str),
    /// A header line holds the start of another record (the header block
    /// was cut short): the fields before it, and the line from there on.
    Cut(Headers, Vec<u8>),
}

impl std::fmt::Display for HeaderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeaderError::Io(e) => f.write_str(&io_message(e)),
            HeaderError::Truncated => f.write_str("truncated: input ends inside a header block"),
            HeaderError::Malformed(why) => f.write_str(why),
            HeaderError::Cut(..) => f.write_str("header block cut short by another record"),
        }
    }
}

/// Reads a header block up to its blank line. With `warc`, blank lines
/// before it (the CRLF pairs ending the previous WARC record) are skipped,
/// and a line holding a version line ends the block as [`HeaderError::Cut`].
/// `Ok(None)` at a clean end of input.
pub(super) fn read_headers(reader: &mut impl BufRead, warc: bool) -> Result<Option<Headers>, HeaderError> {
    let mut buf = Vec::new();
    let mut first_line: Option<String> = None;
    let mut fields: Vec<(String, String)> = Vec::new();
    loop {
        let line = match read_line_bounded(reader, &mut buf, MAX_HEADER_LINE) {
            Err(e) => return Err(HeaderError::Io(e)),
            Ok(None) if first_line.is_none() => return Ok(None),
            Ok(None) => return Err(HeaderError::Truncated),
            Ok(Some(false)) => return Err(HeaderError::Malformed("header line too long")),
            Ok(Some(true)) => String::from_utf8_lossy(buf.strip_suffix(b"\r").unwrap_or(&buf)).into_owned(),
        };
        if let (Some(first_line), true) = (&first_line, warc) {
            if let Some(at) = version_in(&buf) {
                let mut rest = buf[at..].to_vec();
                rest.push(b'\n');
                let first_line = first_line.clone();
                return Err(HeaderError::Cut(Headers { first_line, fields }, rest));
            }
        }
        match &first_line {
            None if line.trim().is_empty() && warc => continue,
            None => first_line = Some(line),
            Some(_) if line.is_empty() => break,
            Some(_) if fields.len() >= MAX_HEADERS => {
                return Err(HeaderError::Malformed("too many header lines"))
            }
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
