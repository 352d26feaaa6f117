//! The temporal tagger: tokens → candidate expressions → TIMEX3 values.
//!
//! Every token that could start an expression (a number, or a word from the
//! trigger set) is handed to a few local rules; the longest match wins and
//! scanning resumes after it. Rules only look a handful of tokens ahead, so
//! the cost is linear in the text and dominated by tokenizing.

mod dates;
mod periods;
mod quantity;
mod quotes;
mod words;

use crate::calendar::{self, Direction};
use crate::lexicon::{Holiday, Lexicon, Rel};
use crate::tokens::{tokenize, Kind, Tok};
use chrono::{Datelike, NaiveDate};
use quantity::{duration, fmt_count, rel_value, shift, unit_word_static};
use std::cell::Cell;
use std::collections::HashSet;
use warta_core::{Span, TimeExpr, TimeType};
use words::*;

/// One match: token range, type, value and what it was resolved against.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    kind: TimeType,
    value: Option<String>,
    /// The date a relative value was computed from; `None` for absolute ones.
    anchor: Option<NaiveDate>,
}

impl Found {
    fn abs(start: usize, end: usize, kind: TimeType, value: String) -> Found {
        Found {
            start,
            end,
            kind,
            value: Some(value),
            anchor: None,
        }
    }
    fn rel(
        start: usize,
        end: usize,
        kind: TimeType,
        anchor: Option<NaiveDate>,
        f: impl FnOnce(NaiveDate) -> Option<String>,
    ) -> Found {
        let value = anchor.and_then(f);
        Found {
            start,
            end,
            kind,
            anchor: value.as_ref().and(anchor),
            value,
        }
    }
    /// The full calendar date this match denotes, if it denotes one day.
    fn day(&self) -> Option<NaiveDate> {
        let v = self.value.as_deref()?;
        NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    }
}

/// A day given by numbers or a month name, possibly without a year.
#[derive(Debug, Clone, Copy)]
struct DayMonth {
    end: usize,
    d: u32,
    m: u32,
    y: Option<i32>,
}

/// Finds and normalises temporal expressions against `doc.published`.
#[derive(Debug)]
pub struct TimeTagger {
    lx: Lexicon,
    triggers: HashSet<String>,
}

impl Default for TimeTagger {
    fn default() -> TimeTagger {
        TimeTagger::new()
    }
}

impl TimeTagger {
    /// A tagger with the embedded word lists.
    pub fn new() -> TimeTagger {
        let lx = Lexicon::load();
        let mut triggers: HashSet<String> = TRIGGERS.iter().map(|s| s.to_string()).collect();
        triggers.extend(lx.months.keys().cloned());
        triggers.extend(lx.weekdays.keys().cloned());
        triggers.extend(lx.phrases.keys().cloned());
        triggers.extend(lx.holidays.keys().cloned());
        for w in [
            "sehari",
            "seminggu",
            "sepekan",
            "sebulan",
            "setahun",
            "sewindu",
            "sedekade",
            "sedasawarsa",
            "seabad",
            "sejam",
            "semenit",
            "setengah",
            "berhari",
            "berminggu",
            "berbulan",
            "bertahun",
            "berjam",
            "bermenit",
        ] {
            triggers.insert(w.to_string());
        }
        for w in [
            "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
            "sebelas", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve",
        ] {
            triggers.insert(w.to_string());
        }
        TimeTagger { lx, triggers }
    }

    /// Tags `text`, resolving relative expressions against `anchor`. Spans are
    /// byte offsets into `text`. Without an anchor, relative expressions get
    /// neither value nor anchor; absolute ones are still normalised.
    pub fn tag(&self, text: &str, anchor: Option<NaiveDate>) -> Vec<TimeExpr> {
        let lower = text.to_ascii_lowercase();
        let toks = tokenize(text);
        let sc = Scan {
            text,
            lower: &lower,
            toks: &toks,
            lx: &self.lx,
            anchor,
            last_day: Cell::new(None),
        };
        let mut found: Vec<Found> = Vec::new();
        let mut ctx: Option<NaiveDate> = None;
        let mut i = 0;
        while i < toks.len() {
            if sc.sentence_break(i) {
                ctx = None;
            }
            let t = toks[i];
            let worth = match t.kind {
                Kind::Num => true,
                Kind::Punct => sc.raw(i) == "(",
                Kind::Word => self.triggers.contains(sc.w(i)),
            };
            // A rule never returns an empty or out-of-range match; the filter
            // keeps a future mistake from panicking or looping.
            let best = worth.then(|| sc.best(i, ctx)).flatten();
            if let Some(f) = best.filter(|f| f.start < f.end && f.end <= toks.len() && f.end > i) {
                if let Some(d) = f.day() {
                    ctx = Some(d);
                    sc.last_day.set(Some(d));
                }
                i = f.end;
                found.push(f);
            } else {
                i += 1;
            }
        }
        let mut found = join_dates_and_clocks(&sc, found);
        quotes::resolve_against_speaking_dates(&sc, &mut found);
        found
            .into_iter()
            .map(|f| {
                let (s, e) = (toks[f.start].start, toks[f.end - 1].end);
                TimeExpr {
                    text: text[s..e].to_string(),
                    kind: f.kind,
                    span: Span::new(s, e),
                    value: f.value,
                    anchor: f.anchor.map(calendar::ymd),
                }
            })
            .collect()
    }
}

/// Words that may stand between a day and its clock time (`Senin (20/10)
/// sekira pukul 17.00`).
const DAY_CLOCK_GLUE: &[&str] = &[",", "sekira", "sekitar", "kira-kira", "pada", "at", "around"];

/// A day and a clock time written as one phrase are one TIME: `Selasa
/// (21/10/2025) pukul 10.00 WIB`, `pukul 10.00 WIB, Selasa (21/10)`. The
/// clock's value takes the day's date (its own came from the context).
fn join_dates_and_clocks(sc: &Scan, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        let joined = out.last().and_then(|prev| {
            let glued = f.start - prev.end <= 2
                && (prev.end..f.start).all(|k| DAY_CLOCK_GLUE.contains(&sc.w(k)))
                && !(prev.end + 1..=f.start).any(|k| sc.sentence_break(k));
            let (day, clock) = match (prev.kind, f.kind) {
                (TimeType::Date, TimeType::Time) => (prev, &f),
                (TimeType::Time, TimeType::Date) => (&f, prev),
                _ => return None,
            };
            // A whole day (not `2025-10-21TNI`) and a clock (not a part of
            // the day).
            let date = day.value.as_deref().filter(|v| v.len() == 10).and(day.day())?;
            let (_, hm) = clock.value.as_deref()?.split_once('T')?;
            let is_clock = hm.starts_with(|c: char| c.is_ascii_digit());
            (glued && is_clock).then(|| Found {
                start: prev.start,
                end: f.end,
                kind: TimeType::Time,
                value: Some(format!("{}T{hm}", calendar::ymd(date))),
                anchor: day.anchor,
            })
        });
        match joined {
            Some(j) => *out.last_mut().expect("joined with the last") = j,
            None => out.push(f),
        }
    }
    out
}

/// One tagging pass over a text.
struct Scan<'a> {
    text: &'a str,
    lower: &'a str,
    toks: &'a [Tok],
    lx: &'a Lexicon,
    anchor: Option<NaiveDate>,
    /// The last day the text named so far, across sentences, for times
    /// named by reference to it (`keesokan harinya`, `dua hari kemudian`).
    last_day: Cell<Option<NaiveDate>>,
}

impl<'a> Scan<'a> {
    /// Lower-cased token `i`, empty past the end.
    fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }
    fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }
    fn is(&self, i: usize, k: Kind) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == k)
    }
    /// True when token `i` directly follows token `i - 1` (no space).
    fn attached(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i].start == self.toks[i - 1].end
    }
    /// Token `i` as a number of at most four digits.
    fn num(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num && t.end - t.start <= 4)
            .then(|| self.w(i).parse().ok())
            .flatten()
    }
    fn digits(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.end - t.start)
    }
    /// Token `i` as a four-digit year within `lo..=hi`.
    fn year(&self, i: usize, lo: u32, hi: u32) -> Option<i32> {
        let n = self.num(i)?;
        (self.digits(i) == 4 && (lo..=hi).contains(&n)).then_some(n as i32)
    }
    fn capitalised(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
    /// A sentence ends before token `i`: `.`, `!` or `?` then a space, or a
    /// line break.
    fn sentence_break(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let gap = &self.text[self.toks[i - 1].end..self.toks[i].start];
        gap.contains('\n') || (!gap.is_empty() && matches!(self.raw(i - 1), "." | "!" | "?"))
    }
    /// A future-tense word shortly before `i` in the same clause.
    fn future_cue(&self, i: usize) -> bool {
        for k in (i.saturating_sub(12)..i).rev() {
            if matches!(self.raw(k), "." | "!" | "?" | "\"" | "”" | "“" | "," | ";") {
                return false;
            }
            if FUTURE_CUES.contains(&self.w(k)) {
                return true;
            }
        }
        false
    }

    /// The longest match starting at token `i`; earlier rules win ties.
    fn best(&self, i: usize, ctx: Option<NaiveDate>) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut offer = |f: Option<Found>| {
            if let Some(f) = f {
                if best.as_ref().is_none_or(|b| f.end > b.end) {
                    best = Some(f);
                }
            }
        };
        match self.toks[i].kind {
            Kind::Num => {
                offer(self.numeric_date(i));
                offer(self.day_month_name(i));
                offer(self.quantity(i));
                offer(self.clock(i, i, ctx));
                offer(self.bare_year(i));
            }
            Kind::Punct => offer(self.paren_date(i)),
            Kind::Word => {
                offer(self.phrase(i));
                offer(self.holiday(i));
                offer(self.weekday(i, i));
                offer(self.month(i));
                offer(self.prefixed(i, ctx));
                offer(self.quantity(i));
                offer(self.quarter(i));
                offer(self.set(i));
                offer(self.day_part_alone(i, ctx));
                offer(self.anaphoric(i));
                offer(self.reduplicated(i));
            }
        }
        best
    }
}

impl TimeTagger {
    /// True when `w` (lower case) names a day of the week.
    pub fn is_weekday(&self, w: &str) -> bool {
        self.lx.weekdays.contains_key(w)
    }
}
