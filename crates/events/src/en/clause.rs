//! The English clause coder. PETRARCH reads a constituency parse; warta
//! has none, so it reads the word sequence the way a shallow parser
//! would: a dictionary verb used as a verb (not the noun `attack` after
//! `the`), its voice (`was attacked by`), the subject before it (or the
//! subject of the verb it is coordinated with: `condemned … and
//! promised`), the first actor after it, and the verb block's patterns
//! over the words around it for the finest code.

use super::dict::{Codes, Elem, Inflection, Pattern, Phrase, VerbDict, VerbForm};
use warta_core::Span;

/// A word of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub norm: String,
    pub span: Span,
    pub cap: bool,
}

/// An actor phrase of the sentence: words `first..=last`.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub first: usize,
    pub last: usize,
    pub code: Option<String>,
    /// Index of whatever the caller needs back (an entity, a cluster).
    pub key: usize,
    /// An agent phrase (`police`, `soldiers from Gondor`): named by its
    /// own words, not by the actor it was composed with.
    pub agent: bool,
}

/// One coded verb: source and target mention indices (several when
/// coordinated), the codes and the verb's words.
#[derive(Debug, Clone)]
pub(crate) struct Coding {
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    pub codes: Codes,
    pub verb: (usize, usize),
    pub clause: (usize, usize),
    pub negated: bool,
    pub planned: bool,
    pub conditional: bool,
}

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "this", "these", "those", "'s",
    "of", "such", "any", "no", "every", "each", "another", "first", "new", "same",
];
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "again",
    "already",
    "jointly",
    "reportedly",
    "allegedly",
    "later",
    "then",
    "recently",
    "formally",
    "strongly",
    "publicly",
    "officially",
    "finally",
    "immediately",
    "just",
    "repeatedly",
    "further",
    "subsequently",
    "quickly",
    "swiftly",
    "still",
    "previously",
    "apparently",
    "effectively",
    "once",
    "twice",
    "now",
    "been",
    "not",
    "n't",
    "never",
    "to",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "did",
    "does",
    "do",
    "'ll",
    "cannot",
    "be",
    "is",
    "are",
    "was",
    "were",
    "being",
    "'s",
    "'re",
    "about",
    "set",
    "due",
    "expected",
    "likely",
    "only",
    "even",
    "nearly",
    "almost",
    "partially",
    "fully",
    "unanimously",
];
const BE: &[&str] = &[
    "is", "are", "was", "were", "been", "being", "be", "get", "got", "gets",
];
const MODAL_OR_TO: &[&str] = &[
    "to", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "did", "does", "do",
    "n't", "not", "'ll", "cannot", "never",
];
const NEGATION: &[&str] = &["not", "n't", "never", "neither", "nor", "cannot", "no"];
const PLANNED: &[&str] = &[
    "will", "'ll", "would", "to", "plans", "planned", "plan", "intends", "shall", "may", "might", "could",
];
const CONDITIONAL: &[&str] = &["if", "unless", "whether"];
const PRONOUN_SUBJECTS: &[&str] = &["it", "he", "she", "they", "we", "i", "who", "which"];
/// Words that end a clause on either side of a verb.
const BOUNDARY: &[&str] = &[
    ";", ":", "that", "which", "who", "whom", "whose", "after", "before", "when", "while", "because", "if",
    "although", "though", "since", "until", "unless", "where", "\"", "“", "”", "(", ")", "?", "!", "as",
    "amid", "despite", "whereas",
];
const PREPOSITIONS: &[&str] = &[
    "in", "of", "at", "on", "for", "with", "by", "from", "to", "near", "against", "between", "into", "over",
    "about", "toward", "towards", "among", "across", "inside", "outside", "within", "through", "under",
    "around",
];
/// How far from its verb a subject, an object or a pattern's word can be.
const REACH_LEFT: usize = 12;
/// The longest list of coordinated actors read on either side of one.
const MAX_GROUP: usize = 16;
const REACH_RIGHT: usize = 16;

fn is(w: &str, set: &[&str]) -> bool {
    set.contains(&w)
}

/// A sentence to code.
pub(crate) struct Sentence<'a> {
    pub words: &'a [Word],
    /// Sorted by `first`, not overlapping.
    pub mentions: &'a [Mention],
    pub verbs: &'a VerbDict,
}

impl Sentence<'_> {
    fn w(&self, i: usize) -> &str {
        &self.words[i].norm
    }

    /// The mention ending at word `i`.
    fn mention_ending(&self, i: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.last < i);
        (k < self.mentions.len() && self.mentions[k].last == i).then_some(k)
    }

    fn mention_starting(&self, i: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.first < i);
        (k < self.mentions.len() && self.mentions[k].first == i).then_some(k)
    }

    /// Mentions joined to mention `m` by `and`, `or` and commas, in order,
    /// `m` included.
    /// At most `MAX_GROUP` on each side, so an endless list costs no more
    /// than a long one.
    fn group(&self, m: usize) -> Vec<usize> {
        let mut first = m;
        while first > 0 && m - first < MAX_GROUP && self.joined(first - 1, first) {
            first -= 1;
        }
        let mut last = m;
        while last + 1 < self.mentions.len() && last - m < MAX_GROUP && self.joined(last, last + 1) {
            last += 1;
        }
        // A list ends in `and` or `or`; commas alone make an appositive
        // (`five civilians, Ukrainian officials said`).
        let listed = (first..last).any(|k| {
            (self.mentions[k].last + 1..self.mentions[k + 1].first)
                .any(|w| matches!(self.w(w), "and" | "or" | "nor"))
        });
        if listed {
            (first..=last).collect()
        } else {
            vec![m]
        }
    }

    /// Mentions `a` and `b` (next to each other) are coordinated: only
    /// `and`, `or`, commas, articles and a few modifiers between them
    /// (`Fornost and the evil awful Gondor`).
    fn joined(&self, a: usize, b: usize) -> bool {
        let gap = self.mentions[a].last + 1..self.mentions[b].first;
        let joiner = |w: &str| matches!(w, "and" | "or" | "," | "nor");
        // (A list of commas alone is an appositive: see `group`.)
        let filler = |w: &str| {
            matches!(w, "the" | "both" | "neither" | "either")
                || w.chars().all(char::is_alphabetic)
                    && !is(w, PREPOSITIONS)
                    && !is(w, BOUNDARY)
                    && !is(w, AUX)
                    && !self.verbs.forms.contains_key(w)
        };
        !gap.is_empty()
            && gap.len() <= 5
            && gap.clone().any(|k| joiner(self.w(k)))
            && gap
                .clone()
                .all(|k| joiner(self.w(k)) || filler(self.w(k)) && !self.words[k].cap)
    }
}

/// The verb form written at word `i` and used as a verb there, the words
/// it takes (`cordoned off`): the longest of the forms that fit.
fn verb_at<'d>(s: &Sentence, dict: &'d VerbDict, i: usize) -> Option<(&'d VerbForm, usize, usize)> {
    let forms = dict.forms.get(s.w(i))?;
    let mut best: Option<(&VerbForm, usize, usize)> = None;
    for f in forms {
        let b = f.before.len();
        if b > i || i + 1 + f.after.len() > s.words.len() {
            continue;
        }
        let before_ok = f.before.iter().enumerate().all(|(k, w)| s.w(i - b + k) == w);
        let after_ok = f.after.iter().enumerate().all(|(k, w)| s.w(i + 1 + k) == w);
        if before_ok && after_ok {
            let (a, e) = (i - b, i + 1 + f.after.len());
            if best.is_none_or(|(_, ba, be)| e - a > be - ba) && used_as_verb(s, f, a, 0) {
                best = Some((f, a, e));
            }
        }
    }
    best
}

/// The word index before `i` skipping auxiliaries and adverbs (not past
/// `floor`).
fn skip_aux_left(s: &Sentence, i: usize, floor: usize) -> Option<usize> {
    let mut k = i;
    while k > floor {
        k -= 1;
        if !is(s.w(k), AUX) && !s.w(k).ends_with("ly") {
            return Some(k);
        }
    }
    None
}

/// Is the dictionary form at `a` used as a verb here?
fn used_as_verb(s: &Sentence, f: &VerbForm, a: usize, floor: usize) -> bool {
    let prev = if a > floor { Some(s.w(a - 1)) } else { None };
    if prev.is_some_and(|p| is(p, DETERMINERS)) {
        return false;
    }
    // A capitalised word inside a name is not a verb (`the Hope Party`).
    if a > floor && s.words[a].cap && s.words[a - 1].cap {
        return false;
    }
    let subject_before =
        |k: usize| s.mention_ending(k).is_some() || is(s.w(k), PRONOUN_SUBJECTS) || s.words[k].cap;
    match f.inflection {
        Inflection::Past => true,
        // A bare form is a verb after `to`, a modal or `not` (`will
        // meet`, `did not attack`), or after a plural subject: a pronoun or
        // coordinated actors (`Fornost and Gondor welcome`).
        Inflection::Base => match prev {
            None => false,
            Some(p) if is(p, MODAL_OR_TO) || matches!(p, "they" | "we" | "i" | "you") => true,
            Some(_) => {
                let adverbs_only = |k: usize| s.words[k + 1..a].iter().all(|w| w.norm.ends_with("ly"));
                let k = (floor..a).rev().find(|&k| !s.w(k).ends_with("ly"));
                // After one name, only when a determiner or preposition
                // follows (`Gamgee met a bunch`), which a noun compound
                // (`Yahoo Japan stock`) never has.
                let next_opens_phrase = s.words.get(a + 1).is_some_and(|w| {
                    matches!(
                        w.norm.as_str(),
                        "a" | "an" | "the" | "his" | "her" | "its" | "their"
                    ) || is(&w.norm, PREPOSITIONS)
                });
                k.is_some_and(|k| {
                    adverbs_only(k)
                        && (is(s.w(k), MODAL_OR_TO)
                            || s.mention_ending(k)
                                .is_some_and(|m| s.group(m).len() > 1 || next_opens_phrase))
                })
            }
        },
        Inflection::Third => match skip_aux_left(s, a, floor) {
            None => false,
            Some(k) => subject_before(k) || s.w(k) == "and",
        },
        Inflection::Gerund => match prev {
            Some(p) if is(p, BE) || p == "," => true,
            _ => skip_aux_left(s, a, floor).is_some_and(|k| is(s.w(k), BE)),
        },
    }
}

/// Words `i..` match `p` (consecutively; a phrase may skip one adjective
/// between its words).
fn phrase_at(s: &Sentence, i: usize, end: usize, p: &Phrase) -> Option<usize> {
    let mut k = i;
    for (n, w) in p.iter().enumerate() {
        if k < end && s.w(k) == w {
            k += 1;
        } else if n > 0 && k + 1 < end && s.w(k + 1) == w {
            k += 2;
        } else {
            return None;
        }
    }
    Some(k)
}

/// The first place in `from..end` where any alternative matches: (start,
/// end of the match).
fn find_alts(s: &Sentence, from: usize, end: usize, alts: &[Phrase]) -> Option<(usize, usize)> {
    (from..end).find_map(|i| alts.iter().find_map(|p| phrase_at(s, i, end, p).map(|e| (i, e))))
}

/// Matches the elements in order within `from..end`; the number of words
/// matched.
fn match_elems(s: &Sentence, elems: &[Elem], from: usize, end: usize, anchored_first: bool) -> Option<usize> {
    let mut at = from;
    let mut n = 0;
    for (k, e) in elems.iter().enumerate() {
        let reach = if k == 0 && anchored_first {
            (at + 4).min(end)
        } else {
            end
        };
        match e {
            Elem::Words(alts) => {
                let (_, e) = find_alts(s, at, reach, alts)?;
                n += e - at;
                at = e;
            }
            Elem::Prep { prep, noun } => {
                let (_, pe) = find_alts(s, at, reach, prep)?;
                if noun.is_empty() {
                    at = pe;
                    n += 1;
                    continue;
                }
                let (_, ne) = find_alts(s, pe, (pe + 5).min(end), noun)?;
                n += 2;
                at = ne;
            }
        }
    }
    Some(n.max(elems.len()))
}

/// True when a pattern's words before the verb name a negation: the
/// pattern codes the negated act itself (CAMEO's explicit rejections).
fn negates(p: &Pattern) -> bool {
    p.pre.iter().any(|e| match e {
        Elem::Words(alts) => alts.iter().any(|a| a.iter().any(|w| is(w, NEGATION))),
        Elem::Prep { .. } => false,
    })
}

/// The most specific pattern of the block that matches around the verb.
fn best_pattern<'d>(
    s: &Sentence,
    patterns: &'d [Pattern],
    a: usize,
    e: usize,
    cs: usize,
    ce: usize,
) -> Option<&'d Pattern> {
    let mut best: Option<(&Pattern, usize)> = None;
    for p in patterns {
        let post = if p.post.is_empty() {
            Some(0)
        } else {
            match_elems(s, &p.post, e, ce.min(e + REACH_RIGHT), true)
        };
        let Some(post) = post else { continue };
        let pre = if p.pre.is_empty() {
            Some(0)
        } else {
            match_elems(s, &p.pre, cs.max(a.saturating_sub(6)), a, false)
        };
        let Some(pre) = pre else { continue };
        let score = pre + post;
        if score > 0 && best.is_none_or(|(_, b)| score > b) {
            best = Some((p, score));
        }
    }
    best.map(|(p, _)| p)
}

/// The clause bounds around words `a..e` within `lo..hi`.
fn clause(s: &Sentence, a: usize, e: usize, lo: usize, hi: usize) -> (usize, usize) {
    let cut = |k: usize| is(s.w(k), BOUNDARY);
    let lo = lo.max(a.saturating_sub(REACH_LEFT * 2));
    let hi = hi.min(e + REACH_RIGHT * 2);
    let cs = (lo..a).rev().find(|&k| cut(k)).map_or(lo, |k| k + 1);
    let ce = (e..hi).find(|&k| cut(k)).unwrap_or(hi);
    (cs, ce)
}

/// The subject before word `a`: the mention group ending right before
/// the verb (skipping auxiliaries, adverbs and a few words of a name or
/// time), not inside a prepositional phrase.
fn subject(s: &Sentence, a: usize, cs: usize) -> Option<Vec<usize>> {
    let mut k = a;
    let floor = cs.max(a.saturating_sub(REACH_LEFT));
    while k > floor {
        k -= 1;
        if let Some(m) = s.mention_ending(k) {
            let first = s.mentions[s.group(m)[0]].first;
            let before = if first > cs { Some(s.w(first - 1)) } else { None };
            if before.is_some_and(|w| is(w, PREPOSITIONS)) && before != Some("of") {
                // `soldiers from Gondor`: the phrase belongs to a noun
                // before it; keep looking.
                k = first;
                continue;
            }
            return Some(s.group(m));
        }
    }
    None
}

/// The first mention group after `e` within the clause, before the next
/// verb (with `after_by`, the first after `by`: a passive's agent). A
/// place after `in`, `at` or `near` is where the act happened; it is the
/// target only when no other actor follows (`arrived in Gondor`).
fn object(s: &Sentence, e: usize, ce: usize, after_by: bool) -> Option<Vec<usize>> {
    let end = ce.min(e + REACH_RIGHT);
    let mut k = e;
    let mut located: Option<usize> = None;
    while k < end {
        // `condemned the attack and pledged aid to Ukraine`: the next
        // verb's object is not this one's.
        if k > e && verb_at(s, s.verbs, k).is_some_and(|(_, a, _)| a == k) {
            break;
        }
        if let Some(m) = s.mention_starting(k) {
            let prev = if k > 0 { s.w(k - 1) } else { "" };
            if after_by && prev != "by" {
                k = s.mentions[m].last + 1;
                continue;
            }
            if !after_by && matches!(prev, "in" | "at" | "near") {
                located.get_or_insert(m);
                k = s.mentions[m].last + 1;
                continue;
            }
            return Some(s.group(m));
        }
        k += 1;
    }
    located.map(|m| s.group(m))
}

/// Every coded verb of a sentence.
pub(crate) fn code_sentence(s: &Sentence, dict: &VerbDict) -> Vec<Coding> {
    let n = s.words.len();
    let mut out: Vec<Coding> = Vec::new();
    // The subject of the last verb, for a verb coordinated with it.
    let mut last_subject: Option<Vec<usize>> = None;
    let mut i = 0;
    while i < n {
        let Some((form, a, e)) = verb_at(s, dict, i) else {
            i += 1;
            continue;
        };
        if s.mention_starting(a).is_some()
            || (a > 0 && s.mention_ending(a).is_some_and(|m| s.mentions[m].first < a))
        {
            // inside an actor's name
            i += 1;
            continue;
        }
        let (cs, ce) = clause(s, a, e, 0, n);
        let prev = skip_aux_left(s, a, cs);
        // `was attacked`, `has been attacked`: a form of `be` among the
        // auxiliaries before a participle.
        let aux_from = prev.map_or(cs, |k| k + 1);
        let passive =
            form.inflection == Inflection::Past && s.words[aux_from..a].iter().any(|w| is(&w.norm, BE));
        let block = &dict.blocks[form.block];
        let pattern = best_pattern(s, &block.patterns, a, e, cs, ce);
        let codes = pattern
            .map(|p| p.codes.clone())
            .filter(|c| !c.is_none() || form.codes.is_none())
            .unwrap_or_else(|| form.codes.clone());
        // `condemned X and promised Y`: no subject of its own.
        let coordinated = prev.is_some_and(|k| matches!(s.w(k), "and" | "but" | "," | "then"));
        let own_subject = subject(s, a, cs);
        let subj = if coordinated && prev.is_none_or(|k| s.mention_ending(k).is_none()) {
            last_subject.clone().or(own_subject)
        } else {
            own_subject
        };
        if subj.is_some() {
            last_subject.clone_from(&subj);
        }
        i = e;
        if codes.is_none() {
            continue;
        }
        let (sources, targets) = if passive {
            (
                object(s, e, ce, true).unwrap_or_default(),
                subj.unwrap_or_default(),
            )
        } else {
            (
                subj.unwrap_or_default(),
                object(s, e, ce, false).unwrap_or_default(),
            )
        };
        let near = &s.words[cs.max(a.saturating_sub(4))..a];
        let negated = !pattern.is_some_and(negates) && near.iter().any(|w| is(&w.norm, NEGATION))
            || sources.first().is_some_and(|&m| {
                let f = s.mentions[m].first;
                f > 0 && matches!(s.w(f - 1), "neither" | "no")
            });
        let planned = near.iter().any(|w| is(&w.norm, PLANNED));
        let conditional = s.words[cs..a].iter().any(|w| is(&w.norm, CONDITIONAL))
            || (cs > 0 && is(s.w(cs - 1), CONDITIONAL));
        out.push(Coding {
            sources,
            targets,
            codes,
            verb: (a, e),
            clause: (cs, ce),
            negated,
            planned,
            conditional,
        });
    }
    out
}
