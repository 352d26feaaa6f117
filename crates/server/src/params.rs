//! Query parameters, checked and bounded: every API input goes through
//! here, and a bad one becomes a [`BadParam`] naming it (a 400).

use std::collections::HashMap;

/// A parameter the API refuses, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadParam(pub String);

/// Longest text accepted in any parameter (a search, a name).
pub const MAX_TEXT: usize = 500;
/// Largest page of articles or stories, and of events.
pub const MAX_PAGE: usize = 200;
pub const MAX_EVENTS_PAGE: usize = 1000;

/// The parameters of one request, consumed as they are read, so that an
/// unknown one can be refused (a typo must not silently match everything).
pub struct Params(HashMap<String, String>);

impl Params {
    pub fn new(raw: HashMap<String, String>) -> Params {
        Params(raw)
    }

    /// A text parameter, trimmed; empty is absent.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, BadParam> {
        let Some(v) = self.0.remove(name) else {
            return Ok(None);
        };
        let v = v.trim().to_string();
        if v.chars().count() > MAX_TEXT {
            return Err(BadParam(format!("`{name}` is longer than {MAX_TEXT} characters")));
        }
        Ok((!v.is_empty()).then_some(v))
    }

    /// A code-like parameter: letters, digits, `-` and `_` only (`RUS`,
    /// `0874`, `ASSAULT`).
    pub fn code(&mut self, name: &str) -> Result<Option<String>, BadParam> {
        let v = self.text(name)?;
        if let Some(c) = &v {
            if c.len() > 32
                || !c
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
            {
                return Err(BadParam(format!(
                    "`{name}` must be a code (letters and digits), not `{c}`"
                )));
            }
        }
        Ok(v)
    }

    /// A `YYYY-MM-DD` date.
    pub fn date(&mut self, name: &str) -> Result<Option<String>, BadParam> {
        let v = self.text(name)?;
        if let Some(d) = &v {
            if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
                return Err(BadParam(format!("`{name}` must be a date YYYY-MM-DD, not `{d}`")));
            }
        }
        Ok(v)
    }

    /// A whole number within `min..=max`.
    pub fn int(&mut self, name: &str, min: i64, max: i64) -> Result<Option<i64>, BadParam> {
        let Some(v) = self.text(name)? else {
            return Ok(None);
        };
        match v.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(BadParam(format!(
                "`{name}` must be a whole number from {min} to {max}, not `{v}`"
            ))),
        }
    }

    /// `limit`, at most `max`, `default` when absent.
    pub fn limit(&mut self, default: usize, max: usize) -> Result<usize, BadParam> {
        Ok(self.int("limit", 1, max as i64)?.map_or(default, |n| n as usize))
    }

    /// `true`/`false`/`1`/`0`.
    pub fn flag(&mut self, name: &str) -> Result<bool, BadParam> {
        match self.text(name)?.as_deref() {
            None | Some("false") | Some("0") => Ok(false),
            Some("true") | Some("1") => Ok(true),
            Some(v) => Err(BadParam(format!("`{name}` must be true or false, not `{v}`"))),
        }
    }

    /// A bounding box `west,south,east,north` in degrees.
    pub fn bbox(&mut self, name: &str) -> Result<Option<[f64; 4]>, BadParam> {
        let Some(v) = self.text(name)? else {
            return Ok(None);
        };
        let bad = || {
            BadParam(format!(
                "`{name}` must be west,south,east,north in degrees, not `{v}`"
            ))
        };
        let parts: Vec<f64> = v
            .split(',')
            .map(|p| p.trim().parse::<f64>().map_err(|_| bad()))
            .collect::<Result<_, _>>()?;
        let [w, s, e, n] = parts.as_slice() else {
            return Err(bad());
        };
        let ok = parts.iter().all(|x| x.is_finite())
            && (-180.0..=180.0).contains(w)
            && (-180.0..=180.0).contains(e)
            && (-90.0..=90.0).contains(s)
            && (-90.0..=90.0).contains(n)
            && w <= e
            && s <= n;
        if !ok {
            return Err(bad());
        }
        Ok(Some([*w, *s, *e, *n]))
    }

    /// Refuses whatever was not read.
    pub fn done(self) -> Result<(), BadParam> {
        let mut left: Vec<&String> = self.0.keys().collect();
        left.sort();
        match left.first() {
            None => Ok(()),
            Some(k) => Err(BadParam(format!("unknown parameter `{k}`"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pairs: &[(&str, &str)]) -> Params {
        Params::new(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn bad_values_are_refused_by_name() {
        assert!(p(&[("from", "2022-13-01")])
            .date("from")
            .unwrap_err()
            .0
            .contains("`from`"));
        assert!(p(&[("limit", "0")]).limit(20, 200).is_err());
        assert!(p(&[("limit", "201")]).limit(20, 200).is_err());
        assert_eq!(p(&[]).limit(20, 200), Ok(20));
        assert!(p(&[("actor", "RUS'; DROP")]).code("actor").is_err());
        assert!(p(&[("bbox", "10,20,5,30")]).bbox("bbox").is_err(), "west > east");
        assert!(p(&[("bbox", "1,2,3")]).bbox("bbox").is_err());
        assert_eq!(
            p(&[("bbox", "38,48.5,39,49")]).bbox("bbox"),
            Ok(Some([38.0, 48.5, 39.0, 49.0]))
        );
        assert!(p(&[("q", &"x".repeat(501))]).text("q").is_err());
        assert!(p(&[("typo", "1")]).done().unwrap_err().0.contains("`typo`"));
    }
}
