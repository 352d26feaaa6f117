//! The Indonesian/Malay marker layer: weighted vocabulary and spelling
//! markers (`kerana`/`karena`, `polis`/`polisi`, `rumah sakit`/`hospital`)
//! whose log-odds add up over a whole text.
//!
//! Lingua's character n-grams cannot tell the two standard languages apart
//! reliably because they share most of their spelling; the differences are
//! in which words are used, and a handful of spellings. The weights and the
//! way they combine with lingua's vote are learnt from a training split by
//! [`crate::train`] and stored in `data/lang/id_ms_markers.tsv`.

use crate::words::{for_each_word, lower_into};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast non-cryptographic hasher for the short word keys (std's SipHash
/// was a third of the scan time); the tables are fixed data, so hash
/// flooding is no concern.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Map<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;
type Set = HashSet<String, BuildHasherDefault<WordHasher>>;

/// Why a marker table could not be read.
#[derive(Debug, thiserror::Error)]
pub enum MarkerError {
    #[error("marker table line {line}: {message}")]
    Parse { line: usize, message: String },
}

/// How the marker sum and lingua's Malay-vs-Indonesian log-odds combine
/// into one logit (a logistic regression fitted on the training split).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Combination {
    pub bias: f64,
    /// Coefficient of lingua's clamped `ln(P(ms)/P(id))`.
    pub lingua: f64,
    /// Coefficient of the marker sum.
    pub markers: f64,
    /// Lingua's log-odds are clamped to `±lingua_clamp`: on long inputs its
    /// confidences saturate to exactly 1 and 0.
    pub lingua_clamp: f64,
}

impl Default for Combination {
    fn default() -> Combination {
        Combination {
            bias: 0.0,
            lingua: 1.0,
            markers: 1.0,
            lingua_clamp: 10.0,
        }
    }
}

impl Combination {
    /// The combined logit; positive means Malay.
    pub fn logit(&self, lingua_log_odds: f64, marker_sum: f64) -> f64 {
        let l = lingua_log_odds.clamp(-self.lingua_clamp, self.lingua_clamp);
        self.bias + self.lingua * l + self.markers * marker_sum
    }
}

/// One marker: a word or two-word phrase and its log-odds of Malay over
/// Indonesian (positive: Malay).
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub phrase: String,
    pub weight: f64,
    /// Occurrences in the Malay and Indonesian training text (for review).
    pub ms_count: u32,
    pub id_count: u32,
}

/// Marker weights plus the combination with lingua.
#[derive(Debug, Clone, Default)]
pub struct MarkerModel {
    unigrams: Map<f64>,
    bigrams: Map<f64>,
    /// First words of the bigram markers, so most words need no bigram
    /// lookup (and no string building).
    bigram_heads: Set,
    pub combination: Combination,
}

impl MarkerModel {
    /// A model from markers and a combination.
    pub fn new(markers: &[Marker], combination: Combination) -> MarkerModel {
        let mut m = MarkerModel {
            combination,
            ..MarkerModel::default()
        };
        for mk in markers {
            let phrase = mk.phrase.to_lowercase();
            match phrase.split_once(' ') {
                Some((head, _)) => {
                    m.bigram_heads.insert(head.to_string());
                    m.bigrams.insert(phrase.clone(), mk.weight);
                }
                None => {
                    m.unigrams.insert(phrase, mk.weight);
                }
            }
        }
        m
    }

    /// Reads the TSV table written by [`write_table`].
    pub fn parse(table: &str) -> Result<MarkerModel, MarkerError> {
        let mut markers = Vec::new();
        let mut comb = Combination::default();
        for (n, line) in table.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| MarkerError::Parse { line: n + 1, message };
            let mut cols = line.split('\t');
            let key = cols.next().unwrap_or_default();
            let value: f64 = cols
                .next()
                .ok_or_else(|| err("missing weight column".into()))?
                .parse()
                .map_err(|e| err(format!("bad number: {e}")))?;
            if !value.is_finite() {
                return Err(err("weight is not finite".into()));
            }
            if let Some(param) = key.strip_prefix('@') {
                match param {
                    "bias" => comb.bias = value,
                    "lingua" => comb.lingua = value,
                    "markers" => comb.markers = value,
                    "lingua_clamp" => comb.lingua_clamp = value,
                    other => return Err(err(format!("unknown parameter @{other}"))),
                }
                continue;
            }
            let count = |c: Option<&str>| c.and_then(|s| s.parse().ok()).unwrap_or(0);
            let ms_count = count(cols.next());
            let id_count = count(cols.next());
            markers.push(Marker {
                phrase: key.to_string(),
                weight: value,
                ms_count,
                id_count,
            });
        }
        Ok(MarkerModel::new(&markers, comb))
    }

    /// Number of markers.
    pub fn len(&self) -> usize {
        self.unigrams.len() + self.bigrams.len()
    }

    /// True when the model has no markers.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The weight of one marker phrase, if it is one.
    pub fn weight(&self, phrase: &str) -> Option<f64> {
        let p = phrase.to_lowercase();
        self.unigrams.get(&p).or_else(|| self.bigrams.get(&p)).copied()
    }

    /// Sum of marker weights over every word of `text` (positive: Malay),
    /// and how many markers fired.
    pub fn score(&self, text: &str) -> (f64, usize) {
        let s = self.score_detail(text);
        (s.sum, s.hits)
    }

    /// [`score`](Self::score) with the number of words read.
    pub fn score_detail(&self, text: &str) -> MarkerScore {
        let mut out = MarkerScore::default();
        let mut cur = String::new();
        let mut prev = String::new();
        let mut pair = String::new();
        let mut prev_is_head = false;
        for_each_word(text, |w| {
            out.words += 1;
            lower_into(w.raw, &mut cur);
            if let Some(v) = self.unigrams.get(cur.as_str()) {
                out.sum += v;
                out.hits += 1;
            }
            if prev_is_head {
                pair.clear();
                pair.push_str(&prev);
                pair.push(' ');
                pair.push_str(&cur);
                if let Some(v) = self.bigrams.get(pair.as_str()) {
                    out.sum += v;
                    out.hits += 1;
                }
            }
            prev_is_head = self.bigram_heads.contains(cur.as_str());
            std::mem::swap(&mut prev, &mut cur);
        });
        out
    }
}

/// What the marker layer found in a text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MarkerScore {
    /// Sum of weights (positive: Malay).
    pub sum: f64,
    /// Markers that fired.
    pub hits: usize,
    /// Words read.
    pub words: usize,
}

/// Writes markers and the combination as the TSV table [`MarkerModel::parse`]
/// reads, heaviest Malay markers first.
pub fn write_table(header: &str, markers: &[Marker], comb: &Combination) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&format!("@bias\t{:.4}\n", comb.bias));
    out.push_str(&format!("@lingua\t{:.4}\n", comb.lingua));
    out.push_str(&format!("@markers\t{:.4}\n", comb.markers));
    out.push_str(&format!("@lingua_clamp\t{:.4}\n", comb.lingua_clamp));
    out.push_str("# phrase\tweight (ln P(ms)/P(id))\tms_count\tid_count\n");
    let mut sorted: Vec<&Marker> = markers.iter().collect();
    sorted.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.phrase.cmp(&b.phrase))
    });
    for m in sorted {
        out.push_str(&format!(
            "{}\t{:.3}\t{}\t{}\n",
            m.phrase, m.weight, m.ms_count, m.id_count
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mk(p: &str, w: f64) -> Marker {
        Marker {
            phrase: p.into(),
            weight: w,
            ms_count: 1,
            id_count: 1,
        }
    }

    #[test]
    fn unigram_and_bigram_markers_add_up() {
        let m = MarkerModel::new(
            &[mk("kerana", 2.0), mk("karena", -2.0), mk("rumah sakit", -1.5)],
            Combination::default(),
        );
        let (s, hits) = m.score("Karena itu dia dibawa ke Rumah Sakit, kerana sakit.");
        assert!((s - (-2.0 - 1.5 + 2.0)).abs() < 1e-9, "{s}");
        assert_eq!(hits, 3);
    }

    #[test]
    fn table_round_trips_and_rejects_garbage() {
        let comb = Combination {
            bias: 0.5,
            lingua: 0.2,
            markers: 0.9,
            lingua_clamp: 8.0,
        };
        let t = write_table("test", &[mk("polis", 1.25), mk("dan lain-lain", -0.5)], &comb);
        let m = MarkerModel::parse(&t).unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(m.combination, comb);
        assert_eq!(m.weight("Polis"), Some(1.25));
        assert_eq!(m.weight("dan lain-lain"), Some(-0.5));
        assert!(MarkerModel::parse("polis\tabc\n").is_err());
        assert!(MarkerModel::parse("polis\n").is_err());
        assert!(MarkerModel::parse("@nonsense\t1\n").is_err());
    }
}
