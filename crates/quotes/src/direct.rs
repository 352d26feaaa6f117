//! Direct and partial quotes: passages in quotation marks and their
//! attribution.

use crate::data::{Resources, VerbUse};
use crate::speaker::{quote, speaker_at, SpeakerAt};
use crate::tokens::Toks;
use warta_core::{Quote, QuoteKind, Span};
use warta_text::quoted_passages;

/// Words that, written between a quote and a passive reporting verb, make
/// `demikian disampaikan X` / `hal itu diungkapkan X`.
const PASSIVE_LEAD: &[&str] = &[
    "demikian",
    "begitu",
    "hal",
    "itu",
    "tersebut",
    "ini",
    "pernyataan",
];

/// How many tokens before an embedded phrase its credited speaker may be.
const SPEAKER_REACH: usize = 40;

/// An attribution found for a passage.
struct Attribution<'d> {
    speaker: Option<SpeakerAt<'d>>,
    cue: Span,
}

pub(crate) fn find(toks: &Toks, res: &Resources) -> Vec<Quote> {
    let doc = toks.doc;
    let mut out = Vec::new();
    for p in quoted_passages(&doc.text) {
        let content = trim_content(&doc.text, p.content);
        if content.is_empty() || !doc.text[content.range()].chars().any(char::is_alphabetic) {
            continue;
        }
        let n_words = doc.text[content.range()].split_whitespace().count();
        let open_tok = toks.index_at(p.open);
        let paragraph = toks.toks.get(open_tok).map_or(0, |t| t.paragraph);
        let prev = open_tok
            .checked_sub(1)
            .filter(|&i| toks.toks[i].paragraph == paragraph);
        if let Some(i) = prev {
            if res.not_quote.contains(&toks.toks[i].lower) {
                continue;
            }
        }
        let clause_start = match prev {
            None => true,
            Some(i) => {
                matches!(
                    toks.toks[i].lower.as_str(),
                    "," | ":" | "." | "?" | "!" | "(" | "-" | "—" | ";"
                ) || toks
                    .verb(i, res)
                    .is_some_and(|(u, nya)| u == VerbUse::Clause && !nya)
            }
        };
        let after = p.close.and_then(|c| {
            attribution_after(toks, res, toks.index_at(c) + 1, content)
                .or_else(|| attribution_after_clause(toks, res, toks.index_at(c) + 1, content))
        });
        // `Tito mengatakan:` closing the paragraph before introduces it too.
        let colon_before = open_tok.checked_sub(1).filter(|&i| {
            prev.is_none() && toks.toks[i].lower == ":" && toks.toks[i].paragraph + 1 == paragraph
        });
        let before = if after.is_none() && clause_start {
            prev.or(colon_before)
                .and_then(|i| attribution_before(toks, res, i))
        } else {
            None
        };
        let attribution = after.or(before);
        let kind = if clause_start {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        match kind {
            QuoteKind::Direct => {
                let ends_like_speech = doc.text[content.range()].ends_with(['.', ',', '?', '!']);
                if attribution.is_none() && n_words < 4 && !ends_like_speech {
                    continue;
                }
                let (speaker, cue) = attribution.map_or((None, None), |a| (a.speaker, Some(a.cue)));
                out.push(quote(toks, content, kind, speaker, cue));
            }
            _ => {
                if n_words < 2 || looks_like_title(&doc.text[content.range()]) {
                    continue;
                }
                let credited = attribution.or_else(|| sentence_speaker(toks, res, open_tok));
                // No one credited with the phrase: a scare quote or a term.
                let Some(a) = credited.filter(|a| a.speaker.is_some()) else {
                    continue;
                };
                out.push(quote(toks, content, kind, a.speaker, Some(a.cue)));
            }
        }
    }
    out
}

/// The passage without surrounding spaces and a trailing comma.
fn trim_content(text: &str, s: Span) -> Span {
    let inner = &text[s.range()];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim_end().trim_end_matches(',').trim_end();
    let end = s.start + lead + trimmed.trim_start().len();
    Span::new(s.start + lead, end.max(s.start + lead))
}

/// Title Case phrases of a few words are names and titles, not speech.
fn looks_like_title(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() <= 6
        && words.iter().filter(|w| w.len() > 3).all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

/// `"…" in that law, Azzouz said.`: the attribution after a few more
/// words, at the end of the quote's sentence, after a comma.
fn attribution_after_clause<'d>(
    toks: &Toks<'d>,
    res: &Resources,
    after_close: usize,
    content: Span,
) -> Option<Attribution<'d>> {
    let sentence = toks.toks.get(after_close)?.sentence;
    let range = toks.sentence_range(sentence);
    let comma = (after_close..range.end.min(after_close + 10))
        .take_while(|&j| toks.toks[j].lower != "\"")
        .find(|&j| toks.toks[j].lower == ",")?;
    let a = attribution_after(toks, res, comma + 1, content)?;
    // Only an attribution that ends the sentence (`…, Indyk said.`).
    let cue_tok = toks.index_at(a.cue.start);
    (range.end <= cue_tok + 8).then_some(a)
}

/// The attribution starting at token `t0` (right after the closing mark):
/// `"…," kata X`, `ujarnya`, `"…," X said`, `demikian disampaikan X`.
fn attribution_after<'d>(
    toks: &Toks<'d>,
    res: &Resources,
    t0: usize,
    content: Span,
) -> Option<Attribution<'d>> {
    let doc = toks.doc;
    let paragraph = toks.toks.get(t0.checked_sub(1)?)?.paragraph;
    let mut t0 = t0;
    if toks.toks.get(t0).is_some_and(|t| t.lower == ",") {
        t0 += 1;
    }
    let first = toks.toks.get(t0).filter(|t| t.paragraph == paragraph)?;
    let full_stop = doc.text[content.range()].ends_with('.');
    if let Some((u, nya)) = toks.verb(t0, res) {
        match u {
            VerbUse::After if nya => {
                let speaker = toks.clitic_mention(t0).map(SpeakerAt::of);
                return Some(Attribution {
                    speaker,
                    cue: first.span,
                });
            }
            VerbUse::After | VerbUse::Clause => {
                let speaker = speaker_after(toks, t0 + 1).or_else(|| unnamed_after(toks, res, t0 + 1));
                if speaker.is_some() || u == VerbUse::After {
                    return Some(Attribution {
                        speaker,
                        cue: first.span,
                    });
                }
            }
            VerbUse::Passive => {
                return Some(Attribution {
                    speaker: speaker_after(toks, t0 + 1).or_else(|| unnamed_after(toks, res, t0 + 1)),
                    cue: first.span,
                });
            }
            VerbUse::According | VerbUse::Label => {}
        }
    }
    // `demikian disampaikan X`, `hal itu diungkapkan X`.
    let mut k = t0;
    while k < toks.toks.len() && k < t0 + 3 && PASSIVE_LEAD.contains(&toks.toks[k].lower.as_str()) {
        k += 1;
    }
    // (`Demikian kata X.` after a quote that ends its sentence, too.)
    if k > t0
        && toks
            .verb(k, res)
            .is_some_and(|(u, nya)| u == VerbUse::Passive || u == VerbUse::After && !nya)
    {
        return Some(Attribution {
            speaker: speaker_after(toks, k + 1),
            cue: Span::new(first.span.start, toks.toks[k].span.end),
        });
    }
    // `"…," Tito menambahkan` / `"…," he said`.
    if full_stop && !first.capitalised {
        return None;
    }
    // `"…," a spokesman said`: an unnamed speaker before the verb.
    let unnamed = || match crate::unnamed::role_after(toks, res, t0)? {
        crate::unnamed::Unnamed::Role(head, end) => Some((head, end, None)),
        crate::unnamed::Unnamed::Named(_) => None,
    };
    let (start, end, mention) = toks
        .speaker_from(t0)
        .map(|(end, m)| (t0, end, m))
        .or_else(unnamed)?;
    let mut v = end;
    while v < toks.toks.len() && v < end + 2 && toks.is_adverb(v) {
        v += 1;
    }
    match toks.verb(v, res) {
        Some((VerbUse::After | VerbUse::Clause, false)) if !full_stop || ends_soon(toks, v) => {
            Some(Attribution {
                speaker: Some(speaker_at(toks, start, end, mention)),
                cue: toks.toks[v].span,
            })
        }
        _ => None,
    }
}

/// Whether the sentence of token `v` ends within a few tokens (`"…." Ia
/// menambahkan.`), so a clause after a full stop is an attribution.
fn ends_soon(toks: &Toks, v: usize) -> bool {
    let s = toks.toks[v].sentence;
    toks.sentence_range(s).end <= v + 3
}

/// The speaker named right after a verb at token `i` (`kata Menteri X`,
/// `disampaikan oleh X`).
fn speaker_after<'d>(toks: &Toks<'d>, mut i: usize) -> Option<SpeakerAt<'d>> {
    if toks
        .toks
        .get(i)
        .is_some_and(|t| t.lower == "oleh" || t.lower == "by")
    {
        i += 1;
    }
    let (end, mention) = toks.speaker_from(i)?;
    Some(speaker_at(toks, i, end, mention))
}

/// An unnamed speaker after a verb at token `i` (`kata seorang warga`).
fn unnamed_after<'d>(toks: &Toks<'d>, res: &Resources, i: usize) -> Option<SpeakerAt<'d>> {
    Some(match crate::unnamed::role_after(toks, res, i)? {
        crate::unnamed::Unnamed::Role(head, end) => speaker_at(toks, head, end, None),
        crate::unnamed::Unnamed::Named(m) => SpeakerAt::of(m),
    })
}

/// Most tokens of a setting between a reporting verb and a colon
/// (`mengatakan kepada wartawan di Jakarta:`).
const SETTING_REACH: usize = 8;

/// `X mengatakan, "…"`, `Menurut X, "…"`, `X: "…"`; `prev` is the token
/// before the opening mark.
fn attribution_before<'d>(toks: &Toks<'d>, res: &Resources, prev: usize) -> Option<Attribution<'d>> {
    let t = &toks.toks[prev];
    let verb_at = match t.lower.as_str() {
        "," | ":" => prev.checked_sub(1)?,
        _ => prev,
    };
    if let Some((VerbUse::Clause | VerbUse::After, false)) = toks.verb(verb_at, res) {
        // `Seorang pedagang lainnya mengatakan, "…"`: an unnamed subject.
        let range = toks.sentence_range(toks.toks[verb_at].sentence);
        let (start, mention) = toks.speaker_before(verb_at, false).or_else(|| {
            crate::unnamed::subject_phrase(toks, res, range.start, verb_at).map(|start| (start, None))
        })?;
        return Some(Attribution {
            speaker: Some(speaker_at(toks, start, verb_at, mention)),
            cue: toks.toks[verb_at].span,
        });
    }
    // `Kata Tito, "…"`: a fronted verb, then the speaker, then the comma.
    if t.lower == "," {
        let range = toks.sentence_range(t.sentence);
        for v in range.start.max(prev.saturating_sub(10))..prev {
            if !matches!(toks.verb(v, res), Some((VerbUse::After, false))) {
                continue;
            }
            let (end, mention) = toks.speaker_from(v + 1)?;
            if end == prev {
                return Some(Attribution {
                    speaker: Some(speaker_at(toks, v + 1, end, mention)),
                    cue: toks.toks[v].span,
                });
            }
        }
    }
    let sentence = t.sentence;
    let range = toks.sentence_range(sentence);
    // `Menurut X, "…"`.
    for i in range.start.max(prev.saturating_sub(8))..prev {
        if let Some(k) = toks.according_at(i, res) {
            let (_, mention) = toks.speaker_from(i + k)?;
            let end = mention.map_or(i + k + 1, |m| toks.index_at(m.span.end));
            return Some(Attribution {
                speaker: Some(speaker_at(toks, i + k, end, mention)),
                cue: Span::new(toks.toks[i].span.start, toks.toks[i + k - 1].span.end),
            });
        }
    }
    if t.lower == ":" {
        // `Benitez mengatakan di FFT: "…"`, `X mengatakan kepada wartawan:
        // "…"`: where the speaking happened stands between the verb and
        // the colon; the speaker is the verb's subject.
        let setting =
            (range.start.max(prev.saturating_sub(SETTING_REACH))..prev.saturating_sub(1)).find(|&v| {
                matches!(toks.verb(v, res), Some((VerbUse::Clause, false)))
                    && toks.toks.get(v + 1).is_some_and(|n| {
                        matches!(
                            n.lower.as_str(),
                            "di" | "kepada" | "dalam" | "melalui" | "lewat" | "to" | "in" | "on"
                        )
                    })
            });
        if let Some((v, (start, mention))) = setting.and_then(|v| Some((v, toks.speaker_before(v, false)?))) {
            return Some(Attribution {
                speaker: Some(speaker_at(toks, start, v, mention)),
                cue: toks.toks[v].span,
            });
        }
        // `Tito: "…"`.
        let m = toks.mention_ending(prev.checked_sub(1)?)?;
        return Some(Attribution {
            speaker: Some(SpeakerAt::of(m)),
            cue: t.span,
        });
    }
    None
}

/// Who the sentence around an embedded phrase credits with speech: the
/// subject of a reporting verb before the phrase (`Kim … menyebut … sebagai
/// "…"`), or the speaker of `menurut X` in it.
fn sentence_speaker<'d>(toks: &Toks<'d>, res: &Resources, open_tok: usize) -> Option<Attribution<'d>> {
    let s = toks.toks.get(open_tok)?.sentence;
    let range = toks.sentence_range(s);
    // A bounded look back keeps a sentence full of quoted phrases linear.
    for i in (range.start.max(open_tok.saturating_sub(SPEAKER_REACH))..open_tok).rev() {
        if let Some(k) = toks.according_at(i, res) {
            let (end, mention) = toks.speaker_from(i + k)?;
            return Some(Attribution {
                speaker: Some(speaker_at(toks, i + k, end, mention)),
                cue: toks.toks[i].span,
            });
        }
        if let Some((VerbUse::Clause | VerbUse::After | VerbUse::Label, false)) = toks.verb(i, res) {
            if let Some((start, mention)) = toks.speaker_before(i, true) {
                return Some(Attribution {
                    speaker: Some(speaker_at(toks, start, i, mention)),
                    cue: toks.toks[i].span,
                });
            }
        }
    }
    None
}
