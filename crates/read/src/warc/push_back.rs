use std::io::{self, BufRead, Read};

/// A reader that can be given back bytes it already read, so a record
/// found inside a bad record's content can be read as the next record.
pub(super) struct PushBack<R> {
    front: Vec<u8>,
    pos: usize,
    inner: R,
    /// Bytes consumed so far, less those given back.
    pub(super) consumed: u64,
}

impl<R: BufRead> PushBack<R> {
    pub(super) fn new(inner: R) -> Self {
        PushBack {
            front: Vec::new(),
            pos: 0,
            inner,
            consumed: 0,
        }
    }

    /// Puts `bytes` back in front of what is still to be read.
    pub(super) fn unread(&mut self, bytes: &[u8]) {
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
    pub(super) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
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
