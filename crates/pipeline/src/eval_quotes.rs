//! Quote scoring (`warta eval quotes`): the whole pipeline on gold
//! articles, each gold quote matched to at most one predicted quote.
//!
//! Gold format and labelling rules: `data/eval/quotes/README.md`. A gold
//! quote is an anchor (`first words [...] last words`, or the whole quote)
//! located in the clean text by letters and digits only, so cleaning's
//! normalisation (quotes, spaces) does not move it. A gold quote is
//! **found** when a prediction covers ≥ 90 % of its letters and ≥ half of
//! the prediction's letters are gold. Speaker right: the predicted speaker
//! equals the gold speaker or one of its aliases (case and spacing
//! ignored). Relay right: the predicted chain equals the gold chain.

use crate::gold_text::GoldTexts;
use crate::Pipeline;
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use warta_core::{Document, Quote, Span};
use warta_read::RawArticle;

/// Error type the command line prints as is.
pub type EvalError = Box<dyn std::error::Error + Send + Sync>;

const ELLIPSIS: &str = " [...] ";
const KINDS: [&str; 3] = ["direct", "indirect", "partial"];

#[derive(Debug, Deserialize)]
struct GoldRef {
    corpus: String,
    id: String,
}

#[derive(Debug, Deserialize)]
struct GoldRecord {
    #[serde(rename = "ref")]
    reference: Option<GoldRef>,
    sha256: Option<String>,
    text: Option<String>,
    id: Option<String>,
    published: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    quotes: Vec<GoldQuote>,
}

/// One gold quote.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// The quote, or its first and last words joined by ` [...] `.
    pub quote: String,
    pub kind: String,
    pub speaker: Option<String>,
    #[serde(default)]
    pub speaker_aliases: Vec<String>,
    #[serde(default)]
    pub relayed_by: Vec<String>,
}

/// Counts for one kind of quote (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KindScores {
    pub gold: usize,
    pub found: usize,
    pub predicted: usize,
    /// Predictions that matched a gold quote.
    pub predicted_right: usize,
    /// Found quotes whose speaker is right.
    pub speaker_right: usize,
    /// Found quotes whose relay chain is right.
    pub relay_right: usize,
    /// Found quotes with a non-empty gold relay chain, and how many of
    /// those are right.
    pub relay_gold: usize,
    pub relay_gold_right: usize,
}

/// `a / b`, 0 when `b` is 0 (a score over nothing).
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl KindScores {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_right, self.predicted)
    }
    /// Speaker right among found quotes.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.found)
    }
    /// Relay chain right among found quotes.
    pub fn relay_accuracy(&self) -> f64 {
        ratio(self.relay_right, self.found)
    }

    fn add(&mut self, o: &KindScores) {
        self.gold += o.gold;
        self.found += o.found;
        self.predicted += o.predicted;
        self.predicted_right += o.predicted_right;
        self.speaker_right += o.speaker_right;
        self.relay_right += o.relay_right;
        self.relay_gold += o.relay_gold;
        self.relay_gold_right += o.relay_gold_right;
    }
}

/// Scores over a set of gold articles.
#[derive(Debug, Clone, Default)]
pub struct QuoteReport {
    pub articles: usize,
    /// direct, indirect, partial.
    pub by_kind: [KindScores; 3],
    /// Article-level sources: gold, predicted, right.
    pub sources: (usize, usize, usize),
    /// Human-readable errors (misses, wrong speakers, spurious quotes).
    pub errors: Vec<String>,
}

impl QuoteReport {
    pub fn all(&self) -> KindScores {
        let mut a = KindScores::default();
        for k in &self.by_kind {
            a.add(k);
        }
        a
    }

    pub fn kind(&self, kind: &str) -> KindScores {
        KINDS
            .iter()
            .position(|k| *k == kind)
            .map(|i| self.by_kind[i])
            .unwrap_or_default()
    }
}

fn kind_index(kind: &str) -> Option<usize> {
    KINDS.iter().position(|k| *k == kind)
}

/// Letters and digits, lower-cased, with the byte offset of each.
fn letters(text: &str) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::new();
    let mut offs = Vec::new();
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                chars.push(l);
                offs.push(i);
            }
        }
    }
    (chars, offs)
}

fn find_chars(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// Where a gold anchor lies in `text` (byte span), matched on letters and
/// digits only.
pub fn locate(text: &str, anchor: &str) -> Option<Span> {
    let (hay, offs) = letters(text);
    let (head, tail) = match anchor.split_once(ELLIPSIS) {
        Some((h, t)) => (h, Some(t)),
        None => (anchor, None),
    };
    let head: Vec<char> = letters(head).0;
    let start = find_chars(&hay, &head, 0)?;
    let last = match tail {
        None => start + head.len() - 1,
        Some(t) => {
            let tail: Vec<char> = letters(t).0;
            find_chars(&hay, &tail, start + head.len())? + tail.len() - 1
        }
    };
    let end_byte = offs[last] + text[offs[last]..].chars().next().map_or(1, char::len_utf8);
    Some(Span::new(offs[start], end_byte))
}

/// Letters and digits in `text[span]`, counted with a prefix table.
struct LetterCount(Vec<u32>);

impl LetterCount {
    fn new(text: &str) -> LetterCount {
        let mut cum = vec![0u32; text.len() + 1];
        let mut n = 0;
        let mut last = 0;
        for (i, c) in text.char_indices() {
            for slot in &mut cum[last..=i] {
                *slot = n;
            }
            if c.is_alphanumeric() {
                n += 1;
            }
            last = i + 1;
        }
        for slot in &mut cum[last..] {
            *slot = n;
        }
        LetterCount(cum)
    }
    fn count(&self, s: Span) -> u32 {
        let end = s.end.min(self.0.len() - 1);
        let start = s.start.min(end);
        self.0[end] - self.0[start]
    }
}

fn norm_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn speaker_right(gold: &GoldQuote, pred: &Quote) -> bool {
    match (&gold.speaker, &pred.speaker) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            let p = norm_name(p);
            norm_name(g) == p || gold.speaker_aliases.iter().any(|a| norm_name(a) == p)
        }
        _ => false,
    }
}

fn relay_right(gold: &GoldQuote, pred: &Quote) -> bool {
    gold.relayed_by.len() == pred.relayed_by.len()
        && gold
            .relayed_by
            .iter()
            .zip(&pred.relayed_by)
            .all(|(g, p)| norm_name(g) == norm_name(p))
}

/// Scores one analysed article against its gold quotes.
fn score_article(doc: &Document, gold: &[GoldQuote], gold_sources: &[String], report: &mut QuoteReport) {
    let lc = LetterCount::new(&doc.text);
    let mut used = vec![false; doc.quotes.len()];
    for g in gold {
        let Some(ki) = kind_index(&g.kind) else {
            report
                .errors
                .push(format!("{}: unknown kind {:?}", doc.id, g.kind));
            continue;
        };
        let k = &mut report.by_kind[ki];
        k.gold += 1;
        let Some(gspan) = locate(&doc.text, &g.quote) else {
            report.errors.push(format!(
                "{}: gold quote not in the clean text (counted as missed): {:?}",
                doc.id, g.quote
            ));
            continue;
        };
        let gl = lc.count(gspan).max(1);
        let best = doc
            .quotes
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .filter_map(|(i, p)| {
                let (a, b) = (p.span.start.max(gspan.start), p.span.end.min(gspan.end));
                if a >= b {
                    return None;
                }
                let inter = Span::new(a, b);
                let il = lc.count(inter);
                let pl = lc.count(p.span).max(1);
                (il as f64 >= 0.9 * gl as f64 && il as f64 >= 0.5 * pl as f64).then_some((i, il))
            })
            .max_by_key(|(_, il)| *il);
        let Some((i, _)) = best else {
            let before = &doc.text[..gspan.start];
            let from = before.char_indices().rev().nth(80).map_or(0, |(i, _)| i);
            report.errors.push(format!(
                "{}: missed {} {:?} ({:?}) after …{}",
                doc.id,
                g.kind,
                g.quote,
                g.speaker,
                before[from..].replace('\n', "¶")
            ));
            continue;
        };
        used[i] = true;
        let p = &doc.quotes[i];
        k.found += 1;
        if speaker_right(g, p) {
            k.speaker_right += 1;
        } else {
            report.errors.push(format!(
                "{}: speaker {:?} (as {:?}), gold {:?}: {} {:?}",
                doc.id, p.speaker, p.speaker_text, g.speaker, g.kind, g.quote
            ));
        }
        if relay_right(g, p) {
            k.relay_right += 1;
        } else {
            report.errors.push(format!(
                "{}: relay {:?}, gold {:?}: {:?}",
                doc.id, p.relayed_by, g.relayed_by, g.quote
            ));
        }
        if !g.relayed_by.is_empty() {
            k.relay_gold += 1;
            if relay_right(g, p) {
                k.relay_gold_right += 1;
            }
        }
    }
    for (i, p) in doc.quotes.iter().enumerate() {
        let k = &mut report.by_kind[kind_index(p.kind.as_str()).unwrap_or(0)];
        k.predicted += 1;
        if used[i] {
            k.predicted_right += 1;
        } else {
            report.errors.push(format!(
                "{}: spurious {} {:?} ({:?})",
                doc.id,
                p.kind.as_str(),
                short(&p.text),
                p.speaker
            ));
        }
    }
    let gs: Vec<String> = gold_sources.iter().map(|s| norm_name(s)).collect();
    let ps: Vec<String> = doc.sources.iter().map(|s| norm_name(s)).collect();
    report.sources.0 += gs.len();
    report.sources.1 += ps.len();
    report.sources.2 += ps.iter().filter(|p| gs.contains(p)).count();
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(70).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Scores `files` (gold JSON Lines) with `pipeline`, reading referenced
/// articles from `shared`.
pub fn evaluate(pipeline: &Pipeline, files: &[PathBuf], shared: &Path) -> Result<QuoteReport, EvalError> {
    let mut texts = GoldTexts::new(shared);
    let mut report = QuoteReport::default();
    for (at, rec) in crate::gold_text::records::<GoldRecord>(files)? {
        let mut raw = match (&rec.reference, &rec.text) {
            (Some(r), _) => texts
                .article(&r.corpus, &r.id, rec.sha256.as_deref())
                .map_err(|e| format!("{at}: {e}"))?,
            (None, Some(text)) => RawArticle {
                id: rec.id.clone().unwrap_or_else(|| at.clone()),
                origin: at.clone(),
                text: text.clone(),
                ..RawArticle::default()
            },
            (None, None) => return Err(format!("{at}: a gold record needs `ref` or `text`").into()),
        };
        if rec.published.is_some() {
            raw.published = rec.published.clone();
        }
        let doc = pipeline.analyze(raw).map_err(|e| format!("{at}: {e}"))?;
        score_article(&doc, &rec.quotes, &rec.sources, &mut report);
        report.articles += 1;
    }
    Ok(report)
}

/// `warta eval quotes FILE…`: the report as a table.
pub fn run_eval(files: &[PathBuf], shared: &Path, show_errors: bool) -> Result<String, EvalError> {
    let pipeline = Pipeline::standard()?;
    let report = evaluate(&pipeline, files, shared)?;
    Ok(format_report(&report, show_errors))
}

/// The report as a plain-text table.
pub fn format_report(report: &QuoteReport, show_errors: bool) -> String {
    let mut out = String::new();
    if show_errors {
        for e in &report.errors {
            let _ = writeln!(out, "{e}");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{} articles", report.articles);
    let _ = writeln!(
        out,
        "{:<9} {:>5} {:>6} {:>7} {:>9} {:>10} {:>8} {:>6} {:>12}",
        "kind", "gold", "found", "recall", "predicted", "precision", "speaker", "relay", "relay(gold≠∅)"
    );
    let rows = KINDS.iter().zip(report.by_kind.iter()).map(|(k, s)| (*k, *s));
    for (name, s) in rows.chain(std::iter::once(("all", report.all()))) {
        let _ = writeln!(
            out,
            "{:<9} {:>5} {:>6} {:>7.3} {:>9} {:>10.3} {:>8.3} {:>6.3} {:>8}/{:<4}",
            name,
            s.gold,
            s.found,
            s.recall(),
            s.predicted,
            s.precision(),
            s.speaker_accuracy(),
            s.relay_accuracy(),
            s.relay_gold_right,
            s.relay_gold
        );
    }
    let (g, p, r) = report.sources;
    let _ = writeln!(out, "article sources: gold {g}, predicted {p}, right {r}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_found_by_letters_across_normalisation() {
        let text = "Ia berkata, \"Kita mampu menjaga inflasi di sekitar 2 persen, kata dia.\" Lalu pergi.";
        let s = locate(text, "Kita mampu [...] 2 persen").unwrap();
        assert_eq!(&text[s.range()], "Kita mampu menjaga inflasi di sekitar 2 persen");
        let s = locate(text, "“Kita mampu menjaga”").unwrap();
        assert_eq!(&text[s.range()], "Kita mampu menjaga");
        assert!(locate(text, "tidak ada").is_none());
    }
}
