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
//!
//! A broken record is an error naming it (`file.warc#N (target URI)`, with
//! its `WARC-Record-ID`, else target URI, as the failure's id), and reading
//! goes on with the next record: a Content-Length that runs past the end of
//! the input or does not end where the next record starts (see
//! [`WarcRecords`]), a header block without a valid Content-Length or cut
//! short by another record, a bad HTTP response. Only a cut at the very end
//! (`truncated …`) or a read failure ends the file.

mod headers;
mod http;
mod push_back;
mod recovery;
mod version;

use std::io::{self, BufRead, Read};

use crate::limit::{too_large_message, MAX_ARTICLE_BYTES};
use crate::{decode, PendingArticle, RawArticle, ReadError};
use headers::{read_headers, HeaderError};
use http::{charset_of, http_html, is_html_type};
use push_back::PushBack;
use recovery::{begins_a_whole_record, End, Retained};
use version::{version_in, VersionScan, VERSION};

/// Longest header line accepted; real ones are a few hundred bytes.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Most header lines in one record or HTTP response.
const MAX_HEADERS: usize = 500;
/// Room for HTTP headers on top of the article limit.
const MAX_RECORD: usize = MAX_ARTICLE_BYTES + 1024 * 1024;
/// How much of a skipped record's content is kept, from the first `WARC/1.`
/// (or `WARC/0.`) in it, in case its Content-Length proves wrong and the
/// records it swallowed must be read after all.
const MAX_RETAINED: usize = 64 * 1024 * 1024;
/// How much, in all, may be read a second time after wrong lengths. Each
/// recovery re-reads at most [`MAX_RETAINED`]; the cap keeps a file crafted
/// to need a recovery per record from taking quadratic time.
const MAX_REREAD: u64 = 1024 * 1024 * 1024;

/// Yields one result per HTML record, and one error per broken record.
///
/// A record's Content-Length is checked against what follows it: blank lines
/// and the next record's `WARC/` version line, or the end of the input. When
/// the length proves wrong — the input ends before it, something else
/// follows, or the content holds a whole record of its own — the record is
/// reported, and reading goes on from the first `WARC/1.` inside its claimed
/// content (records a bogus length swallowed) or, failing that, from the
/// next one after it. So one bad length costs one error, not the records
/// after it. Memory stays bounded: at most [`MAX_RETAINED`] is kept.
pub(crate) struct WarcRecords<R> {
    reader: PushBack<R>,
    label: String,
    record: usize,
    /// Results yielded so far: a file that yields none gets one error saying
    /// why, rather than silently contributing nothing.
    yielded: usize,
    done: bool,
    /// Where the input ends, once a read has reached it: a later record
    /// claiming content past it needs no reading to the end to be refuted.
    end_at: Option<u64>,
    /// Bytes given back to be read again so far.
    reread: u64,
}

impl<R: BufRead> WarcRecords<R> {
    pub(crate) fn new(reader: R, label: String) -> Self {
        WarcRecords {
            reader: PushBack::new(reader),
            label,
            record: 0,
            yielded: 0,
            done: false,
            end_at: None,
            reread: 0,
        }
    }

    /// The next record's HTML article, `Ok(None)` for a record to skip, or
    /// `Err` for a broken record (with `done` set when nothing after it can
    /// be read).
    fn next_record(&mut self) -> Result<Option<PendingArticle>, ReadError> {
        let mut origin = format!("{}#{}", self.label, self.record);
        let mut cut = None;
        let headers = match read_headers(&mut self.reader, true) {
            Ok(Some(h)) => h,
            Ok(None) => {
                self.done = true;
                return Ok(None);
            }
            Err(HeaderError::Cut(h, rest)) => {
                cut = Some(rest);
                h
            }
            Err(HeaderError::Malformed(why)) => {
                let msg = self.resync_message(why.to_string());
                return Err(ReadError::new(origin, msg));
            }
            Err(e) => {
                self.done = true;
                return Err(ReadError::new(origin, e.to_string()));
            }
        };
        let uri = headers
            .get("warc-target-uri")
            .map(|u| u.trim().trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty());
        let id = headers
            .get("warc-record-id")
            .map(|u| u.trim().trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty());
        if let Some(u) = &uri {
            origin = format!("{origin} ({u})");
        }
        // A failure names the record as an article from it would be.
        let known_id = id.clone().or_else(|| uri.clone());
        let fail = |msg: String| {
            let e = ReadError::new(origin.clone(), msg);
            match &known_id {
                Some(id) => e.with_id(id),
                None => e,
            }
        };
        if let Some(rest) = cut {
            self.reader.unread(&rest);
            return Err(fail(
                "its header block is cut short by the start of another record; \
                 reading on from there"
                    .into(),
            ));
        }
        if !headers.first_line.starts_with("WARC/") {
            let why = format!("not a WARC record (starts with {:?})", clip(&headers.first_line));
            return Err(fail(self.resync_message(why)));
        }
        let Some(len) = headers
            .get("content-length")
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            let why = "WARC record without a valid Content-Length".to_string();
            return Err(fail(self.resync_message(why)));
        };
        let kind = headers.get("warc-type").unwrap_or("").trim().to_ascii_lowercase();
        let ctype = headers.get("content-type").unwrap_or("").to_ascii_lowercase();
        let wanted = (kind == "response" && ctype.starts_with("application/http"))
            || (kind == "resource" && is_html_type(&ctype));
        let io_fail = |this: &mut Self, e: io::Error| {
            this.done = true;
            fail(io_message(&e))
        };
        let start = self.reader.consumed;
        if let Some(end) = self.end_at.filter(|&end| start.saturating_add(len) > end) {
            // Known to run past the end: the next record inside it is simply
            // the next version line.
            let got = end.saturating_sub(start);
            return Err(fail(match self.resync() {
                Ok((_, true)) => format!(
                    "its Content-Length ({len}) runs past the end of the input \
                     (only {got} bytes follow); reading on from the next record inside it"
                ),
                Ok((_, false)) => {
                    self.done = true;
                    format!("truncated WARC record ({got} of {len} bytes)")
                }
                Err(e) => return Err(io_fail(self, e)),
            }));
        }
        if !wanted || len > MAX_RECORD as u64 {
            let (got, retained) = match self.skip(len) {
                Ok(x) => x,
                Err(e) => return Err(io_fail(self, e)),
            };
            if got < len {
                self.end_at = Some(self.reader.consumed);
                return Err(fail(self.past_end(len, got, retained)));
            }
            return match self.check_end() {
                Err(e) => Err(io_fail(self, e)),
                Ok(End::Fine(blank)) => match retained {
                    Retained::Some(kept) if begins_a_whole_record(&kept) => {
                        Err(fail(self.swallowed(len, &kept, &blank)))
                    }
                    _ if wanted => Err(fail(too_large_message())),
                    _ => Ok(None),
                },
                Ok(End::Stray(blank)) => Err(fail(self.wrong_length(len, retained, &blank))),
            };
        }
        let mut body = Vec::with_capacity(len as usize);
        if let Err(e) = (&mut self.reader).take(len).read_to_end(&mut body) {
            return Err(io_fail(self, e));
        }
        let retained = || {
            let mut scan = VersionScan::default();
            match scan.feed(&body) {
                Some(after) => Retained::Some(body[after - VERSION.len()..].to_vec()),
                None => scan.partial(),
            }
        };
        if (body.len() as u64) < len {
            self.end_at = Some(self.reader.consumed);
            let r = retained();
            return Err(fail(self.past_end(len, body.len() as u64, r)));
        }
        match self.check_end() {
            Err(e) => return Err(io_fail(self, e)),
            Ok(End::Fine(blank)) => {
                if let Some(at) = version_in(&body).filter(|&at| begins_a_whole_record(&body[at..])) {
                    return Err(fail(self.swallowed(len, &body[at..], &blank)));
                }
            }
            Ok(End::Stray(blank)) => {
                let r = retained();
                return Err(fail(self.wrong_length(len, r, &blank)));
            }
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
        let fields = RawArticle {
            id: known_id.unwrap_or_else(|| origin.clone()),
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

/// A one-line description of a read failure; a compressed stream that stops
/// mid-way is a truncated file.
fn io_message(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        format!("truncated: the compressed data ends mid-stream ({e})")
    } else {
        format!("read failed: {e}")
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}
