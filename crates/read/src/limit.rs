//! The per-article size limit and bounded reads that enforce it without
//! first loading an oversized input.

use std::io::{self, BufRead, Read};

/// The largest article (or JSON Lines line, or WARC record body) read: 10 MiB.
/// Real news pages are well under 2 MiB; anything bigger is almost surely not
/// one article, and the limit bounds memory per input.
pub const MAX_ARTICLE_BYTES: usize = 10 * 1024 * 1024;

pub(crate) fn too_large_message() -> String {
    format!(
        "larger than the {} MiB limit for one article",
        MAX_ARTICLE_BYTES / (1024 * 1024)
    )
}

/// Reads everything, or `Ok(None)` when there is more than `limit` bytes.
pub(crate) fn read_all_bounded(reader: impl Read, limit: usize) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    reader.take(limit as u64 + 1).read_to_end(&mut buf)?;
    Ok((buf.len() <= limit).then_some(buf))
}

/// Reads one line (without its `\n`) into `buf`. `Ok(None)` at end of input,
/// `Ok(Some(false))` when the line was longer than `limit` (the rest of it is
/// skipped, so the next call starts on the next line).
pub(crate) fn read_line_bounded(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<bool>> {
    buf.clear();
    let n = reader.by_ref().take(limit as u64 + 1).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        return Ok(Some(true));
    }
    if buf.len() <= limit {
        return Ok(Some(true)); // last line, no newline
    }
    // Skip the rest of the oversized line, a buffer at a time.
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                break;
            }
            None => {
                let len = chunk.len();
                reader.consume(len);
            }
        }
    }
    buf.clear();
    Ok(Some(false))
}
