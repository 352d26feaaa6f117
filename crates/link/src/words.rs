//! Word boundaries from the text itself (the segmenter's tokens may be
//! absent), with the per-word facts the matchers need.

use warta_core::Span;
use warta_lexicon::normalize;

/// One word of the text.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub span: Span,
    /// [`normalize`]d form (lowercase, no diacritics).
    pub norm: String,
    /// Starts with an uppercase letter (or a digit-free all-caps acronym).
    pub cap: bool,
    /// Every letter uppercase and at least two letters (KCNA, AS, RI).
    pub all_caps: bool,
    /// First word of a sentence or line, where capitals say nothing.
    pub initial: bool,
    /// Bytes between the previous word's end and this word's start.
    pub gap_before: Span,
}

/// Splits `text` into words: runs of letters/digits, keeping apostrophes
/// between letters (Ma'ruf) inside the word.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(text.len() / 6);
    let mut iter = text.char_indices().peekable();
    let mut prev_end = 0;
    while let Some((i, ch)) = iter.next() {
        if !ch.is_alphanumeric() {
            continue;
        }
        let mut end = i + ch.len_utf8();
        while let Some(&(j, c)) = iter.peek() {
            if c.is_alphanumeric() {
                end = j + c.len_utf8();
                iter.next();
            } else if matches!(c, '\'' | '’')
                && text[j + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            {
                iter.next();
            } else {
                break;
            }
        }
        let s = &text[i..end];
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2 && s.chars().all(|c| !c.is_lowercase());
        let gap = &text[prev_end..i];
        let initial = out.is_empty()
            || gap.contains(['.', '!', '?', '\n', '"', '“', '”', ':'])
                && !gap.trim_start().starts_with(['(', ',']);
        out.push(Word {
            span: Span::new(i, end),
            norm: normalize(s),
            cap: ch.is_uppercase(),
            all_caps,
            initial,
            gap_before: Span::new(prev_end, i),
        });
        prev_end = end;
    }
    out
}

/// True when words `a..=b` are written as one name: one space, a hyphen or
/// a dot (U.S., Kompas.com) between them; never a comma, a line break or a
/// sentence end (". ").
pub(crate) fn joined(text: &str, ws: &[Word], a: usize, b: usize) -> bool {
    // Out-of-range indices (a mention after the last word) are not joined.
    b < ws.len()
        && a <= b
        && (a + 1..=b).all(|k| {
            matches!(
                &text[ws[k].gap_before.range()],
                " " | "-" | "." | " - " | "- " | " -"
            )
        })
}

/// Common nouns that head names ("Partai Golkar", "Kota Bogor") but name
/// nothing alone. English ones stay out: "City" alone is Manchester City.
const HEADS: &[&str] = &[
    "kota",
    "kotamadya",
    "kabupaten",
    "provinsi",
    "kecamatan",
    "distrik",
    "partai",
    "kementerian",
    "presiden",
    "menteri",
    "gubernur",
    "bupati",
    "walikota",
    "pemerintah",
    "pemerintahan",
    "universitas",
    "badan",
    "dinas",
    "pengadilan",
    "kejaksaan",
    "kepolisian",
    "mahkamah",
    "fraksi",
    "kabinet",
    "komisi",
    "dewan",
    "lembaga",
    "perusahaan",
    "desa",
    "kelurahan",
    "ketua",
    "wakil",
    "direktur",
    "kepala",
    "jenderal",
    "pasukan",
    "tentara",
    "polisi",
    "pulau",
    "gunung",
    "sungai",
    "danau",
    "jalan",
    "gedung",
    "negara",
];

/// True when `mention` is one word that only heads a name ("Partai",
/// "Kota", "Provinsi", "Presiden"): an entity of its own names nothing.
pub(crate) fn is_bare_head(mention: &str) -> bool {
    let norm = normalize(mention);
    !norm.contains(' ') && HEADS.contains(&norm.as_str())
}

/// The match key of words `a..=b`.
pub(crate) fn key_of(ws: &[Word], a: usize, b: usize) -> String {
    let mut s = String::new();
    for w in &ws[a..=b] {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&w.norm);
    }
    warta_lexicon::fold_key(&s)
}

/// Index of the first word starting at or after byte `pos`.
pub(crate) fn word_at(ws: &[Word], pos: usize) -> usize {
    ws.partition_point(|w| w.span.start < pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_know_capitals_and_sentence_starts() {
        let t = "Pasukan Rusia tiba. KCNA melapor, kata Ma'ruf.";
        let ws = words(t);
        let texts: Vec<&str> = ws.iter().map(|w| &t[w.span.range()]).collect();
        assert_eq!(
            texts,
            ["Pasukan", "Rusia", "tiba", "KCNA", "melapor", "kata", "Ma'ruf"]
        );
        assert!(ws[0].initial && !ws[1].initial && ws[3].initial);
        assert!(ws[3].all_caps && !ws[1].all_caps && ws[1].cap);
        assert!(joined(t, &ws, 0, 1) && !joined(t, &ws, 4, 5) && !joined(t, &ws, 2, 3));
    }
}
