//! The data files embedded in the binary (see `data/boilerplate/`), parsed
//! once per process.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const LINES_TSV: &str = include_str!("../../../data/boilerplate/lines.tsv");
const PLACES_TXT: &str = include_str!("../../../data/boilerplate/places.txt");
const ABBREVIATIONS_TSV: &str = include_str!("../../../data/boilerplate/abbreviations.tsv");
const ATTRIBUTION_TXT: &str = include_str!("../../../data/boilerplate/attribution_verbs.txt");
const TAIL_TSV: &str = include_str!("../../../data/boilerplate/tail.tsv");
const SIGNATURE_ROLES_TXT: &str = include_str!("../../../data/boilerplate/signature_roles.txt");
const MONTHS_TXT: &str = include_str!("../../../data/time/months.txt");

/// Only lines up to this many bytes can be boilerplate: link titles and
/// prompts are short; a paragraph that merely starts like one is content.
pub(crate) const MAX_PREFIX_LINE: usize = 200;

/// How an abbreviation's full stop behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Written before a name or number: never ends a sentence.
    Title,
    /// Ends a sentence when the next word is capitalised.
    End,
    /// Written without full stops (Korut, PBB); only the expansion matters.
    Acronym,
}

/// Everything the text stages read from `data/boilerplate/`.
pub(crate) struct Resources {
    /// Boilerplate lines compared whole, keyed by [`line_key`].
    pub exact_lines: HashSet<String>,
    /// Boilerplate line starts, keyed by [`line_key`], matched anchored.
    pub prefixes: AhoCorasick,
    /// Lower-cased place name → the list's spelling.
    pub places: HashMap<String, String>,
    /// Abbreviation as written → kind and expansion.
    pub abbreviations: HashMap<String, (AbbrevKind, String)>,
    /// Lower-cased attribution verbs.
    pub attribution: HashSet<String>,
    /// Prefixes of boilerplate at an article's end (`tail.tsv`), keyed
    /// like [`line_key`].
    pub tail_prefixes: AhoCorasick,
    /// Words that open the role in a column signature.
    pub signature_roles: HashSet<String>,
    /// Month names and abbreviations, lower case (sign-offs).
    pub months: HashSet<String>,
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Resources {
    fn load() -> Resources {
        let mut exact_lines = HashSet::new();
        let mut prefixes = Vec::new();
        for line in data_lines(LINES_TSV) {
            let mut cols = line.split('\t');
            let (kind, pattern) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
            let key = line_key(pattern);
            if key.is_empty() {
                continue;
            }
            match kind {
                "line" => {
                    exact_lines.insert(key);
                }
                "prefix" => prefixes.push(key),
                // The file is committed with the crate and tested; an
                // unknown kind is a typo caught by `data_files_parse`.
                _ => {}
            }
        }
        let prefixes = anchored_prefixes(&prefixes);
        let places = data_lines(PLACES_TXT)
            .map(|l| (l.trim().to_lowercase(), l.trim().to_string()))
            .collect();
        let mut abbreviations = HashMap::new();
        for line in data_lines(ABBREVIATIONS_TSV) {
            let mut cols = line.split('\t');
            let abbr = cols.next().unwrap_or("").trim();
            let kind = match cols.next().unwrap_or("").trim() {
                "title" => AbbrevKind::Title,
                "end" => AbbrevKind::End,
                "acronym" => AbbrevKind::Acronym,
                _ => continue,
            };
            let expansion = cols.next().unwrap_or("").trim().to_string();
            abbreviations.insert(abbr.to_string(), (kind, expansion));
        }
        let attribution = data_lines(ATTRIBUTION_TXT)
            .map(|l| l.trim().to_lowercase())
            .collect();
        let tail: Vec<String> = data_lines(TAIL_TSV)
            .filter_map(|l| l.split('\t').nth(1))
            .map(line_key)
            .filter(|k| !k.is_empty())
            .collect();
        let tail_prefixes = anchored_prefixes(&tail);
        let signature_roles = data_lines(SIGNATURE_ROLES_TXT)
            .map(|l| l.trim().to_lowercase())
            .collect();
        let months = data_lines(MONTHS_TXT)
            .flat_map(|l| l.split('\t').skip(1).take(2))
            .flat_map(|names| names.split(','))
            .map(|n| n.trim().to_lowercase())
            .filter(|n| !n.is_empty())
            .collect();
        Resources {
            exact_lines,
            prefixes,
            places,
            abbreviations,
            attribution,
            tail_prefixes,
            signature_roles,
            months,
        }
    }

    /// True when `key` (see [`line_key`]) is a known boilerplate line.
    pub fn is_boilerplate_key(&self, key: &str) -> bool {
        if self.exact_lines.contains(key) {
            return true;
        }
        key.len() <= MAX_PREFIX_LINE
            && self
                .prefixes
                .find(Input::new(key).anchored(Anchored::Yes))
                .is_some()
    }
}

/// An automaton that finds which of `keys` a line key starts with.
fn anchored_prefixes(keys: &[String]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostFirst)
        .start_kind(StartKind::Anchored)
        .build(keys)
        .expect("prefixes of data lines form a valid automaton")
}

/// The process-wide resources.
pub(crate) fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(Resources::load)
}

/// The comparison form of a line: lower case, straight quotes, single
/// spaces, no space before `:`, trimmed.
pub(crate) fn line_key(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for ch in line.trim().chars() {
        let ch = match ch {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => '\'',
            c => c,
        };
        if ch.is_whitespace() {
            space = true;
            continue;
        }
        if space && ch != ':' {
            out.push(' ');
        }
        space = false;
        out.extend(ch.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        for line in data_lines(LINES_TSV) {
            let kind = line.split('\t').next().unwrap();
            assert!(
                kind == "line" || kind == "prefix",
                "bad kind in lines.tsv: {line}"
            );
            assert!(line.split('\t').count() >= 2, "missing pattern: {line}");
        }
        for line in data_lines(ABBREVIATIONS_TSV) {
            let kind = line.split('\t').nth(1).unwrap_or("");
            assert!(
                ["title", "end", "acronym"].contains(&kind),
                "bad kind in abbreviations.tsv: {line}"
            );
        }
        let r = resources();
        assert!(r.places.len() > 500);
        assert!(r.places.contains_key("jakarta"));
        assert!(r.abbreviations.contains_key("dll."));
        assert!(r.attribution.contains("kata"));
        assert!(r.exact_lines.iter().all(|l| l.len() <= MAX_PREFIX_LINE));
    }

    #[test]
    fn line_key_ignores_case_spacing_and_quote_style() {
        assert_eq!(
            line_key("  Saksikan Live Detikpagi :  "),
            "saksikan live detikpagi:"
        );
        assert_eq!(line_key("\u{201c}Detik Pagi\u{201d}"), "\"detik pagi\"");
    }
}
