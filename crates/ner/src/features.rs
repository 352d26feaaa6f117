//! Feature extraction: every feature is a string-like key hashed to 32 bits
//! (feature hashing), so no vocabulary is stored besides the weights.
//!
//! Templates: the word and its lower case, prefixes and suffixes, word shape,
//! a window of two words either side with their shapes, gazetteer masks and
//! trigger classes of the window. Context and name-list features are what
//! carries over to unseen names; the word identity features are what fits
//! the training news.

use crate::lexicon::{CapStats, Gazetteer, Triggers};

/// Feature groups that can be switched off (ablations, stored in the model).
pub mod groups {
    /// DBpedia name-list masks.
    pub const GAZETTEER: u32 = 1;
    /// Trigger-word classes.
    pub const TRIGGERS: u32 = 2;
    /// Two-word context and bigrams.
    pub const WIDE_CONTEXT: u32 = 4;
    /// Affixes of the previous and next word.
    pub const NEIGHBOUR_AFFIX: u32 = 8;
    /// Capitalisation statistics from unlabelled news.
    pub const CAPSTATS: u32 = 16;
    /// Type priors from a first-pass model over unlabelled news.
    pub const PRIORS: u32 = 32;
    /// Word clusters learnt from unlabelled news.
    pub const CLUSTERS: u32 = 64;
    /// Everything.
    pub const ALL: u32 = GAZETTEER | TRIGGERS | WIDE_CONTEXT | NEIGHBOUR_AFFIX | CAPSTATS | PRIORS | CLUSTERS;
}

/// FNV-1a over a template id and byte strings separated by 0xff.
#[derive(Clone, Copy)]
struct Key(u64);

impl Key {
    #[inline]
    const fn new(template: u8) -> Key {
        Key((0xcbf2_9ce4_8422_2325u64 ^ template as u64).wrapping_mul(0x100_0000_01b3))
    }
    #[inline]
    const fn bytes(mut self, b: &[u8]) -> Key {
        let mut i = 0;
        while i < b.len() {
            self.0 = (self.0 ^ b[i] as u64).wrapping_mul(0x100_0000_01b3);
            i += 1;
        }
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x100_0000_01b3);
        self
    }
    #[inline]
    const fn num(self, n: u64) -> Key {
        self.bytes(&n.to_le_bytes())
    }
    #[inline]
    fn done(self) -> u32 {
        let h = self.0 ^ (self.0 >> 29);
        (h ^ (h >> 32)) as u32
    }
}

/// `Key::new(t).num(x)` for the templates whose first number takes a few
/// values (affix lengths 0–4; window offsets −2…2), hashed at compile
/// time: the same keys, nine multiplications fewer each, for a third of a
/// token's features.
const fn prefixes<const N: usize>(template: u8, first: i64) -> [Key; N] {
    let mut out = [Key(0); N];
    let mut k = 0;
    while k < N {
        out[k] = Key::new(template).num((first + k as i64) as u64);
        k += 1;
    }
    out
}

/// Templates 3 (prefix) and 4 (suffix) by affix length.
const AFFIX: [[Key; 5]; 2] = [prefixes(3, 0), prefixes(4, 0)];
/// Templates 9–14 by window offset + 2.
const WINDOW: [[Key; 5]; 6] = [
    prefixes(9, -2),
    prefixes(10, -2),
    prefixes(11, -2),
    prefixes(12, -2),
    prefixes(13, -2),
    prefixes(14, -2),
];

#[inline]
fn window(template: u8, d: isize) -> Key {
    WINDOW[(template - 9) as usize][(d + 2) as usize]
}
/// The word knowledge features draw on.
#[derive(Clone, Copy)]
pub struct Lexicon<'a> {
    /// Name-list token masks.
    pub gaz: &'a Gazetteer,
    /// Trigger-word classes.
    pub trig: &'a Triggers,
    /// Capitalisation statistics.
    pub cap: &'a CapStats,
}

/// What the templates need to know about one token.
struct Tok {
    lower: String,
    shape: String,
    /// Bit flags: 1 initial capital, 2 all caps, 4 has digit, 8 punctuation
    /// only, 16 has hyphen, 32 has period.
    flags: u8,
    gaz: u16,
    trig: u8,
    cap: u8,
    prior: u8,
    cluster: u8,
}

fn shape(w: &str) -> String {
    let mut s = String::with_capacity(6);
    let mut last = '\0';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            s.push(k);
            last = k;
        }
        if s.len() >= 8 {
            break;
        }
    }
    s
}

fn tok(w: &str, lex: &Lexicon, groups: u32) -> Tok {
    let (gaz, trig) = (lex.gaz, lex.trig);
    let lower = w.to_lowercase();
    let first_upper = w.chars().next().is_some_and(char::is_uppercase);
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let mut flags = 0u8;
    if first_upper {
        flags |= 1;
    }
    if letters > 1 && w.chars().all(|c| !c.is_lowercase()) {
        flags |= 2;
    }
    if w.chars().any(|c| c.is_ascii_digit()) {
        flags |= 4;
    }
    if w.chars().all(|c| !c.is_alphanumeric()) {
        flags |= 8;
    }
    if w.contains('-') {
        flags |= 16;
    }
    if w.contains('.') {
        flags |= 32;
    }
    Tok {
        prior: if groups & groups::PRIORS != 0 {
            lex.cap.prior(w)
        } else {
            0
        },
        cap: if groups & groups::CAPSTATS != 0 {
            lex.cap.bucket(&lower)
        } else {
            0
        },
        cluster: if groups & groups::CLUSTERS != 0 {
            lex.cap.cluster(&lower)
        } else {
            0
        },
        shape: shape(w),
        flags,
        gaz: if groups & groups::GAZETTEER != 0 {
            gaz.mask(w)
        } else {
            0
        },
        trig: if groups & groups::TRIGGERS != 0 {
            trig.class(&lower)
        } else {
            0
        },
        lower,
    }
}

fn prefix(s: &str, n: usize) -> Option<&str> {
    let (i, _) = s.char_indices().nth(n)?;
    Some(&s[..i])
}

fn suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let (i, _) = s.char_indices().nth(count - n)?;
    Some(&s[i..])
}

/// Extracts the feature keys of every token of a sentence into `out`
/// (one `Vec` per token; reused buffers avoid allocation in the tagger).
pub fn extract(words: &[&str], lex: &Lexicon, groups: u32, out: &mut Vec<Vec<u32>>) {
    let toks: Vec<Tok> = words.iter().map(|w| tok(w, lex, groups)).collect();
    out.resize_with(words.len(), Vec::new);
    out.truncate(words.len());
    let boundary = |i: isize| -> Option<&Tok> {
        if i < 0 {
            None
        } else {
            toks.get(i as usize)
        }
    };
    const BOS: &[u8] = b"<s>";
    for (i, f) in out.iter_mut().enumerate() {
        f.clear();
        let t = &toks[i];
        let w = words[i];
        f.push(Key::new(0).done());
        f.push(Key::new(1).bytes(w.as_bytes()).done());
        f.push(Key::new(2).bytes(t.lower.as_bytes()).done());
        for (n, (pre, suf)) in AFFIX[0].iter().zip(&AFFIX[1]).enumerate().skip(1) {
            if let Some(p) = prefix(&t.lower, n) {
                f.push(pre.bytes(p.as_bytes()).done());
            }
            if let Some(s) = suffix(&t.lower, n) {
                f.push(suf.bytes(s.as_bytes()).done());
            }
        }
        f.push(Key::new(5).bytes(t.shape.as_bytes()).done());
        f.push(Key::new(6).num(t.flags as u64).done());
        f.push(Key::new(7).num(t.flags as u64 & 1).num((i == 0) as u64).done());
        let len = t.lower.chars().count().min(8) as u64;
        f.push(Key::new(8).num(len).num(t.flags as u64 & 3).done());
        // Window words and shapes.
        for d in [-2isize, -1, 1, 2] {
            let wide = d.abs() == 2;
            if wide && groups & groups::WIDE_CONTEXT == 0 {
                continue;
            }
            let n = boundary(i as isize + d);
            let (lw, sh) = n.map_or((BOS, BOS), |n| (n.lower.as_bytes(), n.shape.as_bytes()));
            f.push(window(9, d).bytes(lw).done());
            f.push(window(10, d).bytes(sh).done());
            if let Some(n) = n {
                if n.trig != 0 {
                    f.push(window(11, d).num(n.trig as u64).done());
                    f.push(window(12, d).num(n.trig as u64).num(t.flags as u64 & 1).done());
                }
                if n.gaz != 0 && !wide {
                    for b in 0..12 {
                        if n.gaz & (1 << b) != 0 {
                            f.push(window(13, d).num(b).done());
                        }
                    }
                }
                if !wide && groups & groups::NEIGHBOUR_AFFIX != 0 {
                    if let Some(s) = suffix(&n.lower, 3) {
                        f.push(window(14, d).bytes(s.as_bytes()).done());
                    }
                }
            }
        }
        let prev = boundary(i as isize - 1);
        let next = boundary(i as isize + 1);
        let pl = prev.map_or(BOS, |p| p.lower.as_bytes());
        let nl = next.map_or(BOS, |p| p.lower.as_bytes());
        let ps = prev.map_or(BOS, |p| p.shape.as_bytes());
        let ns = next.map_or(BOS, |p| p.shape.as_bytes());
        f.push(Key::new(15).bytes(pl).bytes(t.lower.as_bytes()).done());
        f.push(Key::new(16).bytes(t.lower.as_bytes()).bytes(nl).done());
        f.push(Key::new(17).bytes(ps).bytes(t.shape.as_bytes()).bytes(ns).done());
        if groups & groups::WIDE_CONTEXT != 0 {
            f.push(Key::new(18).bytes(pl).bytes(nl).done());
        }
        if groups & groups::CAPSTATS != 0 {
            let first =
                i == 0 || prev.is_some_and(|p| matches!(p.lower.as_str(), "\"" | "“" | "(" | ":" | "-"));
            f.push(
                Key::new(23)
                    .num(t.cap as u64)
                    .num(t.flags as u64 & 3)
                    .num(first as u64)
                    .done(),
            );
            let pc = prev.map_or(9, |p| p.cap as u64);
            let nc = next.map_or(9, |p| p.cap as u64);
            f.push(Key::new(24).num(pc).num(t.cap as u64).num(nc).done());
        }
        if groups & groups::PRIORS != 0 {
            f.push(Key::new(29).num(t.prior as u64).num(t.flags as u64 & 1).done());
            let pp = prev.map_or(99, |p| p.prior as u64);
            let np = next.map_or(99, |p| p.prior as u64);
            f.push(Key::new(30).num(pp).num(t.prior as u64).done());
            f.push(Key::new(31).num(t.prior as u64).num(np).done());
        }
        if groups & groups::CLUSTERS != 0 {
            let pc = prev.map_or(999, |p| p.cluster as u64);
            let nc = next.map_or(999, |p| p.cluster as u64);
            f.push(Key::new(32).num(t.cluster as u64).num(t.flags as u64 & 3).done());
            f.push(Key::new(33).num(pc).done());
            f.push(Key::new(34).num(nc).done());
            f.push(Key::new(35).num(pc).num(t.cluster as u64).done());
            f.push(Key::new(36).num(t.cluster as u64).num(nc).done());
        }
        // Own trigger class and gazetteer evidence.
        if t.trig != 0 {
            f.push(Key::new(19).num(t.trig as u64).num(t.flags as u64 & 1).done());
        }
        if t.gaz != 0 {
            for b in 0..12 {
                if t.gaz & (1 << b) != 0 {
                    f.push(Key::new(20).num(b).num(t.flags as u64 & 3).done());
                }
            }
            // Which types at all, with the neighbours' types: approximates
            // matching whole names without storing them.
            let types = |m: u16| (0..3).fold(0u64, |a, ty| a | (((m >> (ty * 4)) & 0xf != 0) as u64) << ty);
            let pt = prev.map_or(0, |p| types(p.gaz));
            let nt = next.map_or(0, |p| types(p.gaz));
            f.push(Key::new(21).num(pt).num(types(t.gaz)).num(nt).done());
        } else if t.flags & 1 != 0 {
            f.push(Key::new(22).num((i == 0) as u64).done());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_repeats() {
        assert_eq!(shape("Jakarta"), "Xx");
        assert_eq!(shape("KCNA"), "X");
        assert_eq!(shape("13/6/2022"), "d/d/d");
        assert_eq!(shape("pro-Moskow"), "x-Xx");
    }

    #[test]
    fn affixes_respect_multibyte_characters() {
        assert_eq!(prefix("élan", 2), Some("él"));
        assert_eq!(suffix("café", 2), Some("fé"));
        assert_eq!(suffix("é", 2), None);
    }

    #[test]
    fn gazetteer_words_get_features_others_do_not() {
        let mut g = Gazetteer::default();
        g.masks.insert("Bandung".into(), crate::lexicon::gaz_bit(2, 3));
        let t = Triggers::parse("");
        let c = CapStats::default();
        let empty = Gazetteer::default();
        let mut a = Vec::new();
        let mut b = Vec::new();
        extract(
            &["di", "Bandung"],
            &Lexicon {
                gaz: &g,
                trig: &t,
                cap: &c,
            },
            groups::ALL,
            &mut a,
        );
        extract(
            &["di", "Bandung"],
            &Lexicon {
                gaz: &empty,
                trig: &t,
                cap: &c,
            },
            groups::ALL,
            &mut b,
        );
        assert!(a[1].len() > b[1].len());
        assert!(
            a[0].len() > b[0].len(),
            "the previous word sees its neighbour's mask"
        );
    }
}
