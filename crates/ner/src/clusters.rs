//! Word clusters learnt from unlabelled news: the exchange algorithm
//! (Kneser & Ney 1993; Martin, Liermann & Ney 1998) maximising the
//! likelihood of a class bigram model, the flat counterpart of Brown
//! clusters. Words used in the same contexts ("Surabaya", "Makassar";
//! "Jokowi", "Prabowo") share a cluster, so a name seen once in the gold
//! data lends its evidence to names never labelled.
//!
//! Deterministic: words are visited in frequency order (ties by spelling),
//! the start assignment is round-robin in that order, and candidate ties go
//! to the lower cluster id; no hash-map order is ever observed.

use rustc_hash::FxHashMap;

/// How clusters are learnt.
#[derive(Debug, Clone, Copy)]
pub struct ClusterConfig {
    /// Number of clusters (at most 255: ids are stored as `u8`, 0 = none).
    pub clusters: usize,
    /// Words seen fewer times are pooled into one "rare word" token and get
    /// no cluster of their own.
    pub min_count: u32,
    /// Passes over the vocabulary.
    pub iterations: usize,
}

impl Default for ClusterConfig {
    fn default() -> ClusterConfig {
        ClusterConfig {
            clusters: 128,
            min_count: 5,
            iterations: 6,
        }
    }
}

#[inline]
fn g(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// Learns a lower-cased word → cluster id (1-based) table from tokenised
/// sentences.
pub fn learn<S: AsRef<str>>(sents: &[Vec<S>], cfg: ClusterConfig) -> FxHashMap<String, u8> {
    let c = cfg.clusters.clamp(2, 255);
    // Vocabulary: 0 = sentence boundary, 1 = rare word, 2.. = by frequency.
    let mut freq: FxHashMap<String, u32> = FxHashMap::default();
    for s in sents {
        for w in s {
            *freq.entry(w.as_ref().to_lowercase()).or_insert(0) += 1;
        }
    }
    let mut vocab: Vec<(String, u32)> = freq.into_iter().filter(|(_, n)| *n >= cfg.min_count).collect();
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let id: FxHashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i as u32 + 2))
        .collect();
    let nw = vocab.len() + 2;
    let mut bigrams: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let mut lower = String::new();
    for s in sents {
        let mut prev = 0u32;
        for w in s {
            lower.clear();
            lower.push_str(&w.as_ref().to_lowercase());
            let cur = id.get(lower.as_str()).copied().unwrap_or(1);
            *bigrams.entry((prev, cur)).or_insert(0) += 1;
            prev = cur;
        }
        *bigrams.entry((prev, 0)).or_insert(0) += 1;
    }
    let mut pairs: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
    pairs.sort_unstable();
    // Per word: right neighbours, left neighbours (self-pairs apart).
    let mut right: Vec<Vec<(u32, u32)>> = vec![Vec::new(); nw];
    let mut left: Vec<Vec<(u32, u32)>> = vec![Vec::new(); nw];
    let mut selfp = vec![0u32; nw];
    for &((a, b), n) in &pairs {
        if a == b {
            selfp[a as usize] += n;
        } else {
            right[a as usize].push((b, n));
            left[b as usize].push((a, n));
        }
    }
    let mut cl: Vec<usize> = (0..nw).map(|w| w % c).collect();
    let mut n = vec![0f64; c * c];
    let mut nl = vec![0f64; c];
    let mut nr = vec![0f64; c];
    for &((a, b), k) in &pairs {
        let (ca, cb) = (cl[a as usize], cl[b as usize]);
        n[ca * c + cb] += k as f64;
        nl[ca] += k as f64;
        nr[cb] += k as f64;
    }
    let (mut rc, mut lc) = (vec![0f64; c], vec![0f64; c]);
    let (mut rnz, mut lnz) = (Vec::new(), Vec::new());
    for _ in 0..cfg.iterations {
        let mut moved = 0usize;
        for w in 0..nw {
            // Aggregate the word's neighbours by cluster.
            rnz.clear();
            lnz.clear();
            for &(b, k) in &right[w] {
                let cb = cl[b as usize];
                if rc[cb] == 0.0 {
                    rnz.push(cb);
                }
                rc[cb] += k as f64;
            }
            for &(a, k) in &left[w] {
                let ca = cl[a as usize];
                if lc[ca] == 0.0 {
                    lnz.push(ca);
                }
                lc[ca] += k as f64;
            }
            let s = selfp[w] as f64;
            let out_n: f64 = rc.iter().sum::<f64>() + s;
            let in_n: f64 = lc.iter().sum::<f64>() + s;
            let old = cl[w];
            // Take the word out of its cluster.
            for &b in &rnz {
                n[old * c + b] -= rc[b];
            }
            for &a in &lnz {
                n[a * c + old] -= lc[a];
            }
            n[old * c + old] -= s;
            nl[old] -= out_n;
            nr[old] -= in_n;
            let mut best = (f64::NEG_INFINITY, old);
            for k in 0..c {
                let mut d = 0.0;
                for &b in &rnz {
                    if b != k {
                        let x = n[k * c + b];
                        d += g(x + rc[b]) - g(x);
                    }
                }
                for &a in &lnz {
                    if a != k {
                        let x = n[a * c + k];
                        d += g(x + lc[a]) - g(x);
                    }
                }
                let x = n[k * c + k];
                d += g(x + rc[k] + lc[k] + s) - g(x);
                d -= g(nl[k] + out_n) - g(nl[k]);
                d -= g(nr[k] + in_n) - g(nr[k]);
                if d > best.0 + 1e-9 {
                    best = (d, k);
                }
            }
            let k = best.1;
            for &b in &rnz {
                n[k * c + b] += rc[b];
            }
            for &a in &lnz {
                n[a * c + k] += lc[a];
            }
            n[k * c + k] += s;
            nl[k] += out_n;
            nr[k] += in_n;
            if k != old {
                moved += 1;
                cl[w] = k;
            }
            for &b in &rnz {
                rc[b] = 0.0;
            }
            for &a in &lnz {
                lc[a] = 0.0;
            }
        }
        if moved == 0 {
            break;
        }
    }
    vocab
        .into_iter()
        .enumerate()
        .filter(|(_, (w, _))| w.len() < 256)
        .map(|(i, (w, _))| (w, cl[i + 2] as u8 + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_used_in_the_same_contexts_share_a_cluster() {
        let mut sents = Vec::new();
        for (city, person) in [("medan", "budi"), ("ambon", "siti"), ("padang", "agus")] {
            for _ in 0..5 {
                sents.push(vec!["warga", "kota", city, "datang", "."]);
                sents.push(vec!["kata", person, "kepada", "wartawan", "."]);
            }
        }
        let cfg = ClusterConfig {
            clusters: 8,
            min_count: 2,
            iterations: 10,
        };
        let t = learn(&sents, cfg);
        assert_eq!(t["medan"], t["ambon"]);
        assert_eq!(t["ambon"], t["padang"]);
        assert_eq!(t["budi"], t["siti"]);
        assert_ne!(t["medan"], t["budi"]);
        assert_eq!(learn(&sents, cfg), t, "same input, same clusters");
    }
}
