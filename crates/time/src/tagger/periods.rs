//! Expressions led by a function word (`tanggal`, `pukul`, `tahun`, `akhir`,
//! `dalam`), clock times and parts of the day, quarters and halves, sets.

use super::*;

impl Scan<'_> {
    /// Rules led by a function word whose span includes it: `tanggal`,
    /// `pukul`, `tahun`, `era`, `bulan`, `awal`/`akhir`, `dalam`, `last`.
    pub(super) fn prefixed(&self, i: usize, ctx: Option<NaiveDate>) -> Option<Found> {
        match self.w(i) {
            "tanggal" | "tgl" => {
                let j = if self.raw(i + 1) == "." { i + 2 } else { i + 1 };
                if let Some(f) = self.numeric_date(j).or_else(|| self.day_month_name(j)) {
                    return Some(Found { start: i, ..f });
                }
                // `tanggal 5 bulan depan`: a day of a month named relatively.
                let d = self.num(j).filter(|d| (1..=31).contains(d))?;
                let shift = match (self.w(j + 1), self.w(j + 2)) {
                    ("bulan", "ini") => 0,
                    ("bulan", "depan") => 1,
                    ("bulan", "lalu") => -1,
                    _ => return None,
                };
                Some(Found::rel(i, j + 3, TimeType::Date, self.anchor, |a| {
                    let (y, m) = calendar::add_months(a.year(), a.month(), shift);
                    NaiveDate::from_ymd_opt(y, m, d).map(calendar::ymd)
                }))
            }
            "pukul" | "pkl" | "jam" => self.clock(i, i + 1, ctx),
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
            "this" if self.part_at(i + 1).is_some() => {
                // `this morning`: the anchor day.
                let (part, end) = self.part_at(i + 1)?;
                Some(Found::rel(i, end, TimeType::Time, self.anchor, |a| {
                    Some(format!("{}T{part}", calendar::ymd(a)))
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

    /// `Rp 10 juta per tahun`, `dua kali per minggu`: a rate, a SET. Not
    /// `per hari ini` / `per 1 Januari` (as of a date).
    fn per_unit(&self, i: usize) -> Option<Found> {
        let unit = self.w(i + 1);
        unit_of(unit)?;
        if matches!(
            self.w(i + 2),
            "ini" | "itu" | "tersebut" | "kemarin" | "lalu" | "depan"
        ) {
            return None;
        }
        Some(Found::abs(
            i,
            i + 2,
            TimeType::Set,
            duration("1", unit_word_static(unit)),
        ))
    }

    /// Times named by reference to the last day the text gave (`keesokan
    /// harinya`, `hari itu juga`, `malam itu`, `tahun yang sama`): resolved
    /// against that day, nothing when the text gave none.
    pub(super) fn anaphoric(&self, i: usize) -> Option<Found> {
        let last = self.last_day.get();
        let next_day = |end: usize| {
            // With no day named before, the day after publication.
            Found::rel(i, end, TimeType::Date, last.or(self.anchor), |a| {
                calendar::add_days(a, 1).map(calendar::ymd)
            })
        };
        match (self.w(i), self.w(i + 1)) {
            ("keesokan", "harinya" | "hari") | ("esok", "harinya") => {
                // `keesokan hari nya`, the clitic written apart
                let apart = self.w(i + 1) == "hari" && self.w(i + 2) == "nya";
                Some(next_day(if apart { i + 3 } else { i + 2 }))
            }
            _ if last.is_none() => None,
            ("hari", "berikutnya" | "selanjutnya") => Some(next_day(i + 2)),
            ("hari", "itu") => {
                let end = if self.w(i + 2) == "juga" { i + 3 } else { i + 2 };
                Some(Found::rel(i, end, TimeType::Date, last, |a| {
                    Some(calendar::ymd(a))
                }))
            }
            ("tahun" | "bulan", "yang") if self.w(i + 2) == "sama" => {
                let year = self.w(i) == "tahun";
                Some(Found::rel(i, i + 3, TimeType::Date, last, |a| {
                    Some(if year {
                        format!("{:04}", a.year())
                    } else {
                        calendar::ym(a.year(), a.month())
                    })
                }))
            }
            (_, "itu") => {
                let (part, end) = self.part_at(i).filter(|&(_, e)| e == i + 1)?;
                Some(Found::rel(i, end + 1, TimeType::Time, last, |a| {
                    Some(format!("{}T{part}", calendar::ymd(a)))
                }))
            }
            _ => None,
        }
    }

    /// A part of the day with a pointer to its day: `malam ini`, `pagi tadi`,
    /// `pada sore hari`, `dini hari` (the day in context, else the anchor).
    pub(super) fn day_part_alone(&self, i: usize, ctx: Option<NaiveDate>) -> Option<Found> {
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
    pub(super) fn clock(&self, start: usize, j: usize, ctx: Option<NaiveDate>) -> Option<Found> {
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
        // `10 am`, `10 a.m.`; a bare `a`/`p` only as the start of `a.m.`.
        let dotted = matches!(self.w(k), "a" | "p") && self.raw(k + 1) == "." && self.w(k + 2) == "m";
        if matches!(self.w(k), "am" | "pm") || dotted {
            if matches!(self.w(k), "pm" | "p") && h < 12 {
                h += 12;
            }
            marked = true;
            k += if dotted { 3 } else { 1 };
            if dotted && self.raw(k) == "." && self.attached(k) {
                k += 1;
            }
        }
        let mut tz = zone(self.w(k));
        if tz.is_some() {
            k += 1;
        }
        if let Some((p, e)) = self.part_at(k) {
            if matches!(p, "AF" | "EV" | "NI") && h < 12 && !(p == "NI" && h <= 3) {
                h += 12;
            }
            if p == "NI" && h == 12 {
                h = 0; // `pukul 12 malam` is midnight
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

    /// `triwulan III 2025`, `kuartal II-2025`, `semester I`, `Q3 2025`.
    pub(super) fn quarter(&self, i: usize) -> Option<Found> {
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

    pub(super) fn quarter_year(&self, start: usize, mut j: usize, n: u32, half: bool) -> Option<Found> {
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

    pub(super) fn quarter_rel(&self, start: usize, end: usize, n: u32, letter: char, shift: i32) -> Found {
        Found::rel(start, end, TimeType::Date, self.anchor, |a| {
            Some(format!("{:04}-{letter}{n}", a.year() + shift))
        })
    }

    /// `setiap Senin`, `tiap hari`, `setiap 17 Agustus`, `every 2 weeks`.
    pub(super) fn set(&self, i: usize) -> Option<Found> {
        if self.w(i) == "per" {
            return self.per_unit(i);
        }
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
