//! The "is it really this language" check: lingua is built with three
//! languages only, so it must call French or Spanish "English" and Tagalog
//! or Polish "Indonesian". Every real text of some length in a language is
//! made of that language's closed-class words (articles, prepositions,
//! pronouns, auxiliaries) at a steady rate, and a text in another language
//! has almost none of them; [`FunctionWords`] counts them.
//!
//! The word lists are data (`data/lang/function_words.tsv`); the thresholds
//! are chosen by `examples/function_word_sweep.rs` on lingua's test
//! sentences, the training outlets of the Indonesian/Malay news paragraphs
//! and the Detik development articles (docs/quality.md), never on the
//! trafilatura pages the check is reported on.

use std::collections::HashSet;

use crate::words::{for_each_word, lower_into};

/// The embedded word lists.
const TABLE: &str = include_str!("../../../data/lang/function_words.tsv");

/// Texts shorter than this many words are not checked: headlines, captions
/// and bylines of 10–20 words often hold no function word at all and are
/// still in their language.
pub const MIN_WORDS: usize = 20;

/// Lowest share of English function words in English text of
/// [`MIN_WORDS`] or more (below it, the text is not English).
pub const MIN_SHARE_EN: f64 = 0.03;

/// Lowest share of Indonesian/Malay function words in Indonesian or Malay
/// text of [`MIN_WORDS`] or more.
pub const MIN_SHARE_IDMS: f64 = 0.02;

/// Closed-class words of English and of Indonesian/Malay (one list for both:
/// the check is about "any of our languages", not which one).
#[derive(Debug, Clone)]
pub struct FunctionWords {
    en: HashSet<String>,
    idms: HashSet<String>,
}

/// How many function words of each list a text holds.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FunctionWordCount {
    /// Words read.
    pub words: usize,
    /// English function words among them.
    pub en: usize,
    /// Indonesian/Malay function words among them.
    pub idms: usize,
}

impl FunctionWordCount {
    /// The share of words that are function words of `code`'s list (`en`,
    /// or `id`/`ms`); `None` for other codes or an empty text.
    pub fn share(&self, code: &str) -> Option<f64> {
        let hits = match code {
            "en" => self.en,
            "id" | "ms" => self.idms,
            _ => return None,
        };
        (self.words > 0).then(|| hits as f64 / self.words as f64)
    }

    /// Whether a text this long with this few function words of `code`
    /// cannot be in that language.
    pub fn rules_out(&self, code: &str) -> bool {
        if self.words < MIN_WORDS {
            return false;
        }
        let floor = if code == "en" {
            MIN_SHARE_EN
        } else {
            MIN_SHARE_IDMS
        };
        self.share(code).is_some_and(|s| s < floor)
    }
}

impl Default for FunctionWords {
    fn default() -> FunctionWords {
        FunctionWords::embedded()
    }
}

impl FunctionWords {
    /// The lists in `data/lang/function_words.tsv`.
    pub fn embedded() -> FunctionWords {
        FunctionWords::parse(TABLE)
    }

    /// Reads `lang<TAB>word` lines (`#` comments); unknown `lang` values
    /// are ignored.
    pub fn parse(table: &str) -> FunctionWords {
        let mut out = FunctionWords {
            en: HashSet::new(),
            idms: HashSet::new(),
        };
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let Some((lang, word)) = line.split_once('\t') else {
                continue;
            };
            let word = word.trim().to_lowercase();
            match lang.trim() {
                "en" => out.en.insert(word),
                "idms" => out.idms.insert(word),
                _ => false,
            };
        }
        out
    }

    /// Counts the function words of `text`.
    pub fn count(&self, text: &str) -> FunctionWordCount {
        let mut out = FunctionWordCount::default();
        let mut buf = String::new();
        for_each_word(text, |w| {
            out.words += 1;
            lower_into(w.raw, &mut buf);
            if self.en.contains(buf.as_str()) {
                out.en += 1;
            } else if self.idms.contains(buf.as_str()) {
                out.idms += 1;
            }
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_other_languages_score_nothing() {
        let fw = FunctionWords::embedded();
        assert!(fw.en.len() > 50 && fw.idms.len() > 80);
        let fr = fw.count(
            "Le président de la République a annoncé mardi une série de mesures \
             pour soutenir le pouvoir d'achat des ménages, alors que l'inflation reste \
             élevée dans la zone euro.",
        );
        assert!(fr.rules_out("en"), "{fr:?}");
        let en = fw.count(
            "The president announced on Tuesday a series of measures to support \
             the purchasing power of households, while inflation remains high in the \
             euro zone.",
        );
        assert!(!en.rules_out("en"), "{en:?}");
        let id = fw.count(
            "Presiden mengumumkan serangkaian langkah untuk mendukung daya beli rumah \
             tangga yang melemah, sementara inflasi masih tinggi di kawasan euro pada \
             bulan ini.",
        );
        assert!(!id.rules_out("id"), "{id:?}");
        let tl = fw.count(
            "Inihayag ng pangulo noong Martes ang isang serye ng mga hakbang upang \
             suportahan ang kakayahang bumili ng mga sambahayan habang nananatiling \
             mataas ang implasyon.",
        );
        assert!(tl.rules_out("id"), "{tl:?}");
    }

    #[test]
    fn short_texts_are_never_ruled_out() {
        let fw = FunctionWords::embedded();
        assert!(!fw.count("Le café ferme ses portes.").rules_out("en"));
    }
}
