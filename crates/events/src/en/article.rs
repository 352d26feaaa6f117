//! English articles: actors from the linked entities and coreference
//! mentions (so `he` is coded as whom it refers to), agents from the
//! Phoenix dictionary, the clause coder per sentence, then each dyad as an
//! [`Event`] with its evidence, modality, date and place.

use super::clause::{code_sentence, Mention, Sentence, Word};
use super::{dyads, resources, tokenize, with_agents};
use crate::coder::{clause_date, quote_at, starting_in};
use warta_core::{Document, EntityType, Event, EventActor, EventPlace, Evidence, Modality, Span};
use warta_lexicon::Lexicon;

/// An actor phrase of the article.
struct ActorPhrase {
    span: Span,
    name: String,
    code: Option<String>,
    cluster: Option<usize>,
    /// A town or region: a target of force only.
    place: bool,
    /// A nationality (`Indian`): an actor only with the agent it qualifies
    /// (`Indian foreign minister`).
    demonym: bool,
}

/// The actor phrases of one sentence. `mentions`: indices of the
/// coreference mentions sorted by start.
fn phrases(
    doc: &Document,
    lex: &Lexicon,
    sentence: Span,
    words: &[Word],
    mentions: &[usize],
) -> Vec<ActorPhrase> {
    let mut out = Vec::new();
    let inside = |s: Span| sentence.contains(s);
    for e in starting_in(&doc.entities, sentence, |e| e.span.start) {
        if !inside(e.span) {
            continue;
        }
        let cl = doc.coref.cluster_at(e.span);
        let known = e.actor_code.is_some() || cl.is_some_and(|c| c.actor_code.is_some());
        if e.kind != EntityType::Loc && !known && split_unlinked(doc, lex, e.span, &mut out) {
            continue;
        }
        let (place, code, name) = match e.kind {
            EntityType::Loc => {
                let Some(c) = &e.country else { continue };
                let level = crate::actors::is_country_level(lex, e.geo.as_ref().map(|g| g.name.as_str()), c);
                let name = if level {
                    lex.country(c)
                        .map_or_else(|| e.text.clone(), |x| x.name_en.clone())
                } else {
                    e.canonical.clone().unwrap_or_else(|| e.text.clone())
                };
                (!level, Some(c.clone()), name)
            }
            // A person or body the linker knows the country of but not
            // the role (`the United States` read as an organisation): the
            // country's code.
            _ => (
                false,
                cl.and_then(|c| c.actor_code.clone())
                    .or_else(|| e.actor_code.clone())
                    .or_else(|| e.country.clone()),
                cl.map_or_else(
                    || e.canonical.clone().unwrap_or_else(|| e.text.clone()),
                    |c| c.name.clone(),
                ),
            ),
        };
        out.push(ActorPhrase {
            span: e.span,
            name,
            code,
            cluster: cl.map(|c| c.id),
            place,
            demonym: false,
        });
    }
    let from = mentions.partition_point(|&k| doc.coref.mentions[k].span.start < sentence.start);
    for m in mentions[from..]
        .iter()
        .map(|&k| &doc.coref.mentions[k])
        .take_while(|m| m.span.start < sentence.end)
    {
        if !inside(m.span) {
            continue;
        }
        let c = &doc.coref.clusters[m.cluster];
        // Names are the entities above (read again where unlinked);
        // pronouns and short names add to them.
        let k = doc.entities.partition_point(|e| e.span.end <= m.span.start);
        let named = doc.entities.get(k).is_some_and(|e| e.span.start < m.span.end);
        if c.kind == EntityType::Loc || named {
            continue;
        }
        out.push(ActorPhrase {
            span: m.span,
            name: c.name.clone(),
            code: c.actor_code.clone(),
            cluster: Some(c.id),
            place: false,
            demonym: false,
        });
    }
    out.sort_by_key(|p| p.span.start);
    let extra = countries(doc, lex, words, &out);
    out.extend(extra);
    out.sort_by_key(|p| (p.span.start, std::cmp::Reverse(p.span.end)));
    let mut kept: Vec<ActorPhrase> = Vec::new();
    for p in out {
        if kept.last().is_none_or(|k| p.span.start >= k.span.end) {
            kept.push(p);
        }
    }
    kept
}

/// The country form (name, capital or nationality) the words `ws[i..]`
/// start with: (words taken, form).
fn country_form<'l>(
    doc: &Document,
    lex: &'l Lexicon,
    ws: &[Word],
    i: usize,
) -> Option<(usize, &'l warta_lexicon::CountryForm)> {
    (1..=3).rev().find_map(|n| {
        if i + n > ws.len() || !ws[i..i + n].iter().all(|w| w.cap) {
            return None;
        }
        let span = Span::new(ws[i].span.start, ws[i + n - 1].span.end);
        lex.lookup(&doc.text[span.range()]).iter().find_map(|r| match r {
            warta_lexicon::Ref::Form(f) => lex.forms.get(*f as usize).map(|f| (n, f)),
            _ => None,
        })
    })
}

/// An organisation or person the linker could not code, read again word
/// by word: `The United States` is the country; `Russian President
/// Vladimir Putin` is a nationality, an agent (left for the agent
/// dictionary) and a name. False when nothing in it names a country.
fn split_unlinked(doc: &Document, lex: &Lexicon, span: Span, out: &mut Vec<ActorPhrase>) -> bool {
    let mut ws = tokenize(&doc.text[span.range()], span.start);
    if ws.first().is_some_and(|w| w.norm == "the") {
        ws.remove(0);
    }
    let Some((n, form)) = country_form(doc, lex, &ws, 0) else {
        return false;
    };
    let Some(country) = lex.country(&form.iso3) else {
        return false;
    };
    let cspan = Span::new(ws[0].span.start, ws[n - 1].span.end);
    let demonym = form.kind == warta_lexicon::FormKind::Demonym;
    out.push(ActorPhrase {
        span: cspan,
        name: country.name_en.clone(),
        code: Some(country.iso3.clone()),
        cluster: None,
        place: false,
        demonym,
    });
    if n == ws.len() {
        return true;
    }
    // the agent words stay uncovered for the agent dictionary
    let norms: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
    let k = match super::resources().agents.names.longest(&norms, n) {
        Some((_, m)) => n + m,
        None if demonym => return true,
        None => n,
    };
    if k < ws.len() {
        let rest = Span::new(ws[k].span.start, ws[ws.len() - 1].span.end);
        out.push(ActorPhrase {
            span: rest,
            name: doc.text[rest.range()].to_string(),
            code: None,
            cluster: doc.coref.cluster_at(span).map(|c| c.id),
            place: false,
            demonym: false,
        });
    }
    true
}

/// Country names, capitals and nationality adjectives the entity layer
/// left out (`Japan's prime minister`, `Indian foreign minister`):
/// capitalised words the lexicon names a country by.
fn countries(doc: &Document, lex: &Lexicon, words: &[Word], known: &[ActorPhrase]) -> Vec<ActorPhrase> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        // `known` is sorted by start and its phrases barely overlap: the
        // last few starting before this word's end are the ones to ask.
        let k = known.partition_point(|p| p.span.start < w.span.end);
        let covered = known[..k].iter().rev().take(4).any(|p| w.span.start < p.span.end);
        if !w.cap || covered {
            i += 1;
            continue;
        }
        let found = country_form(doc, lex, words, i)
            .map(|(n, f)| (n, Span::new(w.span.start, words[i + n - 1].span.end), f));
        let Some((n, span, form)) = found else {
            i += 1;
            continue;
        };
        if let Some(c) = lex.country(&form.iso3) {
            out.push(ActorPhrase {
                span,
                name: c.name_en.clone(),
                code: Some(c.iso3.clone()),
                cluster: None,
                place: false,
                demonym: form.kind == warta_lexicon::FormKind::Demonym,
            });
        }
        i += n;
    }
    out
}

/// The events of an English article.
pub(crate) fn code_article(doc: &Document, lex: &Lexicon) -> Vec<Event> {
    let res = resources();
    let home = crate::actors::home_country(doc);
    let mut mention_order: Vec<usize> = (0..doc.coref.mentions.len()).collect();
    mention_order.sort_by_key(|&k| doc.coref.mentions[k].span.start);
    let mut out = Vec::new();
    for (si, &sentence) in doc.sentences.iter().enumerate() {
        let text = &doc.text[sentence.range()];
        if text.trim_end().ends_with('?') {
            continue;
        }
        let words = tokenize(text, sentence.start);
        if words.is_empty() {
            continue;
        }
        let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
        if res.discards.matches(&norms) {
            continue;
        }
        let actors = phrases(doc, lex, sentence, &words, &mention_order);
        let mut base = Vec::new();
        for (k, p) in actors.iter().enumerate() {
            let first = words.partition_point(|w| w.span.end <= p.span.start);
            let end = words.partition_point(|w| w.span.start < p.span.end);
            if first < end {
                base.push(Mention {
                    first,
                    last: end - 1,
                    code: p.code.clone(),
                    key: k,
                    agent: false,
                });
            }
        }
        let mut mentions = with_agents(&words, base, &res.agents, &res.verbs);
        // A nationality no agent took is no actor (`the Indian economy`).
        mentions.retain(|m| m.agent || !actors.get(m.key).is_some_and(|p| p.demonym));
        let s = Sentence {
            words: &words,
            mentions: &mentions,
            verbs: &res.verbs,
        };
        let actor = |m: usize| -> EventActor {
            let mention = &mentions[m];
            let span = Span::new(words[mention.first].span.start, words[mention.last].span.end);
            let code = mention
                .code
                .as_deref()
                .map(|c| match (c.strip_prefix("---"), &home) {
                    // `police` with no country named: the article's own
                    // country's, as for Indonesian agent nouns.
                    (Some(role), Some(h)) => format!("{h}{role}"),
                    (Some(role), None) => role.to_string(),
                    (None, _) => c.to_string(),
                })
                .filter(|c| !c.is_empty());
            let (name, cluster) = match actors.get(mention.key).filter(|_| !mention.agent) {
                Some(p) => (p.name.clone(), p.cluster),
                None => (doc.text[span.range()].to_string(), None),
            };
            EventActor {
                text: doc.text[span.range()].to_string(),
                span,
                name,
                code,
                cluster,
                implicit: false,
            }
        };
        let is_place = |m: usize| !mentions[m].agent && actors.get(mentions[m].key).is_some_and(|p| p.place);
        for c in code_sentence(&s, &res.verbs) {
            let tspan = Span::new(words[c.verb.0].span.start, words[c.verb.1 - 1].span.end);
            let cspan = Span::new(
                words[c.clause.0].span.start,
                words[c.clause.1.max(c.clause.0 + 1) - 1].span.end,
            );
            let quote = quote_at(doc, tspan);
            let (modality, claimed_by) = if c.negated {
                (Modality::Denied, None)
            } else if c.conditional {
                (Modality::Conditional, None)
            } else if c.planned {
                (Modality::Planned, None)
            } else if let Some(q) = quote {
                (Modality::Reported, q.speaker.clone())
            } else {
                (Modality::Asserted, None)
            };
            for d in dyads(&c, &mentions) {
                let Some(code) = crate::data::cameo(&d.code) else {
                    continue;
                };
                let force = ["13", "15", "17", "18", "19", "20"]
                    .iter()
                    .any(|r| d.code.starts_with(r));
                let source = d.source.filter(|&m| !is_place(m)).map(actor);
                let target = d.target.filter(|&m| force || !is_place(m)).map(actor);
                // Like PETRARCH's `require_dyad`: an English event needs
                // both sides. Without a parse, a verb with one actor is
                // more often a statement or a state than an act.
                if source.is_none() || target.is_none() {
                    continue;
                }
                // Some side must be an actor of a known country or an
                // international body: `police → protesters` with no country
                // says too little to count.
                let placed = |a: &Option<EventActor>| {
                    a.as_ref()
                        .and_then(|a| a.code.as_deref())
                        .and_then(|c| c.get(..3))
                        .is_some_and(|c| {
                            lex.country(c).is_some() || ["IGO", "NGO", "IMG", "MNC"].contains(&c)
                        })
                };
                if !placed(&source) && !placed(&target) {
                    continue;
                }
                let (date, date_evidence) = clause_date(&doc.times, cspan, tspan, |_| true);
                let location = location(doc, cspan, tspan);
                out.push(Event {
                    span: cspan,
                    sentence: si,
                    trigger: Evidence {
                        text: doc.text[tspan.range()].to_string(),
                        span: tspan,
                    },
                    plover: code.plover.clone(),
                    cameo: d.code.clone(),
                    quad_class: code.quad_class,
                    goldstein: code.goldstein,
                    source,
                    target,
                    modality,
                    claimed_by: claimed_by.clone(),
                    date,
                    date_evidence,
                    date_inferred: doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
                    country: location.as_ref().and_then(|p| p.geo.country.clone()),
                    location,
                });
            }
        }
    }
    out
}

/// Where it happened: a place after `in`, `at` or `near` in the clause,
/// a town over a country, nearest the verb.
fn location(doc: &Document, clause: Span, trigger: Span) -> Option<EventPlace> {
    let places = starting_in(&doc.entities, clause, |e| e.span.start)
        .iter()
        .filter(|e| e.kind == EntityType::Loc && e.geo.is_some() && clause.contains(e.span))
        .filter(|e| {
            let before = doc.text[clause.start..e.span.start].trim_end();
            let prev = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            let prev = if prev.eq_ignore_ascii_case("the") {
                before[..before.len() - 3]
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
            } else {
                prev
            };
            matches!(
                prev.to_ascii_lowercase().as_str(),
                "in" | "at" | "near" | "outside" | "inside"
            )
        });
    crate::coder::nearest_place(places, trigger)
}
