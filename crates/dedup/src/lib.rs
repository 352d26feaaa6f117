//! Copies of one story — syndicated agency text, spam-blog copies with a
//! site prefix and a comment footer, re-posts with a new title or a
//! paragraph dropped — found by MinHash over word shingles with LSH
//! banding (Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of Massive
//! Datasets*, ch. 3).
//!
//! A [`Signature`] is the minimum of each of [`PERMUTATIONS`] hash
//! functions over the article's 5-word shingles; the fraction of equal
//! minima estimates the Jaccard similarity of the two shingle sets. The
//! signature is cut into [`BANDS`] bands of [`ROWS`] rows: two articles
//! sharing any band's hash are candidates, which finds pairs of Jaccard
//! similarity 0.35 with probability 1 − (1 − 0.35²)⁶⁴ ≈ 0.9998 and pairs
//! of unrelated articles (Jaccard ≈ 0.01) with ≈ 0.006; candidates are
//! then kept only when the estimate reaches [`COPY_THRESHOLD`]. A copy
//! with its sentences shuffled within paragraphs and a few words changed
//! keeps about half of its 5-word runs (measured on Detik: 0.37–0.78), so
//! the threshold is low; two outlets' own reports of one event share few
//! (well under 0.1), so they are not copies — they are one story, found
//! elsewhere.

use rustc_hash::FxHashSet;

/// Hash functions in a signature.
pub const PERMUTATIONS: usize = 128;
/// LSH bands, of [`ROWS`] minima each.
pub const BANDS: usize = 64;
pub const ROWS: usize = PERMUTATIONS / BANDS;
/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Estimated Jaccard similarity from which two articles are copies.
pub const COPY_THRESHOLD: f32 = 0.35;

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; PERMUTATIONS]);

/// SplitMix64: a fast, well-mixed 64-bit hash step.
#[inline(always)]
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a over bytes: stable across runs and builds (signatures are
/// stored in databases).
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// The text's words, lower case, letters and digits only (punctuation,
/// spacing and case do not make a copy look different), in one buffer:
/// the buffer and each word's range in it.
fn words(text: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut buf = String::with_capacity(text.len());
    let mut ranges = Vec::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let start = buf.len();
        if w.is_ascii() {
            buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            buf.push_str(&w.to_lowercase());
        }
        ranges.push(start..buf.len());
    }
    (buf, ranges)
}

/// Hashes of the text's shingles of [`SHINGLE`] words (one shingle of all
/// words when it has fewer), repeats included.
fn shingle_hashes(text: &str) -> Vec<u64> {
    let (buf, ws) = words(text);
    let hash = |ws: &[std::ops::Range<usize>]| {
        ws.iter().fold(0xCBF2_9CE4_8422_2325, |h, w| {
            fnv(buf[w.clone()].as_bytes(), fnv(b" ", h))
        })
    };
    if ws.len() <= SHINGLE {
        return vec![hash(&ws)];
    }
    ws.windows(SHINGLE).map(hash).collect()
}

/// Hashes of the text's shingles of [`SHINGLE`] words (one shingle of all
/// words when it has fewer).
pub fn shingles(text: &str) -> FxHashSet<u64> {
    shingle_hashes(text).into_iter().collect()
}

impl Signature {
    /// The signature of a text.
    pub fn of(text: &str) -> Signature {
        // Repeated shingles are hashed again rather than looked up in a
        // set: a minimum does not change, and hashing is cheaper.
        let mut mins = [u32::MAX; PERMUTATIONS];
        fold(&shingle_hashes(text), &mut mins);
        Signature(mins)
    }

    /// Estimated Jaccard similarity: the fraction of equal minima.
    pub fn similarity(&self, other: &Signature) -> f32 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f32 / PERMUTATIONS as f32
    }

    /// One hash per band: equal for two signatures that agree on the
    /// band's rows.
    pub fn bands(&self) -> [u64; BANDS] {
        let mut out = [0u64; BANDS];
        for (b, rows) in self.0.chunks(ROWS).enumerate() {
            out[b] = rows.iter().fold(mix(b as u64), |h, &r| mix(h ^ u64::from(r)));
        }
        out
    }

    /// Little-endian bytes, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|m| m.to_le_bytes()).collect()
    }

    /// The signature stored by [`Signature::to_bytes`]; `None` for bytes of
    /// the wrong length.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != PERMUTATIONS * 4 {
            return None;
        }
        let mut mins = [0u32; PERMUTATIONS];
        for (m, c) in mins.iter_mut().zip(bytes.chunks_exact(4)) {
            *m = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
        Some(Signature(mins))
    }
}

/// Lowers each of `mins` to the minimum of its hash function over
/// `shingles`: [`PERMUTATIONS`] hashes per shingle, a tenth of what ingest
/// spends on an article besides writing it. The loop is compiled for the
/// widest vector unit the CPU has (8 or 4 hashes at a time): the same
/// arithmetic, so the same signature, on every CPU.
fn fold(shingles: &[u64], mins: &mut [u32; PERMUTATIONS]) {
    #[cfg(target_arch = "x86_64")]
    {
        if is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512dq") {
            // SAFETY: the CPU has the features `fold_avx512` is compiled for.
            return unsafe { fold_avx512(shingles, mins) };
        }
        if is_x86_feature_detected!("avx2") {
            // SAFETY: as above, for `fold_avx2`.
            return unsafe { fold_avx2(shingles, mins) };
        }
    }
    fold_portable(shingles, mins)
}

#[inline(always)]
fn fold_portable(shingles: &[u64], mins: &mut [u32; PERMUTATIONS]) {
    for &s in shingles {
        for (m, seed) in mins.iter_mut().zip(SEEDS.iter()) {
            // Hash function i is mix(s ^ seed_i); its low 32 bits suffice
            // for the minimum (collisions at 2⁻³² barely move estimates).
            *m = (*m).min(mix(s ^ seed) as u32);
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
fn fold_avx512(shingles: &[u64], mins: &mut [u32; PERMUTATIONS]) {
    fold_portable(shingles, mins)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn fold_avx2(shingles: &[u64], mins: &mut [u32; PERMUTATIONS]) {
    fold_portable(shingles, mins)
}

/// Seeds of the hash functions: fixed, so signatures stay comparable
/// across runs and versions.
const SEEDS: [u64; PERMUTATIONS] = {
    let mut s = [0u64; PERMUTATIONS];
    let mut x: u64 = 0x5741_5254_4100_0001; // "WARTA"
    let mut i = 0;
    while i < PERMUTATIONS {
        // SplitMix64 sequence, written out for const evaluation.
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        s[i] = z ^ (z >> 31);
        i += 1;
    }
    s
};

#[cfg(test)]
mod tests {
    use super::*;

    fn story(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "Kalimat nomor {i} tentang rapat dewan kota yang membahas anggaran jalan desa {}.",
                    i * 7
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn jaccard(a: &str, b: &str) -> f32 {
        let (x, y) = (shingles(a), shingles(b));
        x.intersection(&y).count() as f32 / x.union(&y).count() as f32
    }

    #[test]
    fn estimates_follow_jaccard_and_copies_share_a_band() {
        let a = story(40);
        let copy = format!("BlogBerita - {a}\n\nTinggalkan komentar Anda di bawah ini.");
        let other = (0..40)
            .map(|i| {
                format!(
                    "Tim sepak bola kota menang {i} kali musim ini kata pelatih {}.",
                    i + 3
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        let (sa, sc, so) = (Signature::of(&a), Signature::of(&copy), Signature::of(&other));
        let j = jaccard(&a, &copy);
        assert!(j > 0.9, "{j}");
        assert!(
            (sa.similarity(&sc) - j).abs() < 0.1,
            "{} vs {j}",
            sa.similarity(&sc)
        );
        assert!(sa.similarity(&so) < 0.1);
        assert!(sa.bands().iter().zip(sc.bands()).any(|(x, y)| *x == y));
        assert!(!sa.bands().iter().zip(so.bands()).any(|(x, y)| *x == y));
        assert!(sa.similarity(&sc) >= COPY_THRESHOLD);
    }

    #[test]
    fn signatures_are_stable_and_round_trip() {
        let s = Signature::of("Presiden Joko Widodo meresmikan jalan tol baru di Jawa Barat hari ini.");
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s.clone()));
        assert_eq!(
            s,
            Signature::of("presiden joko widodo meresmikan jalan tol baru di jawa barat hari ini")
        );
        assert!(Signature::from_bytes(&[1, 2, 3]).is_none());
    }
}

#[cfg(test)]
mod stability {
    use super::*;

    /// Signatures are stored in databases: a new warta must compute the
    /// ones an older warta stored (these minima are those of warta before
    /// the vector loop).
    #[test]
    fn signatures_are_those_stored_by_earlier_versions() {
        let s = Signature::of("Presiden Joko Widodo meresmikan jalan tol baru di Jawa Barat hari ini.");
        assert_eq!(s.0[..4], [98786464, 437795483, 281462636, 447279356]);
    }

    /// Whichever loop the CPU runs, the minima are the portable loop's.
    #[test]
    fn every_cpu_computes_the_same_signature() {
        let text =
            "Ketua ÖSTERREICH Şükrü berkata: «Dalam 5 tahun, İstanbul dan Zürich» — ΣΊΣΥΦΟΣ ".repeat(20);
        let hashes = shingle_hashes(&text);
        let mut portable = [u32::MAX; PERMUTATIONS];
        fold_portable(&hashes, &mut portable);
        assert_eq!(Signature::of(&text).0, portable);
        assert_ne!(portable, [u32::MAX; PERMUTATIONS]);
    }
}
