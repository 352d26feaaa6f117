//! Sentence-boundary precision and recall against IndoSum's gold sentence
//! split (`../shared/data/news/indosum/dev.01.jsonl`). IndoSum is tokenised
//! (spaces around punctuation), so each paragraph is detokenised first with
//! simple rules (no space before closing punctuation, quotes attached
//! inside); a boundary is the byte where a non-first sentence starts.

mod common;

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
            if si > 0 && ti == 0 {
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

#[test]
fn indosum_sentence_boundaries() {
    let Some(path) = common::shared("data/news/indosum/dev.01.jsonl") else {
        return;
    };
    let data = std::fs::read_to_string(path).expect("readable");
    let (mut gold_n, mut pred_n, mut hit) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
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
            for &g in gold.difference(&pred).take(1) {
                if misses.len() < 15 {
                    misses.push(format!(
                        "missed: …{}|{}…",
                        &text[text.floor_char_boundary_compat(g.saturating_sub(50))..g],
                        &text[g..text.ceil_compat(g + 30)]
                    ));
                }
            }
            for &p in pred.difference(&gold).take(1) {
                if misses.len() < 30 {
                    misses.push(format!(
                        "extra:  …{}|{}…",
                        &text[text.floor_char_boundary_compat(p.saturating_sub(50))..p],
                        &text[p..text.ceil_compat(p + 30)]
                    ));
                }
            }
        }
    }
    let precision = hit as f64 / pred_n.max(1) as f64;
    let recall = hit as f64 / gold_n.max(1) as f64;
    println!("indosum dev.01: gold boundaries {gold_n}, predicted {pred_n}, correct {hit}; precision {precision:.4} recall {recall:.4}");
    for m in &misses {
        println!("  {m}");
    }
    assert!(gold_n > 1000);
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "precision {precision:.3} recall {recall:.3}"
    );
}

/// Char-boundary helpers (str::floor_char_boundary is unstable).
trait Bounds {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
    fn ceil_compat(&self, i: usize) -> usize;
}

impl Bounds for String {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
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
