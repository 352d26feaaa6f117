//! Who can act in a sentence: linked entities, coreference mentions
//! (`ia`, `pihaknya`, `Kapolri`, `lembaga antirasuah itu`) and common
//! nouns that name an actor (`polisi`, `warga`), each with a canonical
//! name and CAMEO code.

use crate::data::Resources;
use crate::words::{Word, Words};
use std::collections::HashMap;
use warta_core::{Document, Entity, EntityType, EventActor, Span};
use warta_lexicon::Lexicon;

/// A phrase that can be the source or target of an event.
#[derive(Debug, Clone)]
pub(crate) struct Actor {
    pub span: Span,
    /// Word index range.
    pub first: usize,
    pub last: usize,
    pub text: String,
    pub name: String,
    pub code: Option<String>,
    pub cluster: Option<usize>,
    pub kind: ActorKind,
    /// A word before it says it is a place or a relay, not an actor.
    pub not_actor: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActorKind {
    /// A person or organisation.
    Agent,
    /// A country or its capital standing for its government.
    Country,
    /// Another place: an actor only as a target (`menyerang Kharkiv`).
    Place,
}

impl Actor {
    pub fn to_event_actor(&self) -> EventActor {
        EventActor {
            text: self.text.clone(),
            span: self.span,
            name: self.name.clone(),
            code: self.code.clone(),
            cluster: self.cluster,
            implicit: false,
        }
    }

    /// True for armed forces, rebels and countries acting as such.
    pub fn armed(&self) -> bool {
        self.code
            .as_deref()
            .is_some_and(|c| c.len() == 3 || ["MIL", "REB", "INS", "SEP"].iter().any(|r| c[3..].contains(r)))
    }
}

/// The country most of the article's entities belong to: whose police
/// `polisi` is when no country is named.
pub(crate) fn home_country(doc: &Document) -> Option<String> {
    let mut n: HashMap<&str, usize> = HashMap::new();
    for e in &doc.entities {
        if let Some(c) = &e.country {
            *n.entry(c).or_default() += 1;
        }
    }
    n.into_iter()
        .max_by_key(|&(c, k)| (k, std::cmp::Reverse(c)))
        .map(|(c, _)| c.to_string())
}

pub(crate) fn is_country_level(lex: &Lexicon, name: Option<&str>, iso3: &str) -> bool {
    lex.country(iso3)
        .is_some_and(|c| name.is_some_and(|n| n == c.name_en || n == c.capital))
}

/// Every actor phrase of the article, sorted by start, none overlapping
/// (the longest wins).
/// `home` is the article's own country ([`home_country`]).
pub(crate) fn actors(
    doc: &Document,
    words: &Words,
    res: &Resources,
    lex: &Lexicon,
    home: Option<&str>,
) -> Vec<Actor> {
    let mut out: Vec<Actor> = Vec::new();
    let cluster_of = |span: Span| doc.coref.cluster_at(span);
    for e in &doc.entities {
        let cl = cluster_of(e.span);
        let (kind, code) = match e.kind {
            EntityType::Loc => {
                let Some(c) = &e.country else { continue };
                let level = is_country_level(lex, e.geo.as_ref().map(|g| g.name.as_str()), c);
                let kind = if level {
                    ActorKind::Country
                } else {
                    ActorKind::Place
                };
                (kind, Some(c.clone()))
            }
            _ => (
                ActorKind::Agent,
                cl.and_then(|c| c.actor_code.clone())
                    .or_else(|| e.actor_code.clone()),
            ),
        };
        let name = match (kind, cl) {
            (ActorKind::Agent, Some(c)) => c.name.clone(),
            // `Moskow` acting stands for Russia.
            (ActorKind::Country, _) => code
                .as_deref()
                .and_then(|c| lex.country(c))
                .map_or_else(|| e.text.clone(), |c| c.name_en.clone()),
            _ => e.canonical.clone().unwrap_or_else(|| e.text.clone()),
        };
        out.push(actor(
            words,
            e.span,
            &doc.text,
            name,
            code,
            cl.map(|c| c.id),
            kind,
        ));
    }
    for m in &doc.coref.mentions {
        let c = &doc.coref.clusters[m.cluster];
        if c.kind == EntityType::Loc {
            continue;
        }
        out.push(actor(
            words,
            m.span,
            &doc.text,
            c.name.clone(),
            c.actor_code.clone(),
            Some(c.id),
            ActorKind::Agent,
        ));
    }
    out.extend(initials(doc, words));
    // Common nouns naming actors, where nothing else does.
    let ws = &words.ws;
    let mut key = String::new();
    let mut i = 0;
    while i < ws.len() {
        let mut found = None;
        if res.agent_first_words.contains(ws[i].norm.as_ref()) {
            for n in (1..=res.max_agent_words).rev() {
                if i + n > ws.len() {
                    continue;
                }
                key.clear();
                for (k, w) in ws[i..i + n].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(&w.norm);
                }
                if let Some(role) = res.agents.get(key.as_str()) {
                    found = Some((n, role));
                    break;
                }
            }
        }
        let Some((n, role)) = found else {
            i += 1;
            continue;
        };
        let span = Span::new(ws[i].span.start, ws[i + n - 1].span.end);
        // A country right after names it (`polisi Turki`); an entity
        // right after is the actor itself (`penyidik KPK`).
        let at = doc.entities.partition_point(|e| e.span.start < span.end);
        let next = doc.entities[at..]
            .first()
            .filter(|e| e.span.start <= span.end + 1);
        let country = match next {
            Some(e) if e.kind == EntityType::Loc => e.country.clone().or_else(|| home.map(str::to_string)),
            Some(_) => {
                i += n;
                continue;
            }
            // … and so does a place after `di` or a place noun
            // (`kepolisian di New York`, `kantor polisi kota Aga`).
            None => place_after(doc, ws, res, i + n).or(home).map(str::to_string),
        };
        let code = Some(format!("{}{role}", country.unwrap_or_default()));
        let text = doc.text[span.range()].to_string();
        out.push(actor(words, span, &doc.text, text, code, None, ActorKind::Agent));
        i += n;
    }
    out.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    let mut kept: Vec<Actor> = Vec::new();
    for a in out {
        match kept.last() {
            Some(k) if a.span.start < k.span.end => {}
            _ => kept.push(a),
        }
    }
    name_acronyms(&mut kept, words, home);
    inherit_office(&mut kept, doc, words, home);
    share_codes_in_clusters(&mut kept, doc, home);
    // A person or body the lexicon does not know (`Immanuel`, `Illston`)
    // is taken to be of the article's own country, role unknown: CAMEO's
    // bare country code.
    if let Some(home) = home {
        for a in kept
            .iter_mut()
            .filter(|a| a.kind == ActorKind::Agent && a.code.is_none())
        {
            a.code = Some(home.to_string());
        }
    }
    mark_not_actors(&mut kept, words, res);
    kept
}

/// People the article names by initials (`tersangka berinisial ZA`), at
/// every mention of those initials: `Polisi menangkap ZA` has a target.
/// Only initials the article introduces with `berinisial` or `inisial`, or
/// with an age (`MSH (34)`), so that acronyms of things (`TKP`, `OTT`)
/// stay words.
fn initials(doc: &Document, words: &Words) -> Vec<Actor> {
    let ws = &words.ws;
    let is_initials = |k: usize| {
        let t = &doc.text[ws[k].span.range()];
        (2..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase())
    };
    // `berinisial ZA`, or initials followed by an age (`MSH (34)`).
    let aged = |k: usize| {
        ws.get(k + 1).is_some_and(|w| w.norm == "(")
            && ws
                .get(k + 2)
                .is_some_and(|w| w.norm.len() <= 2 && w.norm.bytes().all(|b| b.is_ascii_digit()))
            && ws.get(k + 3).is_some_and(|w| w.norm == ")")
    };
    let introduced: Vec<&str> = (0..ws.len())
        .filter(|&k| {
            is_initials(k)
                && (k > 0 && matches!(ws[k - 1].norm.as_ref(), "berinisial" | "inisial") || aged(k))
        })
        .map(|k| &doc.text[ws[k].span.range()])
        .collect();
    if introduced.is_empty() {
        return Vec::new();
    }
    (0..ws.len())
        .filter(|&k| is_initials(k) && introduced.contains(&&doc.text[ws[k].span.range()]))
        .filter(|&k| entity_starting_at(doc, ws[k].span.start).is_none())
        .map(|k| {
            let text = doc.text[ws[k].span.range()].to_string();
            actor(words, ws[k].span, &doc.text, text, None, None, ActorKind::Agent)
        })
        .collect()
}

/// The country of a place named right after an agent noun, from word `at`:
/// after `di` (`kepolisian di New York dan London` → USA) or a place noun
/// (`kantor polisi kota Aga` → EGY), or both (`polisi di kota Aga`).
fn place_after<'d>(doc: &'d Document, ws: &[Word], res: &Resources, at: usize) -> Option<&'d str> {
    let mut k = at;
    if ws.get(k)?.norm == "di" {
        k += 1;
    }
    while k < ws.len() && k < at + 3 && res.place.contains(ws[k].norm.as_ref()) && ws[k].norm != "dari" {
        k += 1;
    }
    if k == at {
        return None;
    }
    let e = entity_starting_at(doc, ws.get(k)?.span.start)?;
    (e.kind == EntityType::Loc)
        .then_some(e.country.as_deref())
        .flatten()
}

/// Whether a place entity starts at byte `start` (a country standing for
/// its government, when its actor has a bare country code).
pub(crate) fn is_place_at(doc: &Document, start: usize) -> bool {
    entity_starting_at(doc, start).is_some_and(|e| e.kind == EntityType::Loc)
}

/// The first entity whose span starts at byte `start`, if any.
pub(crate) fn entity_starting_at(doc: &Document, start: usize) -> Option<&Entity> {
    let at = doc.entities.partition_point(|e| e.span.start < start);
    doc.entities.get(at).filter(|e| e.span.start == start)
}

fn actor(
    words: &Words,
    span: Span,
    text: &str,
    name: String,
    code: Option<String>,
    cluster: Option<usize>,
    kind: ActorKind,
) -> Actor {
    let first = words.at(span.start);
    let last = words.at(span.end).max(first + 1) - 1;
    Actor {
        span,
        first,
        last,
        text: text[span.range()].to_string(),
        name,
        code,
        cluster,
        kind,
        not_actor: false,
    }
}

/// Places after `di`, media after `dikutip`, and a country written inside
/// a title (`Presiden Rusia Vladimir Putin`) are not actors.
fn mark_not_actors(actors: &mut [Actor], words: &Words, res: &Resources) {
    let ws = &words.ws;
    // The last place marked as where, and the word it ends at.
    let mut last_placed: Option<usize> = None;
    for k in 0..actors.len() {
        let a = &actors[k];
        let before = |n: usize| a.first.checked_sub(n).map(|i| ws[i].norm.as_ref());
        // `di Jakarta`, `di kota Bogor`, `dari wilayah X`, `perempuan asal
        // Kemayoran`: where, not who;
        // but `ke wilayah Donbas` may be whom an act is aimed at. A border
        // is a place whichever way it is reached (`ke perbatasan Yordania
        // dan Irak`), and so is the next country joined by `dan`.
        let at = |w: Option<&str>| matches!(w, Some("di" | "dari" | "dekat" | "sekitar" | "asal"));
        let border = matches!(before(1), Some("perbatasan" | "border"));
        let joined =
            matches!(before(1), Some("dan" | "and" | "serta" | ",")) && last_placed == a.first.checked_sub(2);
        let placed = at(before(1))
            || border
            || joined
            || before(1).is_some_and(|w| res.place.contains(w)) && at(before(2));
        if placed && a.kind != ActorKind::Agent {
            last_placed = Some(a.last);
        }
        // A relay word right before, with no punctuation between
        // (`dikutip KCNA`, but not `Dikutip dari detikNews, KPK …`).
        let relayed = (1..=3)
            .map_while(|n| a.first.checked_sub(n).map(|i| &ws[i]).filter(|w| !w.punct))
            .any(|w| res.relay.contains(w.norm.as_ref()));
        let mut in_title = false;
        if a.kind != ActorKind::Agent {
            if let Some(next) = actors[k + 1..]
                .iter()
                .take(3)
                .find(|b| b.kind == ActorKind::Agent)
            {
                in_title = next.first > a.last
                    && next.first - a.last <= 4
                    && ws[a.last + 1..next.first]
                        .iter()
                        .all(|w| w.norm == "(" || w.norm == ")" || !w.punct && w.cap);
            }
        }
        actors[k].not_actor |= placed && a.kind != ActorKind::Agent || relayed || in_title;
    }
}

/// A person with no code written right after the organisation they head
/// (`Kepala Dinas PUPR Banten Arlan Marzan`, `Kepala Badan Pengatur Jalan
/// Tol (BPJT) Herry Trisaputra Zuna`) acts for it: the person takes
/// its code and the organisation stops being an actor of its own there.
/// The office may be set off by a comma when coreference read it as the
/// person's role (`Anggota Komisi I DPR RI, Elnino Husein Mohi`), or by
/// an acronym's closing bracket, when it is of the article's own country
/// (see [`of_home`]).
fn inherit_office(actors: &mut [Actor], doc: &Document, words: &Words, home: Option<&str>) {
    let ws = &words.ws;
    for k in 1..actors.len() {
        let (head, rest) = actors.split_at_mut(k);
        let (org, person) = (&mut head[k - 1], &mut rest[0]);
        let between = if person.first > org.last {
            &ws[org.last + 1..person.first]
        } else {
            &ws[0..0]
        };
        // The office is an organisation's (not a relative's: `keponakan
        // Ketua DPR Setya Novanto, Irvanto`) and is the person's role.
        let written_role = || {
            let of_person = org
                .cluster
                .and_then(|c| doc.coref.clusters.get(c))
                .is_some_and(|c| c.kind == EntityType::Per);
            !of_person
                && person
                    .cluster
                    .and_then(|c| doc.coref.clusters.get(c))
                    .and_then(|c| c.role.as_deref())
                    .is_some_and(|role| role.ends_with(org.text.as_str()))
        };
        let capitalised = between.iter().all(|w| w.cap && !w.punct);
        let set_off = between.iter().all(|w| w.cap && !w.punct || w.norm == ")")
            || between.len() == 1 && between[0].norm == "," && written_role();
        let adjacent = person.first > org.last
            && person.first - org.last <= 3
            && (capitalised || set_off && of_home(org.code.as_deref(), home));
        if person.code.is_none()
            && person.kind == ActorKind::Agent
            && org.kind == ActorKind::Agent
            && org.code.is_some()
            && adjacent
            && org.cluster != person.cluster
        {
            person.code = org.code.clone();
            // Set off, the office stays where it is written: it is what
            // stands next to the verb (`menangkap mantan perdana menteri
            // Kosovo, Ramush Haradinaj, atas permintaan Serbia`).
            org.not_actor = capitalised;
        }
    }
}

/// `Badan Pengkajian dan Penerapan Teknologi (BPPT)`: an acronym in
/// brackets right after a coded organisation has its code, when that code
/// is of the article's own country: an Indonesian name for a foreign body
/// (`Badan Investigasi Federal (FBI)` in a story from Washington) is
/// often coded Indonesian, and the acronym is better left to the
/// article's country.
fn name_acronyms(actors: &mut [Actor], words: &Words, home: Option<&str>) {
    let ws = &words.ws;
    for k in 1..actors.len() {
        let (head, rest) = actors.split_at_mut(k);
        let (full, short) = (&head[k - 1], &mut rest[0]);
        let bracketed = short.first == full.last + 2
            && ws[full.last + 1].norm == "("
            && ws.get(short.last + 1).is_some_and(|w| w.norm == ")");
        if bracketed
            && short.code.is_none()
            && of_home(full.code.as_deref(), home)
            && short.kind == ActorKind::Agent
        {
            short.code = full.code.clone();
        }
    }
}

/// Every mention of one entity acts with the code one of its mentions
/// earned from its office: `Menteri Pertanian Andi Amran Sulaiman` is
/// IDNGOV, and so is the `dia` and the `Amran` that follow; `BPPT` after
/// its full name is IDNGOV wherever it recurs. The first such code in the
/// text wins; mentions with a code of their own keep it. Only codes of the
/// article's own country are shared (see [`of_home`]): a mention without
/// one would get that country anyway, so sharing adds a role and never
/// moves an actor abroad. A person's code is shared only when the article
/// wrote them an office (coreference's role): a code one mention picked up
/// from a body written next to it (`… Polda Metro Jaya, Jennifer …`) is
/// no office of theirs.
fn share_codes_in_clusters(actors: &mut [Actor], doc: &Document, home: Option<&str>) {
    let mut by_cluster: HashMap<usize, String> = HashMap::new();
    let shareable = |c: usize| {
        doc.coref
            .clusters
            .get(c)
            .is_some_and(|c| c.kind != EntityType::Per || c.role.is_some())
    };
    for a in actors.iter().filter(|a| a.kind == ActorKind::Agent) {
        if let (Some(c), Some(code)) = (a.cluster, &a.code) {
            if of_home(Some(code), home) && shareable(c) {
                by_cluster.entry(c).or_insert_with(|| code.clone());
            }
        }
    }
    for a in actors
        .iter_mut()
        .filter(|a| a.kind == ActorKind::Agent && a.code.is_none())
    {
        if let Some(code) = a.cluster.and_then(|c| by_cluster.get(&c)) {
            a.code = Some(code.clone());
        }
    }
}

/// Whether `code` is of the article's own country. Carrying a code from
/// one mention to others is safe for the article's country: a foreign
/// one is as often the linker's mistake (`Mahkamah Agung` coded
/// Malaysian in a story set in Kuala Lumpur) as a foreign office, and on
/// 2,896 IndoSum articles the four countries it moved were all wrong.
fn of_home(code: Option<&str>, home: Option<&str>) -> bool {
    code.is_some_and(|c| home.is_some_and(|h| c.starts_with(h)))
}

/// The mentions of the article's main investigator: the most-mentioned
/// actor coded COP or JUD or named in the `investigator` list (KPK). A body
/// (`Polda Metro Jaya`, `polisi`) comes before a person: the officer quoted
/// most in an arrest story is its spokesman, who announced the arrest, not
/// the one who made it (3 of 60 events in the audit of docs/quality.md).
pub(crate) fn investigator(doc: &Document, actors: &[Actor], res: &Resources) -> Vec<Actor> {
    let is_inv = |a: &Actor| {
        !a.not_actor
            && a.kind == ActorKind::Agent
            && (a
                .code
                .as_deref()
                .is_some_and(|c| c.get(3..).is_some_and(|r| r.contains("COP") || r.contains("JUD")))
                || res.investigator.contains(&a.name.to_lowercase())
                || res.investigator.contains(&a.text.to_lowercase()))
    };
    let is_person = |a: &Actor| {
        a.cluster
            .and_then(|c| doc.coref.clusters.get(c))
            .is_some_and(|c| c.kind == EntityType::Per)
    };
    let bodies = actors.iter().any(|a| is_inv(a) && !is_person(a));
    let is_inv = |a: &Actor| is_inv(a) && !(bodies && is_person(a));
    let mut count: HashMap<&str, usize> = HashMap::new();
    for a in actors.iter().filter(|a| is_inv(a)) {
        *count.entry(a.name.as_str()).or_default() += 1;
    }
    let Some(best) = count
        .iter()
        .max_by_key(|&(n, k)| (*k, std::cmp::Reverse(*n)))
        .map(|(n, _)| n.to_string())
    else {
        return Vec::new();
    };
    actors
        .iter()
        .filter(|a| is_inv(a) && a.name == best)
        .cloned()
        .collect()
}
