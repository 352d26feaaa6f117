//! What the whole article says about where it is: countries and provinces
//! named, the date roles are read at.

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

/// Document-level evidence for resolving ambiguous names.
#[derive(Debug, Default)]
pub(crate) struct Context {
    /// ISO alpha-3 → how often the article names the country (directly, by
    /// capital, or through a resolved unambiguous place).
    pub countries: HashMap<String, u32>,
    /// Province / oblast names of places resolved so far.
    pub admin1: HashMap<String, u32>,
    /// Indonesian regencies/cities (`Kabupaten Bogor`) named clearly: a
    /// district name is read as the one inside them.
    pub regencies: HashMap<String, u32>,
    /// The date roles are read at (publication, else today).
    pub date: NaiveDate,
    /// True for Indonesian/Malay articles, whose unqualified places are
    /// mostly Indonesian.
    pub local_id: bool,
}

impl Context {
    pub fn new(date: NaiveDate, local_id: bool) -> Context {
        Context {
            date,
            local_id,
            ..Context::default()
        }
    }

    pub fn country_weight(&self, iso3: &str) -> f64 {
        let n = self.countries.get(iso3).copied().unwrap_or(0);
        if n == 0 {
            0.0
        } else {
            2.0 + (n as f64).ln()
        }
    }

    /// The country named most often, if any.
    pub fn main_country(&self) -> Option<&str> {
        self.countries
            .iter()
            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(k.as_str())))
            .map(|(k, _)| k.as_str())
    }

    /// Whose an institution named without a country is (`Partai Buruh`,
    /// `Mahkamah Agung`): Indonesia when the article names Indonesia at
    /// least as often as any other country (or names none), else the one
    /// foreign country it names most, at least twice and more often than
    /// any other; `None` when that cannot be told.
    pub fn institution_country(&self) -> Option<&str> {
        let idn = self.countries.get("IDN").copied().unwrap_or(0);
        let mut foreign: Vec<(&str, u32)> = self
            .countries
            .iter()
            .filter(|(k, _)| k.as_str() != "IDN")
            .map(|(k, n)| (k.as_str(), *n))
            .collect();
        foreign.sort_by_key(|(k, n)| (std::cmp::Reverse(*n), *k));
        let Some(&(top, n)) = foreign.first() else {
            return Some("IDN");
        };
        if idn >= n {
            return Some("IDN");
        }
        let clear = n >= 2 && foreign.get(1).is_none_or(|(_, m)| *m < n);
        clear.then_some(top)
    }
}

/// Today's date from the system clock (used when an article has no date).
pub(crate) fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    epoch + chrono::Duration::days((secs / 86_400) as i64)
}
