//! Word-level knowledge the model uses as features: a name-list gazetteer
//! and trigger-word classes.
//!
//! The gazetteer records, for each token of the DBpedia name lists, the
//! positions it takes in names of each type (first, inside, last, whole
//! name). Token-level masks keep it compact (no full names are stored) while
//! still telling the model that "Sievierodonetsk" is a place word and "Jong"
//! a person-name word. It is built at training time and stored in the model
//! file, so `warta train ner` reproduces everything.

use rustc_hash::FxHashMap;
use std::path::Path;

/// Gazetteer bit for type `ty` (index into `TYPES`) at position `pos`
/// (0 first, 1 inside, 2 last, 3 whole single-token name).
pub fn gaz_bit(ty: usize, pos: usize) -> u16 {
    1 << (ty * 4 + pos)
}

/// Token → bitmask of name-list positions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gazetteer {
    /// Token as written → bits from [`gaz_bit`].
    pub masks: FxHashMap<String, u16>,
}

/// The DBpedia lists: file name and the type index they feed.
const LISTS: [(&str, usize); 3] = [("person.txt", 0), ("organization.txt", 1), ("place.txt", 2)];

impl Gazetteer {
    /// The mask of a token as written (case matters: "Bandung" is a place
    /// word, "bandung" is not).
    pub fn mask(&self, word: &str) -> u16 {
        self.masks.get(word).copied().unwrap_or(0)
    }

    /// Builds the gazetteer from `dbpedia-id/` name lists. Names are noisy
    /// (automatic expansion), so a name is used only when every token looks
    /// like part of a proper name, and single lower-case function words are
    /// never recorded.
    pub fn build(dir: &Path) -> std::io::Result<Gazetteer> {
        let mut g = Gazetteer::default();
        for (file, ty) in LISTS {
            let text = std::fs::read_to_string(dir.join(file))?;
            for name in text.lines() {
                g.add_name(name, ty);
            }
        }
        Ok(g)
    }

    fn add_name(&mut self, name: &str, ty: usize) {
        let name = name.trim();
        if name.is_empty() || name.len() > 60 || name.contains(['(', ')', ',', '/', '"']) {
            return;
        }
        let toks: Vec<&str> = name.split_whitespace().collect();
        if toks.len() > 6
            || !toks[0]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return;
        }
        for (k, t) in toks.iter().enumerate() {
            // Lower-case particles (bin, van, de) carry no name evidence of
            // their own and would bloat the list.
            if !t.chars().next().is_some_and(|c| c.is_uppercase()) || t.chars().count() < 2 {
                continue;
            }
            let pos = match (k == 0, k + 1 == toks.len()) {
                (true, true) => 3,
                (true, false) => 0,
                (false, true) => 2,
                (false, false) => 1,
            };
            *self.masks.entry((*t).to_string()).or_insert(0) |= gaz_bit(ty, pos);
        }
    }
}

/// Trigger-word classes: words that announce a name of some type nearby
/// (titles before persons, heads of organisation and place names, speech
/// verbs after speakers). Hand-written list in `data/ner/triggers.tsv`.
#[derive(Debug, Clone)]
pub struct Triggers {
    map: FxHashMap<String, u8>,
    names: Vec<String>,
}

static TRIGGERS_TSV: &str = include_str!("../../../data/ner/triggers.tsv");

impl Triggers {
    /// The committed list.
    pub fn embedded() -> Triggers {
        Triggers::parse(TRIGGERS_TSV)
    }

    /// Parses `CLASS<TAB>word word …` lines; `#` starts a comment.
    pub fn parse(text: &str) -> Triggers {
        let mut map = FxHashMap::default();
        let mut names: Vec<String> = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((class, words)) = line.split_once('\t') else {
                continue;
            };
            let id = match names.iter().position(|n| n == class) {
                Some(i) => i,
                None => {
                    names.push(class.to_string());
                    names.len() - 1
                }
            };
            for w in words.split_whitespace() {
                map.insert(w.to_lowercase(), id as u8 + 1);
            }
        }
        Triggers { map, names }
    }

    /// The class id (1-based; 0 = none) of a lower-cased word.
    pub fn class(&self, lower: &str) -> u8 {
        self.map.get(lower).copied().unwrap_or(0)
    }

    /// Class names, in id order (id 1 is `names()[0]`).
    pub fn names(&self) -> &[String] {
        &self.names
    }
}

/// How often a word is written with a capital letter inside sentences of
/// unlabelled news (IndoSum), bucketed. Names are capitalised wherever they
/// stand; ordinary words only at the start of a sentence, so this separates
/// "Menurut" (an ordinary word) from "Surabaya" at the start of a sentence
/// and tells the model about names it never saw labelled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CapStats {
    /// Lower-cased word → bucket (see [`CapStats::bucket`]).
    pub buckets: FxHashMap<String, u8>,
}

impl CapStats {
    /// Words seen fewer times than this are not recorded.
    const MIN_COUNT: u32 = 3;

    /// Bucket of a lower-cased word: 0 unseen, 1 almost never capitalised
    /// (< 5 %), 2 sometimes (< 50 %), 3 mostly (< 95 %), 4 always; +4 when
    /// the word is frequent (≥ 50 occurrences), as frequent capitalised words
    /// are mostly known entities and titles.
    pub fn bucket(&self, lower: &str) -> u8 {
        self.buckets.get(lower).copied().unwrap_or(0)
    }

    fn bucket_of(cap: u32, total: u32) -> u8 {
        let r = cap as f64 / total as f64;
        let b = if r < 0.05 {
            1
        } else if r < 0.5 {
            2
        } else if r < 0.95 {
            3
        } else {
            4
        };
        if total >= 50 {
            b + 4
        } else {
            b
        }
    }

    /// Counts capitalisation in tokenised sentences, skipping each
    /// sentence's first word.
    pub fn from_sentences<'a>(sents: impl Iterator<Item = Vec<&'a str>>) -> CapStats {
        let mut counts: FxHashMap<String, (u32, u32)> = FxHashMap::default();
        for s in sents {
            for w in s.iter().skip(1) {
                let Some(first) = w.chars().next() else { continue };
                if !first.is_alphabetic() {
                    continue;
                }
                let e = counts.entry(w.to_lowercase()).or_insert((0, 0));
                e.1 += 1;
                if first.is_uppercase() {
                    e.0 += 1;
                }
            }
        }
        let buckets = counts
            .into_iter()
            .filter(|(w, (_, n))| *n >= Self::MIN_COUNT && w.len() < 256)
            .map(|(w, (c, n))| (w, Self::bucket_of(c, n)))
            .collect();
        CapStats { buckets }
    }

    /// Builds the statistics from IndoSum JSON Lines files
    /// (`paragraphs`: paragraphs of sentences of tokens).
    pub fn from_indosum(files: &[std::path::PathBuf]) -> Result<CapStats, String> {
        let mut sents: Vec<Vec<String>> = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                #[derive(serde::Deserialize)]
                struct Article {
                    paragraphs: Vec<Vec<Vec<String>>>,
                }
                let a: Article =
                    serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", f.display(), n + 1))?;
                sents.extend(a.paragraphs.into_iter().flatten());
            }
        }
        Ok(CapStats::from_sentences(
            sents.iter().map(|s| s.iter().map(String::as_str).collect()),
        ))
    }
}
