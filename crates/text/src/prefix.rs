//! Recognises a leading site-name or dateline prefix on an article's first
//! line: `Negaratoto - `, `Jakarta - `, `JAKARTA, KOMPAS.com - `,
//! `Jakarta, CNN Indonesia -- `, `Wamena (ANTARA News) - `.

use crate::data::Resources;

/// The longest prefix (in chars, before the dash) taken for a site or
/// dateline; longer heads are the start of a sentence.
const MAX_PREFIX_CHARS: usize = 40;
/// The most words one part of a prefix may have (`CNN Indonesia`).
const MAX_PART_WORDS: usize = 4;

/// A recognised prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Prefix {
    /// Bytes of the line the prefix covers, separator and space included.
    pub len: usize,
    pub site: Option<String>,
    pub dateline: Option<String>,
}

/// Finds the prefix of a normalised first line (single spaces, trimmed).
pub(crate) fn detect(line: &str, res: &Resources) -> Option<Prefix> {
    let Some((head_end, rest_start)) = find_separator(line) else {
        return colon_dateline(line, res);
    };
    let head = &line[..head_end];
    let rest = &line[rest_start..];
    let first = head.chars().next()?;
    let rest_first = rest.chars().next()?;
    if !first.is_uppercase()
        || head.chars().count() < 2
        || head.chars().count() > MAX_PREFIX_CHARS
        || !(rest_first.is_uppercase()
            || rest_first.is_ascii_digit()
            || rest_first == '"'
            || rest_first == '\'')
        || head.contains(['"', ':', ';', '?', '!', '-', '\u{2013}', '\u{2014}'])
        || head.contains(". ")
    {
        return None;
    }
    let (mut site, mut dateline) = (None, None);
    if let Some(open) = head.find('(') {
        // `Place (Agency)`: the agencies' own dateline style, so the outer
        // part is a place whether or not the list knows it.
        let inner = head[open + 1..].strip_suffix(')')?;
        let outer = head[..open].trim_end();
        // `Samarinda, Kalimantan Timur (ANTARA News)`, `KUALA LUMPUR,
        // June 13 (Bernama)`: the town before the first comma is the
        // dateline; what follows it (province, date) is dropped.
        let town = outer.split(',').next().unwrap_or(outer).trim();
        if !plausible_part(town) || !plausible_part(inner) || inner.contains(['(', ')']) {
            return None;
        }
        dateline = Some(place_name(town, res).unwrap_or_else(|| tidy_case(town)));
        site = Some(inner.trim().to_string());
    } else {
        if head.contains(')') {
            return None;
        }
        let parts: Vec<&str> = head.split(',').map(str::trim).collect();
        if parts.len() > 2 || !parts.iter().all(|p| plausible_part(p)) {
            return None;
        }
        match parts[..] {
            [one] => match place_name(one, res) {
                Some(place) => dateline = Some(place),
                None => site = Some(one.to_string()),
            },
            [a, b] => {
                // A known place decides; else a web-address-like part
                // (`JUARA.net`) is the site; else the usual `Place, Site`.
                let b_is_place = place_name(b, res).is_some() && place_name(a, res).is_none();
                let (place, name) = if b_is_place || (site_like(a) && !site_like(b)) {
                    (b, a)
                } else {
                    (a, b)
                };
                dateline = Some(place_name(place, res).unwrap_or_else(|| tidy_case(place)));
                site = Some(name.to_string());
            }
            _ => return None,
        }
    }
    Some(Prefix {
        len: rest_start,
        site,
        dateline,
    })
}

/// The Malaysian wire style `KUALA LUMPUR: The government …`: an
/// all-capitals known place before a colon.
fn colon_dateline(line: &str, res: &Resources) -> Option<Prefix> {
    let colon = line.find(':')?;
    let head = &line[..colon];
    let rest = line[colon + 1..].strip_prefix(' ')?;
    let rest_first = rest.chars().next()?;
    if head.chars().count() > MAX_PREFIX_CHARS
        || head.chars().any(char::is_lowercase)
        || !(rest_first.is_uppercase() || rest_first == '"')
    {
        return None;
    }
    let place = place_name(head, res)?;
    Some(Prefix {
        len: colon + 2,
        site: None,
        dateline: Some(place),
    })
}

/// Finds ` - `, ` -- `, ` – ` or ` — ` within the prefix length limit:
/// returns (end of the head, start of the rest).
fn find_separator(line: &str) -> Option<(usize, usize)> {
    let limit = line
        .char_indices()
        .nth(MAX_PREFIX_CHARS + 1)
        .map_or(line.len(), |(i, _)| i);
    for (sp, _) in line[..limit].match_indices(' ') {
        let after = &line[sp + 1..];
        let dashes: Vec<char> = after
            .chars()
            .take_while(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}'))
            .take(3)
            .collect();
        if dashes.is_empty() || dashes.len() > 2 {
            continue;
        }
        let dash_bytes: usize = dashes.iter().map(|c| c.len_utf8()).sum();
        if after[dash_bytes..].starts_with(' ') {
            return Some((sp, sp + 1 + dash_bytes + 1));
        }
    }
    None
}

/// A site or place: at most four words, each capitalised or marked as a
/// name by an inner capital or dot (`KOMPAS.com`, `detikNews`), so that
/// `Skor akhir 3 - 0` is not taken for a site.
fn plausible_part(part: &str) -> bool {
    let part = part.trim();
    let words = part.split(' ').count();
    let name_like = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || w.contains('.')
            || w.chars().any(char::is_uppercase)
    };
    !part.is_empty()
        && words <= MAX_PART_WORDS
        && part.chars().next().is_some_and(|c| c.is_uppercase())
        && part.split(' ').all(name_like)
}

/// Looks like a site's name rather than a place's: a dot (`KOMPAS.com`)
/// or a capital after lower case (`detikNews`).
fn site_like(part: &str) -> bool {
    part.contains('.')
        || part
            .chars()
            .zip(part.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// The place list's spelling of `part`, when it is a known place.
fn place_name(part: &str, res: &Resources) -> Option<String> {
    res.places.get(&part.trim().to_lowercase()).cloned()
}

/// `WAMENA` → `Wamena`; mixed case stays as written.
fn tidy_case(s: &str) -> String {
    let s = s.trim();
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::resources;

    fn d(line: &str) -> Option<(String, Option<String>, Option<String>)> {
        detect(line, resources()).map(|p| (line[p.len..].to_string(), p.site, p.dateline))
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn an_unknown_name_is_a_site() {
        assert_eq!(
            d("Negaratoto - Pemimpin Korea Utara"),
            Some(("Pemimpin Korea Utara".into(), s("Negaratoto"), None))
        );
        assert_eq!(
            d("Suara.com - Cerita sekuel terbaru"),
            Some(("Cerita sekuel terbaru".into(), s("Suara.com"), None))
        );
    }

    #[test]
    fn a_known_place_is_a_dateline() {
        assert_eq!(
            d("Jakarta - Presiden Prabowo"),
            Some(("Presiden Prabowo".into(), None, s("Jakarta")))
        );
        assert_eq!(
            d("SPANYOL \u{2013} Barcelona berhasil"),
            Some(("Barcelona berhasil".into(), None, s("Spanyol")))
        );
    }

    #[test]
    fn place_and_site_together_give_both() {
        assert_eq!(
            d("JAKARTA, KOMPAS.com - Presiden"),
            Some(("Presiden".into(), s("KOMPAS.com"), s("Jakarta")))
        );
        assert_eq!(
            d("Jakarta, CNN Indonesia -- Ketua MPR"),
            Some(("Ketua MPR".into(), s("CNN Indonesia"), s("Jakarta")))
        );
        assert_eq!(
            d("Wamena (ANTARA News) - Pemerintah"),
            Some(("Pemerintah".into(), s("ANTARA News"), s("Wamena")))
        );
    }

    #[test]
    fn sentences_with_a_dash_are_not_prefixes() {
        assert_eq!(
            d("Ketua MPR Zulkifli Hasan dan rombongan - yang tiba kemarin - menyesalkan"),
            None
        );
        assert_eq!(d("pemerintah - Pemerintah"), None);
        assert_eq!(d("\"Kami siap\" - Budi"), None);
        assert_eq!(d("Skor akhir 3 - 0 untuk Barcelona"), None);
        assert_eq!(d("Catatan: Harga naik"), None);
        assert_eq!(d("PENTING: Harga naik"), None);
        assert_eq!(d("Pembangunan jalan Simpang Tiga - Cempaka Baru"), None);
    }
}
