//! Document-level clean-up of the tagger's mentions, for the pipeline stage
//! (sentence-level evaluation does not use it).
//!
//! News names a person in full once and then by one name ("Kim Jong Un" …
//! "Kim"), and repeats places and organisations; the tagger, deciding
//! sentence by sentence, labels some repeats and misses or mistypes others.
//! Here every string the tagger labelled in the document votes for its type,
//! and unlabelled repeats of labelled strings (and of persons' first or last
//! names) are added.

use crate::labels::Mention;
use crate::lexicon::{CapStats, Triggers};
use std::collections::HashMap;

/// Longest name looked up when adding repeats, in tokens.
const MAX_LEN: usize = 6;

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// `BTN`, `KPK`, `AS`: two or more capitals (digits allowed), nothing else.
fn is_acronym(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && w.chars().any(char::is_uppercase)
}

/// Whether a single word can stand for a person on its own: capitalised,
/// not too short, and capitalised in news wherever it occurs (so "Presiden"
/// or "Bapak" are not taken as aliases).
fn name_like(w: &str, cap: &CapStats) -> bool {
    let b = cap.bucket(&w.to_lowercase());
    is_capitalised(w) && w.chars().count() >= 3 && matches!(b, 0 | 3 | 4 | 7 | 8)
}

/// Acronyms that name things, laws or procedures (`data/ner/thing_acronyms.txt`).
fn thing_acronyms() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| word_list(include_str!("../../../data/ner/thing_acronyms.txt")))
}

/// The words of a list file: one per line, `#` comments and blanks skipped.
fn word_list(text: &'static str) -> std::collections::HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Words that end an organisation's name (`data/ner/org_suffixes.txt`).
fn org_suffixes() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| word_list(include_str!("../../../data/ner/org_suffixes.txt")))
}

/// Cuts a person mention after the last word that ends an organisation's
/// name (`Samuel Sekuritas Rangga Cipta` → ORG `Samuel Sekuritas`, PER
/// `Rangga Cipta`; `Futures Ariston Tjendra` → `Ariston Tjendra`): no
/// person is called `Sekuritas`, and the employer run into the name makes
/// a speaker or actor nobody is.
fn split_organisation_suffixes(words: &[&str], mut found: Vec<Mention>) -> Vec<Mention> {
    let suffixes = org_suffixes();
    let mut extra = Vec::new();
    for m in found.iter_mut().filter(|m| m.ty == 0 && m.end - m.start >= 2) {
        let Some(k) = (m.start..m.end - 1)
            .rev()
            .find(|&k| suffixes.contains(words[k].to_lowercase().as_str()))
        else {
            continue;
        };
        if k > m.start {
            extra.push(Mention {
                start: m.start,
                end: k + 1,
                ty: 1,
            });
        }
        m.start = k + 1;
    }
    found.extend(extra);
    found.sort_by_key(|m| (m.start, m.end));
    found
}

/// A short capitalised piece of a degree (`Sp`, `Rad`, `M.Si`, `SpOG`),
/// or the punctuation between pieces.
fn degree_piece(w: &str) -> bool {
    matches!(w, "." | "(" | ")" | ",")
        || (is_capitalised(w) && w.chars().count() <= 7 && w.chars().all(|c| c.is_alphanumeric() || c == '.'))
}

/// Whether a degree piece carries an abbreviation's mark: a full stop or
/// a capital inside a word in mixed case (`M.Si`, `SpOG`, `OnkRad`; not
/// the acronym `ISIS`).
fn abbreviated(w: &str) -> bool {
    w.contains('.') || (w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase))
}

/// Most tokens of degrees written after a name.
const DEGREE_TOKENS: usize = 12;

/// Drops mentions that are academic or professional degrees after a
/// person's name and a comma (`Soehartati Gondhowiardjo, Sp. Rad (K)
/// OnkRad`, `Budi Santoso, S.H., M.H.`): they made speakers nobody is.
fn drop_degrees(words: &[&str], found: Vec<Mention>) -> Vec<Mention> {
    let person_ending: std::collections::HashSet<usize> =
        found.iter().filter(|m| m.ty == 0).map(|m| m.end).collect();
    let is_degree = |m: &Mention| {
        let pieces = &words[m.start..m.end];
        // Of any type: the tagger reads `SpKK` as a place, `M.Kes` as an
        // organisation.
        if !pieces.iter().all(|w| degree_piece(w)) {
            return false;
        }
        // Back over more pieces, through a comma, to a person's name; the
        // run as a whole must carry an abbreviation's mark.
        // The mention itself carries the mark, or follows one (`Sp. Rad`
        // tagged as `Rad`).
        let marked = pieces.iter().any(|w| abbreviated(w)) || (m.start > 0 && words[m.start - 1] == ".");
        if !marked {
            return false;
        }
        let mut comma = false;
        let mut k = m.start;
        while k > 0 && m.start - k < DEGREE_TOKENS {
            if comma && person_ending.contains(&k) && !degree_word(words[k - 1]) {
                return true;
            }
            let w = words[k - 1];
            if !degree_piece(w) {
                return false;
            }
            comma |= w == ",";
            k -= 1;
        }
        false
    };
    found.into_iter().filter(|m| !is_degree(m)).collect()
}

/// Whether a word is a degree piece with a mark (the name before a comma
/// is not).
fn degree_word(w: &str) -> bool {
    degree_piece(w) && abbreviated(w)
}

/// Whether word `k` opens a sentence and is written in lower case elsewhere
/// in news (`Kedatangan Trump`, `Pemerintahan Trump`): capitalised only
/// because it comes first, so it does not join the name after it. Inside a
/// sentence such a word is part of a name (`Hari Rusia`).
fn opens_sentence_in_lower_case(words: &[&str], k: usize, cap: &CapStats) -> bool {
    let first = k == 0 || matches!(words[k - 1], "." | "!" | "?" | "\"" | ":" | "\u{201c}");
    first && matches!(cap.bucket(&words[k].to_lowercase()), 1 | 2 | 5 | 6)
}

/// Votes types per string, then adds unlabelled repeats; returns mentions
/// sorted by position, non-overlapping.
pub fn harmonise(words: &[&str], found: Vec<Mention>, cap: &CapStats, trig: &Triggers) -> Vec<Mention> {
    let key = |m: &Mention| words[m.start..m.end].join(" ");
    let mut found = split_leading_organisations(words, found);
    found = split_organisation_suffixes(words, found);
    found = drop_degrees(words, found);
    let runs = RunCounts::new(words);
    found = split_trailing_names(words, found, cap, &runs);
    found = add_speakers(words, found, cap, trig, &runs);
    // 0. Acronyms of things, not bodies (`APBN`, `IUP`, `OTT`) are no names.
    let things = thing_acronyms();
    found.retain(|m| !(m.end - m.start == 1 && things.contains(words[m.start])));
    // … nor the start of a person's name (`ASN Herman` → `Herman`).
    for m in found.iter_mut().filter(|m| m.ty == 0 && m.end - m.start > 1) {
        if things.contains(words[m.start]) {
            m.start += 1;
        }
    }
    // 1. Majority type per string (ties keep each mention's own type).
    let mut votes: HashMap<String, [usize; 3]> = HashMap::new();
    for m in &found {
        votes.entry(key(m)).or_default()[m.ty] += 1;
    }
    for m in &mut found {
        let v = votes[&key(m)];
        let best = (0..3).max_by_key(|&t| (v[t], t == m.ty)).unwrap_or(m.ty);
        if v[best] > v[m.ty] {
            m.ty = best;
        }
    }
    // 1b. A person's first or last name on its own is that person (`Trump`
    //     after `Donald Trump`), whatever type the tagger gave it there.
    let mut person_parts: HashMap<&str, ()> = HashMap::new();
    // Only names made of names: not `PUPR Madina`, an office's acronym run
    // into a regency the article names on its own.
    let plain_name = |m: &Mention| {
        words[m.start..m.end]
            .iter()
            .all(|w| is_capitalised(w) && !is_acronym(w))
    };
    for m in found
        .iter()
        .filter(|m| m.ty == 0 && m.end - m.start > 1 && plain_name(m))
    {
        for i in [m.start, m.end - 1] {
            if name_like(words[i], cap) && !is_acronym(words[i]) {
                person_parts.insert(words[i], ());
            }
        }
    }
    for m in &mut found {
        if m.ty != 0 && m.end - m.start == 1 && person_parts.contains_key(words[m.start]) {
            m.ty = 0;
            // …and so are its unlabelled repeats (step 3 types by votes).
            if let Some(v) = votes.get_mut(words[m.start]) {
                v[0] = v.iter().sum::<usize>() + 1;
            }
        }
    }
    // 2. Strings to look for: whole mentions, and persons' first and last
    //    names (a longer string wins over an alias).
    let mut known: HashMap<String, usize> = HashMap::new();
    for m in &found {
        if m.ty == 0 && m.end - m.start > 1 {
            for i in [m.start, m.end - 1] {
                if name_like(words[i], cap) {
                    known.entry(words[i].to_string()).or_insert(0);
                }
            }
        }
    }
    for m in &found {
        if words[m.start..m.end].iter().any(|w| is_capitalised(w)) {
            known.insert(
                key(m),
                votes[&key(m)]
                    .iter()
                    .enumerate()
                    .max_by_key(|p| p.1)
                    .map_or(m.ty, |p| p.0),
            );
        }
    }
    // 3. Unlabelled capitalised repeats.
    let covered = covered_by(words.len(), &found);
    let mut i = 0;
    while i < words.len() {
        if covered[i] || !is_capitalised(words[i]) {
            i += 1;
            continue;
        }
        let mut hit = None;
        // Only whole capitalised runs: "Putin" but not the "Rusia" of an
        // untagged "Hari Rusia".
        let starts_run = starts_run(words, i, &covered, trig, cap);
        for len in (1..=MAX_LEN.min(words.len() - i)).rev() {
            if covered[i..i + len].iter().any(|&c| c) {
                continue;
            }
            // A title before ("Presiden Rusia") or a tagged name after
            // ("Rusia Vladimir Putin") does not extend the run.
            let ends_run = words.get(i + len).is_none_or(|w| !is_capitalised(w)) || covered[i + len];
            if !(ends_run && starts_run) {
                continue;
            }
            if let Some(&ty) = known.get(&words[i..i + len].join(" ")) {
                hit = Some((len, ty));
                break;
            }
        }
        match hit {
            Some((len, ty)) => {
                found.push(Mention {
                    start: i,
                    end: i + len,
                    ty,
                });
                i += len;
            }
            None => match starts_run
                .then(|| known_pieces(words, i, &covered, &known, trig))
                .flatten()
            {
                Some(pieces) => {
                    i = pieces.last().map_or(i + 1, |m| m.end);
                    found.extend(pieces);
                }
                None => i += 1,
            },
        }
    }
    found.sort_by_key(|m| (m.start, m.end));
    found
}

/// `… Corporate Communication CMNP Solahuddin kepada …`: an untagged
/// capitalised run that ends in two or more names the document tags
/// elsewhere (the organisation `CMNP`, the person `Solahuddin`). `None`
/// unless the run (which starts at `i`) ends in two or more known pieces,
/// not all of them persons.
fn known_pieces(
    words: &[&str],
    i: usize,
    covered: &[bool],
    known: &HashMap<String, usize>,
    trig: &Triggers,
) -> Option<Vec<Mention>> {
    let end = (i..words.len().min(i + 2 * MAX_LEN))
        .find(|&j| covered[j] || !is_capitalised(words[j]))
        .unwrap_or(words.len().min(i + 2 * MAX_LEN));
    if end < i + 2 || words.get(end).is_some_and(|w| is_capitalised(w) && !covered[end]) {
        return None;
    }
    // From the run's end leftwards, each piece the longest known one; a
    // title before them (`Corporate Communication`) stays untagged.
    let mut pieces = Vec::new();
    let mut at = end;
    while at > i {
        let Some((len, ty)) = (1..=MAX_LEN.min(at - i))
            .rev()
            .find_map(|len| known.get(&words[at - len..at].join(" ")).map(|&ty| (len, ty)))
            .filter(|&(len, _)| trig.class(&words[at - len].to_lowercase()) == 0)
        else {
            break;
        };
        pieces.push(Mention {
            start: at - len,
            end: at,
            ty,
        });
        at -= len;
    }
    pieces.reverse();
    // Not a title the tagger once took for a person (`Mr`) before a name.
    (pieces.len() >= 2 && pieces.iter().any(|m| m.ty != 0)).then_some(pieces)
}

/// Whether an untagged capitalised run may start at word `i`: nothing
/// capitalised and untagged before it, or only a title trigger or a word
/// capitalised because it opens the sentence.
fn starts_run(words: &[&str], i: usize, covered: &[bool], trig: &Triggers, cap: &CapStats) -> bool {
    i == 0
        || !is_capitalised(words[i - 1])
        || covered[i - 1]
        || trig.class(&words[i - 1].to_lowercase()) != 0
        || opens_sentence_in_lower_case(words, i - 1, cap)
}

/// How often each mentioned string was tagged with each type.
fn types_by_string(words: &[&str], found: &[Mention]) -> HashMap<String, [usize; 3]> {
    let mut typed: HashMap<String, [usize; 3]> = HashMap::new();
    for m in found {
        typed.entry(words[m.start..m.end].join(" ")).or_default()[m.ty] += 1;
    }
    typed
}

/// Splits a person mention that begins with an organisation or place the
/// document names on its own: after a title the tagger often runs the
/// employer into the name (`Direktur Utama BTN Maryono` → `BTN Maryono`),
/// and the speaker or actor is then a person nobody is called. When the
/// first one or two words of a person mention are acronyms (`BTN`, `KPK`,
/// `AS`) that are, elsewhere in the document, a whole organisation or place
/// mention — and never a person — they become that mention and the person
/// starts after them. Only acronyms: a first name the tagger once mistyped
/// (`Fiona` as an organisation) must not cut `Fiona Parry` in two.
fn split_leading_organisations(words: &[&str], mut found: Vec<Mention>) -> Vec<Mention> {
    let key = |m: &Mention| words[m.start..m.end].join(" ");
    let typed = types_by_string(words, &found);
    let mut extra = Vec::new();
    // Only mentions the document never calls anything but a person
    // (`BLT Kesra`, tagged PER once and ORG twice, is voted ORG later).
    let person_only = |m: &Mention| typed.get(&key(m)).is_some_and(|v| v[1] + v[2] == 0);
    for m in found
        .iter_mut()
        .filter(|m| m.ty == 0 && m.end - m.start >= 2 && person_only(m))
    {
        for k in (1..=2).rev() {
            if m.end - m.start <= k
                || !is_capitalised(words[m.start + k])
                || !words[m.start..m.start + k].iter().all(|w| is_acronym(w))
            {
                continue;
            }
            let prefix = words[m.start..m.start + k].join(" ");
            let Some(v) = typed.get(&prefix) else {
                continue;
            };
            // The rest must not itself be a place or organisation the
            // article names (`Kadis PUPR Madina`: the regency's office).
            let rest = typed.get(&words[m.start + k..m.end].join(" "));
            if v[0] == 0 && v[1] + v[2] > 0 && rest.is_none_or(|r| r[1] + r[2] == 0) {
                let ty = if v[1] >= v[2] { 1 } else { 2 };
                extra.push(Mention {
                    start: m.start,
                    end: m.start + k,
                    ty,
                });
                m.start += k;
                break;
            }
        }
    }
    found.extend(extra);
    found.sort_by_key(|m| (m.start, m.end));
    found
}

/// Words that may follow a speaker's name after a speech verb.
const AFTER_SPEAKER: &[&str] = &[
    "di",
    "saat",
    "usai",
    "seusai",
    "ketika",
    "kepada",
    "pada",
    "dalam",
    "kala",
    "sembari",
    "sambil",
    "seperti",
    "sebagaimana",
    "melalui",
    "setelah",
    "sebelum",
    "kemarin",
    "in",
    "at",
    "on",
    "to",
];

/// How often each run of one to [`MAX_SPEAKER_WORDS`] capitalised words
/// occurs in the document, counted in one pass the first time it is asked
/// (so a document full of speech verbs stays linear).
struct RunCounts<'w> {
    words: &'w [&'w str],
    counts: std::cell::OnceCell<HashMap<&'w [&'w str], usize>>,
}

impl<'w> RunCounts<'w> {
    fn new(words: &'w [&'w str]) -> RunCounts<'w> {
        RunCounts {
            words,
            counts: std::cell::OnceCell::new(),
        }
    }

    /// Occurrences of `run` (0 unless all its words are capitalised).
    fn of(&self, run: &[&str]) -> usize {
        let counts = self.counts.get_or_init(|| {
            let mut counts: HashMap<&[&str], usize> = HashMap::new();
            for i in 0..self.words.len() {
                for n in 1..=MAX_SPEAKER_WORDS.min(self.words.len() - i) {
                    let run = &self.words[i..i + n];
                    if !is_capitalised(run[n - 1]) {
                        break;
                    }
                    *counts.entry(run).or_default() += 1;
                }
            }
            counts
        });
        counts.get(run).copied().unwrap_or(0)
    }
}

/// Which words lie inside one of `found`.
fn covered_by(len: usize, found: &[Mention]) -> Vec<bool> {
    let mut covered = vec![false; len];
    for m in found {
        covered[m.start..m.end].iter_mut().for_each(|c| *c = true);
    }
    covered
}

/// Most words of a name taken after a speech verb.
const MAX_SPEAKER_WORDS: usize = 3;

/// Adds a person for a name the tagger missed right after a speech verb
/// (`kata Fery di Pospol`, `ujar Bima`): one to three capitalised words
/// that are names in news (capitalised wherever they stand, so no office
/// such as `Manajer` or `Pimpinan`), no title or acronym, with no other
/// capitalised word after them. Step 3 then adds the name's repeats
/// (`Fery berangkat …`), so a later `ujarnya` finds the speaker.
fn add_speakers(
    words: &[&str],
    mut found: Vec<Mention>,
    cap: &CapStats,
    trig: &Triggers,
    runs: &RunCounts,
) -> Vec<Mention> {
    let covered = covered_by(words.len(), &found);
    let mut extra = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // Most words are lower case already: lower-case only the others.
        let lower = if w.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(w.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(*w)
        };
        if !trig.is(&lower, "PER_SPEECH") {
            continue;
        }
        let first = i + 1;
        let mut end = first;
        while end < words.len()
            && end - first < MAX_SPEAKER_WORDS
            && !covered[end]
            && name_like(words[end], cap)
            && !is_acronym(words[end])
            && trig.class(&words[end].to_lowercase()) == 0
        {
            end += 1;
        }
        // What follows a name: punctuation, or where and when it was said
        // (`kata Fery di Pospol`); not `of` or `dan` (`Head of …`, `Kabag
        // Humas dan Protokol …`), which continue an office.
        let then_ok = words.get(end).is_none_or(|w| {
            !w.chars().next().is_some_and(char::is_alphanumeric)
                || AFTER_SPEAKER.contains(&w.to_lowercase().as_str())
        });
        // Said twice or more: a name the article uses again, so its
        // repeats matter (`Fery berangkat …`, then `ujarnya`).
        if end > first && then_ok && runs.of(&words[first..end]) >= 2 {
            extra.push(Mention {
                start: first,
                end,
                ty: 0,
            });
        }
    }
    found.extend(extra);
    found.sort_by_key(|m| (m.start, m.end));
    found
}

/// Words that end place names (`Jawa Barat`, `Jakarta Pusat`), never a
/// person run into a place.
const PLACE_ENDINGS: &[&str] = &[
    "Utara",
    "Selatan",
    "Barat",
    "Timur",
    "Tengah",
    "Tenggara",
    "Laut",
    "Pusat",
    "Raya",
    "Baru",
    "Lama",
    "Atas",
    "Bawah",
    "Hulu",
    "Hilir",
    "Darat",
    "Jaya",
    "Daya",
    "Kota",
    "Kabupaten",
    "City",
    "North",
    "South",
    "East",
    "West",
];

/// Splits a place mention that ends with a person's name: after a title
/// the tagger runs the office's place into its holder (`Sekretaris DPRD
/// Kota Bekasi Junaedi` → `Kota Bekasi Junaedi`), and the speaker is then
/// a place. When the mention minus its last one or two name-like words is,
/// elsewhere in the document, a whole place mention (and never a person),
/// and the whole run occurs only once, the place keeps its words and the
/// rest becomes a person. Places only: organisations end in names of
/// their own (`Inter Milan`).
fn split_trailing_names(
    words: &[&str],
    mut found: Vec<Mention>,
    cap: &CapStats,
    runs: &RunCounts,
) -> Vec<Mention> {
    let key = |m: &Mention| words[m.start..m.end].join(" ");
    let typed = types_by_string(words, &found);
    let mut extra = Vec::new();
    for m in found.iter_mut().filter(|m| m.ty == 2 && m.end - m.start >= 2) {
        if typed.get(&key(m)).is_some_and(|v| v.iter().sum::<usize>() > 1) {
            continue;
        }
        for k in 1..=2 {
            if m.end - m.start <= k {
                break;
            }
            let rest = &words[m.end - k..m.end];
            if !rest
                .iter()
                .all(|w| name_like(w, cap) && !is_acronym(w) && !PLACE_ENDINGS.contains(w))
            {
                break;
            }
            let place = words[m.start..m.end - k].join(" ");
            let named_alone = typed.get(&place).is_some_and(|v| v[2] > 0 && v[0] == 0);
            // The person is named again (`Junaedi menambahkan`); an
            // event's name (`Stanford Classic`) is not.
            if runs.of(rest) < 2 {
                break;
            }
            let rest_is_thing = typed.get(&rest.join(" ")).is_some_and(|v| v[1] + v[2] > 0);
            if named_alone && !rest_is_thing {
                extra.push(Mention {
                    start: m.end - k,
                    end: m.end,
                    ty: 0,
                });
                m.end -= k;
                break;
            }
        }
    }
    found.extend(extra);
    found.sort_by_key(|m| (m.start, m.end));
    found
}

/// The capitalised core of a mention: leading lower-case words ("kota
/// Vladivostok", "kantor berita Korea Selatan") are dropped so the linker
/// sees the name; a mention with no capitalised word is dropped.
pub fn name_core(words: &[&str], start: usize, end: usize) -> Option<(usize, usize)> {
    let s = (start..end).find(|&i| {
        let w = words[i];
        is_capitalised(w) || w.chars().next().is_some_and(|c| c.is_numeric())
    })?;
    Some((s, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, ty: usize) -> Mention {
        Mention { start, end, ty }
    }

    #[test]
    fn short_names_and_repeats_are_added_and_types_voted() {
        let words: Vec<&str> =
            "Kim Jong Un bertemu Putin . Kim memuji Rusia . Putin tiba di Rusia . Hari Rusia diperingati . Presiden Rusia Vladimir Putin"
                .split(' ')
                .collect();
        // Tagger found: Kim Jong Un PER, Putin PER, Rusia LOC (idx 8), Putin
        // mistyped ORG (idx 10), Rusia LOC (idx 13).
        let found = vec![
            m(0, 3, 0),
            m(4, 5, 0),
            m(8, 9, 2),
            m(10, 11, 1),
            m(13, 14, 2),
            m(21, 23, 0),
        ];
        let out = harmonise(
            &words,
            found,
            &CapStats::default(),
            &Triggers::parse("PER_TITLE\tpresiden"),
        );
        assert!(out.contains(&m(6, 7, 0)), "Kim added as PER: {out:?}");
        assert!(out.contains(&m(10, 11, 0)) || out.contains(&m(10, 11, 1)));
        assert!(
            !out.iter().any(|x| x.start == 16),
            "Rusia inside 'Hari Rusia' not added: {out:?}"
        );
        assert!(
            out.contains(&m(20, 21, 2)),
            "Rusia after a title, before a name: {out:?}"
        );
    }

    #[test]
    fn an_organisation_run_into_a_name_is_split_off() {
        let words: Vec<&str> =
            "BTN memangkas kantor kas . Direktur Utama BTN Maryono mengatakan . Maryono menambahkan"
                .split(' ')
                .collect();
        let found = vec![m(0, 1, 1), m(7, 9, 0), m(11, 12, 0)];
        let out = harmonise(&words, found, &CapStats::default(), &Triggers::parse(""));
        assert!(out.contains(&m(7, 8, 1)), "BTN an organisation: {out:?}");
        assert!(out.contains(&m(8, 9, 0)), "Maryono the person: {out:?}");
        // nor when the rest is a place the article names
        let words: Vec<&str> = "Kadis PUPR Madina hadir . Madina banjir . PUPR menjawab"
            .split(' ')
            .collect();
        let found = vec![m(1, 3, 0), m(5, 6, 2), m(9, 10, 1)];
        let out = harmonise(&words, found, &CapStats::default(), &Triggers::parse(""));
        assert!(!out.contains(&m(2, 3, 0)), "{out:?}");
        // and the place keeps its type: `PUPR Madina` is no name made of
        // names, so `Madina` is not taken for a person's short name
        assert!(out.contains(&m(5, 6, 2)), "{out:?}");
        // a first name the tagger once took for an organisation stays
        let words: Vec<&str> = "Fiona mengimbau . Fiona Parry menangis".split(' ').collect();
        let out = harmonise(
            &words,
            vec![m(0, 1, 1), m(3, 5, 0)],
            &CapStats::default(),
            &Triggers::parse(""),
        );
        assert!(out.contains(&m(3, 5, 0)), "{out:?}");
    }

    #[test]
    fn an_employer_ending_in_an_organisation_word_is_cut_off_the_name() {
        let words: Vec<&str> = "Ekonom Samuel Sekuritas Rangga Cipta menilai . Kepala Riset Monex Investindo Futures Ariston Tjendra menambahkan"
            .split(' ')
            .collect();
        let found = vec![m(1, 5, 0), m(11, 14, 0)];
        let out = harmonise(&words, found, &CapStats::default(), &Triggers::parse(""));
        assert!(
            out.contains(&m(1, 3, 1)),
            "Samuel Sekuritas an organisation: {out:?}"
        );
        assert!(out.contains(&m(3, 5, 0)), "Rangga Cipta the person: {out:?}");
        assert!(out.contains(&m(12, 14, 0)), "Ariston Tjendra the person: {out:?}");
    }

    #[test]
    fn degrees_after_a_name_are_no_person_but_a_listed_name_is() {
        // `Prof. Soehartati Gondhowiardjo, Sp . Rad ( K ) OnkRad menyebut`
        let words: Vec<&str> =
            "Prof. Soehartati Gondhowiardjo , Sp . Rad ( K ) OnkRad menyebut . Manajer Tamara , Riri Djalil ."
                .split(' ')
                .collect();
        let found = vec![m(1, 3, 0), m(4, 7, 0), m(10, 11, 0), m(14, 15, 0), m(16, 18, 0)];
        let out = harmonise(&words, found, &CapStats::default(), &Triggers::parse(""));
        assert!(out.contains(&m(1, 3, 0)), "the doctor stays: {out:?}");
        assert!(
            !out.iter().any(|x| x.start == 4 || x.start == 10),
            "degrees dropped: {out:?}"
        );
        assert!(out.contains(&m(16, 18, 0)), "a name after a comma stays: {out:?}");
    }

    #[test]
    fn an_untagged_run_ending_in_known_names_is_split_into_them() {
        // `ungkap Head of Corporate Communication CMNP Solahuddin kepada …`
        let words: Vec<&str> =
            "CMNP membuka gerai . ungkap Head of Corporate Communication CMNP Solahuddin kepada wartawan . Solahuddin menyatakan"
                .split(' ')
                .collect();
        let found = vec![m(0, 1, 1), m(14, 15, 0)];
        let out = harmonise(&words, found, &CapStats::default(), &Triggers::parse(""));
        assert!(out.contains(&m(9, 10, 1)), "CMNP: {out:?}");
        assert!(out.contains(&m(10, 11, 0)), "Solahuddin: {out:?}");
        assert!(
            !out.iter().any(|x| (5..9).contains(&x.start)),
            "no title tagged: {out:?}"
        );
        // two persons in a row are left alone (`Mr Goldwein` when `Mr` was
        // once taken for a person)
        let words: Vec<&str> = "Mr membuka . kata Mr Goldwein . Goldwein hadir"
            .split(' ')
            .collect();
        let out = harmonise(
            &words,
            vec![m(0, 1, 0), m(7, 8, 0)],
            &CapStats::default(),
            &Triggers::parse(""),
        );
        assert!(!out.contains(&m(4, 5, 0)), "{out:?}");
    }

    #[test]
    fn a_name_after_a_speech_verb_is_a_person_and_its_repeats_too() {
        let words: Vec<&str> =
            "\" Hilang , \" kata Fery di Pospol . Fery berangkat . \" Ya , \" kata Pimpinan sendra tari"
                .split(' ')
                .collect();
        let mut cap = CapStats::default();
        cap.buckets.insert("pimpinan".into(), 6);
        let out = harmonise(&words, vec![], &cap, &Triggers::parse("PER_SPEECH\tkata"));
        assert!(out.contains(&m(5, 6, 0)), "Fery after kata: {out:?}");
        assert!(out.contains(&m(9, 10, 0)), "Fery again: {out:?}");
        assert!(
            !out.iter().any(|x| x.start == 17),
            "an office is no name: {out:?}"
        );
    }

    #[test]
    fn a_place_run_into_its_officers_name_is_split_off() {
        let words: Vec<&str> =
            "DPRD Kota Bekasi menyurati . kata Sekretaris DPRD Kota Bekasi Junaedi . Kota Bekasi Utara banjir . Junaedi menambahkan"
                .split(' ')
                .collect();
        let found = vec![m(1, 3, 2), m(8, 11, 2), m(13, 16, 2)];
        let out = harmonise(&words, found, &CapStats::default(), &Triggers::parse(""));
        assert!(out.contains(&m(8, 10, 2)), "Kota Bekasi a place: {out:?}");
        assert!(out.contains(&m(10, 11, 0)), "Junaedi the person: {out:?}");
        assert!(
            out.contains(&m(13, 16, 2)),
            "Kota Bekasi Utara stays whole: {out:?}"
        );
    }

    #[test]
    fn a_persons_short_name_is_a_person_and_acronyms_of_things_are_no_names() {
        let words: Vec<&str> =
            "Lisa Mariana diperiksa . Kedatangan Lisa ditunggu . Lisa menolak APBN . ASN Herman hadir"
                .split(' ')
                .collect();
        // Tagger: Lisa Mariana PER, Lisa ORG (idx 8), APBN ORG, ASN Herman PER.
        let found = vec![m(0, 2, 0), m(8, 9, 1), m(10, 11, 1), m(12, 14, 0)];
        let mut cap = CapStats::default();
        cap.buckets.insert("kedatangan".into(), 5);
        let out = harmonise(&words, found, &cap, &Triggers::parse(""));
        assert!(out.contains(&m(8, 9, 0)), "Lisa a person: {out:?}");
        assert!(out.contains(&m(5, 6, 0)), "Lisa after a sentence opener: {out:?}");
        assert!(!out.iter().any(|x| x.start == 10), "APBN no name: {out:?}");
        assert!(out.contains(&m(13, 14, 0)), "Herman without ASN: {out:?}");
    }

    #[test]
    fn lower_case_heads_are_trimmed() {
        let words = ["kota", "Vladivostok", "wilayah", "timur"];
        assert_eq!(name_core(&words, 0, 2), Some((1, 2)));
        assert_eq!(name_core(&words, 2, 4), None);
    }
}
