//! Event scoring (`warta eval events`): predicted events against gold
//! sentences at four levels, with the whole article given (coreference can
//! resolve `ia` and `pihaknya`) and with each sentence alone.
//!
//! Gold format and labelling rules: `data/eval/events/README.md`. Only
//! events counted by default (modality `asserted` or `reported`) are scored
//! on either side. A predicted event belongs to the gold sentence holding
//! its trigger; within a sentence gold and predicted events are matched
//! one to one on the level's key: PLOVER type; CAMEO root; type + source
//! and target country (first three letters of each code); type + full
//! source and target codes.

use crate::eval_quotes::{locate, ratio, EvalError};
use crate::gold_text::GoldTexts;
use crate::Pipeline;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use warta_core::{Event, Span};
use warta_read::RawArticle;

#[derive(Debug, Deserialize)]
struct GoldRef {
    corpus: String,
    id: String,
}

#[derive(Debug, Deserialize)]
struct GoldRecord {
    #[serde(rename = "ref")]
    reference: GoldRef,
    sha256: Option<String>,
    published: Option<String>,
    sentences: Vec<GoldSentence>,
}

#[derive(Debug, Deserialize)]
struct GoldSentence {
    anchor: String,
    events: Vec<GoldEvent>,
}

#[derive(Debug, Deserialize)]
struct GoldActor {
    code: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldEvent {
    plover: String,
    cameo: String,
    source: Option<GoldActor>,
    target: Option<GoldActor>,
    modality: String,
}

/// The scoring levels, coarsest first.
pub const LEVELS: [&str; 4] = ["type", "root", "type+countries", "type+actors"];

/// What an event is judged on: one key per level.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Keys([String; 4]);

fn country(code: Option<&str>) -> String {
    code.and_then(|c| c.get(..3)).unwrap_or("").to_string()
}

fn keys(plover: &str, cameo: &str, src: Option<&str>, tgt: Option<&str>) -> Keys {
    Keys([
        plover.to_string(),
        cameo.get(..2).unwrap_or(cameo).to_string(),
        format!("{plover} {} {}", country(src), country(tgt)),
        format!("{plover} {} {}", src.unwrap_or(""), tgt.unwrap_or("")),
    ])
}

fn predicted_keys(e: &Event) -> Keys {
    keys(
        &e.plover,
        &e.cameo,
        e.source.as_ref().and_then(|a| a.code.as_deref()),
        e.target.as_ref().and_then(|a| a.code.as_deref()),
    )
}

/// Counts at one level.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LevelScores {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

impl LevelScores {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores of one mode (article or sentence).
#[derive(Debug, Clone, Default)]
pub struct ModeScores {
    pub levels: [LevelScores; 4],
    /// Predicted events outside every gold sentence (titles, skipped
    /// boilerplate), not scored.
    pub unplaced: usize,
}

/// The whole report.
#[derive(Debug, Clone, Default)]
pub struct EventReport {
    pub articles: usize,
    pub sentences: usize,
    pub article_mode: ModeScores,
    pub sentence_mode: ModeScores,
    /// Gold sentences cleaning removed from the text (boilerplate lines).
    pub removed: usize,
    /// One line per sentence where the type-level sets differ.
    pub errors: Vec<String>,
}

fn score(gold: &[Keys], pred: &[Keys], into: &mut ModeScores) {
    for (l, level) in into.levels.iter_mut().enumerate() {
        let mut want: HashMap<&str, usize> = HashMap::new();
        for g in gold {
            *want.entry(&g.0[l]).or_default() += 1;
        }
        level.gold += gold.len();
        level.predicted += pred.len();
        for p in pred {
            if let Some(n) = want.get_mut(p.0[l].as_str()).filter(|n| **n > 0) {
                *n -= 1;
                level.matched += 1;
            }
        }
    }
}

fn counted(events: &[Event]) -> impl Iterator<Item = &Event> {
    events.iter().filter(|e| e.modality.counts())
}

/// Scores `files` (gold JSON Lines) with `pipeline`, reading the
/// referenced articles from `shared`.
pub fn evaluate(pipeline: &Pipeline, files: &[PathBuf], shared: &Path) -> Result<EventReport, EvalError> {
    let mut texts = GoldTexts::new(shared);
    let mut report = EventReport::default();
    for (at, rec) in crate::gold_text::records::<GoldRecord>(files)? {
        let r = &rec.reference;
        let mut raw = texts
            .article(&r.corpus, &r.id, rec.sha256.as_deref())
            .map_err(|e| format!("{at}: {e}"))?;
        if rec.published.is_some() {
            raw.published = rec.published.clone();
        }
        let doc = pipeline.analyze(raw).map_err(|e| format!("{at}: {e}"))?;
        let mut placed = vec![false; doc.events.len()];
        for s in &rec.sentences {
            let gold: Vec<Keys> = s
                .events
                .iter()
                .filter(|e| matches!(e.modality.as_str(), "asserted" | "reported"))
                .map(|e| {
                    keys(
                        &e.plover,
                        &e.cameo,
                        e.source.as_ref().and_then(|a| a.code.as_deref()),
                        e.target.as_ref().and_then(|a| a.code.as_deref()),
                    )
                })
                .collect();
            // A line cleaning removed as boilerplate (`Baca: …`): its
            // events, if any, are misses.
            let Some(span) = locate_sentence(&doc.text, &s.anchor) else {
                score(&gold, &[], &mut report.article_mode);
                score(&gold, &[], &mut report.sentence_mode);
                report.removed += 1;
                report.sentences += 1;
                continue;
            };
            let span = &span;
            let mut pred = Vec::new();
            for (k, e) in doc.events.iter().enumerate() {
                if span.start <= e.trigger.span.start && e.trigger.span.start < span.end {
                    placed[k] = true;
                    if e.modality.counts() {
                        pred.push(predicted_keys(e));
                    }
                }
            }
            score(&gold, &pred, &mut report.article_mode);
            let mut g: Vec<&str> = gold.iter().map(|k| k.0[2].as_str()).collect();
            let mut p: Vec<&str> = pred.iter().map(|k| k.0[2].as_str()).collect();
            g.sort_unstable();
            p.sort_unstable();
            if g != p {
                report.errors.push(format!(
                    "{at} {}\n    gold {g:?}\n    got  {p:?}",
                    short(&s.anchor)
                ));
            }
            // The sentence alone.
            let alone = RawArticle {
                id: format!("{at}#{}", report.sentences),
                origin: at.clone(),
                text: doc.text[span.range()].to_string(),
                published: rec.published.clone(),
                ..RawArticle::default()
            };
            let sdoc = pipeline.analyze(alone).map_err(|e| format!("{at}: {e}"))?;
            let spred: Vec<Keys> = counted(&sdoc.events).map(predicted_keys).collect();
            score(&gold, &spred, &mut report.sentence_mode);
            report.sentences += 1;
        }
        report.article_mode.unplaced += placed.iter().filter(|p| !**p).count();
        report.articles += 1;
    }
    Ok(report)
}

/// Where a gold sentence lies in the clean text. Cleaning removes a
/// leading site name or dateline (`Rimanews - `) that the labeller saw in
/// the raw text, so the anchor's first words may be dropped.
fn locate_sentence(text: &str, anchor: &str) -> Option<Span> {
    let mut a = anchor;
    for _ in 0..6 {
        if let Some(s) = locate(text, a) {
            return Some(s);
        }
        a = a.split_once(' ')?.1;
        if a.starts_with("[...]") {
            return None;
        }
    }
    None
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(90).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// `warta eval events FILE…`: the report as a table.
pub fn run_eval(files: &[PathBuf], shared: &Path, show_errors: bool) -> Result<String, EvalError> {
    let pipeline = Pipeline::standard()?;
    let report = evaluate(&pipeline, files, shared)?;
    Ok(format_report(&report, show_errors))
}

/// The report as a plain-text table.
pub fn format_report(report: &EventReport, show_errors: bool) -> String {
    let mut out = String::new();
    if show_errors {
        for e in &report.errors {
            let _ = writeln!(out, "{e}");
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{} articles, {} sentences ({} removed by cleaning)",
        report.articles, report.sentences, report.removed
    );
    let _ = writeln!(
        out,
        "{:<9} {:<15} {:>5} {:>9} {:>7} {:>9} {:>7} {:>6}",
        "mode", "level", "gold", "predicted", "matched", "precision", "recall", "F1"
    );
    for (mode, m) in [
        ("article", &report.article_mode),
        ("sentence", &report.sentence_mode),
    ] {
        for (name, s) in LEVELS.iter().zip(&m.levels) {
            let _ = writeln!(
                out,
                "{:<9} {:<15} {:>5} {:>9} {:>7} {:>9.3} {:>7.3} {:>6.3}",
                mode,
                name,
                s.gold,
                s.predicted,
                s.matched,
                s.precision(),
                s.recall(),
                s.f1()
            );
        }
    }
    let _ = writeln!(
        out,
        "(article mode: {} predicted events outside the labelled sentences, not scored)",
        report.article_mode.unplaced
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_is_one_to_one_per_level() {
        let g = vec![
            keys("COERCE", "173", Some("IDNCOP"), Some("IDNCRM")),
            keys("ACCUSE", "112", Some("IDNGOV"), None),
        ];
        let p = vec![
            keys("COERCE", "1711", Some("IDNCOP"), Some("IDNCVL")),
            keys("COERCE", "173", Some("IDNCOP"), Some("IDNCRM")),
        ];
        let mut m = ModeScores::default();
        score(&g, &p, &mut m);
        // One COERCE gold: only one of the two COERCE predictions matches.
        assert_eq!(m.levels[0].matched, 1);
        assert_eq!(m.levels[2].matched, 1);
        assert_eq!(m.levels[3].matched, 1);
        assert_eq!((m.levels[0].gold, m.levels[0].predicted), (2, 2));
    }
}
