//! Finding the version line (`WARC/1.`, `WARC/0.`) that starts every
//! record, also inside other content and across reads.

use super::recovery::Retained;

/// `WARC/1.` or `WARC/0.`: how every record's version line starts.
pub(super) const VERSION: &[u8] = b"WARC/1.";

pub(super) fn is_version_line(line: &[u8]) -> bool {
    line.len() >= VERSION.len()
        && line.starts_with(b"WARC/")
        && matches!(line[5], b'0' | b'1')
        && line[6] == b'.'
}

/// Where `WARC/1.` or `WARC/0.` first occurs in `bytes`.
pub(super) fn version_in(bytes: &[u8]) -> Option<usize> {
    VersionScan::default()
        .feed(bytes)
        .map(|after| after - VERSION.len())
}

/// Finds the first `WARC/1.` or `WARC/0.` in content fed to it in pieces (a
/// match may straddle two). Anywhere, not only at a line's start: a record
/// cut short mid-line is often followed straight away by the next one.
#[derive(Default)]
pub(super) struct VersionScan {
    /// Bytes of the pattern matched so far.
    k: usize,
    /// The version's major digit matched.
    major: u8,
}

impl VersionScan {
    /// The offset in `chunk` just after a completed match, if one completes.
    pub(super) fn feed(&mut self, chunk: &[u8]) -> Option<usize> {
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
    pub(super) fn matched(&self) -> Vec<u8> {
        let mut m = VERSION[..self.k].to_vec();
        if self.k > 5 {
            m[5] = self.major;
        }
        m
    }

    /// After content with no match: the start of one it ends with, if any.
    pub(super) fn partial(&self) -> Retained {
        if self.k > 0 {
            Retained::Partial(self.matched())
        } else {
            Retained::None
        }
    }
}
