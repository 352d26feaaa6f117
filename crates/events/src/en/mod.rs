//! English event coding with PETRARCH's dictionaries: verb blocks and
//! patterns from `CAMEO.2.0.txt`, agents (`police` → COP) and discards
//! from the Phoenix files, actors from the article's linked entities —
//! or, in [`PetrarchCoder`], from a PETRARCH actor dictionary, which is
//! how PETRARCH2's unit tests are scored.

mod clause;
pub mod dict;

use clause::{code_sentence, Coding, Mention, Sentence, Word};
use dict::{ActorDict, AgentDict, Discards, VerbDict};
use std::sync::OnceLock;
use warta_core::Span;

const VERBS_EN: &str = include_str!("../../../../data/events/verbs-en.txt");
const VERBS_EN_EXTRA: &str = include_str!("../../../../data/events/verbs-en-extra.txt");
const AGENTS_EN: &str = include_str!("../../../../data/events/agents-en.txt");
const DISCARDS_EN: &str = include_str!("../../../../data/events/discards-en.txt");

mod article;
pub(crate) use article::code_article;

/// warta's own English dictionaries (`data/events/*-en.txt`), read once.
pub(crate) struct EnResources {
    pub verbs: VerbDict,
    pub agents: AgentDict,
    pub discards: Discards,
}

pub(crate) fn resources() -> &'static EnResources {
    static RES: OnceLock<EnResources> = OnceLock::new();
    RES.get_or_init(|| EnResources {
        verbs: VerbDict::parse(&format!("{VERBS_EN}\n{VERBS_EN_EXTRA}"))
            .unwrap_or_else(|e| panic!("data/events/verbs-en.txt + verbs-en-extra.txt: {e}")),
        agents: AgentDict::parse(AGENTS_EN).unwrap_or_else(|e| panic!("data/events/agents-en.txt: {e}")),
        discards: Discards::parse(DISCARDS_EN),
    })
}

/// Splits English text at `offset` into words: `Gondor's` is `gondor`
/// `'s`, `didn't` is `did` `n't`, `_` joins nothing; hyphens and inner
/// dots stay inside a word (`war-torn`, `U.S.`).
pub(crate) fn tokenize(text: &str, offset: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    let push = |out: &mut Vec<Word>, a: usize, e: usize| {
        let t = &text[a..e];
        out.push(Word {
            norm: t.to_lowercase().replace('’', "'"),
            span: Span::new(offset + a, offset + e),
            cap: t.starts_with(|c: char| c.is_uppercase()),
        });
    };
    while i < text.len() {
        let c = text[i..].chars().next().expect("in bounds");
        let cl = c.len_utf8();
        if c.is_whitespace() || c == '_' {
            i += cl;
            continue;
        }
        if !c.is_alphanumeric() {
            // `'s` and `n't` after a word were split off below; a lone
            // mark is its own token.
            push(&mut out, i, i + cl);
            i += cl;
            continue;
        }
        let start = i;
        let mut e = i;
        while e < text.len() {
            let ch = text[e..].chars().next().expect("in bounds");
            let inner = matches!(ch, '-' | '.' | '\'' | '’')
                && text[e + ch.len_utf8()..].starts_with(|n: char| n.is_alphanumeric());
            if ch.is_alphanumeric() || (inner && ch != '\'' && ch != '’') {
                e += ch.len_utf8();
            } else {
                break;
            }
        }
        // `n't`
        let word = &text[start..e];
        if e < text.len()
            && (b[e] == b'\'' || text[e..].starts_with('’'))
            && word.to_lowercase().ends_with('n')
        {
            let q = if b[e] == b'\'' { 1 } else { 3 };
            if text[e + q..].to_lowercase().starts_with('t')
                && !text[e + q + 1..].starts_with(|n: char| n.is_alphanumeric())
            {
                push(&mut out, start, e - 1);
                push(&mut out, e - 1, e + q + 1);
                i = e + q + 1;
                continue;
            }
        }
        push(&mut out, start, e);
        i = e;
        // `'s`
        if i < text.len() && (b[i] == b'\'' || text[i..].starts_with('’')) {
            let q = if b[i] == b'\'' { 1 } else { 3 };
            let rest = &text[i + q..];
            if rest.starts_with(['s', 'S']) && !rest[1..].starts_with(|n: char| n.is_alphanumeric()) {
                push(&mut out, i, i + q + 1);
                i += q + 1;
            }
        }
    }
    out
}

/// Composes agents with the actors around them: `Gondor police`,
/// `Gondor's government`, `soldiers from Gondor` (and `lawmakers in
/// Fornost and Gondor`, each), a title before a name (`President Xi
/// Jinping`), a bare agent as `---` + its code. `base` are the actor
/// mentions, sorted and disjoint. One pass over the words and one over
/// the mentions and agents in order, so a sentence of any length costs
/// time in proportion to it.
pub(crate) fn with_agents(
    words: &[Word],
    base: Vec<Mention>,
    agents: &AgentDict,
    verbs: &VerbDict,
) -> Vec<Mention> {
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let is_verb = |w: &str| verbs.forms.contains_key(w);
    // Agent phrases between the actors.
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let (mut b, mut i) = (0, 0);
    while i < norms.len() {
        while b < base.len() && base[b].last < i {
            b += 1;
        }
        if b < base.len() && base[b].first <= i {
            i = base[b].last + 1;
            continue;
        }
        match agents.names.longest(&norms, i) {
            Some((entry, n)) if b >= base.len() || base[b].first >= i + n => {
                found.push((i, i + n - 1, entry));
                i += n;
            }
            _ => i += 1,
        }
    }
    let compose = |actor: Option<&str>, entry: usize| {
        let a = &agents.agents[entry];
        let actor = actor.unwrap_or("---");
        if actor.ends_with(a.code.as_str()) && actor.len() > 3 {
            actor.to_string()
        } else if a.prefix {
            format!("{}{actor}", a.code)
        } else {
            format!("{actor}{}", a.code)
        }
    };
    // Actors and agents in text order.
    enum Item {
        Actor(Mention),
        Agent(usize, usize, usize),
    }
    let mut items: Vec<Item> = Vec::with_capacity(base.len() + found.len());
    let mut agents_in_order = found.into_iter().peekable();
    for m in base {
        while let Some(&(f, l, e)) = agents_in_order.peek() {
            if f > m.first {
                break;
            }
            items.push(Item::Agent(f, l, e));
            agents_in_order.next();
        }
        items.push(Item::Actor(m));
    }
    items.extend(agents_in_order.map(|(f, l, e)| Item::Agent(f, l, e)));
    let next_actor = |k: usize, at: usize| match items.get(k + 1) {
        Some(Item::Actor(m)) if m.first == at => Some(m.clone()),
        _ => None,
    };
    let mut out: Vec<Mention> = Vec::with_capacity(items.len());
    // After `lawmakers in Fornost`: the agent and where its group ends.
    let mut spread: Option<(usize, usize)> = None;
    let mut k = 0;
    while k < items.len() {
        let (first, last, entry) = match &items[k] {
            Item::Actor(m) => {
                let mut m = m.clone();
                spread = spread.and_then(|(entry, end)| {
                    let joined = m.first > end
                        && m.first - end <= 2
                        && norms[end + 1..m.first].iter().all(|w| matches!(*w, "and" | ","));
                    joined.then(|| {
                        m.code = Some(compose(m.code.as_deref(), entry));
                        (entry, m.last)
                    })
                });
                out.push(m);
                k += 1;
                continue;
            }
            Item::Agent(f, l, e) => (*f, *l, *e),
        };
        spread = None;
        // An actor right before: `Gondor police`, `Gondor's (new) mayor`.
        // Between them only `'s` and a few modifiers (`Arnor security
        // officials`, `Dagolath's first deputy prime minister`), never a verb.
        let left = out
            .last()
            .filter(|m| m.key != usize::MAX && m.last < first)
            .is_some_and(|m| {
                let gap = &norms[m.last + 1..first];
                let (possessive, rest) = match gap.first() {
                    Some(&"'s") => (true, &gap[1..]),
                    _ => (false, gap),
                };
                rest.len() <= if possessive { 3 } else { 2 }
                    && rest.iter().all(|w| {
                        w.chars().all(|c| c.is_alphabetic() || c == '-')
                            && (!is_function_word(w) || possessive && *w == "and")
                            && !is_verb(w)
                    })
            });
        if left {
            let m = out.last_mut().expect("checked");
            m.code = Some(compose(m.code.as_deref(), entry));
            m.last = last;
            m.agent = true;
            // `Bree President Romendacil`: the name after a title is the
            // titled actor, coded by the title.
            if let Some(named) = next_actor(k, last + 1) {
                m.last = named.last;
                m.key = named.key;
                m.agent = false;
                k += 1;
            }
            k += 1;
            continue;
        }
        // `President Xi Jinping`: a title before a name the linker knows
        // adds nothing; before an unknown name it gives the role.
        if let Some(mut m) = next_actor(k, last + 1) {
            m.first = first;
            if m.code.is_none() {
                m.code = Some(compose(None, entry));
            }
            out.push(m);
            k += 2;
            continue;
        }
        // `soldiers from Gondor`, `government of Gondor`; not `its troops
        // from Ukraine`, whose owner came before.
        let owned = first > 0 && matches!(norms[first - 1], "its" | "his" | "her" | "their" | "our");
        let mut j = last + 1;
        if !owned && j < norms.len() && matches!(norms[j], "of" | "in" | "from" | "for") {
            j += 1;
            if j < norms.len() && norms[j] == "the" {
                j += 1;
            }
            if let Some(mut m) = next_actor(k, j) {
                m.first = first;
                m.code = Some(compose(m.code.as_deref(), entry));
                m.agent = true;
                spread = Some((entry, m.last));
                out.push(m);
                k += 2;
                continue;
            }
        }
        out.push(Mention {
            first,
            last,
            code: Some(compose(None, entry)),
            key: usize::MAX,
            agent: true,
        });
        k += 1;
    }
    out
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "the"
            | "a"
            | "an"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "said"
            | "that"
            | "which"
            | "who"
            | "not"
    )
}

/// One coded dyad: source and target mention indices, the CAMEO code.
pub(crate) struct Dyad {
    pub source: Option<usize>,
    pub target: Option<usize>,
    pub code: String,
}

/// The dyads of a coding: one per source and target (coordinated actors
/// each), the second code of a pair (`[042:043]`) the other way, and
/// `A and B met` as A → B and B → A.
pub(crate) fn dyads(c: &Coding, mentions: &[Mention]) -> Vec<Dyad> {
    let mut out: Vec<Dyad> = Vec::new();
    let code = |m: Option<usize>| m.and_then(|m| mentions[m].code.clone());
    let mut push = |s: Option<usize>, t: Option<usize>, code_str: &str| {
        if s.is_some() && s == t {
            return;
        }
        if s.is_some() && t.is_some() && code(s) == code(t) {
            return;
        }
        if !out
            .iter()
            .any(|d| d.code == code_str && code(d.source) == code(s) && code(d.target) == code(t))
        {
            out.push(Dyad {
                source: s,
                target: t,
                code: code_str.to_string(),
            });
        }
    };
    let pairs: Vec<(Option<usize>, Option<usize>)> = if c.targets.is_empty() && c.sources.len() >= 2 {
        c.sources
            .iter()
            .flat_map(|&a| c.sources.iter().map(move |&b| (Some(a), Some(b))))
            .filter(|(a, b)| a != b)
            .collect()
    } else {
        let ss: Vec<Option<usize>> = if c.sources.is_empty() {
            vec![None]
        } else {
            c.sources.iter().copied().map(Some).collect()
        };
        let ts: Vec<Option<usize>> = if c.targets.is_empty() {
            vec![None]
        } else {
            c.targets.iter().copied().map(Some).collect()
        };
        ss.iter().flat_map(|&s| ts.iter().map(move |&t| (s, t))).collect()
    };
    for (s, t) in pairs {
        if let Some(p) = &c.codes.primary {
            push(s, t, p);
        }
        if let (Some(sec), Some(_)) = (&c.codes.secondary, t) {
            push(t, s, sec);
        }
    }
    out
}

/// PETRARCH's dictionaries as one coder over plain sentences, for
/// scoring against PETRARCH's own test suite.
pub struct PetrarchCoder {
    verbs: VerbDict,
    actors: ActorDict,
    agents: AgentDict,
    discards: Discards,
}

impl PetrarchCoder {
    pub fn new(verbs: VerbDict, actors: ActorDict, agents: AgentDict, discards: Discards) -> PetrarchCoder {
        PetrarchCoder {
            verbs,
            actors,
            agents,
            discards,
        }
    }

    /// The codings of one sentence as (source, event code, target), `---`
    /// for a side with no actor; `date` (`YYYYMMDD`) picks actors' codes
    /// by their date restrictions. Denied acts are left out.
    pub fn code(&self, text: &str, date: Option<u32>) -> Vec<(String, String, String)> {
        let words = tokenize(text, 0);
        let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
        if self.discards.matches(&norms) {
            return Vec::new();
        }
        let mut base = Vec::new();
        let mut i = 0;
        while i < norms.len() {
            match self.actors.names.longest(&norms, i) {
                Some((entry, n)) => {
                    base.push(Mention {
                        first: i,
                        last: i + n - 1,
                        code: self.actors.entries[entry].code(date).map(str::to_string),
                        key: entry,
                        agent: false,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        let mentions = with_agents(&words, base, &self.agents, &self.verbs);
        let s = Sentence {
            words: &words,
            mentions: &mentions,
            verbs: &self.verbs,
        };
        let side = |m: Option<usize>| {
            m.and_then(|m| mentions[m].code.clone())
                .unwrap_or_else(|| "---".into())
        };
        let mut out = Vec::new();
        for c in code_sentence(&s, &self.verbs) {
            if c.negated {
                continue;
            }
            for d in dyads(&c, &mentions) {
                // `THE_SHIRE [FRO/BIL/SAM]`: an actor standing for several.
                let (src, tgt) = (side(d.source), side(d.target));
                if src == "---" && tgt == "---" {
                    continue; // an act by no one on no one
                }
                for a in src.split('/') {
                    for b in tgt.split('/') {
                        out.push((a.to_string(), d.code.clone(), b.to_string()));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
