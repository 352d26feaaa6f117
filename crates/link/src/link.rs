//! The linking pass over one document (see the crate docs for the steps).

use crate::classify::{classify, Hit};
use crate::context::{self, Context};
use crate::spans::SpanIndex;
use crate::{people, resolve, roles, scan, words};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;
use warta_core::{Document, Entity, EntityType, Span};
use warta_lexicon::{FormKind, Lexicon, PlaceKind};

/// Links `doc.entities` in place and adds the lexicon matches NER missed.
pub(crate) fn link(lex: &Lexicon, doc: &mut Document) {
    let text = doc.text.as_str();
    let ws = words::words(text);
    // Unknown language counts as Indonesian: the project's main input.
    let local_id = !matches!(&doc.language, Some(l) if l.code != "id" && l.code != "ms");
    let mut ctx = Context::new(doc.published.unwrap_or_else(context::today), local_id);
    let mut ents = std::mem::take(&mut doc.entities);
    ents.retain(|e| !words::is_bare_head(&e.text));
    scan::add_matches(lex, text, &ws, &mut ents);
    ents.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));

    let hits: Vec<Hit> = ents
        .iter()
        .map(|e| {
            let w = words::word_at(&ws, e.span.start);
            let prev = (w > 0 && words::joined(text, &ws, w - 1, w)).then(|| &ws[w - 1]);
            classify(lex, &text[e.span.range()], e.kind, prev)
        })
        .collect();

    // Countries named directly are the strongest context.
    for h in &hits {
        if let Hit::Country(f) | Hit::Seat(f) = h {
            *ctx.countries
                .entry(lex.forms[*f as usize].iso3.clone())
                .or_default() += 1;
        }
    }
    // Places: a first pass adds the countries and provinces of clear-cut
    // places to the context, the second pass decides.
    for pass in 0..2 {
        for (e, h) in ents.iter_mut().zip(&hits) {
            let Hit::Place(cands, trig) = h else { continue };
            let Some((best, margin)) = best_with_margin(lex, cands, &e.text, *trig, &ctx) else {
                continue;
            };
            let p = &lex.places[best as usize];
            if pass == 0 {
                if margin > 2.0 {
                    if !p.iso3.is_empty() {
                        *ctx.countries.entry(p.iso3.clone()).or_default() += 1;
                    }
                    if p.kind == PlaceKind::Adm2 {
                        *ctx.regencies.entry(p.name.clone()).or_default() += 1;
                    }
                    if matches!(p.kind, PlaceKind::Adm1 | PlaceKind::Region) && !p.admin1.is_empty() {
                        *ctx.admin1.entry(p.admin1.clone()).or_default() += 1;
                    }
                }
                continue;
            }
            e.kind = EntityType::Loc;
            e.canonical = Some(p.name.clone());
            e.country = (!p.iso3.is_empty()).then(|| p.iso3.clone());
            e.geo = Some(resolve::geo_of(p));
        }
    }
    for (e, h) in ents.iter_mut().zip(&hits) {
        match h {
            Hit::Country(f) => {
                let form = &lex.forms[*f as usize];
                e.kind = EntityType::Loc;
                e.country = Some(form.iso3.clone());
                let country = lex.country(&form.iso3);
                match form.place.filter(|_| form.kind == FormKind::Capital) {
                    Some(pi) => {
                        let p = &lex.places[pi as usize];
                        e.canonical = Some(p.name.clone());
                        e.geo = Some(resolve::geo_of(p));
                    }
                    None => {
                        e.canonical = country.map(|c| c.name_en.clone());
                        e.geo = country.and_then(resolve::country_geo);
                    }
                }
            }
            Hit::Seat(f) => {
                let form = &lex.forms[*f as usize];
                // "di Istana Negara", "di Senayan": the NER read a place, and
                // the building stays one; the code still says whose seat it is.
                if e.kind != EntityType::Loc {
                    e.kind = EntityType::Org;
                }
                e.canonical = Some(form.form.clone());
                e.country = Some(form.iso3.clone());
                e.actor_code = Some(format!("{}GOV", form.iso3));
            }
            Hit::Actor(a) => set_actor(lex, e, *a, &ctx),
            // "Kejati Jabar" tagged LOC still gets its organisation's code.
            Hit::None if e.kind != EntityType::Per => org_by_head(lex, e, &ctx),
            Hit::Place(..) | Hit::None => {}
        }
    }
    link_people(lex, text, &ws, &mut ents, &ctx);
    add_roles(lex, text, &ws, &mut ents, &ctx);
    ents.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    initialisms(lex, text, &mut ents);
    doc.entities = ents;
}

/// `Arso Sadewo (AS)`, `Saudara AS`, `tersangka AS`: Indonesian legal
/// news names a suspect by initials, once in full with the initials in
/// brackets or after `saudara`. Those initials are that person everywhere
/// in the article, not the country they also spell (`AS` is the United
/// States, `RI` Indonesia) — except after an office or an institution
/// (`Presiden AS`, `Kedubes AS`).
fn initialisms(lex: &Lexicon, text: &str, ents: &mut [Entity]) {
    let mut people: HashMap<String, Entity> = HashMap::default();
    for (k, e) in ents.iter().enumerate() {
        if e.kind != EntityType::Per {
            continue;
        }
        let initials: String = e
            .text
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        let after = text[e.span.end..].trim_start();
        let Some(inner) = after.strip_prefix('(') else {
            continue;
        };
        let Some(abbr) = inner.split(')').next().map(str::trim) else {
            continue;
        };
        let is_initials = (2..=4).contains(&abbr.chars().count())
            && abbr.chars().all(|c| c.is_uppercase())
            && initials.chars().count() >= 2
            && abbr.starts_with(initials.as_str());
        if is_initials && !people.contains_key(abbr) {
            people.insert(abbr.to_string(), ents[k].clone());
        }
    }
    // `Saudara AS`: initials after a form of address, no full name.
    for e in ents.iter() {
        let abbr = e.text.as_str();
        let initials =
            (2..=4).contains(&abbr.chars().count()) && abbr.chars().all(|c| c.is_ascii_uppercase());
        let prev = text[..e.span.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let addressed = matches!(
            prev.to_lowercase().trim_end_matches('.'),
            "saudara" | "saudari" | "sdr" | "sdri" | "tersangka" | "terdakwa" | "terpidana"
        );
        if initials && addressed && !people.contains_key(abbr) {
            let mut person = Entity::new(e.span, abbr, EntityType::Per);
            person.canonical = Some(abbr.to_string());
            people.insert(abbr.to_string(), person);
        }
    }
    if people.is_empty() {
        return;
    }
    for e in ents.iter_mut() {
        let Some(person) = people.get(&e.text) else {
            continue;
        };
        let before = text[..e.span.start].trim_end();
        let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let prev = warta_lexicon::normalize(prev);
        if lex.person_title(&prev).is_some() || lex.role(&prev).is_some() || lex.org_head(&prev).is_some() {
            continue;
        }
        e.kind = EntityType::Per;
        e.canonical = person.canonical.clone().or_else(|| Some(person.text.clone()));
        e.country = person.country.clone();
        e.actor_code = person.actor_code.clone();
        e.geo = None;
    }
}

fn best_with_margin(
    lex: &Lexicon,
    cands: &[u32],
    mention: &str,
    trig: resolve::Trigger,
    ctx: &Context,
) -> Option<(u32, f64)> {
    let (best, s) = resolve::best_place(lex, cands, mention, trig, ctx)?;
    let rest: Vec<u32> = cands.iter().copied().filter(|&c| c != best).collect();
    let second = resolve::best_place(lex, &rest, mention, trig, ctx).map_or(f64::NEG_INFINITY, |x| x.1);
    Some((best, s - second))
}

/// Codes an unknown Indonesian organisation by its head word ("Polres
/// Bogor" → IDNCOP); the country is one the name itself names
/// ("Kementerian Luar Negeri Rusia"), else Indonesia.
fn org_by_head(lex: &Lexicon, e: &mut Entity, ctx: &Context) {
    let norm = warta_lexicon::normalize(&e.text);
    let words: Vec<&str> = norm.split(' ').collect();
    let Some(code) = words.first().and_then(|w| lex.org_head(w)) else {
        return;
    };
    let named = (1..words.len()).find_map(|i| {
        [words[i..(i + 2).min(words.len())].join(" "), words[i].to_string()]
            .iter()
            .find_map(|k| {
                lex.lookup(k).iter().find_map(|r| match *r {
                    warta_lexicon::Ref::Form(f) if lex.forms[f as usize].kind != FormKind::Seat => {
                        Some(lex.forms[f as usize].iso3.clone())
                    }
                    _ => None,
                })
            })
    });
    let iso3 = match named {
        Some(iso3) => iso3,
        // `Partai Buruh` in an article about Britain is Labour.
        None if is_shared_org_name(&words[..1].join(" ")) => match ctx.institution_country() {
            Some(iso3) => iso3.to_string(),
            None => return,
        },
        None => "IDN".to_string(),
    };
    // "di Pengadilan Negeri Jakarta Selatan", "di Polres Bogor": tagged LOC
    // the name is the building, as the gold corpora label it (measured on
    // idner dev and NERGrit train); the code still says whose it is.
    if e.kind != EntityType::Loc {
        e.kind = EntityType::Org;
    }
    e.actor_code = Some(format!("{iso3}{code}"));
    e.country = Some(iso3);
}

fn set_actor(lex: &Lexicon, e: &mut Entity, a: u32, ctx: &Context) {
    let actor = &lex.actors[a as usize];
    e.kind = actor.kind;
    e.canonical = Some(actor.name.clone());
    // No role on the date (a role yet to start): no code, but the
    // country all the actor's roles share still says whose person it is.
    let role = actor.role_on(ctx.date);
    if let Some(r) = role {
        e.actor_code = Some(r.code.clone());
    }
    let country = role.and_then(|r| r.code.get(..3)).or_else(|| actor.country());
    if let Some(c) = country.filter(|c| lex.country(c).is_some()) {
        e.country = Some(c.to_string());
    }
    // `Partai Demokrat` is also the US party: the article decides.
    if e.kind == EntityType::Org && is_shared_org_name(&warta_lexicon::normalize(&e.text)) {
        match (ctx.institution_country(), e.actor_code.take()) {
            (Some(iso3), Some(code)) if code.len() >= 3 => {
                e.actor_code = Some(format!("{iso3}{}", &code[3..]));
                e.country = Some(iso3.to_string());
            }
            (Some(_), code) => e.actor_code = code,
            (None, _) => e.country = None,
        }
    }
}

/// Whether an organisation name (normalised) or its head word is one that
/// institutions of many countries share (`data/lexicon/shared-org-names.txt`).
pub(crate) fn is_shared_org_name(name: &str) -> bool {
    static SHARED: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| word_set(include_str!("../../../data/lexicon/shared-org-names.txt")));
    SHARED.contains(name)
}

/// The lines of a word-list file: `#` comments and blank lines skipped.
fn word_set(text: &'static str) -> std::collections::HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn link_people(lex: &Lexicon, text: &str, ws: &[words::Word], ents: &mut Vec<Entity>, ctx: &Context) {
    let toks =
        |ents: &[Entity]| -> Vec<Vec<String>> { ents.iter().map(|e| people::name_tokens(&e.text)).collect() };
    // Full names the lexicon knows without their title ("Presiden Joko Widodo").
    for e in ents
        .iter_mut()
        .filter(|e| e.kind == EntityType::Per && e.actor_code.is_none())
    {
        let name = people::name_tokens(&e.text).join(" ");
        if let Hit::Actor(a) = classify(lex, &name, EntityType::Per, None) {
            set_actor(lex, e, a, ctx);
        } else if e.canonical.is_none() && name.contains(' ') {
            let n = e.text.split_whitespace().count();
            let keep = name.split(' ').count();
            e.canonical = Some(
                e.text
                    .split_whitespace()
                    .skip(n.saturating_sub(keep))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    // Unknown people after an Indonesian office title ("Bupati Bogor …").
    for e in ents
        .iter_mut()
        .filter(|e| e.kind == EntityType::Per && e.actor_code.is_none())
    {
        if let Some((code, country, shared)) = people::title_code(lex, text, ws, e.span) {
            // A title other countries share (`Menteri`) codes a person only
            // with the country written (`Menteri Luar Negeri Malaysia
            // Mohamad Hasan`): in stories on another country Indonesia's
            // own ministers are named beside foreign ones, and the
            // article's country coded a third of them wrong on IndoSum.
            let unwritten = (!shared).then(|| "IDN".to_string());
            let Some(iso3) = country.or(unwritten) else {
                continue;
            };
            e.actor_code = Some(format!("{iso3}{code}"));
            e.country = Some(iso3);
        }
    }
    officers_of_organisations(text, ents);
    let t = toks(ents);
    for span in people::short_mentions(text, ws, ents, &t) {
        ents.push(Entity::new(span, &text[span.range()], EntityType::Per));
    }
    ents.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let t = toks(ents);
    // Who a one-word name usually is, by the curated lexicon ("Prabowo").
    let usual: Vec<Option<String>> = ents
        .iter_mut()
        .zip(&t)
        .map(|(e, t)| {
            if e.kind != EntityType::Per || t.len() != 1 {
                return None;
            }
            match classify(lex, &t[0], EntityType::Per, None) {
                Hit::Actor(a) if lex.actors[a as usize].curated => {
                    if e.actor_code.is_none() {
                        set_actor(lex, e, a, ctx);
                    }
                    Some(lex.actors[a as usize].name.clone())
                }
                _ => None,
            }
        })
        .collect();
    let ante = people::antecedents(ents, &t, &usual);
    for (i, a) in ante.iter().enumerate() {
        if let Some(k) = *a {
            let full = ents[k].clone();
            let e = &mut ents[i];
            e.canonical = full.canonical.or(Some(full.text));
            e.country = full.country;
            e.actor_code = full.actor_code;
        }
    }
}

/// Codes role phrases ("pasukan Rusia") and adds them as ORG entities.
///
/// Phrases come in text order and never overlap one another, so each
/// question about the entities is asked of the entities as they were on
/// entry, through indexes built once (scanning every entity per phrase
/// made long articles quadratic, issue 12): an entity that a phrase's ORG
/// entity replaces or drops lies inside that phrase, where no later phrase
/// looks. Only the places a phrase may mean change as phrases are coded
/// (an entity spanning a phrase becomes its ORG), which [`Places`] follows.
fn add_roles(lex: &Lexicon, text: &str, ws: &[words::Word], ents: &mut Vec<Entity>, ctx: &Context) {
    let phrases = roles::find(lex, text, ws);
    if phrases.is_empty() {
        return;
    }
    let n = ents.len();
    let spans = SpanIndex::new(ents.iter().map(|e| e.span));
    // The first entity (in order) with a span, and the first person at a start.
    let mut same_span: HashMap<Span, usize> = HashMap::default();
    let mut person_at: HashMap<usize, usize> = HashMap::default();
    for (k, e) in ents.iter().enumerate() {
        same_span.entry(e.span).or_insert(k);
        if e.kind == EntityType::Per {
            person_at.entry(e.span.start).or_insert(k);
        }
    }
    let mut places = Places::new(ents);
    let mut gone = vec![false; n];
    for p in phrases {
        places.reach(p.span.start);
        // The place under discussion: the nearest earlier place whose
        // country the phrase does not exclude.
        let local = || {
            places
                .latest_except(p.not_iso3.as_deref())
                .map(str::to_string)
                .or_else(|| {
                    ctx.main_country()
                        .map(str::to_string)
                        .filter(|c| p.not_iso3.as_ref() != Some(c))
                })
        };
        let Some(iso3) = p.iso3.clone().or_else(local) else {
            continue;
        };
        let e = roles::entity(lex, text, &p, &iso3);
        // "Presiden Rusia Vladimir Putin": a title, not an actor of its own;
        // it codes the person when the lexicon does not know them.
        let next = ws
            .get(words::word_at(ws, p.span.end))
            .filter(|w| text[p.span.end..w.span.start].trim().is_empty());
        if let Some(k) = next.and_then(|w| person_at.get(&w.span.start).copied()) {
            let per = &mut ents[k];
            if per.actor_code.is_none() {
                per.actor_code = e.actor_code;
                per.country = e.country;
            }
            continue;
        }
        let span = e.span;
        if let Some(&k) = same_span.get(&span) {
            places.remove(k);
            let same = &mut ents[k];
            same.kind = EntityType::Org;
            same.canonical = e.canonical;
            same.country = e.country;
            same.actor_code = e.actor_code;
        } else if !spans.any_crosses(span) {
            ents.push(e);
        } else {
            continue;
        }
        // The only entity a role phrase may hold is its country as a linked
        // LOC: an NER reading of "Russian" (in "Russian forces") as a person
        // or organisation is the phrase's nationality word, which the
        // phrase's own code already carries.
        for &k in spans.starting_within(span) {
            let o = &ents[k];
            if o.span != span && span.contains(o.span) && !(o.kind == EntityType::Loc && o.country.is_some())
            {
                gone[k] = true;
            }
        }
    }
    if gone.contains(&true) {
        let mut k = 0;
        ents.retain(|_| {
            k += 1;
            k > n || !gone[k - 1]
        });
    }
}

/// The linked places (LOC entities with a country) a role phrase may refer
/// to: those ending before it, latest first, found in O(log n) as phrases
/// move forward through the text.
#[derive(Debug, Default)]
struct Places {
    /// (end, entity index) of every linked place, by end.
    pending: Vec<(usize, usize)>,
    next: usize,
    country: HashMap<usize, String>,
    /// Places no longer linked places (an ORG phrase entity now).
    dropped: HashSet<usize>,
    /// Places reached so far, by country.
    reached: HashMap<String, BTreeSet<usize>>,
    /// (latest place reached, its country) for each country.
    latest: BTreeSet<(usize, String)>,
}

impl Places {
    fn new(ents: &[Entity]) -> Places {
        let mut p = Places::default();
        for (k, e) in ents.iter().enumerate() {
            if let (EntityType::Loc, Some(c)) = (e.kind, &e.country) {
                p.pending.push((e.span.end, k));
                p.country.insert(k, c.clone());
            }
        }
        p.pending.sort_unstable();
        p
    }

    /// Takes in the places ending at or before `pos` (never less than before).
    fn reach(&mut self, pos: usize) {
        while let Some(&(end, k)) = self.pending.get(self.next) {
            if end > pos {
                break;
            }
            self.next += 1;
            if !self.dropped.contains(&k) {
                let c = self.country[&k].clone();
                self.update(&c, |set| {
                    set.insert(k);
                });
            }
        }
    }

    fn remove(&mut self, k: usize) {
        if let Some(c) = self.country.get(&k).cloned() {
            self.dropped.insert(k);
            self.update(&c, |set| {
                set.remove(&k);
            });
        }
    }

    /// Changes the places reached in country `c`, keeping `latest` in step.
    fn update(&mut self, c: &str, change: impl FnOnce(&mut BTreeSet<usize>)) {
        let set = self.reached.entry(c.to_string()).or_default();
        let before = set.last().copied();
        change(set);
        let after = set.last().copied();
        if before != after {
            if let Some(b) = before {
                self.latest.remove(&(b, c.to_string()));
            }
            if let Some(a) = after {
                self.latest.insert((a, c.to_string()));
            }
        }
    }

    /// The country of the latest place reached whose country is not `not`.
    fn latest_except(&self, not: Option<&str>) -> Option<&str> {
        self.latest
            .iter()
            .rev()
            .take(2)
            .map(|(_, c)| c.as_str())
            .find(|c| Some(*c) != not)
    }
}

/// Words before an organisation that make the person right after it one of
/// its officers (`data/lexicon/org-officers.txt`).
static OFFICER_WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| word_set(include_str!("../../../data/lexicon/org-officers.txt")));

/// An unknown person named right after an organisation that an officer word
/// precedes ("Juru bicara KPK Febri Diansyah") acts for it: they take its
/// code and country. Linear: organisations are looked up by where they end.
fn officers_of_organisations(text: &str, ents: &mut [Entity]) {
    let mut orgs: Vec<(usize, usize)> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityType::Org && e.actor_code.is_some())
        .map(|(i, e)| (e.span.end, i))
        .collect();
    orgs.sort_unstable();
    for i in 0..ents.len() {
        if ents[i].kind != EntityType::Per || ents[i].actor_code.is_some() {
            continue;
        }
        let start = ents[i].span.start;
        let k = orgs.partition_point(|&(end, _)| end <= start);
        let Some(&(end, o)) = k.checked_sub(1).and_then(|k| orgs.get(k)) else {
            continue;
        };
        let between = &text[end..start];
        if between.len() > 3 || !between.chars().all(char::is_whitespace) {
            continue;
        }
        // The one or two words before the organisation's name.
        let before = &text[..ents[o].span.start];
        let words: Vec<&str> = before.split_whitespace().rev().take(2).collect();
        let one = words.first().map(|w| w.to_lowercase());
        let two = (words.len() == 2).then(|| format!("{} {}", words[1], words[0]).to_lowercase());
        let is_officer = |w: &Option<String>| w.as_deref().is_some_and(|w| OFFICER_WORDS.contains(w));
        if is_officer(&one) || is_officer(&two) {
            let (code, country) = (ents[o].actor_code.clone(), ents[o].country.clone());
            ents[i].actor_code = code;
            ents[i].country = country;
        }
    }
}
