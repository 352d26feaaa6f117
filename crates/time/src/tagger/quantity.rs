//! Quantities of time: durations (`3 tahun`, `beberapa hari`), offsets from
//! the anchor (`2 hari lalu`, `dalam 3 minggu`) and their TIMEX3 values.

use super::*;

impl Scan<'_> {
    /// `3 tahun`, `dua hari lalu`, `setahun`, `beberapa pekan terakhir`.
    pub(super) fn quantity(&self, i: usize) -> Option<Found> {
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
            // `lima hari kemudian`: from the last day the text named (a
            // duration when it named none, or for hours and minutes).
            (Some(Trailer::Later), Some(n)) => match (self.last_day.get(), q.unit) {
                (Some(last), "hari" | "minggu" | "bulan" | "tahun") => {
                    Some(Found::rel(i, q.end, TimeType::Date, Some(last), |a| {
                        shift(a, n, q.unit)
                    }))
                }
                _ => Some(Found::abs(
                    i,
                    q.end - 1,
                    TimeType::Duration,
                    duration(&count, q.unit),
                )),
            },
            (Some(Trailer::Later), None) => Some(Found::abs(
                i,
                q.end - 1,
                TimeType::Duration,
                duration(&count, q.unit),
            )),
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
            // `1 jam 12 menit`: hours and minutes are one duration.
            (None, Some(_))
                if q.unit == "jam"
                    && self.num(q.end).is_some()
                    && unit_word_static(self.w(q.end + 1)) == "menit" =>
            {
                let minutes = self.num(q.end).filter(|m| *m < 60)?;
                Some(Found::abs(
                    i,
                    q.end + 2,
                    TimeType::Duration,
                    format!("PT{count}H{minutes}M"),
                ))
            }
            _ => Some(Found::abs(i, q.end, TimeType::Duration, duration(&count, q.unit))),
        }
    }

    /// `bertahun-tahun`, `berbulan-bulan`: an unknown number of units.
    pub(super) fn reduplicated(&self, i: usize) -> Option<Found> {
        let unit = self.w(i).strip_prefix("ber")?;
        unit_of(unit)?;
        let joined = self.raw(i + 1) == "-" && self.attached(i + 1) && self.attached(i + 2);
        (joined && self.w(i + 2) == unit).then(|| {
            Found::abs(
                i,
                i + 3,
                TimeType::Duration,
                duration("X", unit_word_static(unit)),
            )
        })
    }

    pub(super) fn quantity_parts(&self, i: usize) -> Option<Quantity> {
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
            // `dua setengah tahun`
            if self.w(j) == "setengah" {
                n += 0.5;
                j += 1;
            }
            (Some(n), j)
        } else if self.w(i) == "setengah" {
            (Some(0.5), i + 1)
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

    pub(super) fn trailer(&self, j: usize) -> Option<(Trailer, usize)> {
        Some(match (self.w(j), self.w(j + 1)) {
            ("yang", "lalu") => (Trailer::Ago, j + 2),
            ("lalu" | "silam" | "ago", _) => (Trailer::Ago, j + 1),
            ("lagi", _) => (Trailer::Ahead, j + 1),
            ("kemudian" | "later", _) => (Trailer::Later, j + 1),
            ("ke", "depan") => (Trailer::Span, j + 2),
            ("terakhir" | "belakangan" | "mendatang" | "berikutnya", _) => (Trailer::Span, j + 1),
            _ => return None,
        })
    }
}

impl Found {
    /// Turns a vague past reference into a future one.
    pub(super) fn with_future(mut self, future: bool) -> Found {
        if future {
            self.value = Some("FUTURE_REF".into());
        }
        self
    }
}

/// What follows a quantity of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Trailer {
    /// `lalu`, `yang lalu`, `silam`, `ago`: a past date.
    Ago,
    /// `lagi`: a future date.
    Ahead,
    /// `terakhir`, `ke depan`, `mendatang`: a duration reaching the anchor.
    Span,
    /// `kemudian`, `later`: a date after the last one the text named.
    Later,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Quantity {
    pub(super) n: Option<f64>,
    pub(super) unit: &'static str,
    pub(super) end: usize,
    pub(super) trailer: Option<Trailer>,
}

/// The unit word normalised to the Indonesian spelling used by [`shift`].
pub(super) fn unit_word_static(w: &str) -> &'static str {
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

pub(super) fn fmt_count(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// TIMEX3 duration for `count` units (`P3Y`, `PT2H`, `PXD`).
pub(super) fn duration(count: &str, unit: &str) -> String {
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
pub(super) fn shift(a: NaiveDate, n: f64, unit: &str) -> Option<String> {
    if n.fract() != 0.0 {
        // `setengah abad lalu`: a whole number of years is still a year.
        let years = n * match unit {
            "windu" => 8.0,
            "dekade" => 10.0,
            "abad" => 100.0,
            _ => return None,
        };
        return (years.fract() == 0.0).then(|| format!("{:04}", a.year() as i64 + years as i64));
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

pub(super) fn rel_value(a: NaiveDate, rel: Rel) -> Option<String> {
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
