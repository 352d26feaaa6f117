//! Clitics: `rumahnya` is one token, but later stages (lexicon look-up,
//! NER features) want `rumah` + `nya`.

/// Words ending in `nya` that are not a stem + `-nya`.
const NYA_WORDS: &[&str] = &[
    "hanya", "punya", "tanya", "bertanya", "ditanya", "menanya", "kenya", "sonya", "nya",
];

/// Splits a word into (proclitic, stem, enclitic) without a lexicon.
///
/// `-nya` is split when what remains is at least two letters and the word
/// is not one of the few that merely end in `nya` (`hanya`, `punya`);
/// written hyphens always split (`IPK-nya` → `IPK`, `nya`; `ku-ambil`).
/// `ku-`/`kau-` and `-ku`/`-mu` written solid are ambiguous without a
/// lexicon (`kuat`, `buku`, `bertemu`), so they are only split by
/// [`split_clitics_with`]. Reduplication stays inside the stem
/// (`baru-barunya` → `baru-baru`, `nya`). All parts are slices of `word`.
pub fn split_clitics(word: &str) -> (&str, &str, &str) {
    split_clitics_with(word, |_| false)
}

/// Like [`split_clitics`], with `is_word` telling whether a string is a
/// known word: a known word is never split, and solid `ku-`, `kau-`, `-ku`,
/// `-mu` are split only when the remainder is a known word.
pub fn split_clitics_with(word: &str, is_word: impl Fn(&str) -> bool) -> (&str, &str, &str) {
    if is_word(word) {
        return ("", word, "");
    }
    // ASCII lower-casing keeps every byte offset, so positions found in
    // `lower` slice `word` on the same char boundaries.
    let lower = word.to_ascii_lowercase();
    let (mut stem_start, mut stem_end) = (0, word.len());
    let mut suffix = "";
    for (clitic, solid_ok) in [("nya", true), ("ku", false), ("mu", false)] {
        if let Some(before) = lower.strip_suffix(clitic) {
            if let Some(stem) = before.strip_suffix('-') {
                if !stem.is_empty() {
                    suffix = &word[before.len()..];
                    stem_end = stem.len();
                    break;
                }
            }
            let solid = if solid_ok {
                before.chars().count() >= 2 && !NYA_WORDS.contains(&lower.as_str())
            } else {
                is_word(&word[..before.len()])
            };
            if solid && !before.ends_with('-') {
                suffix = &word[before.len()..];
                stem_end = before.len();
                break;
            }
        }
    }
    for clitic in ["kau", "ku"] {
        if let Some(after) = lower[..stem_end].strip_prefix(clitic) {
            if let Some(stem) = after.strip_prefix('-') {
                if !stem.is_empty() {
                    stem_start = clitic.len() + 1;
                    break;
                }
            }
            if !after.is_empty() && is_word(&word[clitic.len()..stem_end]) {
                stem_start = clitic.len();
                break;
            }
        }
    }
    let prefix = match stem_start {
        0 => "",
        n => word[..n].trim_end_matches('-'),
    };
    (prefix, &word[stem_start..stem_end], suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nya_is_split_off_the_stem() {
        assert_eq!(split_clitics("rumahnya"), ("", "rumah", "nya"));
        assert_eq!(split_clitics("IPK-nya"), ("", "IPK", "nya"));
        assert_eq!(split_clitics("baru-barunya"), ("", "baru-baru", "nya"));
        assert_eq!(split_clitics("Pesannya"), ("", "Pesan", "nya"));
    }

    #[test]
    fn words_that_merely_end_in_nya_stay_whole() {
        assert_eq!(split_clitics("hanya"), ("", "hanya", ""));
        assert_eq!(split_clitics("punya"), ("", "punya", ""));
        assert_eq!(split_clitics("nya"), ("", "nya", ""));
        assert_eq!(split_clitics("baru-baru"), ("", "baru-baru", ""));
    }

    #[test]
    fn non_ascii_words_split_on_char_boundaries() {
        assert_eq!(split_clitics("caf\u{e9}nya"), ("", "caf\u{e9}", "nya"));
        assert_eq!(
            split_clitics("\u{1e9e}\u{23a}nya"),
            ("", "\u{1e9e}\u{23a}", "nya")
        );
    }

    #[test]
    fn ambiguous_clitics_need_a_lexicon() {
        assert_eq!(split_clitics("kuambil"), ("", "kuambil", ""));
        assert_eq!(split_clitics("buku"), ("", "buku", ""));
        let lex = |w: &str| ["ambil", "rumah", "buku", "kuat", "tulis"].contains(&w);
        assert_eq!(split_clitics_with("kuambil", lex), ("ku", "ambil", ""));
        assert_eq!(split_clitics_with("kautulis", lex), ("kau", "tulis", ""));
        assert_eq!(split_clitics_with("rumahku", lex), ("", "rumah", "ku"));
        assert_eq!(split_clitics_with("kuat", lex), ("", "kuat", ""));
        assert_eq!(split_clitics_with("buku", lex), ("", "buku", ""));
        assert_eq!(split_clitics("ku-ambil"), ("ku", "ambil", ""));
    }
}
