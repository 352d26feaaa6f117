//! Indirect quotes: reported speech without quotation marks, one per
//! sentence and speaker.

use crate::data::{Resources, VerbUse};
use crate::speaker::{quote, speaker_at, SpeakerAt};
use crate::tokens::Toks;
use warta_core::{Quote, QuoteKind, Span};

/// Words after which the reported clause starts (`mengatakan bahwa …`).
const COMPLEMENTISERS: &[&str] = &["bahwa", "that"];

/// Words that open the where/when of the speaking between the verb and the
/// reported clause (`mengatakan di Jakarta, Senin (21/10), …`).
const SETTING: &[&str] = &[
    "di", "saat", "ketika", "dalam", "kepada", "usai", "seusai", "pada", "dengan", "on", "in", "at", "to",
];

/// The shortest reported clause, in words, worth calling a quote.
const MIN_WORDS: usize = 3;

pub(crate) fn find(toks: &Toks, res: &Resources, found: &[Quote]) -> Vec<Quote> {
    let doc = toks.doc;
    // Quoted passages in order (they never overlap), for binary search.
    let quoted: Vec<Span> = found.iter().map(|q| q.span).collect();
    let direct: Vec<Span> = found
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.span)
        .collect();
    let overlaps = |spans: &[Span], s: Span| {
        let i = spans.partition_point(|q| q.end <= s.start);
        spans.get(i).is_some_and(|q| q.start < s.end)
    };
    let is_quoted = |i: usize| overlaps(&quoted, toks.toks[i].span);
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if overlaps(&direct, *sentence) {
            continue;
        }
        let range = toks.sentence_range(s);
        // A sentence ending in a colon introduces what follows; it is not
        // itself reported speech.
        if range.len() < MIN_WORDS + 2 || toks.toks[range.end - 1].lower == ":" {
            continue;
        }
        let found = according(toks, res, range.clone())
            .or_else(|| subject_verb(toks, res, range.clone(), &is_quoted))
            .or_else(|| verb_after(toks, res, range.clone(), &is_quoted))
            .or_else(|| attribution_inside(toks, res, range.clone(), &is_quoted));
        if let Some(q) = found {
            match second_speaker(toks, res, &q, &is_quoted) {
                Some((first_end, second)) => {
                    let span = Span::new(q.span.start, first_end);
                    out.push(Quote {
                        text: doc.text[span.range()].to_string(),
                        span,
                        ..q
                    });
                    out.push(second);
                }
                None => out.push(q),
            }
        }
    }
    out
}

/// An attribution set off by a comma before it, at verb `v`: `, ujarnya`,
/// `, kata X`, `, X said`. Returns the speaker, the token after the
/// attribution and the comma's token.
fn comma_attribution<'d>(
    toks: &Toks<'d>,
    res: &Resources,
    v: usize,
) -> Option<(SpeakerAt<'d>, usize, usize)> {
    match toks.verb(v, res)? {
        (VerbUse::After, true) if toks.toks[v - 1].lower == "," => {
            let m = toks.clitic_mention(v)?;
            Some((SpeakerAt::of(m), v + 1, v - 1))
        }
        (VerbUse::After, false) if toks.toks[v - 1].lower == "," => {
            let (s_end, mention) = toks.speaker_from(v + 1)?;
            Some((speaker_at(toks, v + 1, s_end, mention), s_end, v - 1))
        }
        (VerbUse::Clause, false) => {
            let (s_start, mention) = toks.speaker_before(v, false)?;
            if s_start == 0 || toks.toks[s_start - 1].lower != "," {
                return None;
            }
            Some((speaker_at(toks, s_start, v, mention), v + 1, s_start - 1))
        }
        _ => None,
    }
}

/// `Each year, officials said, it repaves …` / `Polres Sekadau, kata
/// Zainal, mengingatkan …`: an attribution set off by commas inside the
/// sentence; the whole sentence is what was reported.
fn attribution_inside(
    toks: &Toks,
    res: &Resources,
    range: std::ops::Range<usize>,
    is_quoted: &dyn Fn(usize) -> bool,
) -> Option<Quote> {
    let end = clause_end(toks, range.clone());
    for v in range.start + 1..end.saturating_sub(1) {
        if is_quoted(v) {
            continue;
        }
        let Some((sp, after, _)) =
            comma_attribution(toks, res, v).or_else(|| according_inside(toks, res, v, end))
        else {
            continue;
        };
        if toks.toks.get(after).is_none_or(|t| t.lower != ",") || words_in(toks, after + 1, end) < MIN_WORDS {
            continue;
        }
        let cue = Some(toks.toks[v].span);
        return Some(quote(
            toks,
            span_of(toks, range.start, end),
            QuoteKind::Indirect,
            Some(sp),
            cue,
        ));
    }
    None
}

/// `…, menurut dia, …` / `…, menurutnya, …` inside a sentence, at token
/// `v`: the speaker, the token after the phrase and the comma before it.
fn according_inside<'d>(
    toks: &Toks<'d>,
    res: &Resources,
    v: usize,
    end: usize,
) -> Option<(SpeakerAt<'d>, usize, usize)> {
    if toks.toks[v - 1].lower != "," {
        return None;
    }
    if toks.toks[v].lower == "menurutnya" {
        return Some((SpeakerAt::of(toks.clitic_mention(v)?), v + 1, v - 1));
    }
    let k = toks.according_at(v, res)?;
    let (s_end, sp) = speaker_in_phrase(toks, v + k, end)?;
    Some((sp, s_end, v - 1))
}

/// Words that join a second reporting clause to the first (`X claimed
/// that …, even as the CBO estimated that …`).
const CONNECTORS: &[&str] = &[
    "even",
    "as",
    "while",
    "whereas",
    "but",
    "and",
    "although",
    "sementara",
    "namun",
    "tetapi",
    "padahal",
    "dan",
    "sedangkan",
    ",",
];

/// A second speaker's own reporting clause inside a reported clause (`…
/// would pay for themselves even as the Congressional Budget Office
/// estimated that …`): where the first clause ends (bytes) and the second
/// quote.
fn second_speaker(
    toks: &Toks,
    res: &Resources,
    q: &Quote,
    is_quoted: &dyn Fn(usize) -> bool,
) -> Option<(usize, Quote)> {
    let from = toks.index_at(q.span.start);
    let to = toks.index_at(q.span.end);
    for v in from + MIN_WORDS..to {
        if is_quoted(v) || !matches!(toks.verb(v, res), Some((VerbUse::Clause, false))) {
            continue;
        }
        let that =
            (v + 1..(v + 3).min(to)).find(|&j| COMPLEMENTISERS.contains(&toks.toks[j].lower.as_str()))?;
        let (s_start, mention) = toks.speaker_before(v, false)?;
        // An article before the speaker belongs to neither clause.
        let mut phrase_start = s_start;
        while phrase_start > from
            && matches!(
                toks.toks[phrase_start - 1].lower.as_str(),
                "the" | "a" | "an" | "para" | "sang"
            )
        {
            phrase_start -= 1;
        }
        let mut cut = phrase_start;
        while cut > from && CONNECTORS.contains(&toks.toks[cut - 1].lower.as_str()) {
            cut -= 1;
        }
        if cut == phrase_start
            || words_in(toks, from, cut) < MIN_WORDS
            || words_in(toks, that + 1, to) < MIN_WORDS
        {
            return None;
        }
        let sp = speaker_at(toks, s_start, v, mention);
        let second = quote(
            toks,
            span_of(toks, that + 1, to),
            QuoteKind::Indirect,
            Some(sp),
            Some(toks.toks[v].span),
        );
        return Some((toks.toks[cut - 1].span.end, second));
    }
    None
}

/// End of the reported clause: the sentence end without its final stop.
fn clause_end(toks: &Toks, range: std::ops::Range<usize>) -> usize {
    let mut end = range.end;
    while end > range.start && !toks.toks[end - 1].lower.chars().any(char::is_alphanumeric) {
        end -= 1;
    }
    end
}

fn words_in(toks: &Toks, from: usize, to: usize) -> usize {
    toks.toks[from..to].iter().filter(|t| t.is_word).count()
}

fn span_of(toks: &Toks, from: usize, to: usize) -> Span {
    Span::new(toks.toks[from].span.start, toks.toks[to - 1].span.end)
}

/// The speaker named in the phrase after `menurut` or a fronted `kata`:
/// right after it, else the first person within a few words
/// (`Menurut pengamat otomotif dari ITB, Yannes Pasaribu, …`).
fn speaker_in_phrase<'d>(toks: &Toks<'d>, from: usize, end: usize) -> Option<(usize, SpeakerAt<'d>)> {
    if let Some((s_end, mention)) = toks.speaker_from(from) {
        return Some((s_end, speaker_at(toks, from, s_end, mention)));
    }
    (from..end.min(from + 15)).find_map(|j| for_person(toks, j))
}

/// The person named at token `i` (a name or a pronoun coreference
/// resolved to one): where the phrase ends, and the speaker.
fn for_person<'d>(toks: &Toks<'d>, i: usize) -> Option<(usize, SpeakerAt<'d>)> {
    let m = toks.mention_starting(i).filter(|m| toks.is_person(m))?;
    let s_end = toks.index_at(m.span.end);
    Some((s_end, speaker_at(toks, i, s_end, Some(m))))
}

/// `Menurut X, …` / `Menurutnya, …` / `Kata X, …` / `Katanya, …` near the
/// start, and `…, menurut X.` at the end.
fn according(toks: &Toks, res: &Resources, range: std::ops::Range<usize>) -> Option<Quote> {
    let end = clause_end(toks, range.clone());
    for i in range.start..end.min(range.start + 6) {
        let t = &toks.toks[i];
        let fronted = i == range.start || toks.toks[i - 1].lower == ",";
        let (cue_end, s_end, sp) = if t.lower == "menurutnya"
            || (fronted && matches!(toks.verb(i, res), Some((VerbUse::After, true))))
        {
            (i + 1, i + 1, SpeakerAt::of(toks.clitic_mention(i)?))
        } else if let Some((s_end, sp)) = (i == range.start
            && t.lower == "bagi"
            && toks
                .toks
                .get(i + 1)
                .is_some_and(|p| crate::tokens::is_pronoun(&p.lower)))
        .then(|| for_person(toks, i + 1))
        .flatten()
        {
            // `Bagi dia, korupsi …`: an opinion credited like `Menurut dia`,
            // only through a pronoun for a person (`Bagi Sloane Stephens, ini
            // gelar perdananya` is narration, `Bagi masyarakat, …` no one's).
            (i + 1, s_end, sp)
        } else if let Some(k) = toks.according_at(i, res) {
            let (s_end, sp) = speaker_in_phrase(toks, i + k, end)?;
            (i + k, s_end, sp)
        } else if fronted && matches!(toks.verb(i, res), Some((VerbUse::After, false))) {
            let (s_end, sp) = speaker_in_phrase(toks, i + 1, end)?;
            (i + 1, s_end, sp)
        } else if fronted && matches!(toks.verb(i, res), Some((VerbUse::Passive, _))) {
            // `Ditambahkan oleh Paul, …`, `Dijelaskan Kapolres, …`.
            let by = usize::from(toks.toks.get(i + 1).is_some_and(|t| t.lower == "oleh"));
            let Some((s_end, sp)) = speaker_in_phrase(toks, i + 1 + by, end) else {
                continue;
            };
            (i + 1 + by, s_end, sp)
        } else {
            continue;
        };
        let cue = span_of(toks, i, cue_end);
        // The clause starts after the comma that closes the speaker phrase;
        // a bare `Menurutnya` may run straight into it.
        let clitic = s_end == cue_end && cue_end == i + 1;
        let start = if clitic && toks.toks.get(s_end).is_some_and(|t| t.lower != ",") {
            s_end
        } else {
            (s_end..end.min(s_end + 12)).find(|&j| toks.toks[j].lower == ",")? + 1
        };
        if words_in(toks, start, end) < MIN_WORDS {
            return None;
        }
        // `Posisi kantor kas, lanjut Maryono, hanya …`: words before an
        // interposed attribution, other than an opener like `Sementara
        // itu`, are the reported clause's own subject.
        let start = if interposed_in_clause(toks, res, range.start, i) {
            range.start
        } else {
            start
        };
        return Some(quote(
            toks,
            span_of(toks, start, end),
            QuoteKind::Indirect,
            Some(sp),
            Some(cue),
        ));
    }
    // `…, menurut X.`
    let i = (range.start + 1..end)
        .rev()
        .find(|&i| toks.toks[i - 1].lower == "," && toks.according_at(i, res).is_some())?;
    let k = toks.according_at(i, res)?;
    let (s_end, sp) = speaker_in_phrase(toks, i + k, end)?;
    if words_in(toks, range.start, i - 1) < MIN_WORDS || s_end + 1 < end {
        return None;
    }
    Some(quote(
        toks,
        span_of(toks, range.start, i - 1),
        QuoteKind::Indirect,
        Some(sp),
        Some(span_of(toks, i, i + k)),
    ))
}

/// Whether the words from `from` up to an attribution at `cue` are part of
/// the reported clause: some words stand there and they are not only a
/// discourse opener (`Sementara itu,`).
pub(crate) fn interposed_in_clause(toks: &Toks, res: &Resources, from: usize, cue: usize) -> bool {
    if words_in(toks, from, cue) == 0 {
        return false;
    }
    let words: Vec<&str> = toks.toks[from..cue]
        .iter()
        .filter(|t| t.is_word)
        .map(|t| t.lower.as_str())
        .collect();
    !res.discourse_openers.contains(&words.join(" "))
}

/// Aspect and modal words that show a name before them is a clause's
/// subject (`yakin Vinales akan meraih sukses`).
const CLAUSE_MODALS: &[&str] = &[
    "akan", "telah", "sudah", "bisa", "dapat", "tidak", "tak", "belum", "harus", "masih", "sedang", "mampu",
];

/// Whether a clause with a named subject starts at `from`: one to four
/// capitalised words, then an aspect or modal word. A verb that reports
/// speech only before `bahwa` (`Brivio yakin …`) then reports this clause,
/// which a plain object (`melaporkan Budi ke polisi`) is not.
fn named_clause_follows(toks: &Toks, from: usize, end: usize) -> bool {
    let mut k = from;
    while k < end && k < from + 4 && toks.toks[k].is_word && toks.toks[k].capitalised {
        k += 1;
    }
    k > from && k < end && CLAUSE_MODALS.contains(&toks.toks[k].lower.as_str())
}

/// `X mengatakan (bahwa) …`, `X said (that) …`.
fn subject_verb(
    toks: &Toks,
    res: &Resources,
    range: std::ops::Range<usize>,
    is_quoted: &dyn Fn(usize) -> bool,
) -> Option<Quote> {
    let end = clause_end(toks, range.clone());
    for v in range.start + 1..end {
        if is_quoted(v) || !matches!(toks.verb(v, res), Some((VerbUse::Clause, false))) {
            continue;
        }
        let mut start = v + 1;
        let window = (v + 1..end.min(v + 13)).take_while(|&j| toks.toks[j].lower != "\"");
        // `Guardiola mengaku sudah paham bahwa …`: after an aspect or modal
        // word the `bahwa` is an embedded verb's, and what was said starts
        // at once; not after a post-verbal adverb (`menegaskan kembali
        // bahwa …` is the verb's own `bahwa`).
        let embedded = matches!(
            toks.toks.get(v + 1).map(|t| t.lower.as_str()),
            Some(
                "sudah"
                    | "telah"
                    | "belum"
                    | "tidak"
                    | "tak"
                    | "akan"
                    | "masih"
                    | "pernah"
                    | "sedang"
                    | "bisa"
                    | "dapat"
            )
        );
        let complementiser = window
            .clone()
            .find(|&j| COMPLEMENTISERS.contains(&toks.toks[j].lower.as_str()))
            .filter(|_| !embedded)
            // `mengatakan jika …`, `mengaku kalau …`: colloquial `that`,
            // only right after the verb (further on it is a condition).
            .or_else(|| {
                toks.toks
                    .get(v + 1)
                    .filter(|t| matches!(t.lower.as_str(), "jika" | "kalau"))
                    .map(|_| v + 1)
            });
        let comma_next = toks.toks.get(start).is_some_and(|t| t.lower == ",");
        // `Majelis hakim menilai …`, `Namun pihak berwenang membantah bahwa
        // …`: with `bahwa` or a comma after the verb, an unnamed subject
        // opening the sentence is the speaker.
        let spoken_to = complementiser.is_some() || comma_next;
        let Some((s_start, mention)) = toks.speaker_before(v, false).or_else(|| {
            spoken_to
                .then(|| crate::unnamed::subject_phrase(toks, res, range.start, v))
                .flatten()
                .map(|start| (start, None))
        }) else {
            continue;
        };
        // A speaker inside a subordinate clause (`orang yang dia katakan`) is
        // not the sentence's speaker.
        if s_start > range.start && matches!(toks.toks[s_start - 1].lower.as_str(), "yang" | "who" | "which")
        {
            continue;
        }
        if res.needs_complementiser.contains(&toks.toks[v].lower)
            && complementiser.is_none()
            && !comma_next
            && !named_clause_follows(toks, v + 1, end)
        {
            continue;
        }
        // `mengatakan hal yang sama`, `menyampaikan hal itu`: the object
        // names what was said without reporting it.
        if complementiser.is_none() && toks.toks.get(start).is_some_and(|t| t.lower == "hal") {
            continue;
        }
        if let Some(j) = complementiser {
            start = j + 1;
        } else if comma_next {
            start += 1;
        } else if toks
            .toks
            .get(start)
            .is_some_and(|t| SETTING.contains(&t.lower.as_str()))
        {
            if let Some(c) = window.clone().find(|&j| toks.toks[j].lower == ",") {
                start = c + 1;
            }
        }
        if start >= end || words_in(toks, start, end) < MIN_WORDS {
            return None;
        }
        let sp = speaker_at(toks, s_start, v, mention);
        return Some(quote(
            toks,
            span_of(toks, start, end),
            QuoteKind::Indirect,
            Some(sp),
            Some(toks.toks[v].span),
        ));
    }
    None
}

/// `…, kata X.` / `…, ujarnya.` / `…, X said.` without quotation marks:
/// the attribution ends the sentence.
fn verb_after(
    toks: &Toks,
    res: &Resources,
    range: std::ops::Range<usize>,
    is_quoted: &dyn Fn(usize) -> bool,
) -> Option<Quote> {
    let end = clause_end(toks, range.clone());
    for v in range.start + 1..end {
        if is_quoted(v) {
            continue;
        }
        let Some((sp, after, comma)) = comma_attribution(toks, res, v) else {
            continue;
        };
        let clause_verb = matches!(toks.verb(v, res), Some((VerbUse::Clause, _)));
        if clause_verb && v + 3 < end {
            continue;
        }
        // `Hanya ada satu body suit, kata Komaki, tapi …`: the clause goes
        // on after the attribution; `attribution_inside` takes the sentence.
        if toks.toks.get(after).is_some_and(|t| t.lower == ",") && words_in(toks, after + 1, end) >= MIN_WORDS
        {
            return None;
        }
        if words_in(toks, range.start, comma) < MIN_WORDS {
            return None;
        }
        let cue = Some(toks.toks[v].span);
        return Some(quote(
            toks,
            span_of(toks, range.start, comma),
            QuoteKind::Indirect,
            Some(sp),
            cue,
        ));
    }
    None
}
