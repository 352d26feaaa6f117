//! The tagger: hashed feature weights per label, first-order transitions,
//! Viterbi decoding, and the model file format.
//!
//! File layout (little-endian): magic `WNER`, version u32, scheme u8,
//! labels u8, feature groups u32; transitions `(labels+1)*labels` f32 (last
//! row = sentence start); weight scale f32; row count u32 then per row its
//! feature key u32, a u16 mask of labels with non-zero weight and one i16 per
//! set bit (sparse: most features matter for two or three labels); gazetteer
//! entry count u32 then per entry mask u16, byte length u8, UTF-8 token;
//! capitalisation-statistics count u32 then per entry bucket u8, byte length
//! u8, lower-cased word; type-prior count u32 then per entry prior u8, byte
//! length u8, word as written; cluster count u32 then per entry cluster u8,
//! byte length u8, lower-cased word. Every list is sorted, so one training run
//! always writes the same bytes.

use crate::features;
use crate::labels::Scheme;
use crate::lexicon::{CapStats, Gazetteer, Triggers};
use rustc_hash::FxHashMap;

const MAGIC: &[u8; 4] = b"WNER";
const VERSION: u32 = 4;

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes do not start with `WNER`.
    #[error("not a warta NER model (bad magic bytes)")]
    Magic,
    /// Written by another version of this crate.
    #[error("unsupported model version {0} (this build reads {VERSION})")]
    Version(u32),
    /// The data ends early or holds an impossible value at this offset.
    #[error("model file is truncated or corrupt at byte {0}")]
    Truncated(usize),
    /// The tag-scheme byte is neither BIO nor BILOU.
    #[error("model file has an unknown tag scheme {0}")]
    Scheme(u8),
}

/// A trained tagger with everything it needs to extract features.
#[derive(Clone)]
pub struct Model {
    pub(crate) scheme: Scheme,
    pub(crate) groups: u32,
    pub(crate) index: FxHashMap<u32, u32>,
    /// Row-major `rows × labels`.
    pub(crate) weights: Vec<f32>,
    /// `(labels + 1) × labels`; row `labels` scores the first tag.
    pub(crate) trans: Vec<f32>,
    pub(crate) gaz: Gazetteer,
    pub(crate) trig: Triggers,
    pub(crate) cap: CapStats,
}

/// Reusable buffers for tagging one sentence after another.
#[derive(Default)]
pub struct Scratch {
    feats: Vec<Vec<u32>>,
    emit: Vec<f32>,
    delta: Vec<f32>,
    back: Vec<u8>,
}

impl Model {
    /// Number of labels of the model's scheme.
    pub fn n_labels(&self) -> usize {
        self.scheme.n_labels()
    }

    /// The tag scheme the model decodes in.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// Feature rows kept in the model.
    pub fn n_features(&self) -> usize {
        self.index.len()
    }

    /// Emission scores for every token, into `s.emit` (`n × labels`).
    fn emissions(&self, words: &[&str], s: &mut Scratch) {
        let l = self.n_labels();
        let lex = features::Lexicon {
            gaz: &self.gaz,
            trig: &self.trig,
            cap: &self.cap,
        };
        features::extract(words, &lex, self.groups, &mut s.feats);
        s.emit.clear();
        s.emit.resize(words.len() * l, 0.0);
        for (i, f) in s.feats.iter().enumerate() {
            let e = &mut s.emit[i * l..(i + 1) * l];
            for k in f {
                if let Some(&r) = self.index.get(k) {
                    let row = &self.weights[r as usize * l..(r as usize + 1) * l];
                    for (a, b) in e.iter_mut().zip(row) {
                        *a += b;
                    }
                }
            }
        }
    }

    /// The best label sequence under the model (label indices of its scheme).
    pub fn tag(&self, words: &[&str], s: &mut Scratch) -> Vec<usize> {
        if words.is_empty() {
            return Vec::new();
        }
        self.emissions(words, s);
        // A bracket standing alone is never inside a name in idner (which
        // glues brackets to words) and almost never in NERGrit (8 of 1,397)
        // or the Wikipedia gold (0 of 254); unconstrained, the decoder runs
        // names across it (`Kementerian Perhubungan ( Kemenhub`).
        let l = self.n_labels();
        for (i, w) in words.iter().enumerate() {
            if matches!(*w, "(" | ")" | "[" | "]") {
                for (j, e) in s.emit[i * l..(i + 1) * l].iter_mut().enumerate() {
                    if j != Scheme::OUTSIDE {
                        *e = f32::NEG_INFINITY;
                    }
                }
            }
        }
        viterbi(
            self.scheme,
            &s.emit,
            &self.trans,
            words.len(),
            &mut s.delta,
            &mut s.back,
        )
    }

    /// Serialises the model (see the module docs for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let l = self.n_labels();
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.push(self.scheme.code());
        out.push(l as u8);
        out.extend_from_slice(&self.groups.to_le_bytes());
        for t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        let mut rows: Vec<(u32, Vec<i16>)> = self
            .index
            .iter()
            .map(|(&k, &r)| {
                let q = self.weights[r as usize * l..(r as usize + 1) * l]
                    .iter()
                    .map(|w| (w / scale).round() as i16)
                    .collect::<Vec<_>>();
                (k, q)
            })
            .filter(|(_, q)| q.iter().any(|&x| x != 0))
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (k, q) in rows {
            out.extend_from_slice(&k.to_le_bytes());
            let mask = q
                .iter()
                .enumerate()
                .fold(0u16, |m, (i, &x)| if x != 0 { m | 1 << i } else { m });
            out.extend_from_slice(&mask.to_le_bytes());
            for x in q.into_iter().filter(|&x| x != 0) {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        let mut gaz: Vec<(&String, &u16)> = self.gaz.masks.iter().collect();
        gaz.sort_unstable();
        let gaz: Vec<_> = gaz.into_iter().filter(|(w, _)| w.len() < 256).collect();
        out.extend_from_slice(&(gaz.len() as u32).to_le_bytes());
        for (w, m) in gaz {
            out.extend_from_slice(&m.to_le_bytes());
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
        }
        let mut cap: Vec<(&String, &u8)> = self.cap.buckets.iter().filter(|(w, _)| w.len() < 256).collect();
        cap.sort_unstable();
        out.extend_from_slice(&(cap.len() as u32).to_le_bytes());
        for (w, b) in cap {
            out.push(*b);
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
        }
        let mut pr: Vec<(&String, &u8)> = self.cap.priors.iter().filter(|(w, _)| w.len() < 256).collect();
        pr.sort_unstable();
        out.extend_from_slice(&(pr.len() as u32).to_le_bytes());
        for (w, b) in pr {
            out.push(*b);
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
        }
        let mut cl: Vec<(&String, &u8)> = self.cap.clusters.iter().filter(|(w, _)| w.len() < 256).collect();
        cl.sort_unstable();
        out.extend_from_slice(&(cl.len() as u32).to_le_bytes());
        for (w, b) in cl {
            out.push(*b);
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`]; trigger classes come
    /// from the committed list.
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let v = r.u32()?;
        if v != VERSION {
            return Err(ModelError::Version(v));
        }
        let sc = r.take(1)?[0];
        let scheme = Scheme::from_code(sc).ok_or(ModelError::Scheme(sc))?;
        let l = r.take(1)?[0] as usize;
        if l != scheme.n_labels() {
            return Err(ModelError::Truncated(r.at));
        }
        let groups = r.u32()?;
        let mut trans = Vec::with_capacity((l + 1) * l);
        for _ in 0..(l + 1) * l {
            trans.push(r.f32()?);
        }
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let mut index = FxHashMap::default();
        index.reserve(n.min(1 << 24));
        let mut weights = Vec::with_capacity(n.min(1 << 24) * l);
        for row in 0..n {
            let k = r.u32()?;
            let mask = u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| ModelError::Truncated(r.at))?);
            for j in 0..l {
                weights.push(if mask & (1 << j) != 0 {
                    r.i16()? as f32 * scale
                } else {
                    0.0
                });
            }
            index.insert(k, row as u32);
        }
        let ng = r.u32()? as usize;
        let mut gaz = Gazetteer::default();
        gaz.masks.reserve(ng.min(1 << 22));
        for _ in 0..ng {
            let m = u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| ModelError::Truncated(r.at))?);
            let len = r.take(1)?[0] as usize;
            let at = r.at;
            let w = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::Truncated(at))?;
            gaz.masks.insert(w.to_string(), m);
        }
        let nc = r.u32()? as usize;
        let mut cap = CapStats::default();
        cap.buckets.reserve(nc.min(1 << 22));
        for _ in 0..nc {
            let bucket = r.take(1)?[0];
            let len = r.take(1)?[0] as usize;
            let at = r.at;
            let w = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::Truncated(at))?;
            cap.buckets.insert(w.to_string(), bucket);
        }
        let np = r.u32()? as usize;
        cap.priors.reserve(np.min(1 << 22));
        for _ in 0..np {
            let p = r.take(1)?[0];
            let len = r.take(1)?[0] as usize;
            let at = r.at;
            let w = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::Truncated(at))?;
            cap.priors.insert(w.to_string(), p);
        }
        let nk = r.u32()? as usize;
        cap.clusters.reserve(nk.min(1 << 22));
        for _ in 0..nk {
            let k = r.take(1)?[0];
            let len = r.take(1)?[0] as usize;
            let at = r.at;
            let w = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::Truncated(at))?;
            cap.clusters.insert(w.to_string(), k);
        }
        if r.at != b.len() {
            return Err(ModelError::Truncated(r.at));
        }
        Ok(Model {
            cap,
            scheme,
            groups,
            index,
            weights,
            trans,
            gaz,
            trig: Triggers::embedded(),
        })
    }
}

/// A summary: the weights and word lists are too large to print.
impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("scheme", &self.scheme)
            .field("groups", &self.groups)
            .field("features", &self.index.len())
            .field("gazetteer_tokens", &self.gaz.masks.len())
            .field("capstats_words", &self.cap.buckets.len())
            .field("clustered_words", &self.cap.clusters.len())
            .finish()
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or(ModelError::Truncated(self.at))?;
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?
                .try_into()
                .map_err(|_| ModelError::Truncated(self.at))?,
        ))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(
            self.take(2)?
                .try_into()
                .map_err(|_| ModelError::Truncated(self.at))?,
        ))
    }
}

/// The label moves a scheme allows, worked out once per scheme: which
/// labels may start a sentence and which may precede each label (in BILOU
/// about a third of all pairs, so decoding looks at a third of them).
struct Moves {
    start: Vec<bool>,
    preds: Vec<Vec<u8>>,
}

impl Moves {
    fn of(scheme: Scheme) -> &'static Moves {
        static BIO: std::sync::OnceLock<Moves> = std::sync::OnceLock::new();
        static BILOU: std::sync::OnceLock<Moves> = std::sync::OnceLock::new();
        let cell = match scheme {
            Scheme::Bio => &BIO,
            Scheme::Bilou => &BILOU,
        };
        cell.get_or_init(|| {
            let l = scheme.n_labels();
            Moves {
                start: (0..l).map(|j| scheme.allowed(None, j)).collect(),
                preds: (0..l)
                    .map(|j| {
                        (0..l)
                            .filter(|&p| scheme.allowed(Some(p), j))
                            .map(|p| p as u8)
                            .collect()
                    })
                    .collect(),
            }
        })
    }
}

/// First-order Viterbi over `emit` (`n × l`) and `trans` (`(l+1) × l`),
/// restricted to the scheme's well-formed sequences.
pub(crate) fn viterbi(
    scheme: Scheme,
    emit: &[f32],
    trans: &[f32],
    n: usize,
    delta: &mut Vec<f32>,
    back: &mut Vec<u8>,
) -> Vec<usize> {
    let l = scheme.n_labels();
    let moves = Moves::of(scheme);
    delta.clear();
    delta.resize(n * l, f32::NEG_INFINITY);
    back.clear();
    back.resize(n * l, 0);
    for j in 0..l {
        if moves.start[j] {
            delta[j] = trans[l * l + j] + emit[j];
        }
    }
    for i in 1..n {
        let (done, rest) = delta.split_at_mut(i * l);
        let prev = &done[(i - 1) * l..];
        let here = &mut rest[..l];
        let back = &mut back[i * l..(i + 1) * l];
        let emit = &emit[i * l..(i + 1) * l];
        for j in 0..l {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            // Only the labels that may precede `j`, in ascending order, so
            // ties break as they would over every label.
            for &p in &moves.preds[j] {
                let d = prev[p as usize];
                if d == f32::NEG_INFINITY {
                    continue;
                }
                let s = d + trans[p as usize * l + j];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            here[j] = best + emit[j];
            back[j] = arg;
        }
    }
    let last = (0..l)
        .filter(|&j| scheme.may_end(j))
        .max_by(|&a, &b| delta[(n - 1) * l + a].total_cmp(&delta[(n - 1) * l + b]))
        .unwrap_or(0);
    let mut out = vec![0; n];
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i * l + out[i]] as usize;
    }
    out
}
