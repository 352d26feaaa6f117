//! Checking each record's Content-Length against what follows it, and when
//! it proves wrong, finding where to read on: the records its content
//! swallowed, or the next version line after it.

use std::io::{self, BufRead};

use super::headers::read_headers;
use super::version::{is_version_line, VersionScan, VERSION};
use super::{io_message, WarcRecords, MAX_HEADER_LINE, MAX_REREAD, MAX_RETAINED};

/// How a record's content ended.
pub(super) enum End {
    /// As its length says: at the end of the input or before `WARC/`,
    /// after these blank bytes.
    Fine(Vec<u8>),
    /// Something else follows; these blank bytes were read past first.
    Stray(Vec<u8>),
}

/// What a skip kept of the content, from its first version-like line.
pub(super) enum Retained {
    None,
    Some(Vec<u8>),
    /// There was one, but more than [`MAX_RETAINED`] followed it.
    Lost,
    /// None, but the content ends with the start of one (`WARC/1`): a
    /// length a little too long takes in the start of the next record.
    Partial(Vec<u8>),
}

impl<R: BufRead> WarcRecords<R> {
    /// Skips `len` bytes of content, keeping them from the first line that
    /// looks like a record's version line. Returns how many bytes there were.
    pub(super) fn skip(&mut self, len: u64) -> io::Result<(u64, Retained)> {
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
    pub(super) fn check_end(&mut self) -> io::Result<End> {
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
    pub(super) fn past_end(&mut self, len: u64, got: u64, retained: Retained) -> String {
        let runs_past =
            format!("its Content-Length ({len}) runs past the end of the input (only {got} bytes follow)");
        match retained {
            Retained::Some(kept) => self.read_again(&kept, &[], &runs_past, FROM_INSIDE),
            Retained::Lost => {
                self.done = true;
                format!(
                    "{runs_past}, and the records inside it start more than \
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
    pub(super) fn wrong_length(&mut self, len: u64, retained: Retained, blank: &[u8]) -> String {
        let wrong = format!("its Content-Length ({len}) is wrong: the record does not end there");
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
                return format!("{wrong}; {FROM_INSIDE}");
            }
        }
        if let Retained::Some(kept) = retained {
            return self.read_again(&kept, blank, &wrong, FROM_INSIDE);
        }
        self.resync_message(format!(
            "its Content-Length ({len}) is wrong: the next record does not start where it ends"
        ))
    }

    /// The error for content that ends where its length says but holds a
    /// whole record of its own, after giving that record back to be read.
    pub(super) fn swallowed(&mut self, len: u64, kept: &[u8], blank: &[u8]) -> String {
        let wrong = format!("its Content-Length ({len}) is wrong: it takes in the next record");
        self.read_again(kept, blank, &wrong, "reading on from there")
    }

    /// Gives `kept` (a record found inside a bad one's content) and the
    /// `blank` bytes read past after it back to be read next, and returns
    /// `wrong` followed by `reading_on`; or, once [`MAX_REREAD`] is spent,
    /// ends the file instead, saying so.
    fn read_again(&mut self, kept: &[u8], blank: &[u8], wrong: &str, reading_on: &str) -> String {
        if !self.may_reread(kept.len() + blank.len()) {
            self.done = true;
            return format!("{wrong}; {}", reread_exhausted());
        }
        self.reader.unread(blank);
        self.reader.unread(kept);
        format!("{wrong}; {reading_on}")
    }

    /// Whether `n` more bytes may be given back to be read again.
    fn may_reread(&mut self, n: usize) -> bool {
        self.reread = self.reread.saturating_add(n as u64);
        self.reread <= MAX_REREAD
    }

    /// `why`, plus what skipping to the next version line passed over.
    pub(super) fn resync_message(&mut self, why: String) -> String {
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
    pub(super) fn resync(&mut self) -> io::Result<(u64, bool)> {
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

/// How an error goes on when the records inside a bad one's content are
/// read next.
const FROM_INSIDE: &str = "reading on from the next record inside it";

fn reread_exhausted() -> String {
    format!(
        "the rest of the input is not read: wrong lengths have already made the reader \
         go back over {} MiB",
        MAX_REREAD / (1024 * 1024)
    )
}

/// Whether `kept` (content from its first version line on) starts with a
/// whole record: a header block, and content that its Content-Length ends
/// at the end of `kept` or before another version line. A length that is
/// wrong can still, by chance, end just where some later record ends; the
/// records it covered would then vanish unnoticed. So content that holds a
/// whole record is taken to be a wrong length, and the records in it are
/// read. (A WARC file archived in a record would be read so too: its
/// records as records and an error for the one holding them; nothing lost.)
pub(super) fn begins_a_whole_record(kept: &[u8]) -> bool {
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
