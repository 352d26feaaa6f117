//! Exact-span scoring, a line-by-line port of the chunk logic of
//! `conlleval.py` (IndoNLU copy) so that figures agree with it exactly,
//! including how it reads ill-formed sequences (an `I-` after `O` opens a
//! chunk).

use std::collections::BTreeMap;
use std::fmt::Write;

fn parse_tag(t: &str) -> (&str, &str) {
    match t.split_once('-') {
        Some((p, ty)) => (p, ty),
        None => (t, ""),
    }
}

fn start_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, ty: &str) -> bool {
    matches!(tag, "B" | "S" | "[" | "]")
        || matches!((prev_tag, tag), ("E" | "S" | "O", "E" | "I"))
        || (tag != "O" && tag != "." && prev_type != ty)
}

fn end_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, ty: &str) -> bool {
    matches!(prev_tag, "E" | "S" | "]" | "[")
        || matches!((prev_tag, tag), ("B" | "I", "B" | "S" | "O"))
        || (prev_tag != "O" && prev_tag != "." && prev_type != ty)
}

/// The chunks `(start, end, type)` conlleval reads from one tag sequence.
pub fn chunks(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let (mut last, mut last_ty) = ("O", "");
    let mut open: Option<usize> = None;
    for (i, t) in tags
        .iter()
        .map(String::as_str)
        .chain(std::iter::once("O"))
        .enumerate()
    {
        let (tag, ty) = parse_tag(t);
        if end_of_chunk(last, tag, last_ty, ty) {
            if let Some(s) = open.take() {
                out.push((s, i, last_ty.to_string()));
            }
        }
        if start_of_chunk(last, tag, last_ty, ty) {
            open = Some(i);
        }
        last = tag;
        last_ty = ty;
    }
    out
}

/// Counts for precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Chunks found in both with the same span and type.
    pub correct: usize,
    /// Chunks in the gold data.
    pub gold: usize,
    /// Chunks the system proposed.
    pub guessed: usize,
}

impl Counts {
    /// Adds another set of counts to these.
    pub fn add(&mut self, other: &Counts) {
        self.correct += other.correct;
        self.gold += other.gold;
        self.guessed += other.guessed;
    }

    /// correct / guessed (0 when nothing was guessed).
    pub fn precision(&self) -> f64 {
        if self.guessed == 0 {
            0.0
        } else {
            self.correct as f64 / self.guessed as f64
        }
    }
    /// correct / gold (0 when there is no gold chunk).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores of a whole evaluation: micro over all types and per type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// All types together (micro average).
    pub overall: Counts,
    /// Per entity type (`PER`, `ORG`, `LOC`).
    pub by_type: BTreeMap<String, Counts>,
    /// Tokens whose tag matches exactly, and all tokens (sentence breaks
    /// excluded, unlike conlleval's accuracy which counts them).
    pub tokens_correct: usize,
    /// All tokens scored.
    pub tokens: usize,
}

impl Scores {
    /// Adds another file's counts to these (micro averaging over files).
    pub fn merge(&mut self, other: &Scores) {
        self.overall.add(&other.overall);
        for (t, c) in &other.by_type {
            self.by_type.entry(t.clone()).or_default().add(c);
        }
        self.tokens += other.tokens;
        self.tokens_correct += other.tokens_correct;
    }

    /// Adds one sentence: gold and predicted tags of equal length.
    pub fn add(&mut self, gold: &[String], pred: &[String]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for (_, _, t) in &g {
            self.overall.gold += 1;
            self.by_type.entry(t.clone()).or_default().gold += 1;
        }
        for c in &p {
            self.overall.guessed += 1;
            self.by_type.entry(c.2.clone()).or_default().guessed += 1;
            if g.contains(c) {
                self.overall.correct += 1;
                self.by_type.entry(c.2.clone()).or_default().correct += 1;
            }
        }
        self.tokens += gold.len();
        self.tokens_correct += gold.iter().zip(pred).filter(|(a, b)| a == b).count();
    }

    /// A printable table: P/R/F1 overall (micro) and per type.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let row = |s: &mut String, name: &str, c: &Counts| {
            let _ = writeln!(
                s,
                "{name:<8} P {:6.2}  R {:6.2}  F1 {:6.2}   (gold {}, found {}, correct {})",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.gold,
                c.guessed,
                c.correct
            );
        };
        row(&mut s, "overall", &self.overall);
        for (t, c) in &self.by_type {
            row(&mut s, t, c);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn stray_inside_tag_opens_a_chunk_like_conlleval() {
        assert_eq!(
            chunks(&v("O I-PER I-PER O B-LOC I-ORG")),
            vec![
                (1, 3, "PER".to_string()),
                (4, 5, "LOC".to_string()),
                (5, 6, "ORG".to_string())
            ]
        );
    }

    #[test]
    fn a_span_off_by_one_token_scores_as_wrong() {
        let mut s = Scores::default();
        s.add(&v("B-PER I-PER O B-LOC"), &v("B-PER O O B-LOC"));
        assert_eq!(
            s.overall,
            Counts {
                correct: 1,
                gold: 2,
                guessed: 2
            }
        );
        assert_eq!(s.by_type["PER"].correct, 0);
        assert!((s.overall.f1() - 0.5).abs() < 1e-12);
    }
}
