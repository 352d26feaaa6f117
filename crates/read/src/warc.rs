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

use std::io::{self, BufRead, Read};

use crate::limit::{read_line_bounded, too_large_message, MAX_ARTICLE_BYTES};
use crate::{decode, PendingArticle, RawArticle, ReadError};

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

/// How a record's content ended.
enum End {
    /// As its length says: at the end of the input or before `WARC/`,
    /// after these blank bytes.
    Fine(Vec<u8>),
    /// Something else follows; these blank bytes were read past first.
    Stray(Vec<u8>),
}

/// What a skip kept of the content, from its first version-like line.
enum Retained {
    None,
    Some(Vec<u8>),
    /// There was one, but more than [`MAX_RETAINED`] followed it.
    Lost,
    /// None, but the content ends with the start of one (`WARC/1`): a
    /// length a little too long takes in the start of the next record.
    Partial(Vec<u8>),
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

    /// Skips `len` bytes of content, keeping them from the first line that
    /// looks like a record's version line. Returns how many bytes there were.
    fn skip(&mut self, len: u64) -> io::Result<(u64, Retained)> {
        let mut got = 0u64;
        let mut scan = VersionScan::default();
        let mut retained = Retained::None;
        while got < len {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let n = buf.len().min((len - got).min(usize::MAX as u64) as usize);
            let chunk = &buf[..n];
            match &mut retained {
                Retained::None => {
                    if let Some(after) = scan.feed(chunk) {
                        let mut kept = scan.matched();
                        kept.extend_from_slice(&chunk[after..]);
                        retained = Retained::Some(kept);
                    }
                }
                Retained::Some(kept) if kept.len() + n > MAX_RETAINED => retained = Retained::Lost,
                Retained::Some(kept) => kept.extend_from_slice(chunk),
                Retained::Lost | Retained::Partial(_) => {}
            }
            self.reader.consume(n);
            got += n as u64;
        }
        if let Retained::None = retained {
            retained = scan.partial();
        }
        Ok((got, retained))
    }

    /// Reads past the blank lines after a record's content and says whether
    /// the next record (or the end of the input) starts there.
    fn check_end(&mut self) -> io::Result<End> {
        let mut blank = Vec::new();
        loop {
            let buf = self.reader.fill_buf()?;
            let n = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t'))
                .count();
            if n == 0 {
                break;
            }
            // Kept to be pushed back if the length proves wrong (a blank
            // line may end a header block there); a run this long is not
            // a record separator anyway.
            if blank.len() + n > MAX_HEADER_LINE {
                return Ok(End::Stray(blank));
            }
            blank.extend_from_slice(&buf[..n]);
            self.reader.consume(n);
        }
        let (at_end, fine) = {
            let next = self.reader.peek(5)?;
            (next.is_empty(), next.is_empty() || next == b"WARC/")
        };
        if at_end {
            self.end_at = Some(self.reader.consumed);
        }
        Ok(if fine { End::Fine(blank) } else { End::Stray(blank) })
    }

    /// The error for content that ends before its Content-Length, after
    /// pushing back any record found inside it to be read next.
    fn past_end(&mut self, len: u64, got: u64, retained: Retained) -> String {
        match retained {
            Retained::Some(kept) if !self.may_reread(kept.len()) => {
                self.done = true;
                format!(
                    "its Content-Length ({len}) runs past the end of the input \
                     (only {got} bytes follow); {}",
                    reread_exhausted()
                )
            }
            Retained::Some(kept) => {
                self.reader.unread(&kept);
                format!(
                    "its Content-Length ({len}) runs past the end of the input \
                     (only {got} bytes follow); reading on from the next record inside it"
                )
            }
            Retained::Lost => {
                self.done = true;
                format!(
                    "its Content-Length ({len}) runs past the end of the input \
                     (only {got} bytes follow), and the records inside it start more than \
                     {} MiB before the end, too far back to read them",
                    MAX_RETAINED / (1024 * 1024)
                )
            }
            Retained::None | Retained::Partial(_) => {
                self.done = true;
                format!("truncated WARC record ({got} of {len} bytes)")
            }
        }
    }

    /// The error for content not followed by the next record, after
    /// positioning the reader at the next record: the first one inside the
    /// content if any, else the next version line after it.
    fn wrong_length(&mut self, len: u64, retained: Retained, blank: &[u8]) -> String {
        let reading_on = format!(
            "its Content-Length ({len}) is wrong: the record does not end there; \
             reading on from the next record inside it"
        );
        if let Retained::Partial(start) = &retained {
            // Only if what follows completes it.
            let rest = VERSION.len() - start.len();
            let completes = blank.is_empty()
                && self.reader.peek(rest).is_ok_and(|next| {
                    let whole = [start.as_slice(), next].concat();
                    is_version_line(&whole)
                });
            if completes {
                self.reader.unread(start);
                return reading_on;
            }
        }
        if let Retained::Some(kept) = retained {
            if !self.may_reread(kept.len() + blank.len()) {
                self.done = true;
                return format!(
                    "its Content-Length ({len}) is wrong: the record does not end there; {}",
                    reread_exhausted()
                );
            }
            self.reader.unread(blank);
            self.reader.unread(&kept);
            return reading_on;
        }
        self.resync_message(format!(
            "its Content-Length ({len}) is wrong: the next record does not start where it ends"
        ))
    }

    /// The error for content that ends where its length says but holds a
    /// whole record of its own, after giving that record back to be read.
    fn swallowed(&mut self, len: u64, kept: &[u8], blank: &[u8]) -> String {
        if !self.may_reread(kept.len() + blank.len()) {
            self.done = true;
            return format!(
                "its Content-Length ({len}) is wrong: it takes in the next record; {}",
                reread_exhausted()
            );
        }
        self.reader.unread(blank);
        self.reader.unread(kept);
        format!("its Content-Length ({len}) is wrong: it takes in the next record; reading on from there")
    }

    /// Whether `n` more bytes may be given back to be read again.
    fn may_reread(&mut self, n: usize) -> bool {
        self.reread = self.reread.saturating_add(n as u64);
        self.reread <= MAX_REREAD
    }

    /// `why`, plus what skipping to the next version line passed over.
    fn resync_message(&mut self, why: String) -> String {
        match self.resync() {
            Ok((skipped, true)) => format!("{why}; skipped {skipped} bytes to the next record"),
            Ok((skipped, false)) => {
                self.done = true;
                format!("{why}; no record in the {skipped} bytes after it")
            }
            Err(e) => {
                self.done = true;
                format!("{why}; then {}", io_message(&e))
            }
        }
    }

    /// Skips to the next `WARC/1.` or `WARC/0.` (left to be read next).
    /// Returns the bytes skipped and whether one was found.
    fn resync(&mut self) -> io::Result<(u64, bool)> {
        let before = self.reader.consumed;
        let mut scan = VersionScan::default();
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok((self.reader.consumed - before, false));
            }
            if let Some(after) = scan.feed(buf) {
                self.reader.consume(after);
                self.reader.unread(&scan.matched());
                return Ok((self.reader.consumed - before, true));
            }
            let n = buf.len();
            self.reader.consume(n);
        }
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

fn reread_exhausted() -> String {
    format!(
        "the rest of the input is not read: wrong lengths have already made the reader \
         go back over {} MiB",
        MAX_REREAD / (1024 * 1024)
    )
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

/// `WARC/1.` or `WARC/0.`: how every record's version line starts.
const VERSION: &[u8] = b"WARC/1.";

fn is_version_line(line: &[u8]) -> bool {
    line.len() >= VERSION.len()
        && line.starts_with(b"WARC/")
        && matches!(line[5], b'0' | b'1')
        && line[6] == b'.'
}

/// Whether `kept` (content from its first version line on) starts with a
/// whole record: a header block, and content that its Content-Length ends
/// at the end of `kept` or before another version line. A length that is
/// wrong can still, by chance, end just where some later record ends; the
/// records it covered would then vanish unnoticed. So content that holds a
/// whole record is taken to be a wrong length, and the records in it are
/// read. (A WARC file archived in a record would be read so too: its
/// records as records and an error for the one holding them; nothing lost.)
fn begins_a_whole_record(kept: &[u8]) -> bool {
    let mut rest = kept;
    let Ok(Some(h)) = read_headers(&mut rest, true) else {
        return false;
    };
    let start = kept.len() - rest.len();
    let end = h
        .get("content-length")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .and_then(|n| n.checked_add(start));
    end.is_some_and(|end| {
        let Some(after) = kept.get(end..) else {
            return false;
        };
        let blank = after
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t'))
            .count();
        let next = &after[blank..];
        next.is_empty() || next.starts_with(b"WARC/")
    })
}

/// Where `WARC/1.` or `WARC/0.` first occurs in `bytes`.
fn version_in(bytes: &[u8]) -> Option<usize> {
    VersionScan::default()
        .feed(bytes)
        .map(|after| after - VERSION.len())
}

/// Finds the first `WARC/1.` or `WARC/0.` in content fed to it in pieces (a
/// match may straddle two). Anywhere, not only at a line's start: a record
/// cut short mid-line is often followed straight away by the next one.
#[derive(Default)]
struct VersionScan {
    /// Bytes of the pattern matched so far.
    k: usize,
    /// The version's major digit matched.
    major: u8,
}

impl VersionScan {
    /// The offset in `chunk` just after a completed match, if one completes.
    fn feed(&mut self, chunk: &[u8]) -> Option<usize> {
        let mut i = 0;
        while i < chunk.len() {
            if self.k == 0 {
                // The common case: look for the next `W`.
                match chunk[i..].iter().position(|&c| c == b'W') {
                    Some(w) => i += w,
                    None => return None,
                }
            }
            let b = chunk[i];
            let fits = if self.k == 5 {
                matches!(b, b'0' | b'1')
            } else {
                b == VERSION[self.k]
            };
            if fits {
                if self.k == 5 {
                    self.major = b;
                }
                self.k += 1;
                i += 1;
                if self.k == VERSION.len() {
                    return Some(i);
                }
            } else if self.k > 0 {
                // `W` occurs only first in the pattern: retry this byte.
                self.k = 0;
            } else {
                i += 1;
            }
        }
        None
    }

    /// The pattern as matched (so far).
    fn matched(&self) -> Vec<u8> {
        let mut m = VERSION[..self.k].to_vec();
        if self.k > 5 {
            m[5] = self.major;
        }
        m
    }

    /// After content with no match: the start of one it ends with, if any.
    fn partial(&self) -> Retained {
        if self.k > 0 {
            Retained::Partial(self.matched())
        } else {
            Retained::None
        }
    }
}

/// A reader that can be given back bytes it already read, so a record
/// found inside a bad record's content can be read as the next record.
struct PushBack<R> {
    front: Vec<u8>,
    pos: usize,
    inner: R,
    /// Bytes consumed so far, less those given back.
    consumed: u64,
}

impl<R: BufRead> PushBack<R> {
    fn new(inner: R) -> Self {
        PushBack {
            front: Vec::new(),
            pos: 0,
            inner,
            consumed: 0,
        }
    }

    /// Puts `bytes` back in front of what is still to be read.
    fn unread(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        self.consumed = self.consumed.saturating_sub(bytes.len() as u64);
        // Usually they were just read from the front: step back over them,
        // so a chain of recoveries does not copy the rest again each time.
        if self.pos >= bytes.len() && &self.front[self.pos - bytes.len()..self.pos] == bytes {
            self.pos -= bytes.len();
            return;
        }
        let mut front = Vec::with_capacity(bytes.len() + self.front.len() - self.pos);
        front.extend_from_slice(bytes);
        front.extend_from_slice(&self.front[self.pos..]);
        self.front = front;
        self.pos = 0;
    }

    /// Up to `n` bytes ahead, without consuming them (fewer at the end).
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.front.len() - self.pos < n {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let take = buf.len().min(n - (self.front.len() - self.pos));
            self.front.extend_from_slice(&buf[..take]);
            self.inner.consume(take);
        }
        let end = self.front.len().min(self.pos + n);
        Ok(&self.front[self.pos..end])
    }
}

impl<R: BufRead> Read for PushBack<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for PushBack<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos < self.front.len() {
            return Ok(&self.front[self.pos..]);
        }
        if !self.front.is_empty() {
            // Free it: it may have held a large recovered region.
            self.front = Vec::new();
            self.pos = 0;
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.consumed += n as u64;
        if self.pos < self.front.len() {
            self.pos += n;
        } else {
            self.inner.consume(n);
        }
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

/// Why a header block could not be read.
enum HeaderError {
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
fn read_headers(reader: &mut impl BufRead, warc: bool) -> Result<Option<Headers>, HeaderError> {
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
