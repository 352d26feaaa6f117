//! Character-level normalisation of one line with offset anchors back to the
//! input: NFC, straight quotes, one kind of space, no zero-width chars.

use unicode_normalization::{
    char::canonical_combining_class, is_nfc_quick, IsNormalized, UnicodeNormalization,
};

/// What the normaliser does with a char.
enum Class {
    /// Removed without trace (zero-width and soft-hyphen chars).
    Drop,
    /// Becomes one space; runs collapse.
    Space,
    /// Replaced by another char.
    Map(char),
    /// Kept as is.
    Keep,
}

fn classify(ch: char) -> Class {
    match ch {
        ' ' => Class::Space,
        c if c.is_ascii_graphic() => Class::Keep,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' | '\u{180e}' => {
            Class::Drop
        }
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => Class::Map('"'),
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => Class::Map('\''),
        c if c.is_whitespace() || c.is_control() => Class::Space,
        _ => Class::Keep,
    }
}

/// The Windows-1252 byte a char stands for, when it is one of the chars a
/// UTF-8 byte above 0x7f becomes when read as Windows-1252 (or Latin-1).
fn cp1252_byte(c: char) -> Option<u8> {
    Some(match c {
        '\u{80}'..='\u{ff}' => c as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201c}' => 0x93,
        '\u{201d}' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    })
}

/// Mojibake at the start of `s`: the chars of one UTF-8 sequence read as
/// Windows-1252 (`â€”`, `Ã©`, `Â `). Returns the char they meant and how
/// many bytes of `s` spell it. Only punctuation, Latin letters and symbols
/// count as meant, so that real text in other scripts (where such byte
/// patterns would decode to, say, a CJK char) is never rewritten.
fn mojibake_at(s: &str) -> Option<(char, usize)> {
    let mut chars = s.chars();
    let lead = chars.next()?;
    let b0 = cp1252_byte(lead).filter(|_| matches!(lead, 'Â'..='ô'))?;
    let n = match b0 {
        0xc2..=0xdf => 1,
        0xe0..=0xef => 2,
        0xf0..=0xf4 => 3,
        _ => return None,
    };
    let mut bytes = [b0, 0, 0, 0];
    let mut len = lead.len_utf8();
    for b in bytes.iter_mut().skip(1).take(n) {
        let c = chars.next()?;
        *b = cp1252_byte(c).filter(|b| (0x80..=0xbf).contains(b))?;
        len += c.len_utf8();
    }
    let meant = std::str::from_utf8(&bytes[..=n]).ok()?.chars().next()?;
    let plausible = matches!(meant, '\u{a0}'..='\u{24f}' | '\u{2000}'..='\u{206f}' | '\u{20ac}' | '\u{2122}');
    plausible.then_some((meant, len))
}

/// Mojibake at the start of `s` to repair: not when the repaired char
/// would start mojibake again with what follows (text encoded twice, `Ã¢â‚¬`),
/// which one pass cannot undo, so that cleaning twice gives what cleaning
/// once gives.
fn repair_at(s: &str) -> Option<(char, usize)> {
    let (meant, len) = mojibake_at(s)?;
    // What one pass makes of the next few chars, after `meant`.
    let mut again = String::with_capacity(16);
    again.push(meant);
    let mut rest = &s[len..];
    for _ in 0..3 {
        let Some(c) = rest.chars().next() else { break };
        match mojibake_at(rest) {
            Some((m, l)) => {
                again.push(m);
                rest = &rest[l..];
            }
            None => {
                again.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    mojibake_at(&again).is_none().then_some((meant, len))
}

/// One normalised line: its text and anchors `(byte in text, byte in the
/// original input)`, in the same convention as `warta_core::OffsetMap`.
#[derive(Debug, Default)]
pub(crate) struct Line {
    pub text: String,
    pub anchors: Vec<(usize, usize)>,
}

impl Line {
    fn emit(&mut self, ch: char, orig: usize) {
        let here = self.text.len();
        let implied = self.anchors.last().map(|&(c, o)| o + (here - c));
        if implied != Some(orig) {
            self.anchors.push((here, orig));
        }
        self.text.push(ch);
    }

    fn emit_str(&mut self, s: &str, orig: usize) {
        let here = self.text.len();
        let implied = self.anchors.last().map(|&(c, o)| o + (here - c));
        if implied != Some(orig) {
            self.anchors.push((here, orig));
        }
        self.text.push_str(s);
    }

    /// Anchors the current end of the text at `orig`, so that the offset
    /// just past a rewritten last char maps past it in the input too.
    fn sync_end(&mut self, orig: usize) {
        let here = self.text.len();
        if self.anchors.last().is_some_and(|&(c, _)| c == here) {
            self.anchors.pop();
        }
        let implied = self.anchors.last().map(|&(c, o)| o + (here - c));
        if implied != Some(orig) {
            self.anchors.push((here, orig));
        }
    }

    /// The original offset of byte `local` of the line.
    pub fn to_original(&self, local: usize) -> usize {
        let i = self.anchors.partition_point(|&(c, _)| c <= local);
        match i.checked_sub(1) {
            Some(i) => self.anchors[i].1 + (local - self.anchors[i].0),
            None => local,
        }
    }

    /// Drops the last `n` bytes (a stripped suffix), keeping the map.
    pub fn drop_back(&mut self, n: usize) {
        let keep = self.text.len().saturating_sub(n);
        self.text.truncate(keep);
        let k = self.anchors.partition_point(|&(c, _)| c <= keep);
        self.anchors.truncate(k.max(1).min(self.anchors.len()));
    }

    /// Drops the first `n` bytes (a stripped prefix), keeping the map.
    pub fn drop_front(&mut self, n: usize) {
        let orig = self.to_original(n);
        self.text.drain(..n);
        let keep = self.anchors.partition_point(|&(c, _)| c <= n);
        let mut anchors = vec![(0, orig)];
        anchors.extend(self.anchors[keep..].iter().map(|&(c, o)| (c - n, o)));
        self.anchors = anchors;
    }
}

/// Normalises `line` (a slice of the input starting at byte `base`) into
/// `out`, trimming it and collapsing white space. Returns the original
/// offset just after the last kept char (where the line's content ends).
pub(crate) fn normalize_line(line: &str, base: usize, out: &mut Line) -> usize {
    out.text.clear();
    out.text.reserve(line.len());
    out.anchors.clear();
    let bytes = line.as_bytes();
    let nfc = line.is_ascii() || is_nfc_quick(line.chars()) == IsNormalized::Yes;
    let mut pending_space: Option<usize> = None;
    let mut end = base;
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: a run of printable ASCII is copied whole. In text that
        // is not NFC its last char may take a combining mark, so it is left
        // to the slow path below.
        if bytes[i].is_ascii_graphic() {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_graphic() {
                j += 1;
            }
            if !nfc && j < bytes.len() && !bytes[j].is_ascii() {
                j -= 1;
            }
            if j > i {
                if let Some(sp) = pending_space.take() {
                    out.emit(' ', sp);
                }
                out.emit_str(&line[i..j], base + i);
                end = base + j;
                i = j;
                continue;
            }
        }
        let Some(mut ch) = line[i..].chars().next() else {
            break;
        };
        let orig = base + i;
        let mut stop = i + ch.len_utf8();
        // UTF-8 read as Windows-1252 (`â€”` for `—`): the char it meant.
        // Mojibake starts with one of a few Latin-1 letters: check those only.
        let repaired = if matches!(ch, '\u{c2}'..='\u{f4}') {
            repair_at(&line[i..])
        } else {
            None
        };
        if let Some((meant, len)) = repaired {
            ch = meant;
            stop = i + len;
        }
        let mapped = match classify(ch) {
            Class::Drop => {
                i = stop;
                continue;
            }
            Class::Space => {
                if !out.text.is_empty() && pending_space.is_none() {
                    pending_space = Some(orig);
                }
                i = stop;
                continue;
            }
            Class::Map(c) => c,
            Class::Keep => ch,
        };
        if let Some(sp) = pending_space.take() {
            out.emit(' ', sp);
        }
        if nfc || repaired.is_some() {
            out.emit(mapped, orig);
            end = base + stop;
            i = stop;
            continue;
        }
        // Compose a starter with the marks that follow it; every char of the
        // composed cluster maps to the cluster's start, a char boundary.
        for next in line[stop..].chars() {
            let joins = canonical_combining_class(next) != 0
                || is_nfc_quick(std::iter::once(next)) != IsNormalized::Yes;
            if !joins {
                break;
            }
            stop += next.len_utf8();
        }
        let cluster = &line[i..stop];
        if cluster.len() == ch.len_utf8() {
            out.emit(mapped, orig);
        } else {
            for c in cluster.nfc() {
                if !matches!(classify(c), Class::Drop | Class::Space) {
                    out.emit(c, orig);
                }
            }
        }
        end = base + stop;
        i = stop;
    }
    if !out.text.is_empty() {
        out.sync_end(end);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Line {
        let mut l = Line::default();
        normalize_line(s, 0, &mut l);
        l
    }

    #[test]
    fn curly_quotes_become_straight_and_spaces_collapse() {
        let l = norm("  \u{201c}Kim\u{201d}\u{a0}\u{a0} tiba\u{200b} di\tsana  ");
        assert_eq!(l.text, "\"Kim\" tiba di sana");
    }

    #[test]
    fn mojibake_is_repaired_and_maps_back() {
        let src = "Jakarta \u{e2}\u{20ac}\u{201d} Caf\u{c3}\u{a9} \u{e2}\u{20ac}\u{153}Ya\u{e2}\u{20ac}\u{9d} kata Budi";
        let l = norm(src);
        assert_eq!(l.text, "Jakarta \u{2014} Caf\u{e9} \"Ya\" kata Budi");
        let c = l.text.find("Caf").unwrap();
        assert!(src[l.to_original(c)..].starts_with("Caf"));
        let k = l.text.find("kata").unwrap();
        assert!(src[l.to_original(k)..].starts_with("kata"));
        // Text encoded twice is left as it is (one pass cannot undo it).
        let twice = "it\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}s";
        assert_eq!(norm(&norm(twice).text).text, norm(twice).text);
        // Real accented text and other scripts are left alone.
        assert_eq!(norm("São Paulo, café, Ärzte").text, "São Paulo, café, Ärzte");
        assert_eq!(norm("東京").text, "東京");
    }

    #[test]
    fn decomposed_accents_are_composed() {
        let l = norm("Caf\u{65}\u{301} Rene\u{301}");
        assert_eq!(l.text, "Caf\u{e9} Ren\u{e9}");
    }

    #[test]
    fn offsets_point_at_the_same_chars_in_the_input() {
        let src = "\u{201c}Ya,\u{201d}\u{a0} kata  Budi\u{200b}.";
        let l = norm(src);
        assert_eq!(l.text, "\"Ya,\" kata Budi.");
        for (word, _) in [("Ya", 0), ("kata", 0), ("Budi", 0)] {
            let c = l.text.find(word).unwrap();
            assert!(src[l.to_original(c)..].starts_with(word), "{word}");
        }
        assert_eq!(&src[l.to_original(l.text.len() - 1)..], ".");
    }

    #[test]
    fn the_end_of_a_rewritten_last_char_maps_past_it() {
        let src = "Ya\u{201d}";
        let l = norm(src);
        assert_eq!(l.to_original(l.text.len()), src.len());
        let src = "\u{113c2}\u{8e3}";
        let l = norm(src);
        assert_eq!(l.to_original(l.text.len()), src.len());
    }
}
