//! Relay chains (`seperti dikutip KCNA dan diberitakan Yonhap`) and the
//! media the article as a whole is credited to (`Seperti dilansir Reuters`).

use crate::data::{RelayNeeds, Resources};
use crate::tokens::Toks;
use warta_core::{Entity, EntityType, Quote, QuoteKind, Span};

/// How many tokens before and after a quote (and its cue) its relay
/// chain is looked for.
const RELAY_REACH: usize = 60;

/// Words in a medium's name that make it one even without a MED code.
const MEDIUM_WORDS: &[&str] = &[
    "news", "tv", "times", "post", "radio", "journal", "daily", "press", "herald", "tribune",
];

/// The relay cue starting at token `i`: its length and what must follow it.
pub(crate) fn cue_at(toks: &Toks, res: &Resources, i: usize) -> Option<(usize, RelayNeeds)> {
    if !res.relay_first_words.contains(&toks.toks.get(i)?.lower) {
        return None;
    }
    res.relay
        .iter()
        .find(|c| {
            c.words
                .iter()
                .enumerate()
                .all(|(k, w)| toks.toks.get(i + k).is_some_and(|t| &t.lower == w))
        })
        .map(|c| (c.words.len(), c.needs))
}

/// Whether an entity names a news medium.
fn is_medium(e: &Entity) -> bool {
    if e.kind != EntityType::Org && e.kind != EntityType::Per {
        return false;
    }
    let lower = e.text.to_lowercase();
    e.actor_code.as_deref().is_some_and(|c| c.ends_with("MED"))
        || lower.ends_with("com")
        || lower.split_whitespace().any(|w| MEDIUM_WORDS.contains(&w))
}

/// The article's own outlet, from its site and URL (`detik` for
/// `news.detik.com`): a medium of that name heard the speaker itself
/// (`kepada detikcom`), so nothing was relayed. Read once per article.
pub(crate) struct OwnOutlet(Vec<String>);

fn alphanumeric_lower(s: &str) -> String {
    s.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

impl OwnOutlet {
    pub fn of(doc: &warta_core::Document) -> OwnOutlet {
        let mut own: Vec<String> = Vec::new();
        if let Some(site) = &doc.source.site {
            own.push(alphanumeric_lower(site));
        }
        if let Some(url) = &doc.source.url {
            let host = url
                .split("//")
                .nth(1)
                .unwrap_or(url)
                .split('/')
                .next()
                .unwrap_or("");
            let labels: Vec<&str> = host.split('.').collect();
            if labels.len() >= 2 {
                own.push(labels[labels.len() - 2].to_string());
            }
        }
        own.retain(|o| o.len() >= 3);
        OwnOutlet(own)
    }

    /// Whether `name` is the article's own outlet.
    fn is(&self, name: &str) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let name = alphanumeric_lower(name);
        self.0.iter().any(|o| name.starts_with(o.as_str()))
    }
}

/// The media named after relay cues in token range `range`, in order.
fn media_after_cues(
    toks: &Toks,
    res: &Resources,
    own: &OwnOutlet,
    range: std::ops::Range<usize>,
    article_level: bool,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = range.start;
    let mut open = false;
    while i < range.end {
        if let Some((k, needs)) = cue_at(toks, res, i) {
            if article_level && needs != RelayNeeds::Any {
                i += k;
                continue;
            }
            i += k;
            if needs == RelayNeeds::Any {
                let j = past_medium_nouns(toks, res, i, range.end);
                if let Some(site) = official_site_of(toks, i, j).filter(|s| !out.contains(s)) {
                    out.push(site);
                    i = j + 1;
                    continue;
                }
                open = true;
                continue;
            }
            // Only the name right after the cue (and its kind of medium:
            // `kepada harian Kompas`), and only a medium.
            let j = past_medium_nouns(toks, res, i, range.end);
            let named = match entity_at(toks, j) {
                Some(e) if needs == RelayNeeds::Org => {
                    (e.kind == EntityType::Org || is_medium(e)).then(|| e.text.clone())
                }
                Some(e) => is_medium(e).then(|| e.text.clone()),
                // A name the NER missed counts only after a cue that makes
                // it a medium (`dalam wawancara dengan Motorsport`).
                None if needs == RelayNeeds::Org => unknown_name(toks, j).map(|(name, _)| name),
                None => None,
            };
            if let Some(name) = named.filter(|n| !own.is(n) && !out.contains(n)) {
                out.push(name);
            }
            open = false;
            continue;
        }
        if open {
            if let Some(e) = entity_at(toks, i) {
                let capitalised = e.text.chars().next().is_some_and(char::is_uppercase);
                if e.kind == EntityType::Org && capitalised && !own.is(&e.text) {
                    if !out.contains(&e.text) {
                        out.push(e.text.clone());
                    }
                    i = skip_parenthesised_acronym(toks, toks.index_at(e.span.end));
                    continue;
                }
            } else if is_name_after_cue(toks, i) && !toks.in_time(i) {
                // (`dikutip Rabu (5/7)` is when, not from whom.)
                // A medium the NER missed (`dilansir Xinhua`, `dikutip dari
                // laman Liga 1`).
                if let Some((name, len)) = unknown_name(toks, i) {
                    // `kantor berita Korea Selatan, Yonhap`: the words
                    // before the comma describe the medium named after it.
                    let apposition = toks.toks.get(i + len).is_some_and(|t| t.lower == ",")
                        && toks.toks.get(i + len + 1).is_some_and(|t| t.capitalised);
                    if !apposition && !out.contains(&name) && !own.is(&name) {
                        out.push(name);
                    }
                    i += len;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// Token `i` or the first after it that is not a lower-case word for a
/// kind of medium (`laman`, `situs resmi`, `kantor berita`); capitalised,
/// such a word is part of the name (`Radio Kiss Kiss`, `The Washington
/// Post`).
fn past_medium_nouns(toks: &Toks, res: &Resources, i: usize, end: usize) -> usize {
    let mut j = i;
    while j < end && !toks.toks[j].capitalised && res.medium_nouns.contains(&toks.toks[j].lower) {
        j += 1;
    }
    j
}

/// `dilansir laman resmi klub`: a club's or ministry's own site named by
/// what it is rather than by a name (the medium words from `i` to `j`
/// include `resmi`, a lower-case owner noun follows).
fn official_site_of(toks: &Toks, i: usize, j: usize) -> Option<String> {
    let official = toks.toks[i..j].iter().any(|t| t.lower == "resmi");
    let owner = toks
        .toks
        .get(j)
        .filter(|t| official && t.is_word && !t.capitalised && t.sentence == toks.toks[i].sentence)?;
    Some(toks.doc.text[toks.toks[i].span.start..owner.span.end].to_string())
}

/// How many words a name the NER missed may have.
const MAX_UNKNOWN_NAME: usize = 4;

/// The run of capitalised words (and numbers: `Liga 1`) starting at token
/// `i`, when it starts with a capitalised word: a name the NER missed, and
/// its length in tokens.
fn unknown_name(toks: &Toks, i: usize) -> Option<(String, usize)> {
    let first = toks.toks.get(i).filter(|t| t.capitalised && t.is_word)?;
    let mut last = first;
    let mut len = 1;
    for t in toks.toks[i + 1..].iter().take(MAX_UNKNOWN_NAME - 1) {
        let number = t.lower.bytes().all(|b| b.is_ascii_digit());
        if t.sentence != first.sentence || !(t.capitalised && t.is_word || number) {
            break;
        }
        last = t;
        len += 1;
    }
    Some((toks.doc.text[first.span.start..last.span.end].to_string(), len))
}

/// Whether the capitalised word at `i` directly follows a relay cue, or
/// a cue and the kind of medium (`dilansir laman Tribratanews`).
fn is_name_after_cue(toks: &Toks, i: usize) -> bool {
    let res = crate::data::resources();
    if !toks.toks[i].capitalised {
        return false;
    }
    let mut at = i;
    while at > 0
        && i - at < 3
        && !toks.toks[at - 1].capitalised
        && res.medium_nouns.contains(&toks.toks[at - 1].lower)
    {
        at -= 1;
    }
    (1..=3).any(|k| at >= k && cue_at(toks, res, at - k).is_some_and(|(len, _)| len == k))
}

/// Past `(AP)` at token `i`: an acronym in brackets after a medium's name
/// is the same medium (`Associated Press (AP)`), not a second relay.
fn skip_parenthesised_acronym(toks: &Toks, i: usize) -> usize {
    let t = |k: usize| toks.toks.get(i + k);
    let acronym = t(1).is_some_and(|a| {
        let s = &toks.doc.text[a.span.range()];
        s.len() >= 2 && s.chars().all(|c| c.is_ascii_uppercase())
    });
    if t(0).is_some_and(|a| a.lower == "(") && acronym && t(2).is_some_and(|a| a.lower == ")") {
        i + 3
    } else {
        i
    }
}

fn entity_at<'d>(toks: &Toks<'d>, i: usize) -> Option<&'d Entity> {
    let at = toks.toks.get(i)?.span.start;
    let ents = &toks.doc.entities;
    let k = ents.partition_point(|e| e.span.start < at);
    ents[k..]
        .iter()
        .take_while(|e| e.span.start == at)
        .max_by_key(|e| e.span.len())
}

/// The relay chain of a quote: media after relay cues in the sentence of
/// its attribution, outside the quote itself (cues inside it are the
/// speaker's words).
pub(crate) fn chain_for(toks: &Toks, res: &Resources, own: &OwnOutlet, q: &Quote) -> Vec<String> {
    let at = q
        .cue
        .as_ref()
        .map_or(q.span.end.saturating_sub(1), |c| c.span.start);
    let Some(t) = toks
        .toks
        .get(toks.index_at(at).min(toks.toks.len().saturating_sub(1)))
    else {
        return Vec::new();
    };
    // The attribution sentence, within a bounded reach of the quote and its
    // cue, so that one endless sentence of quotes stays linear.
    let full = toks.sentence_range(t.sentence);
    let anchor = toks.index_at(at);
    let range = full.start.max(
        toks.index_at(q.span.start)
            .min(anchor)
            .saturating_sub(RELAY_REACH),
    )..full.end.min(toks.index_at(q.span.end).max(anchor) + RELAY_REACH);
    // Cues inside a direct or partial quote are the speaker's words; an
    // indirect quote is the reporter's, so its cues count
    // (`… ibu kota Israel, seperti dilansir Reuters`).
    let inside = if q.kind == QuoteKind::Indirect {
        range.start..range.start
    } else {
        toks.index_at(q.span.start).max(range.start)..toks.index_at(q.span.end).min(range.end)
    };
    let mut chain: Vec<String> = Vec::new();
    let parts = if inside.start < inside.end {
        [range.start..inside.start, inside.end..range.end]
    } else {
        [range.clone(), range.end..range.end]
    };
    for part in parts {
        for m in media_after_cues(toks, res, own, part, false) {
            if !chain.contains(&m) {
                chain.push(m);
            }
        }
    }
    chain
}

/// Media the article as a whole is credited to: relay cues in sentences
/// that carry no quote attribution, and a closing `(Antara)`-style credit.
pub(crate) fn article_sources(
    toks: &Toks,
    res: &Resources,
    own: &OwnOutlet,
    quotes: &[Quote],
) -> Vec<String> {
    let doc = toks.doc;
    let mut out: Vec<String> = Vec::new();
    let quote_spans: Vec<Span> = quotes.iter().map(|q| q.span).collect();
    let mut cue_spans: Vec<Span> = quotes
        .iter()
        .filter_map(|q| q.cue.as_ref().map(|c| c.span))
        .collect();
    cue_spans.sort_unstable();
    // Sorted spans that may nest (a partial inside an indirect quote): the
    // first span ending after `s.start` may start after a later one, so
    // check the few around it.
    let overlaps = |spans: &[Span], s: Span| {
        let i = spans.partition_point(|q| q.start < s.start);
        spans[i.saturating_sub(4)..(i + 4).min(spans.len())]
            .iter()
            .any(|q| q.overlaps(s))
    };
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let attributed = overlaps(&quote_spans, *sentence) || overlaps(&cue_spans, *sentence);
        if attributed {
            continue;
        }
        // Only a credit that opens the sentence (`Seperti dilansir Reuters,
        // …`) is the article's; one at its end credits that statement.
        let range = toks.sentence_range(s);
        let opens = (range.start..(range.start + 2).min(range.end)).any(|i| cue_at(toks, res, i).is_some());
        if !opens {
            continue;
        }
        for m in media_after_cues(toks, res, own, range, true) {
            if !out.contains(&m) {
                out.push(m);
            }
        }
    }
    // `… (Antara)` / `(AFP/Reuters)` closing the article.
    let n = toks.toks.len();
    if n >= 3 && toks.toks[n - 1].lower == ")" {
        if let Some(open) = (n.saturating_sub(6)..n - 1)
            .rev()
            .find(|&i| toks.toks[i].lower == "(")
        {
            for i in open + 1..n - 1 {
                if let Some(e) = entity_at(toks, i).filter(|e| is_medium(e) || e.kind == EntityType::Org) {
                    if !out.contains(&e.text) && !own.is(&e.text) {
                        out.push(e.text.clone());
                    }
                }
            }
        }
    }
    out
}
