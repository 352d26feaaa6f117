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

/// How many sentences back the nearest-sentence rule looks.
const WINDOW_SENTENCES: usize = 4;
/// How many candidates back the nearest-sentence rule looks at most, so a
/// sentence full of names costs a bounded amount per pronoun.
const WINDOW_CANDIDATES: usize = 64;
/// Most capitalised title words between a reporting verb and its speaker.
const TITLE_REACH: usize = 8;
/// How far into its sentence a mention may start and still be the subject.
const SUBJECT_REACH: usize = 12;

/// A mention that can be an antecedent, with what makes it salient.
struct Candidate {
    start: usize,
    sentence: usize,
    cluster: usize,
    salient: bool,
    /// Named as a speaker: right after a reporting verb (`kata Tito`,
    /// `Menurut Tito`) or right before one (`Tito mengatakan`).
    speaker: bool,
    /// Spoke here, named or through a reporting verb's clitic (`…,"
    /// ujarnya`): what the last-speaker fallback looks for.
    spoke: bool,
}

/// The antecedents known before the pronouns: named, role and epithet
/// mentions outside quotes, in text order, with for each the index of the
/// last salient one so far (for each kind of pronoun).
struct Candidates {
    list: Vec<Candidate>,
    /// `last_salient[n][i]`: the last salient candidate at or before `i`
    /// that fits number `n` (singular, plural, organisation).
    last_salient: [Vec<Option<usize>>; 3],
    /// Pronouns resolved so far, in text order, and the last salient one
    /// per number.
    added: Vec<Candidate>,
    added_salient: [Option<usize>; 3],
}

fn number_index(n: Number) -> usize {
    match n {
        Number::Singular => 0,
        Number::Plural => 1,
        Number::Organisation => 2,
    }
}

fn fits(coref: &Coreference, cluster: usize, number: Number) -> bool {
    let kind = coref.clusters[cluster].kind;
    match number {
        Number::Singular => kind == EntityType::Per,
        Number::Plural => kind != EntityType::Loc,
        Number::Organisation => kind == EntityType::Org,
    }
}

impl Candidates {
    fn new(doc: &Document, words: &Words, coref: &Coreference) -> Candidates {
        let w = &words.words;
        let mut list: Vec<Candidate> = coref
            .mentions
            .iter()
            .filter(|m| !words.is_quoted(m.span.start))
            .filter(|m| coref.clusters[m.cluster].kind != EntityType::Loc)
            .map(|m| {
                let at = words.index_at(m.span.start);
                let speaker = is_speaker(words, at, words.index_at(m.span.end));
                Candidate {
                    start: m.span.start,
                    sentence: w.get(at).map_or(0, |x| x.sentence),
                    cluster: m.cluster,
                    salient: is_salient(doc, words, at),
                    speaker,
                    spoke: speaker,
                }
            })
            .collect();
        // Nested mentions (a role phrase around a place) keep the outer one.
        list.dedup_by_key(|c| c.start);
        let mut last_salient: [Vec<Option<usize>>; 3] = Default::default();
        for number in [Number::Singular, Number::Plural, Number::Organisation] {
            let n = number_index(number);
            let mut s = None;
            for (i, c) in list.iter().enumerate() {
                if c.salient && fits(coref, c.cluster, number) {
                    s = Some(i);
                }
                last_salient[n].push(s);
            }
        }
        Candidates {
            list,
            last_salient,
            added: Vec::new(),
            added_salient: [None; 3],
        }
    }

    /// The cluster a pronoun or clitic at byte `at` in `sentence` refers
    /// to: in the nearest sentence with a fitting candidate, its salient
    /// one (subject, or speaker after a reporting verb), else a subject
    /// one sentence further, else (in a speaker slot) the last speaker in
    /// the window, else the nearest; beyond the window, the last subject
    /// named. Pronouns already resolved count as candidates too
    /// (`Menurutnya, … "…," jelasnya`), so a chain keeps its referent.
    fn antecedent(
        &self,
        coref: &Coreference,
        sentence: usize,
        at: usize,
        number: Number,
        for_speaker: bool,
        speaker_slot: bool,
    ) -> Option<usize> {
        let n = number_index(number);
        let end = self.list.partition_point(|c| c.start < at);
        let fit = |c: &&Candidate| fits(coref, c.cluster, number);
        // The last few candidates of both lists, merged in text order.
        let mut window: Vec<&Candidate> = self.list[end.saturating_sub(WINDOW_CANDIDATES)..end]
            .iter()
            .chain(self.added[self.added.len().saturating_sub(WINDOW_CANDIDATES)..].iter())
            .filter(fit)
            .collect();
        window.sort_by_key(|c| c.start);
        let nearest = *window.last()?;
        let base_salient = end
            .checked_sub(1)
            .and_then(|e| self.last_salient[n][e])
            .map(|i| &self.list[i]);
        let fallback = [base_salient, self.added_salient[n].map(|i| &self.added[i])]
            .into_iter()
            .flatten()
            .max_by_key(|c| c.start)
            .unwrap_or(nearest);
        if nearest.sentence + WINDOW_SENTENCES < sentence {
            return Some(fallback.cluster);
        }
        let s = nearest.sentence;
        // The clitic of a reporting verb (`…," ujarnya`) is a speaker: the
        // last one named in the nearest two sentences, before any subject.
        if for_speaker {
            if let Some(c) = window
                .iter()
                .rev()
                .take_while(|c| c.sentence + 1 >= s)
                .find(|c| c.speaker)
            {
                return Some(c.cluster);
            }
        }
        if let Some(c) = window
            .iter()
            .rev()
            .take_while(|c| c.sentence == s)
            .find(|c| c.salient)
        {
            return Some(c.cluster);
        }
        if let Some(c) = window
            .iter()
            .rev()
            .take_while(|c| c.sentence + 1 >= s)
            .find(|c| c.sentence < s && c.salient)
        {
            return Some(c.cluster);
        }
        // A speaker slot (`Menurut dia`, `…," katanya`) after sentences
        // that only mention people (`… di tangan mantan legislator Linggom
        // Toruan.`): the last one who spoke, within the window.
        if speaker_slot && number == Number::Singular {
            if let Some(c) = window
                .iter()
                .rev()
                .take_while(|c| c.sentence + WINDOW_SENTENCES >= sentence)
                .find(|c| c.spoke)
            {
                return Some(c.cluster);
            }
        }
        Some(nearest.cluster)
    }

    /// Records a resolved pronoun as a candidate for later ones.
    fn push_resolved(&mut self, coref: &Coreference, c: Candidate) {
        for number in [Number::Singular, Number::Plural, Number::Organisation] {
            if c.salient && fits(coref, c.cluster, number) {
                self.added_salient[number_index(number)] = Some(self.added.len());
            }
        }
        self.added.push(c);
    }
}

/// Adds pronoun, clitic and anaphoric-phrase mentions resolved to
/// clusters. `coref.mentions` must be sorted; new mentions are appended.
pub(crate) fn add_pronouns(
    doc: &Document,
    words: &Words,
    res: &Resources,
    anaphors: &[Anaphor],
    coref: &mut Coreference,
) {
    let w = &words.words;
    let mut candidates = Candidates::new(doc, words, coref);
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
        // `-nya` on a reporting verb names a speaker; on `pihak` it does not.
        let for_speaker = kind == MentionKind::Clitic && !word.lower.starts_with("pihak");
        // A pronoun or a descriptive phrase where a speaker stands (`kata
        // dia`, `beber pelatih berusia 54 tahun itu`).
        let speaker_slot = for_speaker
            || (kind == MentionKind::Pronoun && is_speaker(words, i, i + 1))
            || (kind == MentionKind::Epithet && is_speaker(words, i, words.index_at(span.end)));
        let Some(cluster) = candidates.antecedent(
            coref,
            word.sentence,
            span.start,
            number,
            for_speaker,
            speaker_slot,
        ) else {
            continue;
        };
        candidates.push_resolved(
            coref,
            Candidate {
                start: span.start,
                sentence: word.sentence,
                cluster,
                salient: is_salient(doc, words, i),
                speaker: is_speaker(words, i, i + 1),
                spoke: for_speaker || is_speaker(words, i, i + 1),
            },
        );
        added.push(Mention {
            text,
            span,
            kind,
            cluster,
        });
    }
    coref.mentions.extend(added);
}

/// Whether `span` lies inside a mention (sorted by start; nesting is
/// shallow, so a few mentions before are enough to check).
fn inside_name(coref: &Coreference, span: Span) -> bool {
    let i = coref.mentions.partition_point(|m| m.span.start <= span.start);
    coref.mentions[i.saturating_sub(4)..i]
        .iter()
        .any(|m| m.span.contains(span))
}

/// Whether the mention over tokens `at..end` names a speaker: right after a
/// reporting verb or `menurut` (a capitalised title may stand between),
/// or right before a clause reporting verb
/// (adverbs such as `juga` may stand between).
fn is_speaker(words: &Words, at: usize, end: usize) -> bool {
    let res = crate::data::resources();
    let w = &words.words;
    // `kata Sekretaris DPRD Kota Bekasi Junaedi`, `kata Menteri Hukum dan
    // HAM, Yasonna Laoly`: a title may stand between the verb and the
    // name, with a comma before the name and conjunctions inside.
    let mut k = at;
    while k > 0 && at - k < TITLE_REACH && w[k - 1].sentence == w[at].sentence {
        let p = &w[k - 1];
        let title_word = p.is_word && p.capitalised;
        let conjunction = matches!(p.lower.as_str(), "dan" | "and" | "of" | "&")
            && k >= 2
            && w[k - 2].capitalised
            && k < at;
        let comma_before_name = p.lower == "," && k == at && k >= 2 && w[k - 2].capitalised;
        if !(title_word || conjunction || comma_before_name) {
            break;
        }
        k -= 1;
    }
    // Through a comma only from an office (`kata Menteri Hukum dan HAM,
    // Yasonna`), not from another name (`kata Hidayat, Adhyaksa bukan …`).
    if k < at && w[at - 1].lower == "," && !res.role_first_words.contains(&w[k].lower) {
        k = at;
    }
    let after_verb = (k..=at).any(|k| k > 0 && res.nya_hosts.contains(&w[k - 1].lower));
    let mut j = end;
    while j < w.len()
        && j < end + 2
        && matches!(w[j].lower.as_str(), "juga" | "pun" | "kembali" | "also" | "then")
    {
        j += 1;
    }
    let before_verb = w.get(j).is_some_and(|v| res.clause_verbs.contains(&v.lower));
    after_verb || before_verb
}

/// Whether the mention starting at token `at` is in subject position (near
/// its sentence's start, after at most a fronted phrase) or names the
/// speaker right after a reporting verb.
fn is_salient(doc: &Document, words: &Words, at: usize) -> bool {
    let w = &words.words;
    let Some(word) = w.get(at) else { return false };
    let sentence_start = doc.sentences.get(word.sentence).map_or(0, |s| s.start);
    let first = words
        .index_at(sentence_start)
        .max(at.saturating_sub(SUBJECT_REACH));
    let before = &w[first..at];
    let near_start = words.index_at(sentence_start) + SUBJECT_REACH > at;
    let fronted = before.iter().filter(|x| x.is_word && !x.capitalised).count();
    let after_comma = before.iter().rposition(|x| x.lower == ",");
    // `Sebab, kata Hidayat, Adhyaksa bukan …`: the subject of what a
    // speaker said, set off by the attribution, is not the narrative's.
    let res = crate::data::resources();
    let after_attribution = after_comma.is_some_and(|c| {
        let segment: Vec<_> = before[..c].iter().rev().take_while(|x| x.lower != ",").collect();
        // … the attribution ending in the speaker's name or pronoun, not
        // in an office (`menurut sang manajer, Tony Dimitriades`).
        let named = segment
            .first()
            .is_some_and(|x| x.capitalised || res.pronouns.contains_key(&x.lower));
        named && segment.iter().any(|x| res.nya_hosts.contains(&x.lower))
    });
    let after_comma = after_comma.filter(|_| !after_attribution);
    let subject = near_start
        && (fronted == 0
            || after_comma.is_some_and(|c| before[c + 1..].iter().all(|x| x.capitalised || !x.is_word)))
        || before
            .last()
            .is_some_and(|x| matches!(x.lower.as_str(), "bahwa" | "that"));
    let after_verb = at > 0 && crate::data::resources().nya_hosts.contains(&w[at - 1].lower);
    subject || after_verb || after_title(words, at, word.sentence)
}

/// How many tokens a title before a sentence's subject may run.
const TITLE_PREAMBLE: usize = 24;

/// Whether only an office's title stands before token `at` in its sentence
/// (`Kepala Pusat Data Informasi dan Humas Badan Nasional Penanggulangan
/// Bencana (BNPB) Sutopo Purwo Nugroho mengatakan`): capitalised words,
/// brackets and conjunctions inside the name of an office.
fn after_title(words: &Words, at: usize, sentence: usize) -> bool {
    let w = &words.words;
    let mut k = at;
    while k > 0 && at - k < TITLE_PREAMBLE {
        let p = &w[k - 1];
        if p.sentence != sentence {
            break;
        }
        let fits = (p.is_word && p.capitalised)
            || matches!(p.lower.as_str(), "(" | ")" | "dan" | "and" | "of" | "&" | ",")
            || p.lower.starts_with("ke-");
        if !fits {
            return false;
        }
        k -= 1;
    }
    // The preamble opens the sentence with an office's word.
    let opens = k == 0 || w[k - 1].sentence != sentence;
    opens && k < at && crate::data::resources().role_first_words.contains(&w[k].lower)
}
