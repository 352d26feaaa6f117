//! Offset bookkeeping: clean text ↔ original input, bytes ↔ code points.

use serde::{Deserialize, Serialize};

/// Maps byte offsets in a cleaned text back to byte offsets in the input it
/// was derived from.
///
/// Cleaning deletes prefixes and boilerplate lines and rewrites characters
/// (curly quotes, non-breaking spaces, NFC), so positions shift. The map is a
/// sorted list of anchor points `(clean, original)`: between two anchors the
/// texts advance together, so a clean offset maps to the original by the
/// nearest anchor at or before it. An edit that changes a character's length
/// adds an anchor after it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The identity map (the clean text is the input).
    pub fn identity() -> OffsetMap {
        OffsetMap {
            anchors: vec![(0, 0)],
        }
    }

    /// Records that clean offset `clean` corresponds to original offset
    /// `original`. Anchors must be pushed in increasing `clean` order.
    pub fn push(&mut self, clean: usize, original: usize) {
        if let Some(&(c, o)) = self.anchors.last() {
            debug_assert!(clean >= c, "anchors out of order");
            // Skip anchors implied by the previous one.
            if clean - c == original.wrapping_sub(o) && original >= o {
                return;
            }
            if c == clean {
                self.anchors.pop();
            }
        }
        self.anchors.push((clean, original));
    }

    /// The original offset for clean offset `clean`.
    pub fn to_original(&self, clean: usize) -> usize {
        let i = self.anchors.partition_point(|&(c, _)| c <= clean);
        if i == 0 {
            return clean;
        }
        let (c, o) = self.anchors[i - 1];
        o + (clean - c)
    }

    /// The anchor points, for serialisation and tests.
    pub fn anchors(&self) -> &[(usize, usize)] {
        &self.anchors
    }
}

/// Converts byte offsets into a string to code-point offsets in O(log n).
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `(byte start, code-point index, byte length)` of every multi-byte
    /// char; ASCII runs need no entry.
    wide: Vec<(usize, usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let wide = text
            .char_indices()
            .enumerate()
            .filter(|(_, (_, ch))| ch.len_utf8() > 1)
            .map(|(i, (b, ch))| (b, i, ch.len_utf8()))
            .collect();
        CharIndex { wide }
    }

    /// The code-point index of byte offset `byte`. An offset inside a
    /// multi-byte char maps to that char.
    pub fn char_of(&self, byte: usize) -> usize {
        let i = self.wide.partition_point(|&(b, _, _)| b < byte);
        if i == 0 {
            return byte;
        }
        let (b, c, len) = self.wide[i - 1];
        if byte < b + len {
            c
        } else {
            c + 1 + (byte - b - len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points_like_python() {
        let text = "a\u{e9}b \u{201c}x\u{201d} \u{1F600}z";
        let idx = CharIndex::new(text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(b), ci, "byte {b}");
        }
        assert_eq!(idx.char_of(text.len()), text.chars().count());
    }

    #[test]
    fn offset_map_follows_deletions() {
        // original: "XX - abc" ; clean: "abc" (prefix of 5 bytes deleted)
        let mut m = OffsetMap::default();
        m.push(0, 5);
        assert_eq!(m.to_original(0), 5);
        assert_eq!(m.to_original(2), 7);
        // a later deletion of 3 bytes after clean offset 3
        m.push(3, 11);
        assert_eq!(m.to_original(4), 12);
        assert_eq!(m.to_original(1), 6);
    }
}
