//! Learning the marker weights and their combination with lingua from
//! labelled training text (`examples/train_markers.rs` runs it on the
//! training split and writes `data/lang/id_ms_markers.tsv`).
//!
//! A marker's weight is its smoothed log-odds of Malay over Indonesian,
//! `ln((c_ms + s + prior_ms) / (c_id·N_ms/N_id + s + prior_id))`: Indonesian
//! counts are rescaled to the Malay token total so that the larger
//! Indonesian corpus does not make every unseen word look Malay. Seed
//! phrases ([`Seeds`]) add a prior pseudo-count on their side; other words
//! become markers only when they are frequent, spread over several outlet
//! families (not one outlet's topic) and rarely capitalised mid-sentence
//! (not names).

use crate::markers::{Combination, Marker};
use crate::words::{for_each_word, lower_into};
use std::collections::{HashMap, HashSet};

/// The seed list shipped with the crate.
pub const SEEDS: &str = include_str!("../../../data/lang/seeds.txt");

/// Seed phrases with a prior side, and words never used as markers.
#[derive(Debug, Clone, Default)]
pub struct Seeds {
    pub malay: HashSet<String>,
    pub indonesian: HashSet<String>,
    pub stop: HashSet<String>,
}

impl Seeds {
    /// Parses `[ms]`, `[id]` and `[stop]` sections of comma-separated
    /// phrases; `#` starts a comment line.
    pub fn parse(text: &str) -> Seeds {
        let mut seeds = Seeds::default();
        let mut section = "";
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                section = line.trim_matches(['[', ']']);
                continue;
            }
            let set = match section {
                "ms" => &mut seeds.malay,
                "id" => &mut seeds.indonesian,
                "stop" => &mut seeds.stop,
                _ => continue,
            };
            for p in line.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                set.insert(p.to_lowercase());
            }
        }
        seeds
    }

    fn is_seed(&self, phrase: &str) -> bool {
        self.malay.contains(phrase) || self.indonesian.contains(phrase)
    }
}

/// Knobs of the weight learner.
#[derive(Debug, Clone)]
pub struct Options {
    /// Pseudo-count added to both sides.
    pub smoothing: f64,
    /// Extra pseudo-count on a seed's own side.
    pub seed_prior: f64,
    /// Minimum occurrences (both classes) for a non-seed word.
    pub min_count: u32,
    /// Minimum outlet families using a non-seed word on its favoured side.
    pub min_families: usize,
    /// Markers with a smaller absolute weight are dropped.
    pub min_weight: f64,
    /// Weights are clamped to `±max_weight` so no single word decides.
    pub max_weight: f64,
    /// Words found in the data (not seeds) are clamped tighter: their
    /// evidence is often only that a topic (football, gadgets) is missing
    /// from the small, politics-heavy Malay sample.
    pub max_discovered_weight: f64,
    /// Non-seed words capitalised more often than this mid-sentence are
    /// taken for names and skipped.
    pub max_capital_ratio: f64,
    /// Occurrences per text counted at most this many times (burstiness).
    pub per_text_cap: u32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            smoothing: 0.5,
            seed_prior: 1.0,
            min_count: 5,
            min_families: 2,
            min_weight: 0.7,
            max_weight: 3.0,
            max_discovered_weight: 1.5,
            max_capital_ratio: 0.3,
            per_text_cap: 3,
        }
    }
}

/// One training text.
#[derive(Debug, Clone)]
pub struct TrainText<'a> {
    pub text: &'a str,
    pub malay: bool,
    /// Outlet family (see [`crate::gold::outlet_family`]).
    pub family: String,
}

#[derive(Default)]
struct Stats {
    count: [u32; 2],
    mid: u32,
    mid_capital: u32,
    families: [HashSet<String>; 2],
}

/// Learns marker weights from `texts`.
pub fn learn_markers(texts: &[TrainText], seeds: &Seeds, opts: &Options) -> Vec<Marker> {
    let seed_bigrams: HashSet<&str> = seeds
        .malay
        .iter()
        .chain(&seeds.indonesian)
        .filter(|p| p.contains(' '))
        .map(String::as_str)
        .collect();
    let mut stats: HashMap<String, Stats> = HashMap::new();
    let mut totals = [0u64; 2];
    for t in texts {
        let side = usize::from(t.malay);
        let mut local: HashMap<String, (u32, u32, u32)> = HashMap::new();
        let mut prev = String::new();
        let mut cur = String::new();
        for_each_word(t.text, |w| {
            totals[side] += 1;
            lower_into(w.raw, &mut cur);
            let e = local.entry(cur.clone()).or_default();
            e.0 += 1;
            if !w.sentence_initial {
                e.1 += 1;
                e.2 += u32::from(w.capitalised);
            }
            if !prev.is_empty() {
                let pair = format!("{prev} {cur}");
                if seed_bigrams.contains(pair.as_str()) {
                    local.entry(pair).or_default().0 += 1;
                }
            }
            std::mem::swap(&mut prev, &mut cur);
        });
        for (word, (n, mid, cap)) in local {
            let s = stats.entry(word).or_default();
            s.count[side] += n.min(opts.per_text_cap);
            s.mid += mid;
            s.mid_capital += cap;
            s.families[side].insert(t.family.clone());
        }
    }
    if totals[0] == 0 || totals[1] == 0 {
        return Vec::new();
    }
    let scale = totals[1] as f64 / totals[0] as f64;
    let mut out = Vec::new();
    let mut consider = |phrase: &str, s: Option<&Stats>| {
        let (c_id, c_ms) = s.map_or((0, 0), |s| (s.count[0], s.count[1]));
        let prior_ms = if seeds.malay.contains(phrase) {
            opts.seed_prior
        } else {
            0.0
        };
        let prior_id = if seeds.indonesian.contains(phrase) {
            opts.seed_prior
        } else {
            0.0
        };
        let cap = if seeds.is_seed(phrase) {
            opts.max_weight
        } else {
            opts.max_discovered_weight.min(opts.max_weight)
        };
        let w = ((f64::from(c_ms) + opts.smoothing + prior_ms)
            / (f64::from(c_id) * scale + opts.smoothing + prior_id))
            .ln()
            .clamp(-cap, cap);
        if w.abs() < opts.min_weight {
            return;
        }
        out.push(Marker {
            phrase: phrase.to_string(),
            weight: w,
            ms_count: c_ms,
            id_count: c_id,
        });
    };
    let mut seeds_sorted: Vec<&String> = seeds.malay.union(&seeds.indonesian).collect();
    seeds_sorted.sort();
    for p in seeds_sorted {
        if !seeds.stop.contains(p) {
            consider(p, stats.get(p));
        }
    }
    let mut words: Vec<(&String, &Stats)> = stats.iter().collect();
    words.sort_by(|a, b| a.0.cmp(b.0));
    for (word, s) in words {
        if seeds.is_seed(word) || seeds.stop.contains(word) || word.contains(' ') {
            continue;
        }
        if word.chars().count() < 2 || word.chars().any(|c| c.is_numeric()) {
            continue;
        }
        if s.count[0] + s.count[1] < opts.min_count {
            continue;
        }
        if s.mid > 0 && f64::from(s.mid_capital) / f64::from(s.mid) > opts.max_capital_ratio {
            continue;
        }
        let favoured = usize::from(f64::from(s.count[1]) > f64::from(s.count[0]) * scale);
        if s.families[favoured].len() < opts.min_families {
            continue;
        }
        consider(word, Some(s));
    }
    out
}

/// One training point for the combination: lingua's log-odds, the marker
/// sum, and whether the text is Malay.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub lingua: f64,
    pub markers: f64,
    pub malay: bool,
}

/// Fits the combination logit by L2-regularised logistic regression
/// (Newton's method), with both classes weighted equally.
pub fn fit_combination(points: &[Point], lingua_clamp: f64, ridge: f64) -> Combination {
    let n_ms = points.iter().filter(|p| p.malay).count().max(1) as f64;
    let n_id = points.iter().filter(|p| !p.malay).count().max(1) as f64;
    let n = points.len() as f64;
    let mut beta = [0.0f64; 3];
    for _ in 0..50 {
        let mut grad = [0.0f64; 3];
        let mut hess = [[0.0f64; 3]; 3];
        for p in points {
            let x = [1.0, p.lingua.clamp(-lingua_clamp, lingua_clamp), p.markers];
            let w = if p.malay {
                n / (2.0 * n_ms)
            } else {
                n / (2.0 * n_id)
            };
            let z: f64 = (0..3).map(|i| beta[i] * x[i]).sum();
            let pr = 1.0 / (1.0 + (-z).exp());
            let y = if p.malay { 1.0 } else { 0.0 };
            for i in 0..3 {
                grad[i] += w * (pr - y) * x[i];
                for j in 0..3 {
                    hess[i][j] += w * pr * (1.0 - pr) * x[i] * x[j];
                }
            }
        }
        // The intercept is not penalised.
        for i in 1..3 {
            grad[i] += ridge * beta[i];
            hess[i][i] += ridge;
        }
        hess[0][0] += 1e-9;
        let Some(step) = solve3(hess, grad) else { break };
        let mut moved = 0.0f64;
        for i in 0..3 {
            beta[i] -= step[i];
            moved = moved.max(step[i].abs());
        }
        if moved < 1e-9 {
            break;
        }
    }
    Combination {
        bias: beta[0],
        lingua: beta[1],
        markers: beta[2],
        lingua_clamp,
    }
}

/// Solves `a·x = b` for a 3×3 system (Cramer's rule); `None` when singular.
fn solve3(a: [[f64; 3]; 3], b: [f64; 3]) -> Option<[f64; 3]> {
    let det = |m: [[f64; 3]; 3]| {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    };
    let d = det(a);
    if d.abs() < 1e-300 || !d.is_finite() {
        return None;
    }
    let mut x = [0.0; 3];
    for (k, xk) in x.iter_mut().enumerate() {
        let mut m = a;
        for i in 0..3 {
            m[i][k] = b[i];
        }
        *xk = det(m) / d;
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t<'a>(text: &'a str, malay: bool, family: &str) -> TrainText<'a> {
        TrainText {
            text,
            malay,
            family: family.into(),
        }
    }

    #[test]
    fn words_used_by_one_side_in_several_outlets_get_that_sign() {
        let texts = [
            t("kerajaan berkata kerajaan akan bantu rakyat", true, "a"),
            t("kerajaan negeri dan kerajaan pusat setuju", true, "b"),
            t("menurut kerajaan semua rakyat setuju", true, "c"),
            t(
                "pemerintah mengatakan pemerintah akan membantu rakyat",
                false,
                "x",
            ),
            t("pemerintah pusat dan pemerintah daerah setuju", false, "y"),
            t("menurut pemerintah semua rakyat setuju", false, "z"),
            t("Najib hadir. Najib pulang, Najib tidur", true, "a"),
        ];
        let seeds = Seeds::default();
        let opts = Options {
            min_count: 3,
            ..Options::default()
        };
        let m = learn_markers(&texts, &seeds, &opts);
        let w = |p: &str| m.iter().find(|x| x.phrase == p).map(|x| x.weight);
        assert!(w("kerajaan").unwrap() > 1.0);
        assert!(w("pemerintah").unwrap() < -1.0);
        assert_eq!(w("rakyat"), None, "shared word is no marker");
        assert_eq!(w("setuju"), None);
        assert_eq!(w("najib"), None, "capitalised name in one outlet is no marker");
    }

    #[test]
    fn seed_list_parses_sections_and_phrases() {
        let s = Seeds::parse("# c\n[ms]\npolis, rumah sakit\n[id]\npolisi\n[stop]\nmalaysia\n");
        assert!(s.malay.contains("polis") && s.malay.contains("rumah sakit"));
        assert!(s.indonesian.contains("polisi") && s.stop.contains("malaysia"));
        let shipped = Seeds::parse(SEEDS);
        assert!(shipped.malay.len() > 100 && shipped.indonesian.len() > 100);
        assert!(
            shipped.malay.is_disjoint(&shipped.indonesian),
            "a seed on both sides"
        );
    }

    #[test]
    fn logistic_fit_separates_a_noisy_feature_from_a_useful_one() {
        let mut pts = Vec::new();
        for i in 0..200 {
            let malay = i % 2 == 0;
            let useful = if malay { 2.0 } else { -2.0 } + ((i * 7) % 5) as f64 - 2.0;
            let noise = ((i * 13) % 11) as f64 - 5.0;
            pts.push(Point {
                lingua: noise,
                markers: useful,
                malay,
            });
        }
        let c = fit_combination(&pts, 10.0, 1.0);
        assert!(c.markers > 0.5, "{c:?}");
        assert!(c.lingua.abs() < c.markers / 5.0, "{c:?}");
    }
}
