//! The word tokenizer shared by the marker scorer and its trainer.
//!
//! Both must split text identically, or weights learnt on one tokenisation
//! would be looked up with another.

/// One word of a text, lower-cased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written (letters, digits and inner hyphens/apostrophes).
    pub raw: &'a str,
    /// True when the first letter is upper-case.
    pub capitalised: bool,
    /// True when the word opens the text or follows sentence punctuation,
    /// where capitals say nothing about proper names.
    pub sentence_initial: bool,
}

/// Calls `f` for every word of `text` in order.
///
/// A word is a run of alphanumeric characters, with single `-` or `'`
/// between letters kept inside it so reduplications (`lain-lain`,
/// `kanak-kanak`) stay one word.
pub fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(Word<'a>)) {
    let bytes = text.as_bytes();
    let mut boundary = true;
    let mut i = 0;
    while i < bytes.len() {
        let (ch, len) = char_at(text, i);
        if !ch.is_alphanumeric() {
            if matches!(ch, '.' | '!' | '?' | '"' | '\u{201C}' | ':' | '\n') {
                boundary = true;
            }
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        let mut j = end;
        while j < bytes.len() {
            let (c, l) = char_at(text, j);
            if c.is_alphanumeric() {
                j += l;
                end = j;
            } else if matches!(c, '-' | '\'' | '\u{2019}')
                && j + l < bytes.len()
                && char_at(text, j + l).0.is_alphanumeric()
            {
                j += l;
            } else {
                break;
            }
        }
        let raw = &text[start..end];
        f(Word {
            raw,
            capitalised: ch.is_uppercase(),
            sentence_initial: boundary,
        });
        boundary = false;
        i = end;
    }
}

/// The char starting at byte `i` (a char boundary) and its length; ASCII
/// without decoding, since news text is mostly ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8())
}

/// Writes the lower-cased form of `word` into `buf` (reused to avoid an
/// allocation per word).
pub fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            // Typographic apostrophes fold to ASCII so `Dato’` == `Dato'`.
            if c == '\u{2019}' {
                buf.push('\'');
            } else {
                buf.extend(c.to_lowercase());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<(String, bool, bool)> {
        let mut out = Vec::new();
        for_each_word(t, |w| {
            out.push((w.raw.to_string(), w.capitalised, w.sentence_initial))
        });
        out
    }

    #[test]
    fn reduplications_stay_one_word_and_punctuation_splits() {
        let w = words("Kanak-kanak itu, dan lain-lain. Polis -tiba");
        let raw: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(raw, ["Kanak-kanak", "itu", "dan", "lain-lain", "Polis", "tiba"]);
        assert!(w[0].2 && !w[1].2 && w[4].2, "sentence starts marked: {w:?}");
        assert!(w[4].1 && !w[5].1);
    }

    #[test]
    fn multibyte_text_is_split_on_char_boundaries() {
        let w = words("“Kami” – Dato’ Seri café…ok");
        let raw: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(raw, ["Kami", "Dato", "Seri", "café", "ok"]);
        let mut buf = String::new();
        lower_into("CAFÉ", &mut buf);
        assert_eq!(buf, "café");
    }
}
