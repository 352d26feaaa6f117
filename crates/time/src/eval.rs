//! Scoring the tagger against JSON Lines gold data (`warta eval times`).
//!
//! A gold item is one expression in a short sentence: `sentence`, `doc_date`
//! (the publication date, or null), `expression` (its text, found in the
//! sentence by its first occurrence unless `start` gives the code-point
//! offset), `value` (TIMEX3, or null) and `type`. An optional `split` (`dev`,
//! `test`) is reported separately.
//!
//! Span recall is reported two ways: *strict* (a tagged span equals the gold
//! span) and *relaxed* (a tagged span overlaps it). Value accuracy counts an
//! item right when the tagged span chosen for it (the exact one, else the
//! first overlapping one) carries exactly the gold value; a missed item
//! counts wrong.

use crate::TimeTagger;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use warta_core::{Span, TimeExpr};

/// Why a gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
}

/// One gold expression.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldItem {
    pub sentence: String,
    pub doc_date: Option<String>,
    pub expression: String,
    pub value: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    /// Code-point offset of the expression in `sentence`, when it occurs
    /// more than once.
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub split: Option<String>,
    /// Byte span of the expression, filled by [`parse_gold`].
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub anchor: Option<NaiveDate>,
}

/// Reads gold JSON Lines; blank lines are skipped.
pub fn parse_gold(text: &str) -> Result<Vec<GoldItem>, EvalError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| EvalError::Line { line: n + 1, message };
        let mut g: GoldItem = serde_json::from_str(line).map_err(|e| err(e.to_string()))?;
        let start = match g.start {
            Some(cp) => g.sentence.char_indices().nth(cp).map(|(b, _)| b),
            None => g.sentence.find(&g.expression),
        };
        let start = start
            .filter(|&s| g.sentence[s..].starts_with(&g.expression))
            .ok_or_else(|| err(format!("expression {:?} not in sentence", g.expression)))?;
        g.span = Span::new(start, start + g.expression.len());
        g.anchor = match g.doc_date.as_deref() {
            Some(d) => Some(
                NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|e| err(format!("doc_date {d:?}: {e}")))?,
            ),
            None => None,
        };
        out.push(g);
    }
    Ok(out)
}

/// Counts for one group of items.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub n: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value: usize,
    pub kind: usize,
}

impl Counts {
    /// One report line for the items of `name`.
    pub fn line(&self, name: &str) -> String {
        let r = |k: usize| {
            if self.n == 0 {
                0.0
            } else {
                k as f64 / self.n as f64
            }
        };
        format!(
            "{name:<6} n={:<4} span strict {:.3}  span relaxed {:.3}  value {:.3}  type {:.3}\n",
            self.n,
            r(self.strict),
            r(self.relaxed),
            r(self.value),
            r(self.kind)
        )
    }
    /// Share of items whose value was exactly right.
    pub fn value_accuracy(&self) -> f64 {
        self.value as f64 / self.n.max(1) as f64
    }
    /// Share of items overlapped by a tagged span.
    pub fn relaxed_recall(&self) -> f64 {
        self.relaxed as f64 / self.n.max(1) as f64
    }
    /// Share of items whose span was found exactly.
    pub fn strict_recall(&self) -> f64 {
        self.strict as f64 / self.n.max(1) as f64
    }
}

/// Results of one evaluation.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub all: Counts,
    pub by_split: BTreeMap<String, Counts>,
    /// `expression: got … want …` for items with a wrong or missing value.
    pub misses: Vec<String>,
}

impl Scores {
    /// A printable summary with up to 40 misses.
    pub fn report(&self) -> String {
        let mut s = self.all.line("all");
        for (k, c) in &self.by_split {
            s.push_str(&c.line(k));
        }
        for m in self.misses.iter().take(40) {
            s.push_str("  miss ");
            s.push_str(m);
            s.push('\n');
        }
        s
    }
}

/// Scores `tagger` on `gold` (see the module docs for the measures).
pub fn evaluate(tagger: &TimeTagger, gold: &[GoldItem]) -> Scores {
    score(tagger, gold)
}

pub(crate) fn score(tagger: &TimeTagger, gold: &[GoldItem]) -> Scores {
    let mut scores = Scores::default();
    let mut cache: Option<(&str, Option<NaiveDate>, Vec<TimeExpr>)> = None;
    for g in gold {
        let fresh = !matches!(&cache, Some((s, a, _)) if *s == g.sentence && *a == g.anchor);
        if fresh {
            cache = Some((&g.sentence, g.anchor, tagger.tag(&g.sentence, g.anchor)));
        }
        let tagged = cache.as_ref().map(|c| &c.2[..]).unwrap_or(&[]);
        let exact = tagged.iter().find(|t| t.span == g.span);
        let chosen = exact.or_else(|| tagged.iter().find(|t| t.span.overlaps(g.span)));
        let mut c = Counts {
            n: 1,
            ..Counts::default()
        };
        c.strict = usize::from(exact.is_some());
        c.relaxed = usize::from(chosen.is_some());
        c.value = usize::from(chosen.is_some_and(|t| t.value == g.value));
        c.kind = usize::from(chosen.is_some_and(|t| format!("{:?}", t.kind).eq_ignore_ascii_case(&g.kind)));
        if c.value == 0 {
            let got = chosen.map_or("nothing".to_string(), |t| format!("{:?} {:?}", t.text, t.value));
            scores.misses.push(format!(
                "{:?} ({}): got {got}, want {:?}",
                g.expression,
                g.doc_date.as_deref().unwrap_or("-"),
                g.value
            ));
        }
        add(&mut scores.all, &c);
        if let Some(split) = &g.split {
            add(scores.by_split.entry(split.clone()).or_default(), &c);
        }
    }
    scores
}

fn add(total: &mut Counts, c: &Counts) {
    total.n += c.n;
    total.strict += c.strict;
    total.relaxed += c.relaxed;
    total.value += c.value;
    total.kind += c.kind;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missed_expression_counts_against_recall_and_value() {
        let gold = parse_gold(
            r#"{"sentence":"Ia datang kemarin.","doc_date":"2022-06-13","expression":"kemarin","value":"2022-06-12","type":"DATE"}
{"sentence":"Ia datang kemarin.","doc_date":"2022-06-13","expression":"datang","value":"2022-06-12","type":"DATE","split":"test"}"#,
        )
        .unwrap();
        let s = evaluate(&TimeTagger::new(), &gold);
        assert_eq!(s.all.n, 2);
        assert_eq!((s.all.strict, s.all.relaxed, s.all.value), (1, 1, 1));
        assert_eq!(s.by_split["test"].value, 0);
        assert_eq!(s.misses.len(), 1);
    }

    #[test]
    fn an_expression_not_in_its_sentence_is_a_clear_error() {
        let e =
            parse_gold(r#"{"sentence":"abc","doc_date":null,"expression":"x","value":null,"type":"DATE"}"#);
        assert!(e.unwrap_err().to_string().contains("line 1"));
    }
}
