//! The temporal tagger: tokens → candidate expressions → TIMEX3 values.
//!
//! Every token that could start an expression (a number, or a word from the
//! trigger set) is handed to a few local rules; the longest match wins and
//! scanning resumes after it. Rules only look a handful of tokens ahead, so
//! the cost is linear in the text and dominated by tokenizing.

use crate::calendar::{self, Direction};
use crate::lexicon::{Holiday, Lexicon, Rel};
use crate::tokens::{tokenize, Kind, Tok};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;
use warta_core::{Span, TimeExpr, TimeType};

/// Words (lower case) that may begin an expression besides numbers and the
/// lexicon's names.
const TRIGGERS: &[&str] = &[
    "tanggal",
    "tgl",
    "pukul",
    "pkl",
    "jam",
    "tahun",
    "thn",
    "era",
    "awal",
    "akhir",
    "pertengahan",
    "medio",
    "penghujung",
    "early",
    "late",
    "mid",
    "setiap",
    "tiap",
    "saban",
    "every",
    "each",
    "dalam",
    "dlm",
    "within",
    "in",
    "bulan",
    "hari",
    "triwulan",
    "kuartal",
    "kwartal",
    "quarter",
    "semester",
    "paruh",
    "q",
    "last",
    "next",
    "this",
    "tadi",
    "nanti",
    "semalam",
    "tonight",
    "pagi",
    "siang",
    "sore",
    "petang",
    "malam",
    "dini",
    "morning",
    "afternoon",
    "evening",
    "night",
    "beberapa",
    "puluhan",
    "ratusan",
    "belasan",
    "few",
    "several",
    "the",
    "first",
    "second",
    "third",
    "fourth",
    "a",
    "an",
];

/// Units of duration: word → TIMEX3 unit letter(s) and whether it is a
/// time-of-day unit (written after `PT`).
fn unit_of(w: &str) -> Option<(&'static str, bool)> {
    Some(match w {
        "hari" | "hr" | "day" | "days" => ("D", false),
        "minggu" | "pekan" | "mgg" | "week" | "weeks" => ("W", false),
        "bulan" | "bln" | "month" | "months" => ("M", false),
        "tahun" | "thn" | "year" | "years" => ("Y", false),
        "dekade" | "dasawarsa" | "decade" | "decades" => ("DE", false),
        "abad" | "century" | "centuries" => ("CE", false),
        "windu" => ("WINDU", false),
        "jam" | "hour" | "hours" => ("H", true),
        "menit" | "mnt" | "minute" | "minutes" => ("M", true),
        "detik" | "dtk" | "second" | "seconds" => ("S", true),
        _ => return None,
    })
}

/// `sehari`, `setahun`, … : one of a unit in a single word.
fn se_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "sehari" => "hari",
        "seminggu" | "sepekan" => "minggu",
        "sebulan" => "bulan",
        "setahun" => "tahun",
        "sewindu" => "windu",
        "sedekade" | "sedasawarsa" => "dekade",
        "seabad" => "abad",
        "sejam" => "jam",
        "semenit" => "menit",
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "satu" | "one" => 1,
        "dua" | "two" => 2,
        "tiga" | "three" => 3,
        "empat" | "four" => 4,
        "lima" | "five" => 5,
        "enam" | "six" => 6,
        "tujuh" | "seven" => 7,
        "delapan" | "eight" => 8,
        "sembilan" | "nine" => 9,
        "sepuluh" | "ten" => 10,
        "sebelas" | "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

/// TIMEX3 part-of-day codes.
fn day_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "pagi" | "subuh" | "morning" => "MO",
        "siang" | "noon" => "MI",
        "sore" | "afternoon" => "AF",
        "petang" | "evening" => "EV",
        "malam" | "night" => "NI",
        _ => return None,
    })
}

/// Time zones used in Indonesian news, as UTC offsets.
fn zone(w: &str) -> Option<&'static str> {
    Some(match w {
        "wib" => "+07:00",
        "wita" => "+08:00",
        "wit" => "+09:00",
        "gmt" | "utc" => "+00:00",
        _ => return None,
    })
}

/// Nouns that mark a four-digit number as a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "orang",
    "unit",
    "ton",
    "km",
    "kilometer",
    "meter",
    "m",
    "kg",
    "ha",
    "hektare",
    "hektar",
    "rupiah",
    "dolar",
    "kali",
    "buah",
    "ekor",
    "kasus",
    "peserta",
    "siswa",
    "warga",
    "pasien",
    "lembar",
    "liter",
    "mw",
    "persen",
    "jiwa",
    "rumah",
    "kk",
    "sekolah",
    "people",
    "dollars",
    "personel",
    "pekerja",
    "karyawan",
    "suara",
    "titik",
    "desa",
    "mahasiswa",
    "guru",
    "kendaraan",
];

/// Words before a bare month name that make it a date (`pada Oktober`).
const MONTH_CUES: &[&str] = &[
    "pada",
    "bulan",
    "sejak",
    "hingga",
    "sampai",
    "awal",
    "akhir",
    "pertengahan",
    "medio",
    "penghujung",
    "in",
    "since",
    "until",
    "by",
    "early",
    "late",
    "mid",
    "jelang",
    "menjelang",
    "selama",
    "sepanjang",
    "antara",
    "dan",
    "per",
    "tanggal",
    "sebelum",
    "setelah",
    "usai",
];

/// Words before a bare weekday that make it future (`akan ... Senin`).
const FUTURE_CUES: &[&str] = &[
    "akan",
    "bakal",
    "dijadwalkan",
    "rencananya",
    "direncanakan",
    "hendak",
    "will",
    "nanti",
];

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
        };
        let mut out = Vec::new();
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
            if let Some(f) = worth.then(|| sc.best(i, ctx)).flatten() {
                if let Some(d) = f.day() {
                    ctx = Some(d);
                }
                let (s, e) = (toks[f.start].start, toks[f.end - 1].end);
                out.push(TimeExpr {
                    text: text[s..e].to_string(),
                    kind: f.kind,
                    span: Span::new(s, e),
                    value: f.value,
                    anchor: f.anchor.map(calendar::ymd),
                });
                i = f.end;
            } else {
                i += 1;
            }
        }
        out
    }
}

/// One tagging pass over a text.
struct Scan<'a> {
    text: &'a str,
    lower: &'a str,
    toks: &'a [Tok],
    lx: &'a Lexicon,
    anchor: Option<NaiveDate>,
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
            }
        }
        best
    }

    // ---- pieces ---------------------------------------------------------

    /// `d/m/y`, `d-m-y`, `d.m.y` (four-digit year), or `y-m-d` at `i`.
    fn dmy_numbers(&self, i: usize) -> Option<DayMonth> {
        let a = self.num(i)?;
        let sep = self.raw(i + 1);
        if !matches!(sep, "/" | "-" | ".") || !self.attached(i + 1) || !self.attached(i + 2) {
            return None;
        }
        let b = self.num(i + 2)?;
        if self.raw(i + 3) != sep || !self.attached(i + 3) || !self.attached(i + 4) {
            return None;
        }
        let c = self.num(i + 4)?;
        if self.is(i + 5, Kind::Num) && self.attached(i + 5) {
            return None;
        }
        let (d, m, y) = if self.digits(i) == 4 && sep == "-" {
            (c, b, a as i32)
        } else if self.digits(i + 4) == 4 {
            (a, b, c as i32)
        } else if sep == "/" && self.digits(i + 4) == 2 {
            (a, b, 2000 + c as i32)
        } else {
            return None;
        };
        NaiveDate::from_ymd_opt(y, m, d)?;
        Some(DayMonth {
            end: i + 5,
            d,
            m,
            y: Some(y),
        })
    }

    /// `(d/m)` or `(d/m/y)` starting at the `(` token `i`; `end` is past `)`.
    fn paren_dm(&self, i: usize) -> Option<DayMonth> {
        if self.raw(i) != "(" {
            return None;
        }
        if let Some(dm) = self.dmy_numbers(i + 1) {
            return (self.raw(dm.end) == ")").then_some(DayMonth {
                end: dm.end + 1,
                ..dm
            });
        }
        let (d, m) = (self.num(i + 1)?, self.num(i + 3)?);
        if self.raw(i + 2) != "/"
            || self.raw(i + 4) != ")"
            || !(1..=12).contains(&m)
            || !(1..=31).contains(&d)
        {
            return None;
        }
        // 29 February checked against a leap year; the real year comes later.
        NaiveDate::from_ymd_opt(2024, m, d)?;
        Some(DayMonth {
            end: i + 5,
            d,
            m,
            y: None,
        })
    }

    /// `13 Juni 2022`, `13 Jun`, `June 13, 2022`, `Juni 13`.
    fn dm_name(&self, i: usize) -> Option<DayMonth> {
        if let Some(d) = self
            .num(i)
            .filter(|d| (1..=31).contains(d) && self.digits(i) <= 2)
        {
            let mut j = i + 1;
            let &(m, _) = self.lx.months.get(self.w(j))?;
            j += 1;
            if self.raw(j) == "." && self.attached(j) {
                j += 1; // `Agus.`
            }
            let y = self.year(j, 1000, 2200);
            NaiveDate::from_ymd_opt(y.unwrap_or(2024), m, d)?;
            return Some(DayMonth {
                end: if y.is_some() { j + 1 } else { j },
                d,
                m,
                y,
            });
        }
        let &(m, _) = self.lx.months.get(self.w(i))?;
        let mut j = i + 1;
        if self.raw(j) == "." && self.attached(j) {
            j += 1;
        }
        let d = self
            .num(j)
            .filter(|d| (1..=31).contains(d) && self.digits(j) <= 2)?;
        j += 1;
        if matches!(self.w(j), "st" | "nd" | "rd" | "th") && self.attached(j) {
            j += 1;
        }
        let mut k = j;
        if self.raw(k) == "," {
            k += 1;
        }
        let y = self.year(k, 1000, 2200);
        NaiveDate::from_ymd_opt(y.unwrap_or(2024), m, d)?;
        Some(DayMonth {
            end: if y.is_some() { k + 1 } else { j },
            d,
            m,
            y,
        })
    }

    /// Resolves a day/month with an optional year and direction word after.
    fn resolve_dm(&self, start: usize, dm: DayMonth, kind: TimeType) -> Found {
        let (dir, end) = match self.w(dm.end) {
            "lalu" | "kemarin" | "silam" if dm.y.is_none() => (Direction::Past, dm.end + 1),
            "mendatang" | "depan" | "nanti" if dm.y.is_none() => (Direction::Future, dm.end + 1),
            "lalu" | "silam" => (Direction::Nearest, dm.end + 1),
            _ => (Direction::Nearest, dm.end),
        };
        match dm.y {
            Some(y) => {
                let v = NaiveDate::from_ymd_opt(y, dm.m, dm.d).map(calendar::ymd);
                Found {
                    start,
                    end,
                    kind,
                    value: v,
                    anchor: None,
                }
            }
            None => Found::rel(start, end, kind, self.anchor, |a| {
                calendar::day_of_year_near(a, dm.m, dm.d, dir).map(calendar::ymd)
            }),
        }
    }

    /// Like [`Scan::resolve_dm`] for a yearless date led by weekday `wd`:
    /// of the anchor's year and its neighbours, the nearest year in which
    /// the date falls on that weekday wins; if none does, the usual rule.
    fn resolve_dm_weekday(&self, start: usize, dm: DayMonth, kind: TimeType, wd: u32) -> Found {
        let f = self.resolve_dm(start, dm, kind);
        let (Some(a), Some(day)) = (self.anchor, f.day()) else {
            return f;
        };
        if day.weekday().number_from_monday() == wd {
            return f;
        }
        let fits = [a.year(), a.year() - 1, a.year() + 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, dm.m, dm.d))
            .filter(|d| d.weekday().number_from_monday() == wd)
            .min_by_key(|d| (*d - a).num_days().abs());
        match fits {
            Some(d) => Found {
                value: Some(calendar::ymd(d)),
                ..f
            },
            None => f,
        }
    }

    // ---- rules ------------------------------------------------------------

    fn numeric_date(&self, i: usize) -> Option<Found> {
        let dm = self.dmy_numbers(i)?;
        Some(self.resolve_dm(i, dm, TimeType::Date))
    }

    fn paren_date(&self, i: usize) -> Option<Found> {
        let dm = self.paren_dm(i)?;
        // The span is the date inside the parentheses.
        let f = self.resolve_dm(
            i + 1,
            DayMonth {
                end: dm.end - 1,
                ..dm
            },
            TimeType::Date,
        );
        Some(Found { end: dm.end - 1, ..f })
    }

    fn day_month_name(&self, i: usize) -> Option<Found> {
        // `13-15 Juni 2022`: the first day of a range takes the month after it.
        if matches!(self.raw(i + 1), "-" | "–") && self.num(i).is_some_and(|d| (1..=31).contains(&d)) {
            if let Some(dm) = self.dm_name(i + 2) {
                if dm.d > self.num(i)? {
                    let first = DayMonth {
                        end: i + 1,
                        d: self.num(i)?,
                        ..dm
                    };
                    let f = self.resolve_dm(i, first, TimeType::Date);
                    return Some(Found { end: i + 1, ..f });
                }
            }
        }
        let dm = self.dm_name(i)?;
        Some(self.resolve_dm(i, dm, TimeType::Date))
    }

    /// A four-digit year standing alone, `2014 lalu`, `1990-an`, `1990s`.
    fn bare_year(&self, i: usize) -> Option<Found> {
        let y = self.year(i, 1900, 2100)?;
        if self.attached(i) && matches!(self.raw(i - 1), "-" | "/" | "." | ",") {
            let prev_is_year = self.year(i.wrapping_sub(2), 1900, 2100).is_some();
            if self.is(i.wrapping_sub(2), Kind::Num) && !prev_is_year {
                return None;
            }
        }
        if matches!(self.raw(i + 1), "." | ",")
            && self.attached(i + 1)
            && self.is(i + 2, Kind::Num)
            && self.attached(i + 2)
        {
            return None;
        }
        if i > 0 && matches!(self.w(i - 1), "rp" | "$" | "us" | "no" | "nomor" | "nomer") {
            return None;
        }
        if COUNT_NOUNS.contains(&self.w(i + 1)) && !self.attached(i + 1) {
            return None;
        }
        self.year_tail(i, i, y)
    }

    /// What follows a year: a decade suffix or `lalu`/`silam`.
    fn year_tail(&self, start: usize, i: usize, y: i32) -> Option<Found> {
        if self.raw(i + 1) == "-" && self.w(i + 2) == "an" && self.attached(i + 2) && y % 10 == 0 {
            return Some(Found::abs(start, i + 3, TimeType::Date, format!("{:03}", y / 10)));
        }
        if self.w(i + 1) == "s" && self.attached(i + 1) && y % 10 == 0 {
            return Some(Found::abs(start, i + 2, TimeType::Date, format!("{:03}", y / 10)));
        }
        let end = if matches!(self.w(i + 1), "lalu" | "silam") {
            i + 2
        } else {
            i + 1
        };
        Some(Found::abs(start, end, TimeType::Date, format!("{y:04}")))
    }

    /// `Senin`, `Senin (13/6/2022)`, `Rabu malam`, `Senin lalu`, `hari Senin`.
    fn weekday(&self, start: usize, i: usize) -> Option<Found> {
        // `hari Senin`: the classifier stays outside the span, as TimeML
        // leaves out `on` in `on Monday`.
        if self.w(i) == "hari" && start == i {
            return self.weekday(i + 1, i + 1);
        }
        let &wd = self.lx.weekdays.get(self.w(i))?;
        // Lower-case `minggu` is the week.
        if self.w(i) == "minggu" && !self.capitalised(i) {
            return None;
        }
        let mut j = i + 1;
        let mut part = self.part_at(j);
        if let Some((_, e)) = part {
            j = e;
        }
        let mut k = j;
        if self.raw(k) == "," {
            k += 1;
        }
        let date = self
            .paren_dm(k)
            .or_else(|| self.dmy_numbers(k))
            .or_else(|| self.num(k).and(self.dm_name(k)));
        if let Some(dm) = date {
            j = dm.end;
            if part.is_none() {
                part = self.part_at(j);
                if let Some((_, e)) = part {
                    j = e;
                }
            }
            let kind = if part.is_some() {
                TimeType::Time
            } else {
                TimeType::Date
            };
            let mut f = match dm.y {
                // `Rabu (15/5)` in an October 2025 article: the weekday
                // picks the year (2024), when one nearby year fits it.
                None => self.resolve_dm_weekday(start, DayMonth { end: j, ..dm }, kind, wd),
                Some(_) => self.resolve_dm(start, DayMonth { end: j, ..dm }, kind),
            };
            if dm.y.is_none() || part.is_some() {
                f.end = f.end.max(j);
            }
            if let (Some((p, _)), Some(v)) = (part, f.value.as_mut()) {
                v.push('T');
                v.push_str(p);
            }
            return Some(f);
        }
        // No date: the direction decides which week.
        let (week_shift, dir, end) = match (self.w(j), self.w(j + 1)) {
            ("pekan" | "minggu", "lalu") => (Some(-1), Direction::Past, j + 2),
            ("pekan" | "minggu", "depan") => (Some(1), Direction::Future, j + 2),
            ("pekan" | "minggu", "ini") => (Some(0), Direction::Nearest, j + 2),
            ("lalu" | "kemarin", _) => (None, Direction::Past, j + 1),
            ("depan" | "mendatang" | "besok", _) => (None, Direction::Future, j + 1),
            ("ini", _) => (Some(0), Direction::Nearest, j + 1),
            _ if self.future_cue(start) => (None, Direction::FutureOrToday, j),
            _ => (None, Direction::PastOrToday, j),
        };
        let (mut end, mut part) = (end, part);
        if part.is_none() {
            if let Some((p, e)) = self.part_at(end) {
                part = Some((p, e));
                end = e;
            }
        }
        let kind = if part.is_some() {
            TimeType::Time
        } else {
            TimeType::Date
        };
        Some(Found::rel(start, end, kind, self.anchor, |a| {
            let d = match week_shift {
                Some(s) => {
                    let monday = calendar::add_days(a, -(a.weekday().num_days_from_monday() as i64))?;
                    calendar::add_days(monday, s * 7 + wd as i64 - 1)?
                }
                None => calendar::weekday_near(a, wd, dir)?,
            };
            Some(match part {
                Some((p, _)) => format!("{}T{p}", calendar::ymd(d)),
                None => calendar::ymd(d),
            })
        }))
    }

    /// A part of the day at `i` (`malam`, `dini hari`): code and end token.
    fn part_at(&self, i: usize) -> Option<(&'static str, usize)> {
        if self.w(i) == "dini" && self.w(i + 1) == "hari" {
            return Some(("MO", i + 2));
        }
        day_part(self.w(i)).map(|p| (p, i + 1))
    }

    /// `Juni 2022`, `Juni lalu`, `pada Oktober`, `June 13, 2022`.
    fn month(&self, i: usize) -> Option<Found> {
        let &(m, full) = self.lx.months.get(self.w(i))?;
        if let Some(dm) = self.dm_name(i) {
            return Some(self.resolve_dm(i, dm, TimeType::Date));
        }
        let mut j = i + 1;
        if self.raw(j) == "." && self.attached(j) && !full {
            j += 1;
        }
        if matches!(self.raw(j), "-" | "/") && self.attached(j) {
            j += 1; // `Juni-2022`
        }
        if let Some(y) = self.year(j, 1000, 2200) {
            return Some(Found::abs(i, j + 1, TimeType::Date, calendar::ym(y, m)));
        }
        if !full || !self.capitalised(i) {
            return None;
        }
        let (dir, end) = match self.w(i + 1) {
            "lalu" | "kemarin" | "silam" => (Direction::Past, i + 2),
            "mendatang" | "depan" | "nanti" => (Direction::Future, i + 2),
            "ini" => (Direction::Nearest, i + 2),
            _ if i > 0 && MONTH_CUES.contains(&self.w(i - 1)) => (Direction::Nearest, i + 1),
            _ => return None,
        };
        Some(Found::rel(i, end, TimeType::Date, self.anchor, |a| {
            Some(calendar::ym(calendar::month_year_near(a, m, dir), m))
        }))
    }

    /// Relative and vague phrases from `words.txt`, with an optional part of
    /// the day after a day phrase (`kemarin sore`).
    fn phrase(&self, i: usize) -> Option<Found> {
        let list = self.lx.phrases.get(self.w(i))?;
        let p = list
            .iter()
            .find(|p| p.words.iter().enumerate().all(|(k, w)| self.w(i + k) == w))?;
        let end = i + p.words.len();
        let rel = p.value;
        if let Rel::Ref(r) = rel {
            return Some(Found {
                start: i,
                end,
                kind: TimeType::Date,
                value: Some(r.to_string()),
                anchor: self.anchor,
            });
        }
        if let (Rel::Day(n), Some((part, e))) = (rel, self.part_at(end)) {
            return Some(Found::rel(i, e, TimeType::Time, self.anchor, |a| {
                Some(format!("{}T{part}", calendar::ymd(calendar::add_days(a, n)?)))
            }));
        }
        Some(Found::rel(i, end, TimeType::Date, self.anchor, |a| {
            rel_value(a, rel)
        }))
    }

    /// Named days (`Hari Rusia`, `Natal 2022`, `Paskah`, `Idul Fitri`).
    fn holiday(&self, i: usize) -> Option<Found> {
        if !self.capitalised(i) {
            return None;
        }
        let list = self.lx.holidays.get(self.w(i))?;
        let p = list
            .iter()
            .find(|p| p.words.iter().enumerate().all(|(k, w)| self.w(i + k) == w))?;
        let mut end = i + p.words.len();
        let year = self.year(end, 1900, 2100);
        if year.is_some() {
            end += 1;
        }
        let day = |y: i32| match p.value {
            Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
            Holiday::Easter(n) => calendar::add_days(calendar::easter(y)?, n),
            Holiday::Lunar => None,
        };
        if p.value == Holiday::Lunar {
            return Some(Found {
                start: i,
                end,
                kind: TimeType::Date,
                value: None,
                anchor: None,
            });
        }
        Some(match year {
            Some(y) => Found {
                start: i,
                end,
                kind: TimeType::Date,
                value: day(y).map(calendar::ymd),
                anchor: None,
            },
            // The anchor's year, unless the neighbouring year's day is close
            // (45 days): `Tahun Baru` in a Christmas story is the coming one.
            None => Found::rel(i, end, TimeType::Date, self.anchor, |a| {
                let close = [a.year() - 1, a.year() + 1]
                    .into_iter()
                    .filter_map(day)
                    .find(|d| (*d - a).num_days().abs() <= 45);
                close.or_else(|| day(a.year())).map(calendar::ymd)
            }),
        })
    }

    /// Rules led by a function word whose span includes it: `tanggal`,
    /// `pukul`, `tahun`, `era`, `bulan`, `awal`/`akhir`, `dalam`, `last`.
    fn prefixed(&self, i: usize, ctx: Option<NaiveDate>) -> Option<Found> {
        match self.w(i) {
            "tanggal" | "tgl" => {
                let j = if self.raw(i + 1) == "." { i + 2 } else { i + 1 };
                let f = self.numeric_date(j).or_else(|| self.day_month_name(j))?;
                Some(Found { start: i, ..f })
            }
            "pukul" | "pkl" | "jam" | "at" => self.clock(i, i + 1, ctx),
            "tahun" | "thn" | "era" | "year" => {
                if let Some(y) = self.year(i + 1, 1000, 2200) {
                    return self.year_tail(i, i + 1, y);
                }
                // `tahun 90-an`
                let n = self.num(i + 1).filter(|_| self.digits(i + 1) == 2)?;
                if self.raw(i + 2) == "-" && self.w(i + 3) == "an" {
                    let century = if n >= 30 { 19 } else { 20 };
                    let v = format!("{century}{}", n / 10);
                    return Some(Found::abs(i, i + 4, TimeType::Date, v));
                }
                None
            }
            "bulan" => {
                let f = self.month(i + 1)?;
                Some(Found { start: i, ..f })
            }
            "awal" | "akhir" | "pertengahan" | "medio" | "penghujung" | "early" | "late" | "mid" => {
                // The value is the period itself; TIMEX3's `mod` has no field here.
                let j = if self.raw(i + 1) == "-" && self.attached(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                let inner = self
                    .phrase(j)
                    .or_else(|| self.month(j))
                    .or_else(|| self.prefixed(j, ctx))
                    .or_else(|| self.year(j, 1900, 2100).and_then(|y| self.year_tail(j, j, y)));
                if let Some(f) = inner.filter(|f| f.kind == TimeType::Date) {
                    return Some(Found { start: i, ..f });
                }
                match self.w(j) {
                    "tahun" | "year" => Some(Found::rel(i, j + 1, TimeType::Date, self.anchor, |a| {
                        Some(format!("{:04}", a.year()))
                    })),
                    "bulan" | "month" => Some(Found::rel(i, j + 1, TimeType::Date, self.anchor, |a| {
                        Some(calendar::ym(a.year(), a.month()))
                    })),
                    _ => None,
                }
            }
            "dalam" | "dlm" | "within" | "in" => {
                let q = self.quantity_parts(i + 1)?;
                // `terpanas dalam 79 tahun`, `hottest in 79 years`: after a
                // superlative the phrase is a stretch of time, not a date.
                let prev = if i > 0 { self.w(i - 1) } else { "" };
                let superlative = (prev.starts_with("ter") && prev.len() > 5)
                    || (prev.ends_with("est") && prev.len() > 4)
                    || matches!(prev, "pertama" | "first");
                if q.trailer.is_some() || superlative {
                    return None;
                }
                let n = q.n?;
                Some(Found::rel(i, q.end, TimeType::Date, self.anchor, |a| {
                    shift(a, n, q.unit)
                }))
            }
            "last" | "next" | "this" => {
                let f = self.weekday(i + 1, i + 1)?;
                if f.end != i + 2 {
                    return None;
                }
                let &wd = self.lx.weekdays.get(self.w(i + 1))?;
                let dir = match self.w(i) {
                    "last" => Direction::Past,
                    "next" => Direction::Future,
                    _ => Direction::Nearest,
                };
                Some(Found::rel(i, i + 2, TimeType::Date, self.anchor, |a| {
                    calendar::weekday_near(a, wd, dir).map(calendar::ymd)
                }))
            }
            "tadi" | "nanti" | "semalam" | "tonight" => {
                let (n, part, end) = match (self.w(i), self.part_at(i + 1)) {
                    ("semalam", _) => (-1, "NI", i + 1),
                    ("tonight", _) => (0, "NI", i + 1),
                    ("tadi", Some(("NI", e))) => (-1, "NI", e),
                    (_, Some((p, e))) => (0, p, e),
                    _ => return None,
                };
                Some(Found::rel(i, end, TimeType::Time, self.anchor, |a| {
                    Some(format!("{}T{part}", calendar::ymd(calendar::add_days(a, n)?)))
                }))
            }
            _ => None,
        }
    }

    /// A part of the day with a pointer to its day: `malam ini`, `pagi tadi`,
    /// `pada sore hari`, `dini hari` (the day in context, else the anchor).
    fn day_part_alone(&self, i: usize, ctx: Option<NaiveDate>) -> Option<Found> {
        let (part, pend) = self.part_at(i)?;
        let (n, end) = match self.w(pend) {
            "ini" | "nanti" => (0, pend + 1),
            "tadi" => (if part == "NI" { -1 } else { 0 }, pend + 1),
            _ if self.w(i) == "dini" => (0, pend),
            _ if i > 0 && self.w(i - 1) == "pada" => {
                (0, if self.w(pend) == "hari" { pend + 1 } else { pend })
            }
            _ => return None,
        };
        let base = if n == 0 { ctx.or(self.anchor) } else { self.anchor };
        Some(Found::rel(i, end, TimeType::Time, base, |a| {
            Some(format!("{}T{part}", calendar::ymd(calendar::add_days(a, n)?)))
        }))
    }

    /// A clock time at `j` (`10.00 WIB`, `19:30`, `10 pagi`), span from `start`.
    /// Without the `pukul` prefix a time zone or am/pm is required.
    fn clock(&self, start: usize, j: usize, ctx: Option<NaiveDate>) -> Option<Found> {
        let mut h = self.num(j).filter(|h| *h <= 24 && self.digits(j) <= 2)?;
        let mut k = j + 1;
        let mut min = 0;
        let mut sec = None;
        let colon = self.raw(k) == ":";
        if matches!(self.raw(k), "." | ":")
            && self.attached(k)
            && self.attached(k + 1)
            && self.digits(k + 1) == 2
        {
            min = self.num(k + 1).filter(|m| *m < 60)?;
            k += 2;
            if colon && self.raw(k) == ":" && self.attached(k) && self.digits(k + 1) == 2 {
                sec = self.num(k + 1).filter(|s| *s < 60);
                k += 2;
            }
        }
        // `07 Feb 2015 20:15`: a colon time right after a date needs no cue.
        let mut marked = start != j || (colon && ctx.is_some() && h < 24);
        if matches!(self.w(k), "am" | "pm" | "a" | "p") {
            if matches!(self.w(k), "pm" | "p") && h < 12 {
                h += 12;
            }
            marked = true;
            k += 1;
        }
        let mut tz = zone(self.w(k));
        if tz.is_some() {
            k += 1;
        }
        if let Some((p, e)) = self.part_at(k) {
            if matches!(p, "AF" | "EV" | "NI") && h < 12 && !(p == "NI" && h <= 3) {
                h += 12;
            }
            k = e;
            marked = true;
            if tz.is_none() {
                tz = zone(self.w(k));
                if tz.is_some() {
                    k += 1;
                }
            }
        }
        // `pukul 10.00-12.00 WIB`: the zone after the range applies to both.
        if tz.is_none() && matches!(self.w(k), "-" | "–" | "sampai" | "hingga" | "to" | "until") {
            let mut z = k + 2;
            if matches!(self.raw(z), "." | ":") {
                z += 2;
            }
            tz = zone(self.w(z));
        }
        if tz.is_some() {
            marked = true;
        }
        if !marked || (self.w(start) == "jam" && k == j + 1) {
            return None;
        }
        let tz = tz.unwrap_or("");
        let base = ctx.or(self.anchor);
        let mut f = Found::rel(start, k, TimeType::Time, base, |d| {
            let secs = sec.map_or(String::new(), |s| format!(":{s:02}"));
            Some(format!("{}T{h:02}:{min:02}{secs}{tz}", calendar::ymd(d)))
        });
        if ctx.is_some() {
            f.anchor = f.value.as_ref().and(ctx);
        }
        Some(f)
    }

    /// `3 tahun`, `dua hari lalu`, `setahun`, `beberapa pekan terakhir`.
    fn quantity(&self, i: usize) -> Option<Found> {
        let q = self.quantity_parts(i)?;
        let count = match q.n {
            Some(n) => fmt_count(n),
            None => "X".to_string(),
        };
        match (q.trailer, q.n) {
            (Some(Trailer::Ago), Some(n)) => Some(Found::rel(i, q.end, TimeType::Date, self.anchor, |a| {
                shift(a, -n, q.unit)
            })),
            (Some(Trailer::Ahead), Some(n)) => Some(Found::rel(i, q.end, TimeType::Date, self.anchor, |a| {
                shift(a, n, q.unit)
            })),
            (Some(Trailer::Ago | Trailer::Ahead), None) => Some(
                Found {
                    start: i,
                    end: q.end,
                    kind: TimeType::Date,
                    value: Some("PAST_REF".into()),
                    anchor: self.anchor,
                }
                .with_future(matches!(q.trailer, Some(Trailer::Ahead))),
            ),
            _ => Some(Found::abs(i, q.end, TimeType::Duration, duration(&count, q.unit))),
        }
    }

    fn quantity_parts(&self, i: usize) -> Option<Quantity> {
        let (n, mut j): (Option<f64>, usize) = if let Some(u) = se_unit(self.w(i)) {
            let t = self.trailer(i + 1);
            return Some(Quantity {
                n: Some(1.0),
                unit: u,
                end: t.map_or(i + 1, |t| t.1),
                trailer: t.map(|t| t.0),
            });
        } else if self.is(i, Kind::Num) {
            // `G20 tahun ini`, `1.500 tahun`: part of a name or a bigger number.
            if self.attached(i)
                && (matches!(self.raw(i - 1), "." | "," | "/" | "-") || self.is(i - 1, Kind::Word))
            {
                return None;
            }
            let whole: f64 = self.w(i).parse().ok()?;
            if matches!(self.raw(i + 1), "," | ".")
                && self.attached(i + 1)
                && self.is(i + 2, Kind::Num)
                && self.attached(i + 2)
            {
                let frac: f64 = format!("0.{}", self.w(i + 2)).parse().ok()?;
                if self.raw(i + 1) == "." && self.digits(i + 2) == 3 {
                    return None; // thousands separator
                }
                (Some(whole + frac), i + 3)
            } else {
                (Some(whole), i + 1)
            }
        } else if let Some(n) = small_number(self.w(i)) {
            let mut j = i + 1;
            let mut n = n as f64;
            if self.w(j) == "puluh" {
                n *= 10.0;
                j += 1;
                if let Some(m) = small_number(self.w(j)).filter(|m| *m < 10) {
                    n += m as f64;
                    j += 1;
                }
            } else if self.w(j) == "belas" {
                n += 10.0;
                j += 1;
            }
            (Some(n), j)
        } else if matches!(
            self.w(i),
            "beberapa" | "puluhan" | "ratusan" | "belasan" | "several"
        ) {
            (None, i + 1)
        } else if self.w(i) == "a" && self.w(i + 1) == "few" {
            (None, i + 2)
        } else if matches!(self.w(i), "a" | "an") {
            (Some(1.0), i + 1)
        } else {
            return None;
        };
        let unit_word = self.w(j);
        let (_, _) = unit_of(unit_word)?;
        // `tahun 2019` is a year, not a duration; `2 minggu` but not `2 Minggu (12/6)`.
        if self.year(j + 1, 1000, 2200).is_some() || (unit_word == "minggu" && self.raw(j + 1) == "(") {
            return None;
        }
        j += 1;
        let t = self.trailer(j);
        Some(Quantity {
            n,
            unit: unit_word_static(unit_word),
            end: t.map_or(j, |t| t.1),
            trailer: t.map(|t| t.0),
        })
    }

    fn trailer(&self, j: usize) -> Option<(Trailer, usize)> {
        Some(match (self.w(j), self.w(j + 1)) {
            ("yang", "lalu") => (Trailer::Ago, j + 2),
            ("lalu" | "silam" | "ago", _) => (Trailer::Ago, j + 1),
            ("lagi", _) => (Trailer::Ahead, j + 1),
            ("ke", "depan") => (Trailer::Span, j + 2),
            ("terakhir" | "belakangan" | "mendatang" | "berikutnya", _) => (Trailer::Span, j + 1),
            _ => return None,
        })
    }

    /// `triwulan III 2025`, `kuartal II-2025`, `semester I`, `Q3 2025`.
    fn quarter(&self, i: usize) -> Option<Found> {
        let (half, mut j) = match self.w(i) {
            "triwulan" | "kuartal" | "kwartal" | "quarter" => (false, i + 1),
            "semester" | "paruh" => (true, i + 1),
            "q" if self.is(i + 1, Kind::Num) && self.attached(i + 1) => (false, i + 1),
            "h" if self.is(i + 1, Kind::Num) && self.attached(i + 1) && self.capitalised(i) => (true, i + 1),
            "first" | "second" | "third" | "fourth" if matches!(self.w(i + 1), "quarter" | "half") => {
                let n = ordinal(self.w(i))?;
                let half = self.w(i + 1) == "half";
                return self.quarter_year(i, i + 2 + usize::from(self.w(i + 2) == "of"), n, half);
            }
            _ => return None,
        };
        let n = match self.w(j) {
            "i" | "1" => 1,
            "ii" | "2" => 2,
            "iii" | "3" => 3,
            "iv" | "4" => 4,
            "ke" if self.raw(j + 1) == "-" => {
                j += 2;
                self.num(j).filter(|n| (1..=4).contains(n))?
            }
            w => ordinal(w)?,
        };
        if n > if half { 2 } else { 4 } {
            return None;
        }
        self.quarter_year(i, j + 1, n, half)
    }

    fn quarter_year(&self, start: usize, mut j: usize, n: u32, half: bool) -> Option<Found> {
        let letter = if half { 'H' } else { 'Q' };
        if matches!(self.raw(j), "-" | "/") && self.year(j + 1, 1900, 2100).is_some() {
            j += 1;
        }
        if self.w(j) == "tahun" {
            if let Some(y) = self.year(j + 1, 1900, 2100) {
                return Some(Found::abs(
                    start,
                    j + 2,
                    TimeType::Date,
                    format!("{y:04}-{letter}{n}"),
                ));
            }
            let shift = match self.w(j + 1) {
                "ini" => 0,
                "lalu" => -1,
                "depan" => 1,
                _ => return Some(self.quarter_rel(start, j, n, letter, 0)),
            };
            return Some(self.quarter_rel(start, j + 2, n, letter, shift));
        }
        if let Some(y) = self.year(j, 1900, 2100) {
            return Some(Found::abs(
                start,
                j + 1,
                TimeType::Date,
                format!("{y:04}-{letter}{n}"),
            ));
        }
        Some(self.quarter_rel(start, j, n, letter, 0))
    }

    fn quarter_rel(&self, start: usize, end: usize, n: u32, letter: char, shift: i32) -> Found {
        Found::rel(start, end, TimeType::Date, self.anchor, |a| {
            Some(format!("{:04}-{letter}{n}", a.year() + shift))
        })
    }

    /// `setiap Senin`, `tiap hari`, `setiap 17 Agustus`, `every 2 weeks`.
    fn set(&self, i: usize) -> Option<Found> {
        if !matches!(self.w(i), "setiap" | "tiap" | "saban" | "every" | "each") {
            return None;
        }
        let mut j = i + 1;
        if self.w(j) == "hari" && self.lx.weekdays.contains_key(self.w(j + 1)) {
            j += 1;
        }
        let weekly = self.w(j) == "minggu" && !self.capitalised(j);
        if let Some(&wd) = self.lx.weekdays.get(self.w(j)).filter(|_| !weekly) {
            return Some(Found::abs(i, j + 1, TimeType::Set, format!("XXXX-WXX-{wd}")));
        }
        if let Some(dm) = self.dm_name(j).filter(|dm| dm.y.is_none()) {
            return Some(Found::abs(
                i,
                dm.end,
                TimeType::Set,
                format!("XXXX-{:02}-{:02}", dm.m, dm.d),
            ));
        }
        if matches!(self.w(j), "tanggal" | "tgl") {
            let d = self.num(j + 1).filter(|d| (1..=31).contains(d))?;
            return Some(Found::abs(i, j + 2, TimeType::Set, format!("XXXX-XX-{d:02}")));
        }
        if let Some((p, e)) = self.part_at(j) {
            return Some(Found::abs(i, e, TimeType::Set, format!("XXXX-XX-XXT{p}")));
        }
        if let Some(q) = self.quantity_parts(j).filter(|q| q.trailer.is_none()) {
            let count = q.n.map_or("X".to_string(), fmt_count);
            return Some(Found::abs(i, q.end, TimeType::Set, duration(&count, q.unit)));
        }
        let unit = unit_of(self.w(j))?;
        let _ = unit;
        Some(Found::abs(
            i,
            j + 1,
            TimeType::Set,
            duration("1", unit_word_static(self.w(j))),
        ))
    }
}

impl Found {
    fn with_future(mut self, future: bool) -> Found {
        if future {
            self.value = Some("FUTURE_REF".into());
        }
        self
    }
}

/// What follows a quantity of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trailer {
    /// `lalu`, `yang lalu`, `silam`, `ago`: a past date.
    Ago,
    /// `lagi`: a future date.
    Ahead,
    /// `terakhir`, `ke depan`, `mendatang`: a duration reaching the anchor.
    Span,
}

#[derive(Debug, Clone, Copy)]
struct Quantity {
    n: Option<f64>,
    unit: &'static str,
    end: usize,
    trailer: Option<Trailer>,
}

fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "pertama" | "first" | "kesatu" => 1,
        "kedua" | "second" => 2,
        "ketiga" | "third" => 3,
        "keempat" | "fourth" => 4,
        _ => return None,
    })
}

/// The unit word normalised to the Indonesian spelling used by [`shift`].
fn unit_word_static(w: &str) -> &'static str {
    match unit_of(w) {
        Some(("D", _)) => "hari",
        Some(("W", _)) => "minggu",
        Some(("M", false)) => "bulan",
        Some(("Y", _)) => "tahun",
        Some(("DE", _)) => "dekade",
        Some(("CE", _)) => "abad",
        Some(("WINDU", _)) => "windu",
        Some(("H", _)) => "jam",
        Some(("M", true)) => "menit",
        _ => "detik",
    }
}

fn fmt_count(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// TIMEX3 duration for `count` units (`P3Y`, `PT2H`, `PXD`).
fn duration(count: &str, unit: &str) -> String {
    let (letter, time) = unit_of(unit).unwrap_or(("S", true));
    if letter == "WINDU" {
        return match count.parse::<f64>() {
            Ok(n) => format!("P{}Y", fmt_count(n * 8.0)),
            Err(_) => "PXY".to_string(),
        };
    }
    if time {
        format!("PT{count}{letter}")
    } else {
        format!("P{count}{letter}")
    }
}

/// The date `n` units away from `a`, at the unit's granularity.
fn shift(a: NaiveDate, n: f64, unit: &str) -> Option<String> {
    if n.fract() != 0.0 {
        return None;
    }
    let n = n as i64;
    Some(match unit {
        "hari" => calendar::ymd(calendar::add_days(a, n)?),
        "minggu" => calendar::iso_week(calendar::add_days(a, 7 * n)?),
        "bulan" => {
            let (y, m) = calendar::add_months(a.year(), a.month(), n);
            calendar::ym(y, m)
        }
        "tahun" => format!("{:04}", a.year() as i64 + n),
        "windu" => format!("{:04}", a.year() as i64 + 8 * n),
        "dekade" => format!("{:03}", (a.year() as i64 + 10 * n).div_euclid(10)),
        "abad" => format!("{:02}", (a.year() as i64 + 100 * n).div_euclid(100)),
        // Hours and minutes ago: the day is all a date-only anchor can tell.
        _ => calendar::ymd(a),
    })
}

fn rel_value(a: NaiveDate, rel: Rel) -> Option<String> {
    Some(match rel {
        Rel::Day(n) => calendar::ymd(calendar::add_days(a, n)?),
        Rel::Week(n) => calendar::iso_week(calendar::add_days(a, 7 * n)?),
        Rel::Weekend(n) => format!("{}-WE", calendar::iso_week(calendar::add_days(a, 7 * n)?)),
        Rel::Month(n) => {
            let (y, m) = calendar::add_months(a.year(), a.month(), n);
            calendar::ym(y, m)
        }
        Rel::Year(n) => format!("{:04}", a.year() as i64 + n),
        Rel::Quarter(n) => {
            let (y, q) = calendar::add_quarters(a.year(), (a.month() - 1) / 3 + 1, n);
            format!("{y:04}-Q{q}")
        }
        Rel::Ref(r) => r.to_string(),
    })
}

impl TimeTagger {
    /// True when `w` (lower case) names a day of the week.
    pub fn is_weekday(&self, w: &str) -> bool {
        self.lx.weekdays.contains_key(w)
    }
}
