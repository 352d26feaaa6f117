//! Pronouns and the clitic `-nya`, resolved to the most salient earlier
//! mention: the subject of the nearest sentence that names a candidate,
//! or the speaker named right after a reporting verb, else the nearest.

use crate::data::{Number, Resources};
use crate::words::Words;
use warta_core::{Coreference, Document, EntityType, Mention, MentionKind, Span};

/// An anaphoric noun phrase (`Ketua MPR ke-15 ini`, `partai tersebut`)
/// that refers back like a pronoun: to a person when it names an office,
/// to an organisation otherwise.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anaphor {
    pub span: Span,
    pub number: Number,
}

/// How many sentences back an antecedent may be.
const WINDOW_SENTENCES: usize = 4;

/// A mention that can be an antecedent, with what makes it salient.
struct Candidate {
    start: usize,
    sentence: usize,
    cluster: usize,
    salient: bool,
}

/// Adds pronoun and clitic mentions resolved to clusters. `coref.mentions`
/// must be sorted; new mentions are appended.
pub(crate) fn add_pronouns(
    doc: &Document,
    words: &Words,
    res: &Resources,
    anaphors: &[Anaphor],
    coref: &mut Coreference,
) {
    let w = &words.words;
    let mut candidates: Vec<Candidate> = coref
        .mentions
        .iter()
        .filter(|m| !words.is_quoted(m.span.start))
        .filter(|m| coref.clusters[m.cluster].kind != EntityType::Loc)
        .map(|m| {
            let at = words.index_at(m.span.start);
            Candidate {
                start: m.span.start,
                sentence: w.get(at).map_or(0, |x| x.sentence),
                cluster: m.cluster,
                salient: is_salient(doc, words, at),
            }
        })
        .collect();
    // Nested mentions (a role phrase around a place) keep the outer one.
    candidates.dedup_by_key(|c| c.start);
    let mut added = Vec::new();
    let mut next_anaphor = 0;
    for (i, word) in w.iter().enumerate() {
        if !word.is_word || word.quoted {
            continue;
        }
        while anaphors
            .get(next_anaphor)
            .is_some_and(|a| a.span.start < word.span.start)
        {
            next_anaphor += 1;
        }
        let anaphor = anaphors
            .get(next_anaphor)
            .filter(|a| a.span.start == word.span.start);
        let (span, text, kind, number) = if let Some(a) = anaphor {
            next_anaphor += 1;
            (
                a.span,
                doc.text[a.span.range()].to_string(),
                MentionKind::Epithet,
                a.number,
            )
        } else if let Some(&n) = res.pronouns.get(&word.lower) {
            (
                word.span,
                doc.text[word.span.range()].to_string(),
                MentionKind::Pronoun,
                n,
            )
        } else if let Some(host) = word
            .lower
            .strip_suffix("nya")
            .filter(|h| res.nya_hosts.contains(*h))
        {
            let start = word.span.start + host.len();
            let n = if host == "pihak" {
                Number::Plural
            } else {
                Number::Singular
            };
            (
                Span::new(start, word.span.end),
                "-nya".to_string(),
                MentionKind::Clitic,
                n,
            )
        } else {
            continue;
        };
        if kind == MentionKind::Pronoun && inside_name(coref, span) {
            continue;
        }
        let Some(cluster) = antecedent(coref, &candidates, word.sentence, span.start, number) else {
            continue;
        };
        candidates.push(Candidate {
            start: span.start,
            sentence: word.sentence,
            cluster,
            salient: is_salient(doc, words, i),
        });
        candidates.sort_by_key(|c| c.start);
        added.push(Mention {
            text,
            span,
            kind,
            cluster,
        });
    }
    coref.mentions.extend(added);
}

fn inside_name(coref: &Coreference, span: Span) -> bool {
    coref.mentions.iter().any(|m| m.span.contains(span))
}

/// Whether the mention starting at token `at` is in subject position (near
/// its sentence's start, after at most a fronted phrase) or names the
/// speaker right after a reporting verb.
fn is_salient(doc: &Document, words: &Words, at: usize) -> bool {
    let w = &words.words;
    let Some(word) = w.get(at) else { return false };
    let sentence_start = doc.sentences.get(word.sentence).map_or(0, |s| s.start);
    let first = words.index_at(sentence_start);
    let before = &w[first..at];
    let fronted = before.iter().filter(|x| x.is_word && !x.capitalised).count();
    let after_comma = before.iter().rposition(|x| x.lower == ",");
    let subject = fronted == 0
        || after_comma.is_some_and(|c| before[c + 1..].iter().all(|x| x.capitalised || !x.is_word))
        || before
            .last()
            .is_some_and(|x| matches!(x.lower.as_str(), "bahwa" | "that"));
    let after_verb = at > 0 && crate::data::resources().nya_hosts.contains(&w[at - 1].lower);
    subject || after_verb
}

/// The cluster a pronoun or clitic at `at` refers to.
fn antecedent(
    coref: &Coreference,
    candidates: &[Candidate],
    sentence: usize,
    at: usize,
    number: Number,
) -> Option<usize> {
    let fits = |c: &Candidate| {
        let kind = coref.clusters[c.cluster].kind;
        match number {
            Number::Singular => kind == EntityType::Per,
            Number::Plural => kind != EntityType::Loc,
            Number::Organisation => kind == EntityType::Org,
        }
    };
    let before: Vec<&Candidate> = candidates.iter().filter(|c| c.start < at && fits(c)).collect();
    // Nearest sentence first; within it, a salient mention beats a nearer one.
    let last_sentence = before.last()?.sentence;
    if last_sentence + WINDOW_SENTENCES < sentence {
        return before
            .iter()
            .rev()
            .find(|c| c.salient)
            .or(before.last())
            .map(|c| c.cluster);
    }
    for s in (last_sentence.saturating_sub(WINDOW_SENTENCES)..=last_sentence).rev() {
        let here: Vec<&&Candidate> = before.iter().filter(|c| c.sentence == s).collect();
        if here.is_empty() {
            continue;
        }
        if let Some(c) = here.iter().rev().find(|c| c.salient) {
            return Some(c.cluster);
        }
        // No salient mention in the nearest sentence: look one further for
        // a subject before settling for the nearest mention.
        if let Some(c) = before
            .iter()
            .rev()
            .find(|c| c.sentence + 1 >= s && c.sentence < s && c.salient)
        {
            return Some(c.cluster);
        }
        return here.last().map(|c| c.cluster);
    }
    // Nothing near (a long quote in between): the last subject named.
    before
        .iter()
        .rev()
        .find(|c| c.salient)
        .or(before.last())
        .map(|c| c.cluster)
}
