//! Calendar dates: numeric and named-month dates, weekdays with or without a
//! date, bare years and decades, relative phrases and named days.

use super::*;

impl Scan<'_> {
    /// `d/m/y`, `d-m-y`, `d.m.y` (four-digit year), or `y-m-d` at `i`.
    pub(super) fn dmy_numbers(&self, i: usize) -> Option<DayMonth> {
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
    pub(super) fn paren_dm(&self, i: usize) -> Option<DayMonth> {
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
    pub(super) fn dm_name(&self, i: usize) -> Option<DayMonth> {
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
    pub(super) fn resolve_dm(&self, start: usize, dm: DayMonth, kind: TimeType) -> Found {
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
    pub(super) fn resolve_dm_weekday(&self, start: usize, dm: DayMonth, kind: TimeType, wd: u32) -> Found {
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

    pub(super) fn numeric_date(&self, i: usize) -> Option<Found> {
        let dm = self.dmy_numbers(i)?;
        Some(self.resolve_dm(i, dm, TimeType::Date))
    }

    pub(super) fn paren_date(&self, i: usize) -> Option<Found> {
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

    pub(super) fn day_month_name(&self, i: usize) -> Option<Found> {
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
    pub(super) fn bare_year(&self, i: usize) -> Option<Found> {
        // Before 1900 only after a word that makes it a year (`pada 1871`).
        let y = self.year(i, 1900, 2100).or_else(|| {
            let cued = i > 0 && matches!(self.w(i - 1), "pada" | "sejak" | "tahun" | "in" | "since");
            self.year(i, 1500, 1899).filter(|_| cued)
        })?;
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
    pub(super) fn year_tail(&self, start: usize, i: usize, y: i32) -> Option<Found> {
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
    pub(super) fn weekday(&self, start: usize, i: usize) -> Option<Found> {
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
    pub(super) fn part_at(&self, i: usize) -> Option<(&'static str, usize)> {
        if self.w(i) == "dini" && self.w(i + 1) == "hari" {
            return Some(("MO", i + 2));
        }
        if self.w(i) == "dinihari" {
            return Some(("MO", i + 1));
        }
        day_part(self.w(i)).map(|p| (p, i + 1))
    }

    /// `Juni 2022`, `Juni lalu`, `pada Oktober`, `June 13, 2022`.
    pub(super) fn month(&self, i: usize) -> Option<Found> {
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
        // `Januari-September 2025`, `Juni hingga Agustus 2025`: the first
        // month of a range takes the year after the second (a year earlier
        // when the range crosses New Year).
        if matches!(self.w(i + 1), "-" | "–" | "hingga" | "sampai") {
            if let Some(&(m2, _)) = self.lx.months.get(self.w(i + 2)) {
                if let Some(y) = self.year(i + 3, 1000, 2200) {
                    let y = if m <= m2 { y } else { y - 1 };
                    return Some(Found::abs(i, i + 1, TimeType::Date, calendar::ym(y, m)));
                }
            }
        }
        // `April tahun depan`, `Maret tahun lalu`: that month of the year
        // named relative to the anchor.
        if self.w(i + 1) == "tahun" {
            let n = match self.w(i + 2) {
                "depan" => Some(1),
                "lalu" | "kemarin" => Some(-1),
                "ini" => Some(0),
                _ => None,
            };
            if let Some(n) = n {
                return Some(Found::rel(i, i + 3, TimeType::Date, self.anchor, |a| {
                    Some(calendar::ym(a.year() + n, m))
                }));
            }
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
    pub(super) fn phrase(&self, i: usize) -> Option<Found> {
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
    pub(super) fn holiday(&self, i: usize) -> Option<Found> {
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
}
