//! Name normalisation shared by the lexicon index and the linker's lookups.
//!
//! News spells names many ways (Sievierodonetsk, Severodonetsk,
//! Syeverodonetsk; Kiev, Kyiv; Zelensky, Zelenskyy), so both the index keys
//! and the looked-up mentions go through the same lossy [`match_key`].

/// Lowercases, strips Latin diacritics, drops apostrophes and turns every
/// other non-alphanumeric run into one space (`"Ma’ruf  Amin"` → `"maruf amin"`).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// [`normalize`] into `out` (cleared first), reusing its allocation.
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            push_folded(ch, out);
        } else if matches!(ch, '\'' | '’' | '‘' | 'ʼ' | '`' | 'ʻ') {
            // Apostrophes join (Ma'ruf, Luhans'k): no space.
        } else {
            pending_space = true;
        }
    }
}

/// The lookup key: [`normalize`] plus a light transliteration fold that lets
/// common spelling variants of East-European and Asian names meet:
/// `y`→`i`, `ie`→`e`, doubled letters collapse (`Rusia`/`Russia`).
pub fn match_key(s: &str) -> String {
    fold_key(&normalize(s))
}

/// [`match_key`] for a string that is already [`normalize`]d.
pub fn fold_key(norm: &str) -> String {
    let mut out = String::with_capacity(norm.len());
    fold_key_into(norm, &mut out);
    out
}

/// [`fold_key`] into `out` (cleared first), reusing its allocation.
pub(crate) fn fold_key_into(norm: &str, out: &mut String) {
    out.clear();
    let mut prev: Option<char> = None;
    for ch in norm.chars() {
        let c = if ch == 'y' { 'i' } else { ch };
        if c == 'e' && prev == Some('i') {
            out.pop();
            // "ie" → "e"; a preceding doubled letter is still collapsed below.
            if out.ends_with('e') {
                prev = Some('e');
                continue;
            }
            out.push('e');
            prev = Some('e');
            continue;
        }
        if Some(c) == prev && c.is_alphabetic() {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
}

fn push_folded(ch: char, out: &mut String) {
    if ch.is_ascii() {
        out.push(ch.to_ascii_lowercase());
        return;
    }
    match fold_latin(ch) {
        Some(s) => out.push_str(s),
        None => out.extend(ch.to_lowercase()),
    }
}

/// Latin letters with diacritics (Latin-1 Supplement, Latin Extended-A and
/// the few Latin Extended-B letters seen in names) to their base letters.
fn fold_latin(ch: char) -> Option<&'static str> {
    Some(match ch {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "e"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => {
            "i"
        }
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' | 'Ơ' | 'ơ' => {
            "o"
        }
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => "t",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų'
        | 'Ư'
        | 'ư' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        'Þ' | 'þ' => "th",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_of_one_city_share_a_key() {
        let k = match_key("Sievierodonetsk");
        assert_eq!(match_key("Severodonetsk"), k);
        assert_eq!(match_key("Syeverodonetsk"), k);
        assert_eq!(match_key("Rusia"), match_key("Russia"));
    }

    #[test]
    fn diacritics_case_and_punctuation_are_ignored() {
        assert_eq!(normalize("António  Guterres"), "antonio guterres");
        assert_eq!(normalize("Ma’ruf Amin"), "maruf amin");
        assert_eq!(normalize("pro-Moskow"), "pro moskow");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn different_names_keep_different_keys() {
        assert_ne!(match_key("Kiev"), match_key("Kherson"));
        assert_ne!(match_key("Korea Utara"), match_key("Korea Selatan"));
    }
}
