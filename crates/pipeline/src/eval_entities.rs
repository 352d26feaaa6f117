//! End-to-end entity scoring: what `warta analyze` actually outputs (NER,
//! then the linker's lexicon matches, type corrections and role phrases),
//! scored against CoNLL gold files with exact token spans.
//!
//! `warta eval ner` scores the tagger on gold tokens; users get the linked
//! layer over raw text, so this module rebuilds each gold sentence as text
//! (tokens joined by single spaces), runs `segment, ner[, link]` on it as a
//! document, and maps the entities back to gold tokens.
//!
//! Alignment rule: an entity counts as a token span when its byte span
//! starts at a gold token's start and ends at a gold token's end. Any other
//! entity is snapped outward to the tokens it touches (for the nesting
//! policy) but always scores as spurious: a user gets the wrong string.
//!
//! Nesting: the linker's role phrases ("Pasukan Rusia" ORG) contain the
//! country LOC ("Rusia"); gold files have one flat layer, so two policies are
//! reported: *outermost* drops every entity inside another, *innermost* drops
//! entities that contain another (the role phrases) and keeps the nested one.
//!
//! Sentences are scored one at a time, so the linker lacks the article
//! context it uses for short names ("Kim" after "Kim Jong Un").

use crate::Pipeline;
use std::path::PathBuf;
use warta_core::{Document, Entity, Span, StageError};
use warta_ner::conll::{self, Sentence};
use warta_ner::eval::{chunks, Scores};
use warta_ner::labels::type_index;

/// Error type the command line prints as is.
pub type EvalError = Box<dyn std::error::Error + Send + Sync>;

/// An entity mapped onto gold tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aligned {
    /// First token touched.
    pub start: usize,
    /// One past the last token touched.
    pub end: usize,
    /// True when the entity's bytes match the tokens' bytes exactly.
    pub exact: bool,
}

/// Maps a byte span onto `tokens` (sorted byte spans): the tokens it
/// touches, and whether it starts at a token start and ends at a token end.
/// `None` when it touches no token (only whitespace).
pub fn align(tokens: &[Span], e: Span) -> Option<Aligned> {
    let start = tokens.partition_point(|t| t.end <= e.start);
    let end = tokens.partition_point(|t| t.start < e.end);
    if start >= end {
        return None;
    }
    let exact = tokens[start].start == e.start && tokens[end - 1].end == e.end;
    Some(Aligned { start, end, exact })
}

/// A gold sentence as text: tokens joined by single spaces, with each
/// token's byte span.
pub fn sentence_text(words: &[String]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(words.len());
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        let s = text.len();
        text.push_str(w);
        spans.push(Span::new(s, text.len()));
    }
    (text, spans)
}

/// Scores of one run over gold sentences, per variant.
#[derive(Debug, Clone, Default)]
pub struct EntityScores {
    /// Stages `segment, ner`: the tagger on running text, no linker.
    pub ner_only: Scores,
    /// Stages `segment, ner, link`, entities inside another dropped.
    pub outermost: Scores,
    /// Stages `segment, ner, link`, entities containing another dropped.
    pub innermost: Scores,
    /// NER-only entities not on token boundaries (scored as spurious).
    pub misaligned_ner: usize,
    /// Linked entities not on token boundaries (scored as spurious).
    pub misaligned_link: usize,
    /// Of `misaligned_ner`, those whose snapped tokens and type equal a gold
    /// mention: mostly gold tokens with punctuation glued on (`(SBY)`).
    pub misaligned_ner_on_gold: usize,
    /// Of `misaligned_link`, those whose snapped tokens and type equal a
    /// gold mention.
    pub misaligned_link_on_gold: usize,
    /// Sentences scored.
    pub sentences: usize,
}

impl EntityScores {
    fn merge(&mut self, o: &EntityScores) {
        self.ner_only.merge(&o.ner_only);
        self.outermost.merge(&o.outermost);
        self.innermost.merge(&o.innermost);
        self.misaligned_ner += o.misaligned_ner;
        self.misaligned_link += o.misaligned_link;
        self.misaligned_ner_on_gold += o.misaligned_ner_on_gold;
        self.misaligned_link_on_gold += o.misaligned_link_on_gold;
        self.sentences += o.sentences;
    }

    /// A printable report: one table per variant.
    pub fn report(&self) -> String {
        format!(
            "NER only (segment, ner); {} entities off token boundaries ({} on a gold mention's tokens)\n{}\
             NER + link, outermost (nested entities dropped); {} off token boundaries ({} on gold tokens)\n{}\
             NER + link, innermost (role phrases holding an entity dropped)\n{}",
            self.misaligned_ner,
            self.misaligned_ner_on_gold,
            self.ner_only.report(),
            self.misaligned_link,
            self.misaligned_link_on_gold,
            self.outermost.report(),
            self.innermost.report()
        )
    }
}

/// The stages under test, loaded once.
pub struct EntityEvaluator {
    ner: Pipeline,
    link: Pipeline,
}

impl EntityEvaluator {
    /// Loads the committed NER model and lexicons.
    pub fn new() -> Result<EntityEvaluator, crate::AnalyzeError> {
        Ok(EntityEvaluator {
            ner: Pipeline::with_stages(&["segment", "ner"])?,
            link: Pipeline::with_stages(&["link"])?,
        })
    }

    /// Entities of `segment, ner` and of `segment, ner, link` over `text`.
    /// The link pipeline runs on the NER output, which is exactly what the
    /// three-stage pipeline does (stages run in order on one document), with
    /// the tagger run once instead of twice.
    pub fn entities(&self, text: &str) -> Result<(Vec<Entity>, Vec<Entity>), StageError> {
        let mut doc = Document::new("gold", text);
        doc.published = None;
        self.ner.run(&mut doc)?;
        let ner = doc.entities.clone();
        self.link.run(&mut doc)?;
        Ok((ner, doc.entities))
    }

    /// Scores gold sentences under every variant.
    pub fn score(&self, sents: &[Sentence]) -> Result<EntityScores, StageError> {
        let mut out = EntityScores::default();
        for s in sents {
            let (text, toks) = sentence_text(&s.words);
            let (ner, linked) = self.entities(&text)?;
            let gold: Vec<(usize, usize, usize)> = chunks(&s.tags)
                .into_iter()
                .filter_map(|(a, b, t)| type_index(&t).map(|ty| (a, b, ty)))
                .collect();
            let ner = to_tokens(&toks, &ner);
            let linked = to_tokens(&toks, &linked);
            out.misaligned_ner += ner.iter().filter(|m| !m.1.exact).count();
            out.misaligned_link += linked.iter().filter(|m| !m.1.exact).count();
            let on_gold = |p: &[Pred]| {
                p.iter()
                    .filter(|(ty, a)| !a.exact && gold.contains(&(a.start, a.end, *ty)))
                    .count()
            };
            out.misaligned_ner_on_gold += on_gold(&ner);
            out.misaligned_link_on_gold += on_gold(&linked);
            add(&mut out.ner_only, &gold, &ner, s.words.len());
            add(&mut out.outermost, &gold, &outermost(&linked), s.words.len());
            add(&mut out.innermost, &gold, &innermost(&linked), s.words.len());
            out.sentences += 1;
        }
        Ok(out)
    }
}

/// A predicted entity: type index (into `warta_ner::labels::TYPES`) and tokens.
type Pred = (usize, Aligned);

fn to_tokens(toks: &[Span], ents: &[Entity]) -> Vec<Pred> {
    ents.iter()
        .filter_map(|e| {
            let ty = type_index(e.kind.as_str())?;
            // An entity touching no token still reached the user: spurious.
            let a = align(toks, e.span).unwrap_or(Aligned {
                start: 0,
                end: 0,
                exact: false,
            });
            Some((ty, a))
        })
        .collect()
}

/// `a` lies inside `b` and is not the same token range. An entity touching
/// no token (empty range) is inside nothing, so it always stays spurious.
fn inside(a: &Aligned, b: &Aligned) -> bool {
    a.start < a.end && b.start <= a.start && a.end <= b.end && (a.start, a.end) != (b.start, b.end)
}

/// Drops entities nested inside another (keeps the role phrase).
fn outermost(p: &[Pred]) -> Vec<Pred> {
    p.iter()
        .filter(|(_, a)| !p.iter().any(|(_, b)| inside(a, b)))
        .copied()
        .collect()
}

/// Drops entities holding another (the role phrases; keeps the nested LOC).
fn innermost(p: &[Pred]) -> Vec<Pred> {
    p.iter()
        .filter(|(_, a)| !p.iter().any(|(_, b)| inside(b, a)))
        .copied()
        .collect()
}

/// Adds one sentence: an exact match needs the same tokens and type and an
/// entity on token boundaries; each gold mention is matched at most once.
fn add(scores: &mut Scores, gold: &[(usize, usize, usize)], pred: &[Pred], n_tokens: usize) {
    let name = |ty: usize| warta_ner::labels::TYPES[ty].as_str().to_string();
    for &(_, _, ty) in gold {
        scores.overall.gold += 1;
        scores.by_type.entry(name(ty)).or_default().gold += 1;
    }
    let mut used = vec![false; gold.len()];
    for &(ty, a) in pred {
        scores.overall.guessed += 1;
        let c = scores.by_type.entry(name(ty)).or_default();
        c.guessed += 1;
        if !a.exact {
            continue;
        }
        if let Some(i) = (0..gold.len()).find(|&i| !used[i] && gold[i] == (a.start, a.end, ty)) {
            used[i] = true;
            c.correct += 1;
            scores.overall.correct += 1;
        }
    }
    scores.tokens += n_tokens;
}

/// Scores gold files end to end and returns a printable report per file and
/// over all files (`warta eval entities FILE…`).
pub fn run_eval(files: &[PathBuf]) -> Result<String, EvalError> {
    if files.is_empty() {
        return Err("no gold files given (CoNLL-style: token … tag per line)".into());
    }
    let ev = EntityEvaluator::new()?;
    let mut all = EntityScores::default();
    let mut out = String::new();
    for f in files {
        let sents = conll::read_file(f)?;
        let s = ev.score(&sents)?;
        out.push_str(&format!(
            "{} ({} sentences, {} tokens)\n{}\n",
            f.display(),
            s.sentences,
            s.ner_only.tokens,
            s.report()
        ));
        all.merge(&s);
    }
    if files.len() > 1 {
        out.push_str(&format!("all files\n{}", all.report()));
    }
    out.push_str(
        "\nSentences are scored one at a time: the linker lacks the article context \
         it uses to link short names to an earlier full name.\n",
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn entity_on_token_boundaries_aligns_exactly_and_a_partial_one_snaps_outward() {
        let (text, toks) = sentence_text(&words("Pasukan Rusia menyerang Kiev ."));
        assert_eq!(&text[toks[3].range()], "Kiev");
        let exact = align(&toks, Span::new(0, 13)).unwrap();
        assert_eq!((exact.start, exact.end, exact.exact), (0, 2, true));
        // "Rus" inside "Rusia": touches token 1 only, but not on its end.
        let part = align(&toks, Span::new(8, 11)).unwrap();
        assert_eq!((part.start, part.end, part.exact), (1, 2, false));
        // From the middle of "Pasukan" to the end of "Rusia": tokens 0..2.
        let wide = align(&toks, Span::new(3, 13)).unwrap();
        assert_eq!((wide.start, wide.end, wide.exact), (0, 2, false));
        // Only the space between two tokens: no token at all.
        assert_eq!(align(&toks, Span::new(7, 8)), None);
    }

    #[test]
    fn a_misaligned_entity_is_spurious_even_when_its_tokens_match_gold() {
        let gold = vec![(1, 2, 2)];
        let mut s = Scores::default();
        let miss = Aligned {
            start: 1,
            end: 2,
            exact: false,
        };
        add(&mut s, &gold, &[(2, miss)], 3);
        assert_eq!((s.overall.correct, s.overall.guessed, s.overall.gold), (0, 1, 1));
        let hit = Aligned { exact: true, ..miss };
        add(&mut s, &gold, &[(2, hit), (2, hit)], 3);
        // A duplicate matches the gold mention only once.
        assert_eq!((s.overall.correct, s.overall.guessed, s.overall.gold), (1, 3, 2));
    }

    #[test]
    fn nesting_policies_keep_the_role_phrase_or_the_country_inside_it() {
        let role = (
            1,
            Aligned {
                start: 0,
                end: 2,
                exact: true,
            },
        );
        let country = (
            2,
            Aligned {
                start: 1,
                end: 2,
                exact: true,
            },
        );
        let other = (
            2,
            Aligned {
                start: 3,
                end: 4,
                exact: true,
            },
        );
        let all = [role, country, other];
        assert_eq!(outermost(&all), vec![role, other]);
        assert_eq!(innermost(&all), vec![country, other]);
    }
}
