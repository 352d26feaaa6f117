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

    /// Whether a lower-cased word is in the class called `name`.
    pub fn is(&self, lower: &str, name: &str) -> bool {
        let c = self.class(lower);
        c != 0 && self.names.get(c as usize - 1).is_some_and(|n| n == name)
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
    /// Capitalised word as written → the type a first-pass model mostly
    /// gives it in unlabelled news (see [`CapStats::add_priors`]).
    pub priors: FxHashMap<String, u8>,
    /// Lower-cased word → distributional cluster id, 1-based (see
    /// [`crate::clusters`]).
    pub clusters: FxHashMap<String, u8>,
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
        CapStats {
            buckets,
            ..Default::default()
        }
    }

    /// Builds the statistics from IndoSum JSON Lines files
    /// (`paragraphs`: paragraphs of sentences of tokens).
    pub fn from_indosum(files: &[std::path::PathBuf]) -> Result<CapStats, String> {
        let sents = read_indosum(files)?;
        Ok(CapStats::from_sentences(
            sents.iter().map(|s| s.iter().map(String::as_str).collect()),
        ))
    }

    /// The cluster of a lower-cased word (0 = none).
    pub fn cluster(&self, lower: &str) -> u8 {
        self.clusters.get(lower).copied().unwrap_or(0)
    }

    /// The type prior of a word as written: 0 unknown, else
    /// `1 + 3 * type + confidence` with type 0 = O, 1 PER, 2 ORG, 3 LOC.
    pub fn prior(&self, word: &str) -> u8 {
        self.priors.get(word).copied().unwrap_or(0)
    }

    /// Records type priors: `tagged` yields, per unlabelled sentence, its
    /// words and the type index + 1 of the mention covering each (0 = none).
    /// Counting a first-pass model's decisions over much more text than the
    /// gold data tells the second pass how a name is usually used ("Yonhap"
    /// after "kantor berita" elsewhere), a cheap form of self-training.
    pub fn add_priors<'a>(&mut self, tagged: impl Iterator<Item = (Vec<&'a str>, Vec<u8>)>) {
        let mut counts: FxHashMap<&'a str, [u32; 4]> = FxHashMap::default();
        for (words, types) in tagged {
            for (k, (w, t)) in words.iter().zip(types).enumerate() {
                if k > 0 && w.chars().next().is_some_and(char::is_uppercase) {
                    counts.entry(w).or_default()[t as usize] += 1;
                }
            }
        }
        for (w, c) in counts {
            let total: u32 = c.iter().sum();
            if total < Self::MIN_COUNT || w.len() >= 256 {
                continue;
            }
            let (ty, &n) = c
                .iter()
                .enumerate()
                .max_by_key(|p| (*p.1, std::cmp::Reverse(p.0)))
                .unwrap_or((0, &0));
            let share = n as f64 / total as f64;
            let conf = if share >= 0.9 {
                2
            } else if share >= 0.6 {
                1
            } else {
                0
            };
            self.priors.insert(w.to_string(), 1 + 3 * ty as u8 + conf);
        }
    }
}

/// Reads the tokenised sentences of IndoSum JSON Lines files.
pub fn read_indosum(files: &[std::path::PathBuf]) -> Result<Vec<Vec<String>>, String> {
    {
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
        Ok(sents)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalisation_buckets_separate_names_from_ordinary_words() {
        let sents = [
            "Kata Budi di Medan",
            "Lalu Budi pergi",
            "Menurut Budi , Menurut dia",
            "dia menurut saja",
        ];
        let c = CapStats::from_sentences(sents.iter().map(|s| s.split(' ').collect()));
        assert_eq!(c.bucket("budi"), 4, "always capitalised inside sentences");
        assert_eq!(c.bucket("menurut"), 0, "seen fewer than 3 times inside sentences");
        assert_eq!(c.bucket("dia"), 0);
        assert_eq!(c.bucket("tidakada"), 0);
    }

    #[test]
    fn type_priors_record_the_usual_type_of_a_capitalised_word() {
        let mut c = CapStats::default();
        let rows = vec![
            (vec!["kata", "Yonhap"], vec![0, 2]),
            (vec!["oleh", "Yonhap"], vec![0, 2]),
            (vec!["menurut", "Yonhap"], vec![0, 1]),
            (vec!["Yonhap", "melaporkan"], vec![2, 0]),
        ];
        c.add_priors(rows.into_iter());
        // ORG (type 2 in 0=O,1=PER,2=ORG,3=LOC) in 2 of 3 counted uses
        // (sentence-initial ones are skipped): confidence 1.
        assert_eq!(c.prior("Yonhap"), 1 + 3 * 2 + 1);
        assert_eq!(c.prior("kata"), 0);
    }
}
