//! Language identification: lingua for Indonesian, Malay and English, plus
//! an Indonesian/Malay disambiguation layer.
//!
//! Lingua's character n-grams confuse the two standard Malay languages
//! (here it calls 19% of its own Indonesian test sentences Malay). When
//! lingua's best guess is one of them, [`LanguageIdentifier`] re-decides
//! between the two with weighted vocabulary and spelling markers scanned
//! over the whole text ([`markers`]), combined with lingua's own vote by a
//! logistic regression learnt from a training split ([`train`]).
//!
//! Two shortcuts keep it fast and honest: text whose markers are dense and
//! decisive is settled without lingua (most Indonesian and Malay articles),
//! and long text with almost no Indonesian/Malay words gets no language even
//! when lingua, which only knows three languages, says Indonesian or Malay.
//! Figures: `docs/quality.md`; speed: `BENCHMARKS.md`.

pub mod cli;
pub mod function_words;
pub mod gold;
pub mod markers;
pub mod train;
mod words;

use function_words::FunctionWords;
use lingua::{Language as Lingua, LanguageDetector, LanguageDetectorBuilder};
use markers::{MarkerModel, MarkerScore};
use warta_core::{Document, Language, Stage, StageError};

/// The marker table learnt by `examples/train_markers.rs`.
const MARKER_TABLE: &str = include_str!("../../../data/lang/id_ms_markers.tsv");

/// Lingua reads at most this many characters from the start of a text: its
/// cost grows with length, and `examples/prefix_sweep.rs` shows 300 giving
/// the accuracy of 2,000. The cheap marker layer still reads the whole text.
pub const LINGUA_PREFIX_CHARS: usize = 300;

/// The marker layer stops after this many bytes, bounding the time spent on
/// pathological inputs.
pub const MARKER_SCAN_BYTES: usize = 100_000;

/// The languages lingua is built with.
pub const LANGUAGES: [Lingua; 3] = [Lingua::Indonesian, Lingua::Malay, Lingua::English];

/// Everything the identifier computed for one text, for evaluation and
/// debugging.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Lingua's confidences, best first (all zero when lingua found no
    /// signal).
    pub lingua: Vec<(&'static str, f64)>,
    /// Lingua's `ln(P(ms)/P(id))`, clamped.
    pub lingua_log_odds: f64,
    /// Sum of marker weights over the text (positive: Malay).
    pub marker_sum: f64,
    /// How many markers fired.
    pub marker_hits: usize,
    /// Lingua's decision alone.
    pub lingua_only: Option<Language>,
    /// The final decision.
    pub decision: Option<Language>,
}

/// Identifies the language of a text (Indonesian, Malay, English), with a
/// confidence. Build once (loading lingua's models takes a while) and share.
pub struct LanguageIdentifier {
    detector: LanguageDetector,
    markers: MarkerModel,
    function_words: FunctionWords,
    lingua_prefix: usize,
}

impl std::fmt::Debug for LanguageIdentifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LanguageIdentifier")
            .field("markers", &self.markers.len())
            .finish()
    }
}

impl Default for LanguageIdentifier {
    fn default() -> LanguageIdentifier {
        LanguageIdentifier::new()
    }
}

impl LanguageIdentifier {
    /// The identifier with the embedded marker table, models preloaded so the
    /// first document costs no more than the others.
    pub fn new() -> LanguageIdentifier {
        // The embedded table is checked by this crate's tests; a parse error
        // here is a build defect, not bad input.
        let markers = MarkerModel::parse(MARKER_TABLE).expect("embedded marker table parses");
        LanguageIdentifier::with_markers(markers)
    }

    /// An identifier using `markers` instead of the embedded table (training
    /// and experiments).
    pub fn with_markers(markers: MarkerModel) -> LanguageIdentifier {
        let detector = LanguageDetectorBuilder::from_languages(&LANGUAGES)
            .with_preloaded_language_models()
            .build();
        // Lingua compiles its regexes and character tables on first use
        // (~4 ms); pay that here rather than on the first document.
        let _ = detector.compute_language_confidence_values("warta siap");
        LanguageIdentifier {
            detector,
            markers,
            function_words: FunctionWords::embedded(),
            lingua_prefix: LINGUA_PREFIX_CHARS,
        }
    }

    /// The marker layer in use.
    pub fn markers(&self) -> &MarkerModel {
        &self.markers
    }

    /// Sets how many leading characters lingua reads (default
    /// [`LINGUA_PREFIX_CHARS`]): fewer is faster, the marker layer still
    /// reads the whole text.
    pub fn set_lingua_prefix(&mut self, chars: usize) {
        self.lingua_prefix = chars.max(1);
    }

    /// Replaces the marker layer (the lingua models stay loaded).
    pub fn set_markers(&mut self, markers: MarkerModel) {
        self.markers = markers;
    }

    /// The most likely language (`id`, `ms` or `en`) with a confidence in
    /// `[0, 1]`, or `None` when the text has too little signal (no letters)
    /// or is in a language warta does not know (another script, or long
    /// Latin-script text without Indonesian/Malay words).
    pub fn detect(&self, text: &str) -> Option<Language> {
        let m = self.markers.score_detail(head_bytes(text, MARKER_SCAN_BYTES));
        // Most Indonesian and Malay articles are settled by the markers
        // alone; lingua (the costly part) is only asked when they are not.
        if let Some(lang) = self.markers_decide(&m) {
            return Some(lang);
        }
        self.analyse_scored(text, m).decision
    }

    /// Lingua's decision alone, on the same prefix [`detect`](Self::detect)
    /// gives it (the baseline the marker layer is measured against).
    pub fn detect_lingua_only(&self, text: &str) -> Option<Language> {
        self.analyse(text).lingua_only
    }

    /// Lingua's confidences on the prefix of `text`, best first.
    pub fn lingua_confidences(&self, text: &str) -> Vec<(&'static str, f64)> {
        let values = self
            .detector
            .compute_language_confidence_values(head(text, self.lingua_prefix));
        values.into_iter().map(|(l, c)| (code(l), c)).collect()
    }

    /// The full computation behind [`detect`](Self::detect), lingua always
    /// included (the decision is the same as `detect`'s).
    pub fn analyse(&self, text: &str) -> Analysis {
        let m = self.markers.score_detail(head_bytes(text, MARKER_SCAN_BYTES));
        self.analyse_scored(text, m)
    }

    fn analyse_scored(&self, text: &str, m: MarkerScore) -> Analysis {
        let scanned = head_bytes(text, MARKER_SCAN_BYTES);
        let lingua = self.lingua_confidences(text);
        let conf = |c: &str| lingua.iter().find(|(l, _)| *l == c).map_or(0.0, |x| x.1);
        let (p_id, p_ms) = (conf("id"), conf("ms"));
        let clamp = self.markers.combination.lingua_clamp;
        let lingua_log_odds = (p_ms.max(1e-300).ln() - p_id.max(1e-300).ln()).clamp(-clamp, clamp);
        let lingua_only = lingua.first().filter(|(_, c)| *c > 0.0).map(|(l, c)| {
            rounded(Language {
                code: (*l).to_string(),
                confidence: *c,
            })
        });
        let decision = match (self.markers_decide(&m), &lingua_only) {
            (Some(lang), _) => Some(lang),
            (None, Some(top)) if top.code == "id" || top.code == "ms" => {
                if looks_foreign(&m) || self.function_words.count(scanned).rules_out("id") {
                    // Lingua knows only three languages, so Czech or
                    // Tagalog comes out as "Malay"; real Indonesian or Malay
                    // of this length always uses some marker words and
                    // function words.
                    None
                } else {
                    let z = self.markers.combination.logit(lingua_log_odds, m.sum);
                    Some(id_or_ms(z, (p_id + p_ms).clamp(0.0, 1.0)))
                }
            }
            // Likewise French or Spanish comes out as "English".
            (None, Some(top)) if top.code == "en" && self.function_words.count(scanned).rules_out("en") => {
                None
            }
            (None, other) => other.clone(),
        };
        Analysis {
            lingua,
            lingua_log_odds,
            marker_sum: m.sum,
            marker_hits: m.hits,
            lingua_only,
            decision,
        }
    }

    /// The decision when the markers alone settle it: many of them, dense
    /// enough that the text cannot be English (English text scores almost
    /// no hits), and a sum lingua's bounded vote could not overturn.
    fn markers_decide(&self, m: &MarkerScore) -> Option<Language> {
        let c = &self.markers.combination;
        let lingua_reach = c.lingua.abs() * c.lingua_clamp + c.bias.abs();
        let strength = c.markers * m.sum;
        let dense = m.hits >= FAST_MIN_HITS && m.hits as f64 >= FAST_MIN_DENSITY * m.words as f64;
        if dense && strength.abs() >= lingua_reach + FAST_MARGIN {
            // Lingua's vote is unknown here: score it as neutral.
            Some(id_or_ms(c.logit(0.0, m.sum), 1.0))
        } else {
            None
        }
    }
}

/// Minimum markers for the markers-only decision.
pub const FAST_MIN_HITS: usize = 8;
/// Minimum share of words that are markers for the markers-only decision:
/// Detik articles have a median of 0.24 and 5% under 0.17; English pages
/// (the 130 Readability test pages) a median of 0.01.
pub const FAST_MIN_DENSITY: f64 = 0.08;
/// How far (in logit units) the marker term must exceed lingua's largest
/// possible influence for the markers-only decision.
pub const FAST_MARGIN: f64 = 6.0;

/// Texts of at least this many words whose share of marker words is below
/// [`FOREIGN_MAX_DENSITY`] are taken to be in a language warta does not
/// know, even when lingua (choosing among three) says Indonesian or Malay.
pub const FOREIGN_MIN_WORDS: usize = 30;
/// Of the 1,206 news paragraphs and Detik articles with at least 30 words,
/// 99% have a marker share of 0.067 or more (those under are English).
pub const FOREIGN_MAX_DENSITY: f64 = 0.03;

fn looks_foreign(m: &MarkerScore) -> bool {
    m.words >= FOREIGN_MIN_WORDS && (m.hits as f64) < FOREIGN_MAX_DENSITY * m.words as f64
}

/// Every confidence handed out ([`id_or_ms`], lingua's own answer) is given
/// to 4 decimals: lingua sums its probabilities in hash-map order, so their
/// last digits change from run to run, and the same input must give the
/// same bytes.
fn rounded(mut lang: Language) -> Language {
    lang.confidence = (lang.confidence * 1e4).round() / 1e4;
    lang
}

/// `ms` or `id` from the combined logit, scaled by lingua's belief that the
/// text is one of the two.
fn id_or_ms(z: f64, both: f64) -> Language {
    let p_malay = 1.0 / (1.0 + (-z).exp());
    rounded(if p_malay >= 0.5 {
        Language {
            code: "ms".into(),
            confidence: both * p_malay,
        }
    } else {
        Language {
            code: "id".into(),
            confidence: both * (1.0 - p_malay),
        }
    })
}

impl Stage for LanguageIdentifier {
    fn name(&self) -> &'static str {
        "lang"
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.language = self.detect(&doc.text);
        // When cleaning left no words (a page of boilerplate, a caption
        // only), the title still says which language the page is in.
        if doc.language.is_none() && !has_words(&doc.text) {
            if let Some(title) = doc.title.as_deref() {
                doc.language = self.detect(title);
            }
        }
        Ok(())
    }
}

/// True when `text` holds at least one word (letters or digits).
fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// ISO 639-1 code of a lingua language.
fn code(l: Lingua) -> &'static str {
    match l {
        Lingua::Indonesian => "id",
        Lingua::Malay => "ms",
        Lingua::English => "en",
        #[allow(unreachable_patterns)]
        _ => "und",
    }
}

/// The first `n` characters of `text`, cut back to a word boundary.
fn head(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        None => text,
        Some((cut, _)) => {
            let s = &text[..cut];
            match s.rfind(char::is_whitespace) {
                Some(ws) if ws > cut / 2 => &s[..ws],
                _ => s,
            }
        }
    }
}

/// The first `n` bytes of `text`, cut back to a char boundary.
fn head_bytes(text: &str, n: usize) -> &str {
    if text.len() <= n {
        return text;
    }
    let mut cut = n;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

#[cfg(test)]
mod tests;
