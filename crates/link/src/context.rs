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
