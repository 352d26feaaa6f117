//! Sentence-boundary precision and recall against IndoSum's gold sentence
//! split (`../shared/data/news/indosum/dev.01.jsonl`). IndoSum is tokenised
//! (spaces around punctuation), so each paragraph is detokenised first with
//! simple rules (no space before closing punctuation, quotes attached
//! inside); a boundary is the byte where a non-first sentence starts.
//! IndoSum's boundary after a paragraph-opening list marker (`1.`) is not
//! counted: warta keeps the marker with its item by design.

use std::collections::BTreeSet;
use warta_text::{split_sentences, tokenize};

/// Detokenises one paragraph; returns its text and the offsets where gold
/// sentences (after the first) start.
fn detokenise(sentences: &[Vec<String>]) -> (String, BTreeSet<usize>) {
    let mut text = String::new();
    let mut starts = BTreeSet::new();
    let mut in_quote = false;
    let mut glue_next = false;
    let mut prev = String::new();
    for (si, sent) in sentences.iter().enumerate() {
        for (ti, tok) in sent.iter().enumerate() {
            // Curly quotes count as straight ones for attaching.
            let tok = match tok.trim() {
                "\u{201c}" | "\u{201d}" => "\"",
                t => t,
            };
            if tok.is_empty() {
                continue;
            }
            let closing_quote = tok == "\"" && in_quote;
            let attach_left = matches!(tok, "," | "." | "?" | "!" | ")" | ";" | ":" | "%" | "..." | "]")
                || closing_quote
                || (tok == "/" && prev.chars().all(|c| c.is_ascii_digit()))
                || (prev == "/" && tok.chars().all(|c| c.is_ascii_digit()));
            if !text.is_empty() && !attach_left && !glue_next {
                text.push(' ');
            }
            // IndoSum makes a list marker (`1.`) a sentence of its own;
            // warta keeps it with its item, so that boundary is not gold.
            let after_marker =
                si == 1 && sentences[0].len() == 2 && sentences[0][1] == "." && sentences[0][0].len() <= 2;
            if si > 0 && ti == 0 && !after_marker {
                starts.insert(text.len());
            }
            text.push_str(tok);
            glue_next = matches!(tok, "(" | "[") || (tok == "\"" && !in_quote);
            if tok == "\"" {
                in_quote = !in_quote;
            }
            prev = tok.to_string();
        }
    }
    (text, starts)
}

/// Boundary counts for one file: (gold, predicted, correct).
fn score(data: &str, misses: &mut Vec<String>) -> (usize, usize, usize) {
    let (mut gold_n, mut pred_n, mut hit) = (0usize, 0usize, 0usize);
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json line");
        let paras: Vec<Vec<Vec<String>>> =
            serde_json::from_value(v["paragraphs"].clone()).expect("paragraphs");
        for para in &paras {
            let (text, gold) = detokenise(para);
            let toks = tokenize(&text);
            let pred: BTreeSet<usize> = split_sentences(&text, &toks)
                .iter()
                .skip(1)
                .map(|s| s.start)
                .collect();
            gold_n += gold.len();
            pred_n += pred.len();
            hit += gold.intersection(&pred).count();
            let context = |at: usize| {
                let a = text.floor_compat(at.saturating_sub(50));
                let b = text.ceil_compat(at + 30);
                format!("…{}|{}…", &text[a..at], &text[at..b])
            };
            for &g in gold.difference(&pred).take(1) {
                misses.push(format!("missed: {}", context(g)));
            }
            for &p in pred.difference(&gold).take(1) {
                misses.push(format!("extra:  {}", context(p)));
            }
        }
    }
    (gold_n, pred_n, hit)
}

#[test]
fn indosum_sentence_boundaries() {
    let Some(dir) = warta_testdata::shared("data/news/indosum") else {
        return;
    };
    let (mut gold_n, mut pred_n, mut hit) = (0, 0, 0);
    let mut misses = Vec::new();
    for fold in ["dev.01.jsonl", "dev.02.jsonl", "dev.03.jsonl", "dev.04.jsonl"] {
        let data = std::fs::read_to_string(dir.join(fold)).expect("readable");
        let (g, p, h) = score(&data, &mut misses);
        println!(
            "indosum {fold}: gold {g}, predicted {p}, correct {h}; precision {:.4} recall {:.4}",
            h as f64 / p.max(1) as f64,
            h as f64 / g.max(1) as f64
        );
        (gold_n, pred_n, hit) = (gold_n + g, pred_n + p, hit + h);
    }
    let precision = hit as f64 / pred_n.max(1) as f64;
    let recall = hit as f64 / gold_n.max(1) as f64;
    println!("indosum all: gold {gold_n}, predicted {pred_n}, correct {hit}; precision {precision:.4} recall {recall:.4}");
    for m in misses.iter().take(30) {
        println!("  {m}");
    }
    assert!(gold_n > 10_000);
    assert!(
        precision >= 0.97 && recall >= 0.97,
        "precision {precision:.3} recall {recall:.3}"
    );
}

/// Char-boundary helpers (str::floor_char_boundary is unstable).
trait Bounds {
    fn floor_compat(&self, i: usize) -> usize;
    fn ceil_compat(&self, i: usize) -> usize;
}

impl Bounds for String {
    fn floor_compat(&self, mut i: usize) -> usize {
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
    fn ceil_compat(&self, i: usize) -> usize {
        let mut i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i += 1;
        }
        i
    }
}
