//! Calendar arithmetic and TIMEX3 value formatting.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// `YYYY-MM-DD`.
pub(crate) fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `YYYY-MM`.
pub(crate) fn ym(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// The ISO week of `d`, `YYYY-Www`.
pub(crate) fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// `d` shifted by `n` days, `None` past chrono's range.
pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

/// (year, month) shifted by `n` months.
pub(crate) fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let total = y as i64 * 12 + (m as i64 - 1) + n;
    (total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u32)
}

/// (year, quarter) shifted by `n` quarters.
pub(crate) fn add_quarters(y: i32, q: u32, n: i64) -> (i32, u32) {
    let total = y as i64 * 4 + (q as i64 - 1) + n;
    (total.div_euclid(4) as i32, (total.rem_euclid(4) + 1) as u32)
}

pub(crate) fn weekday_of(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// Which occurrence of a weekday or a day of the year a bare mention means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// The most recent one on or before the anchor (news reports the past).
    PastOrToday,
    /// Strictly before the anchor (`Senin lalu`, `24 Februari lalu`).
    Past,
    /// Strictly after the anchor (`Jumat mendatang`).
    Future,
    /// On or after the anchor (future tense without `depan`).
    FutureOrToday,
    /// The closest one in either direction (within half a year).
    Nearest,
}

/// The weekday `wd` (1 = Monday) relative to `anchor` in direction `dir`.
pub(crate) fn weekday_near(anchor: NaiveDate, wd: u32, dir: Direction) -> Option<NaiveDate> {
    let target = weekday_of(wd).num_days_from_monday() as i64;
    let cur = anchor.weekday().num_days_from_monday() as i64;
    let back = (cur - target).rem_euclid(7);
    let fwd = (target - cur).rem_euclid(7);
    let n = match dir {
        Direction::PastOrToday | Direction::Nearest => -back,
        Direction::Past => -(if back == 0 { 7 } else { back }),
        Direction::Future => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Direction::FutureOrToday => fwd,
    };
    add_days(anchor, n)
}

/// The date with month `m` and day `d` relative to `anchor`.
pub(crate) fn day_of_year_near(anchor: NaiveDate, m: u32, d: u32, dir: Direction) -> Option<NaiveDate> {
    let y = anchor.year();
    let cands: Vec<NaiveDate> = [y - 1, y, y + 1]
        .iter()
        .filter_map(|&yy| NaiveDate::from_ymd_opt(yy, m, d))
        .collect();
    match dir {
        Direction::PastOrToday => cands.into_iter().filter(|c| *c <= anchor).max(),
        Direction::Past => cands.into_iter().filter(|c| *c < anchor).max(),
        Direction::Future => cands.into_iter().filter(|c| *c > anchor).min(),
        Direction::FutureOrToday => cands.into_iter().filter(|c| *c >= anchor).min(),
        Direction::Nearest => cands.into_iter().min_by_key(|c| (*c - anchor).num_days().abs()),
    }
}

/// The year a month `m` without a year refers to, relative to `anchor`.
pub(crate) fn month_year_near(anchor: NaiveDate, m: u32, dir: Direction) -> i32 {
    let (y, am) = (anchor.year(), anchor.month());
    match dir {
        Direction::Past | Direction::PastOrToday => {
            if m <= am {
                y
            } else {
                y - 1
            }
        }
        Direction::Future | Direction::FutureOrToday => {
            if m >= am {
                y
            } else {
                y + 1
            }
        }
        Direction::Nearest => {
            let diff = m as i32 - am as i32;
            if diff > 6 {
                y - 1
            } else if diff < -6 {
                y + 1
            } else {
                y
            }
        }
    }
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn easter_dates_match_the_church_calendar() {
        assert_eq!(easter(2022), Some(d(2022, 4, 17)));
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter(2025), Some(d(2025, 4, 20)));
    }

    #[test]
    fn last_monday_from_a_monday_is_a_week_back() {
        let mon = d(2022, 6, 13);
        assert_eq!(weekday_near(mon, 1, Direction::Past), Some(d(2022, 6, 6)));
        assert_eq!(weekday_near(mon, 1, Direction::PastOrToday), Some(mon));
        assert_eq!(weekday_near(mon, 5, Direction::Future), Some(d(2022, 6, 17)));
    }

    #[test]
    fn past_day_of_year_crosses_the_year_boundary() {
        assert_eq!(
            day_of_year_near(d(2022, 6, 13), 2, 24, Direction::Past),
            Some(d(2022, 2, 24))
        );
        assert_eq!(
            day_of_year_near(d(2022, 1, 5), 12, 30, Direction::Nearest),
            Some(d(2021, 12, 30))
        );
        assert_eq!(add_months(2022, 1, -1), (2021, 12));
        assert_eq!(iso_week(d(2022, 6, 13)), "2022-W24");
    }
}
