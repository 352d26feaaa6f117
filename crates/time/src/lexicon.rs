//! Word lists read from `data/time/` (embedded at compile time): month and
//! weekday names, relative phrases and fixed-date named days.

use rustc_hash::FxHashMap as HashMap;

const MONTHS: &str = include_str!("../../../data/time/months.txt");
const WEEKDAYS: &str = include_str!("../../../data/time/weekdays.txt");
const WORDS: &str = include_str!("../../../data/time/words.txt");
const HOLIDAYS: &str = include_str!("../../../data/time/holidays.txt");

/// What a relative or vague phrase means, relative to the anchor date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    Day(i64),
    Week(i64),
    Weekend(i64),
    Month(i64),
    Year(i64),
    Quarter(i64),
    /// A TIMEX3 vague reference (`PAST_REF`, `PRESENT_REF`, `FUTURE_REF`).
    Ref(&'static str),
}

/// When a named day falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// This many days after Western Easter Sunday.
    Easter(i64),
    /// A lunar or lunisolar feast: its Gregorian date is not computed.
    Lunar,
}

/// A multi-word phrase (lower-case tokens) and its payload.
#[derive(Debug, Clone)]
pub(crate) struct Phrase<T> {
    pub words: Vec<String>,
    pub value: T,
}

/// All word lists, keyed for lookup by lower-cased token.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Month number and whether the spelling is a full name.
    pub months: HashMap<String, (u32, bool)>,
    /// ISO weekday number (1 = Monday).
    pub weekdays: HashMap<String, u32>,
    /// Relative phrases by first word, longest first.
    pub phrases: HashMap<String, Vec<Phrase<Rel>>>,
    /// Named days by first word, longest first.
    pub holidays: HashMap<String, Vec<Phrase<Holiday>>>,
}

fn data_lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Lower-case word tokens of a phrase, split like the tagger splits text.
fn phrase_words(p: &str) -> Vec<String> {
    let lower = p.trim().to_lowercase();
    crate::tokens::tokenize(&lower)
        .iter()
        .map(|t| lower[t.start..t.end].to_string())
        .collect()
}

fn parse_rel(s: &str) -> Option<Rel> {
    let (kind, arg) = s.split_once(':')?;
    if kind == "ref" {
        return match arg {
            "PAST_REF" => Some(Rel::Ref("PAST_REF")),
            "PRESENT_REF" => Some(Rel::Ref("PRESENT_REF")),
            "FUTURE_REF" => Some(Rel::Ref("FUTURE_REF")),
            _ => None,
        };
    }
    let n: i64 = arg.trim_start_matches('+').parse().ok()?;
    Some(match kind {
        "day" => Rel::Day(n),
        "week" => Rel::Week(n),
        "weekend" => Rel::Weekend(n),
        "month" => Rel::Month(n),
        "year" => Rel::Year(n),
        "quarter" => Rel::Quarter(n),
        _ => return None,
    })
}

fn parse_holiday(s: &str) -> Option<Holiday> {
    if s == "lunar" {
        return Some(Holiday::Lunar);
    }
    if let Some(n) = s.strip_prefix("easter") {
        return n.trim_start_matches('+').parse().ok().map(Holiday::Easter);
    }
    let (m, d) = s.split_once('-')?;
    Some(Holiday::Fixed(m.parse().ok()?, d.parse().ok()?))
}

fn insert_phrase<T>(map: &mut HashMap<String, Vec<Phrase<T>>>, words: Vec<String>, value: T) {
    let Some(first) = words.first().cloned() else {
        return;
    };
    let list = map.entry(first).or_default();
    list.push(Phrase { words, value });
    list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
}

impl Lexicon {
    /// Parses the embedded lists. The files are part of the build, so a
    /// malformed line is a programming error caught by the unit tests; it is
    /// skipped rather than panicking at run time.
    pub fn load() -> Lexicon {
        let mut months = HashMap::default();
        for line in data_lines(MONTHS) {
            let mut cols = line.split('\t');
            let Some(m) = cols.next().and_then(|c| c.trim().parse::<u32>().ok()) else {
                continue;
            };
            for (col, full) in [(cols.next(), true), (cols.next(), false)] {
                for name in col
                    .unwrap_or("")
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                {
                    months.insert(name.to_lowercase(), (m, full));
                }
            }
        }
        let mut weekdays = HashMap::default();
        for line in data_lines(WEEKDAYS) {
            let Some((n, names)) = line.split_once('\t') else {
                continue;
            };
            let Ok(n) = n.trim().parse::<u32>() else { continue };
            for name in names.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                // Multi-token spellings (jum'at) are single tokens too.
                weekdays.insert(name.to_lowercase(), n);
            }
        }
        let mut phrases = HashMap::default();
        for line in data_lines(WORDS) {
            let Some((p, meaning)) = line.split_once('\t') else {
                continue;
            };
            if let Some(rel) = parse_rel(meaning.trim()) {
                insert_phrase(&mut phrases, phrase_words(p), rel);
            }
        }
        let mut holidays = HashMap::default();
        for line in data_lines(HOLIDAYS) {
            let Some((when, names)) = line.split_once('\t') else {
                continue;
            };
            let Some(h) = parse_holiday(when.trim()) else {
                continue;
            };
            for name in names.split(',').filter(|s| !s.trim().is_empty()) {
                insert_phrase(&mut holidays, phrase_words(name), h);
            }
        }
        Lexicon {
            months,
            weekdays,
            phrases,
            holidays,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_spellings_and_abbreviations_are_known() {
        let lx = Lexicon::load();
        assert_eq!(lx.months.get("nopember"), Some(&(11, true)));
        assert_eq!(lx.months.get("pebruari"), Some(&(2, true)));
        assert_eq!(lx.months.get("agus"), Some(&(8, false)));
        assert_eq!(lx.weekdays.get("jum'at"), Some(&5));
        assert_eq!(lx.months.len(), 53);
    }

    #[test]
    fn every_data_line_parses() {
        let lx = Lexicon::load();
        let phrases: usize = lx.phrases.values().map(Vec::len).sum();
        assert_eq!(phrases, data_lines(WORDS).count());
        assert_eq!(lx.phrases["kemarin"][0].words, ["kemarin", "lusa"]);
        assert_eq!(lx.holidays["jumat"][0].value, Holiday::Easter(-2));
        assert!(lx.holidays["hari"]
            .iter()
            .any(|p| p.words == ["hari", "rusia"] && p.value == Holiday::Fixed(6, 12)));
    }
}
