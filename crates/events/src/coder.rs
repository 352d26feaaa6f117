//! The clause coder: triggers from the lexicon, their source and target
//! through voice and prepositions, then modality, date and place.

use crate::actors::{Actor, ActorKind};
use crate::data::{Entry, Form, Object, Resources};
use crate::morph::Voice;
use crate::words::Words;
use rustc_hash::FxHashSet as HashSet;
use warta_core::{
    Document, EntityType, Event, EventActor, EventPlace, Evidence, Modality, Quote, Span, TimeExpr, TimeType,
};

/// What the coder reads of one article.
pub(crate) struct Article<'a> {
    pub doc: &'a Document,
    pub words: &'a Words<'a>,
    pub res: &'a Resources,
    pub actors: &'a [Actor],
    pub lexicon: &'a warta_lexicon::Lexicon,
    /// The country most of the article's entities belong to.
    pub home: Option<String>,
    /// Mentions of the article's main investigator (see
    /// [`crate::actors::investigator`]).
    pub investigator: Vec<Actor>,
}

impl Article<'_> {
    fn lexicon_country_name(&self, iso3: &str) -> String {
        self.lexicon
            .country(iso3)
            .map_or_else(|| iso3.to_string(), |c| c.name_en.clone())
    }
}

/// A trigger found at words `i..end` of a sentence.
struct Found<'a> {
    form: &'a Form,
    i: usize,
    end: usize,
}

/// Word range of the clause around words `i..end` within `a..b`.
/// At most this many words on each side of a trigger are its clause: a
/// clause is short, and the bound keeps the coder linear on a paragraph
/// with no punctuation at all.
const CLAUSE_REACH: usize = 40;

fn clause(art: &Article, a: usize, b: usize, i: usize, end: usize) -> (usize, usize) {
    let ws = &art.words.ws;
    // `menonaktifkan sementara Ketua PN …`, `untuk sementara`: `sementara`
    // right after the verb or after `untuk` is `for now`, not `while`.
    let adverb = |k: usize| ws[k].norm == "sementara" && (k == end || k > 0 && ws[k - 1].norm == "untuk");
    let cut = |k: usize| ws[k].norm == ";" || art.res.clause.contains(ws[k].norm.as_ref()) && !adverb(k);
    let (a, b) = (a.max(i.saturating_sub(CLAUSE_REACH)), b.min(end + CLAUSE_REACH));
    let cs = (a..i).rev().find(|&k| cut(k)).map_or(a, |k| k + 1);
    let ce = (end..b).find(|&k| cut(k)).unwrap_or(b);
    (cs, ce)
}

/// The items of a list sorted by start that start inside `span`.
pub(crate) fn starting_in<T>(items: &[T], span: Span, start: impl Fn(&T) -> usize) -> &[T] {
    let a = items.partition_point(|x| start(x) < span.start);
    let b = items.partition_point(|x| start(x) < span.end);
    &items[a..b.max(a)]
}

fn triggers_at<'a>(art: &'a Article, i: usize, b: usize) -> Vec<Found<'a>> {
    let ws = &art.words.ws;
    let norm = ws[i].norm.as_ref();
    let mut out = Vec::new();
    let agent_before = i > 0 && art.res.first_person.contains(ws[i - 1].norm.as_ref());
    for key in [Some(norm), Words::bare(norm)].into_iter().flatten() {
        for form in art.res.forms.get(key).into_iter().flatten() {
            let n = form.words.len();
            if i + n <= b
                && (!form.after_first_person || agent_before)
                && form.words[1..]
                    .iter()
                    .zip(&ws[i + 1..i + n])
                    .all(|(f, w)| *f == w.norm)
            {
                out.push(Found { form, i, end: i + n });
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// The sides of one trigger, before conditions are checked.
struct Sides<'a> {
    source: Option<&'a Actor>,
    target: Option<&'a Actor>,
    /// The object slot holds an actor (for `obj=actor`).
    object_is_actor: bool,
    /// The act is predicated (a verb, or a noun with a light verb or a
    /// passive light verb), not a bare noun referring back to it.
    predicated: bool,
}

pub(crate) fn code(art: &Article) -> Vec<Event> {
    let mut out = Vec::new();
    for (si, &(a, b)) in art.words.sentences.iter().enumerate() {
        if a >= b || art.words.ws[b - 1].norm == "?" {
            continue;
        }
        let mut seen: HashSet<(String, String, String)> = HashSet::default();
        let mut i = a;
        while i < b {
            let ws = &art.words.ws;
            // `Kepala Divisi Hukum dan Investigasi ICW`: a capitalised word
            // inside a name or title is not an act.
            let in_title = i > a && ws[i].cap && i + 1 < b && ws[i + 1].cap && !ws[i + 1].punct;
            let found = if in_title {
                Vec::new()
            } else {
                triggers_at(art, i, b)
            };
            let mut next = i + 1;
            // The first lexicon line whose conditions hold codes the
            // trigger (`minta … maaf` is an apology, not also a request).
            for f in &found {
                if let Some(evs) = code_trigger(art, si, a, b, f) {
                    next = f.end;
                    for ev in evs {
                        let key = (
                            ev.cameo.clone(),
                            ev.source.as_ref().map_or(String::new(), |s| s.name.clone()),
                            ev.target.as_ref().map_or(String::new(), |t| t.name.clone()),
                        );
                        if seen.insert(key) {
                            out.push(ev);
                        }
                    }
                    break;
                }
            }
            i = next;
        }
    }
    fill_suspect(&mut out);
    // Inferred on both sides or on none: too little to count.
    out.retain(|e| !(e.source.as_ref().is_some_and(|s| s.implicit) && e.target.is_none()));
    out
}

/// Whether a passive trigger's subject goes unsaid (`setelah ditetapkan
/// sebagai tersangka`, `Seluruhnya ditangkap`), so it is the article's
/// suspect; a word before it that names someone the coder cannot code
/// (`MSH ditangkap`) is a subject, and the suspect may be someone else. A
/// noun told with a passive light verb (`Penahanan dilakukan`) is its own
/// subject.
fn subject_unsaid(art: &Article, cs: usize, f: &Found) -> bool {
    if matches!(f.form.voice, Voice::NounAgent | Voice::NounPatient) {
        return true;
    }
    let ws = &art.words.ws;
    let before = (cs..f.i).rev().find(|&k| {
        !matches!(
            ws[k].norm.as_ref(),
            "sudah"
                | "telah"
                | "resmi"
                | "langsung"
                | "juga"
                | "pun"
                | "akan"
                | "baru"
                | "kemudian"
                | "lalu"
                | "sempat"
                | "kembali"
                | "segera"
                | "bisa"
                | "dapat"
                | "harus"
                | "masih"
                | "pernah"
                | "iya"
                | "ya"
                | "benar"
                | "memang"
        )
    });
    before.is_none_or(|k| {
        let w = &ws[k];
        // Not `yang`: `kejahatan yang dilarang` is about the noun before it.
        w.punct || art.res.clause.contains(w.norm.as_ref()) || matches!(w.norm.as_ref(), "dan" | "serta")
    })
}

/// True for legal process by an investigator or court.
fn legal(cameo: &str) -> bool {
    // Investigating (09x), naming a suspect or charging (112x), a finding
    // of guilt (116) and coercion (17x); not criticism or a complaint
    // (111, 114, 115), which others make to the investigator (`X
    // dilaporkan ke Polda`).
    ["09", "112", "116", "17"].iter().any(|r| cameo.starts_with(r))
}

/// `Penahanan dilakukan di Rutan KPK`: an act of legal process whose
/// target goes unsaid is aimed at the article's suspect — the first named
/// target of legal process before it (`KPK menahan Saudara AS`). Marked
/// implicit, as the investigator is.
fn fill_suspect(events: &mut [Event]) {
    let mut suspect: Option<EventActor> = None;
    for ev in events.iter_mut() {
        if !legal(&ev.cameo) {
            continue;
        }
        match (&ev.target, &suspect) {
            (Some(t), None) if !t.implicit && ev.source.as_ref().is_none_or(|s| s.name != t.name) => {
                suspect = Some(t.clone());
            }
            (None, Some(s)) if ev.source.as_ref().is_some_and(|src| src.name != s.name) => {
                ev.target = Some(EventActor {
                    implicit: true,
                    ..s.clone()
                });
            }
            _ => {}
        }
    }
}

/// The innermost quote holding `span`. Quotes are sorted by start and
/// overlap only by nesting (a partial quote inside an indirect one), so
/// the last few starting before `span` are all that can hold it.
pub(crate) fn quote_at(doc: &Document, span: Span) -> Option<&Quote> {
    let upto = doc.quotes.partition_point(|q| q.span.start <= span.start);
    doc.quotes[upto.saturating_sub(4)..upto]
        .iter()
        .filter(|q| q.span.contains(span))
        .min_by_key(|q| q.span.len())
}

fn code_trigger(art: &Article, si: usize, a: usize, b: usize, f: &Found) -> Option<Vec<Event>> {
    let ws = &art.words.ws;
    let doc = art.doc;
    let tspan = Span::new(ws[f.i].span.start, ws[f.end - 1].span.end);
    let quote = quote_at(doc, tspan);
    let (mut cs, mut ce) = clause(art, a, b, f.i, f.end);
    if let Some(q) = quote {
        cs = cs.max(art.words.at(q.span.start));
        ce = ce.min(art.words.at(q.span.end));
    }
    let from = art.actors.partition_point(|x| x.first < cs);
    let in_clause: Vec<&Actor> = art.actors[from..]
        .iter()
        .take_while(|x| x.first < ce)
        .filter(|x| x.last < ce && !x.not_actor)
        .collect();
    let sides = sides(art, &in_clause, f, cs);
    let entry: &Entry = &art.res.entries[f.form.entry];
    let c = &entry.conditions;
    let window = &ws[f.end..(f.end + 8).min(ce)];
    if !c.follows.is_empty() && !window.iter().any(|w| c.follows.iter().any(|f| *f == *w.norm)) {
        return None;
    }
    // `-w` entries may be phrases, their words joined by `_`
    // (`memberikan_keterangan`: declining to comment is no rejection).
    let next_is = |phrase: &str| {
        phrase
            .split('_')
            .enumerate()
            .all(|(k, w)| f.end + k < b && *ws[f.end + k].norm == *w)
    };
    if f.end < b && c.not_next.iter().any(|n| next_is(n)) {
        return None;
    }
    if f.i > a && c.not_before.iter().any(|w| *w == *ws[f.i - 1].norm) {
        return None;
    }
    // What the object is tells a verb's senses apart (`menahan tersangka`
    // / `menahan diri`, `mengamankan orang` / `barang`); a noun's
    // complement is too often left unsaid to ask for one.
    if f.form.voice == Voice::Active || f.form.voice == Voice::Passive {
        match c.object {
            Some(Object::Actor) if !sides.object_is_actor => return None,
            Some(Object::Thing) if sides.object_is_actor => return None,
            _ => {}
        }
    }
    let mut source: Option<Actor> = sides.source.cloned();
    let target: Option<Actor> = sides.target.cloned();
    let mut implicit = false;
    // The source is only the quote's speaker, through `saya`/`kami`.
    let mut speaker_only = false;
    if source.is_none() {
        // `"Kami minta …," kata X`: the speaker.
        if let Some(q) = quote {
            let me = (cs..f.i).find(|&k| art.res.first_person.contains(ws[k].norm.as_ref()));
            if let (Some(k), Some(cl)) = (me, q.speaker_cluster.and_then(|c| doc.coref.clusters.get(c))) {
                speaker_only = true;
                source = Some(Actor {
                    span: ws[k].span,
                    first: k,
                    last: k,
                    text: doc.text[ws[k].span.range()].to_string(),
                    name: cl.name.clone(),
                    code: cl.actor_code.clone().or_else(|| art.home.clone()),
                    cluster: Some(cl.id),
                    kind: ActorKind::Agent,
                    not_actor: false,
                });
            }
        }
    }
    if source.is_none() && legal(&entry.cameo) && sides.predicated && f.form.voice != Voice::Active {
        let before = art.investigator.iter().rev().find(|a| a.span.start < tspan.start);
        if let Some(inv) = before.or(art.investigator.first()) {
            if target.as_ref().is_none_or(|t| t.name != inv.name) {
                source = Some(inv.clone());
                implicit = true;
            }
        }
    }
    let source = source.as_ref();
    let target = target.as_ref();
    // `"Saya minta …," kata X` with no one asked says too little.
    if speaker_only && target.is_none() {
        return None;
    }
    if let Some(role) = &c.source_role {
        if !source
            .and_then(|s| s.code.as_deref())
            .is_some_and(|code| code.get(3..).is_some_and(|r| r.contains(role.as_str())))
        {
            return None;
        }
    }
    let armed = source.is_some_and(Actor::armed) || target.is_some_and(Actor::armed);
    if c.armed && !armed {
        return None;
    }
    // Someone must act: a source, or the target of a passive whose agent
    // goes unsaid (`X ditangkap`); and some side must be a coded actor.
    let passive = f.form.voice == Voice::Passive;
    if !sides.predicated || source.is_none() && !(passive && target.is_some()) {
        return None;
    }
    // Some side must be a coded actor the clause names: an event whose
    // only actor is inferred says too little to count.
    let named_source = source.filter(|_| !implicit);
    // `Penahanan dilakukan di Rutan KPK`: legal process with no side named
    // is kept for `fill_suspect`, which names its target or drops it.
    let for_suspect = implicit && target.is_none() && legal(&entry.cameo) && subject_unsaid(art, cs, f);
    if !for_suspect && !named_source.iter().chain(target.iter()).any(|x| x.code.is_some()) {
        return None;
    }
    let mut cameo = entry.cameo.clone();
    if c.military && cameo.starts_with("19") && !armed {
        cameo = "180".to_string();
    }
    // Sanctions between actors of one country are administrative (172).
    let country_of = |a: Option<&Actor>| {
        a.and_then(|a| a.code.as_deref())
            .and_then(|c| c.get(..3))
            .map(str::to_string)
    };
    if cameo == "163" && (target.is_none() || country_of(source) == country_of(target)) {
        cameo = "172".to_string();
    }
    // A visit to a town is not an act on anyone: a mere place is a target
    // only of force (`menyerang Kharkiv`).
    let target = target.filter(|t| {
        t.kind != ActorKind::Place
            || ["13", "15", "17", "18", "19", "20"]
                .iter()
                .any(|r| cameo.starts_with(r))
    });
    if c.needs_target && target.is_none() {
        return None;
    }
    let code = art.res.cameo.get(&cameo)?;
    let (modality, claimed_by) = modality(art, a, cs, f.i, quote);
    let clause_span = Span::new(ws[cs].span.start, ws[ce.max(cs + 1) - 1].span.end);
    let (date, date_evidence) = date(art, clause_span, tspan);
    let location = location(art, clause_span, tspan);
    let country = location.as_ref().and_then(|p| p.geo.country.clone());
    let target_actor = target.filter(|t| source.is_none_or(|s| s.name != t.name));
    let mut target = target_actor.map(Actor::to_event_actor);
    // An attack on a thing (`meledakkan sebuah jembatan … di Ukraina`)
    // strikes the country it stands in, when that is not the attacker's.
    if target.is_none() && code.plover == "ASSAULT" {
        let own = source.and_then(|s| s.code.as_deref()).and_then(|c| c.get(..3));
        if let (Some(p), Some(c)) = (&location, &country) {
            if own.is_some_and(|o| o != c) {
                target = Some(EventActor {
                    text: p.text.clone(),
                    span: p.span,
                    name: art.lexicon_country_name(c),
                    code: Some(c.clone()),
                    cluster: None,
                    implicit: false,
                });
            }
        }
    }
    let primary = Event {
        span: clause_span,
        sentence: si,
        trigger: Evidence {
            text: doc.text[tspan.range()].to_string(),
            span: tspan,
        },
        plover: code.plover.clone(),
        cameo,
        quad_class: code.quad_class,
        goldstein: code.goldstein,
        source: source.map(|s| EventActor {
            implicit,
            ..s.to_event_actor()
        }),
        target,
        modality,
        claimed_by,
        date,
        date_evidence,
        date_inferred: doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
        location,
        country,
    };
    // `Polri dan TNI menangkap …`, `menangkap A, B dan C`: one event per
    // distinct actor code.
    let mut out = vec![primary];
    let co_sources = source
        .filter(|_| !implicit)
        .map_or_else(Vec::new, |s| coordinated(art, &in_clause, s, true));
    let co_targets = target_actor.map_or_else(Vec::new, |t| coordinated(art, &in_clause, t, false));
    for (co, is_source) in co_sources
        .iter()
        .map(|x| (x, true))
        .chain(co_targets.iter().map(|x| (x, false)))
    {
        let mut ev = out[0].clone();
        if is_source {
            ev.source = Some(co.to_event_actor());
        } else {
            ev.target = Some(co.to_event_actor());
        }
        let code_of = |a: &Option<EventActor>| a.as_ref().and_then(|x| x.code.clone());
        if out
            .iter()
            .all(|e| (code_of(&e.source), code_of(&e.target)) != (code_of(&ev.source), code_of(&ev.target)))
        {
            out.push(ev);
        }
    }
    Some(out)
}

/// Actors joined to `x` by `dan`, `serta` or a comma, leftwards (for a
/// subject) or rightwards (for an object), at most three.
fn coordinated<'a>(art: &Article, xs: &[&'a Actor], x: &Actor, leftwards: bool) -> Vec<&'a Actor> {
    let ws = &art.words.ws;
    let joins = |from: usize, to: usize| {
        to > from
            && to - from <= 2
            && ws[from..to]
                .iter()
                .all(|w| matches!(w.norm.as_ref(), "dan" | "serta" | "," | "maupun"))
    };
    let mut out: Vec<&Actor> = Vec::new();
    let mut cur = x.clone();
    for _ in 0..3 {
        let next = if leftwards {
            xs.iter()
                .rev()
                .find(|p| p.last < cur.first && joins(p.last + 1, cur.first))
        } else {
            xs.iter()
                .find(|n| n.first > cur.last && joins(cur.last + 1, n.first))
        };
        match next {
            Some(n) if n.kind != ActorKind::Place || !leftwards => {
                out.push(n);
                cur = (*n).clone();
            }
            _ => break,
        }
    }
    out
}

/// The subject before word `before`: the last actor ending before it that
/// is neither a mere place nor the object of a preposition
/// (`serangan terhadap Ukraina … untuk membela`).
fn left<'a>(art: &Article, xs: &[&'a Actor], before: usize) -> Option<&'a Actor> {
    let ws = &art.words.ws;
    let res = art.res;
    xs.iter()
        .rev()
        .find(|x| {
            x.last < before
                && x.kind != ActorKind::Place
                && (x.first == 0
                    || !res.target_prep.contains(ws[x.first - 1].norm.as_ref())
                        && !res.by_prep.contains(ws[x.first - 1].norm.as_ref()))
        })
        .copied()
}

/// The first actor from word `from` introduced by one of `preps`, perhaps
/// across capitalised title words (`untuk Presiden Rusia Vladimir Putin`).
fn after_prep<'a>(
    art: &Article,
    xs: &[&'a Actor],
    from: usize,
    preps: &HashSet<String>,
) -> Option<&'a Actor> {
    let ws = &art.words.ws;
    xs.iter()
        .find(|x| {
            x.first >= from && {
                let mut k = x.first;
                while k > from && x.first - k < 4 && ws[k - 1].cap && !ws[k - 1].punct {
                    k -= 1;
                }
                let title_end = k;
                while k > from
                    && title_end - k < 4
                    && (art.res.quantifier.contains(ws[k - 1].norm.as_ref())
                        || ws[k - 1].norm.chars().all(|c| c.is_ascii_digit()))
                {
                    k -= 1;
                }
                k > 0
                    && (preps.contains(ws[k - 1].norm.as_ref())
                        || k >= 2
                            && preps.contains(ws[k - 2].norm.as_ref())
                            && !ws[k - 1].punct
                            && !ws[k - 1].cap)
            }
        })
        .copied()
}

/// The actor right after word `end` (a genitive or a direct object),
/// allowing `slack` modifiers between (`serangan udara Rusia`) but no
/// punctuation or preposition.
fn right_after<'a>(art: &Article, xs: &[&'a Actor], end: usize, slack: usize) -> Option<&'a Actor> {
    let ws = &art.words.ws;
    let res = art.res;
    let linking = |w: &crate::words::Word| {
        w.punct
            || res.target_prep.contains(w.norm.as_ref())
            || res.by_prep.contains(w.norm.as_ref())
            || res.place.contains(w.norm.as_ref())
            || matches!(w.norm.as_ref(), "yang" | "sebagai" | "dan" | "serta" | "atau")
    };
    xs.iter()
        .find(|x| x.first >= end && x.first <= end + slack && !ws[end..x.first].iter().any(linking))
        .copied()
}

fn sides<'a>(art: &Article, xs: &[&'a Actor], f: &Found, cs: usize) -> Sides<'a> {
    let ws = &art.words.ws;
    let res = art.res;
    let by = |from: usize| after_prep(art, xs, from, &res.by_prep);
    let to = |from: usize| after_prep(art, xs, from, &res.target_prep);
    let light = (1..=2)
        .filter_map(|n| f.i.checked_sub(n).filter(|&k| k >= cs))
        .find(|&k| {
            let w = &ws[k].norm;
            res.light.contains(w.as_ref())
                || res.receive.contains(w.as_ref())
                || res.undergo.contains(w.as_ref())
        });
    let noun = matches!(f.form.voice, Voice::NounAgent | Voice::NounPatient);
    // `dukungannya terhadap …`: the clause's subject owns the act.
    let owned =
        noun && light.is_none() && ws[f.i].norm.ends_with("nya") && Words::bare(&ws[f.i].norm).is_some();
    // `OTT tersebut digelar KPK`, `Penahanan dilakukan di Rutan KPK`.
    let passive_light = (f.end..(f.end + 3).min(ws.len()))
        .take_while(|&k| !ws[k].punct)
        .find(|&k| res.passive_light.contains(ws[k].norm.as_ref()));
    let (source, target) = match (f.form.voice, light) {
        (Voice::NounAgent | Voice::NounPatient, Some(k))
            if res.receive.contains(ws[k].norm.as_ref()) || res.undergo.contains(ws[k].norm.as_ref()) =>
        {
            (by(f.end), left(art, xs, k))
        }
        _ if noun && light.is_none() && passive_light.is_some() => {
            let k = passive_light.expect("checked");
            let src =
                by(k + 1).or_else(|| right_after(art, xs, k + 1, 0).filter(|x| x.kind != ActorKind::Place));
            let tgt = if f.form.voice == Voice::NounPatient {
                right_after(art, xs, f.end, 1).or_else(|| to(k + 1))
            } else {
                to(k + 1)
            };
            (src, tgt)
        }
        (Voice::NounAgent | Voice::NounPatient, Some(k)) => {
            let tgt = to(f.end).or_else(|| {
                (f.form.voice == Voice::NounPatient)
                    .then(|| right_after(art, xs, f.end, 1))
                    .flatten()
            });
            (left(art, xs, k), tgt)
        }
        (Voice::Active, _) => {
            // `memerkosa dan membunuh Yuyun`: two active verbs share the
            // object after the second.
            let shared = || {
                let and = ws
                    .get(f.end)
                    .is_some_and(|w| matches!(w.norm.as_ref(), "dan" | "serta"));
                let verb = ws
                    .get(f.end + 1)
                    .is_some_and(|w| w.norm.starts_with("me") && w.norm.len() > 4);
                (and && verb)
                    .then(|| right_after(art, xs, f.end + 2, 2))
                    .flatten()
            };
            let tgt = right_after(art, xs, f.end, 3)
                .filter(|x| x.first == 0 || !res.by_prep.contains(ws[x.first - 1].norm.as_ref()))
                .or_else(|| to(f.end))
                .or_else(shared);
            (left(art, xs, f.i), tgt)
        }
        (Voice::Passive, _) => {
            if f.form.after_first_person {
                // The pronoun is the agent (the quote's speaker, later);
                // the target is an object right after the verb (`Kami
                // tangkap J dan M`), else the subject before the pronoun
                // (`Tersangka sudah kami tahan`).
                let object = right_after(art, xs, f.end, 1);
                // Only with the object slot empty: `ya kami tahan juga dia`
                // has an object the coder cannot name.
                let slot_empty = ws[f.end..]
                    .iter()
                    .find(|w| !matches!(w.norm.as_ref(), "juga" | "pun" | "lagi" | "saja"))
                    .is_none_or(|w| {
                        w.punct
                            || res.place.contains(w.norm.as_ref())
                            || res.target_prep.contains(w.norm.as_ref())
                            || res.by_prep.contains(w.norm.as_ref())
                    });
                let subject = || {
                    slot_empty
                        .then(|| xs.iter().rev().find(|x| x.last + 1 < f.i).copied())
                        .flatten()
                };
                (None, object.or_else(subject))
            } else {
                // `dari` after a passive is a source of things, not an agent.
                // `oleh sejumlah pedagang`: a quantity may stand between.
                let by_oleh = |x: &Actor| {
                    let before = |n: usize| x.first.checked_sub(n).map(|k| ws[k].norm.as_ref());
                    before(1) == Some("oleh")
                        || matches!(
                            before(1),
                            Some("sejumlah" | "para" | "beberapa" | "seorang" | "puluhan" | "ratusan")
                        ) && before(2) == Some("oleh")
                };
                let oleh = xs.iter().find(|x| x.first > f.end && by_oleh(x)).copied();
                let src =
                    oleh.or_else(|| right_after(art, xs, f.end, 0).filter(|x| x.kind != ActorKind::Place));
                (src, xs.iter().rev().find(|x| x.last < f.i).copied())
            }
        }
        _ if owned => (left(art, xs, f.i), to(f.end)),
        (Voice::NounAgent, None) => {
            let gen = right_after(art, xs, f.end, 1).filter(|x| x.kind != ActorKind::Place);
            let between = |x: &Actor| x.first > 0 && ws[x.first - 1].norm == "antara";
            match gen.or_else(|| by(f.end)) {
                Some(src) => (Some(src), to(src.last + 1)),
                // `pertempuran antara pasukan Kiev dan Moskow`
                None => match to(f.end) {
                    Some(x) if between(x) => (Some(x), xs.iter().find(|y| y.first > x.last).copied()),
                    _ => (None, None),
                },
            }
        }
        (Voice::NounPatient, None) => (by(f.end), right_after(art, xs, f.end, 1)),
    };
    let object_is_actor = target.is_some();
    let target = target.filter(|t| source.is_none_or(|s| s.span != t.span));
    let predicated = !noun
        || light.is_some()
        || passive_light.is_some()
        || owned
        || source.is_some_and(|s| s.first > 0 && res.by_prep.contains(ws[s.first - 1].norm.as_ref()))
        || source.is_some() && target.is_some();
    Sides {
        source,
        target,
        object_is_actor,
        predicated,
    }
}

fn modality(
    art: &Article,
    a: usize,
    cs: usize,
    i: usize,
    quote: Option<&Quote>,
) -> (Modality, Option<String>) {
    let ws = &art.words.ws;
    let res = art.res;
    let near = &ws[i.saturating_sub(3).max(cs)..i];
    let a = a.max(i.saturating_sub(CLAUSE_REACH));
    if ws[a..i].iter().any(|w| res.denial.contains(w.norm.as_ref()))
        || near.iter().any(|w| res.denied.contains(w.norm.as_ref()))
        || is_no_one_who(art, a, i)
    {
        return (Modality::Denied, None);
    }
    if ws[a..i].iter().any(|w| res.conditional.contains(w.norm.as_ref())) {
        return (Modality::Conditional, None);
    }
    if near.iter().any(|w| res.planned.contains(w.norm.as_ref())) || is_asked_for(art, a, i) {
        return (Modality::Planned, None);
    }
    match quote {
        Some(q) => (Modality::Reported, q.speaker.clone()),
        None => (Modality::Asserted, None),
    }
}

/// `tak ada anggota DPR yang mengancamnya`: the act is denied of everyone,
/// the negated `ada` at most six words before the `yang` that opens the
/// trigger's clause.
fn is_no_one_who(art: &Article, a: usize, i: usize) -> bool {
    let ws = &art.words.ws;
    if i < 3 || i - 1 < a || ws[i - 1].norm.as_ref() != "yang" {
        return false;
    }
    let from = a.max(i.saturating_sub(8)) + 1;
    (from..i - 1).any(|k| ws[k].norm.as_ref() == "ada" && art.res.denied.contains(ws[k - 1].norm.as_ref()))
}

/// How far after a verb of ordering or urging an act is what was asked for.
const DIRECTIVE_REACH: usize = 10;

/// Whether the trigger at `i` tells what someone was ordered or urged to do
/// (`memerintahkan Polri untuk … mengusut`, `mendesak KPK menjerat`): a
/// directive verb at most `DIRECTIVE_REACH` words before it, in the same
/// clause (no full stop, semicolon or new clause between; a relative
/// clause tells what is so: `menghormati keputusan Bareskrim yang
/// menetapkan Ahok sebagai tersangka`). A directive is
/// never itself asked for (`Kami meminta … dan meminta …` are two
/// requests), and an act named right after an order is the order carried
/// out (`Kuwait memerintahkan pengusiran 15 diplomat Iran`).
fn is_asked_for(art: &Article, a: usize, i: usize) -> bool {
    let ws = &art.words.ws;
    if art.res.directive.contains(ws[i].norm.as_ref()) {
        return false;
    }
    let from = a.max(i.saturating_sub(DIRECTIVE_REACH));
    for k in (from..i).rev() {
        let w = ws[k].norm.as_ref();
        if art.res.directive.contains(w) {
            return !(k + 1 == i && matches!(w, "memerintahkan" | "menginstruksikan"));
        }
        if matches!(
            w,
            "." | ";"
                | ":"
                | "sementara"
                | "namun"
                | "tetapi"
                | "sedangkan"
                | "lalu"
                | "kemudian"
                | "setelah"
                | "sebelum"
                | "karena"
                | "sehingga"
                | "ketika"
                | "saat"
                | "yang"
        ) {
            return false;
        }
    }
    false
}

/// The clause's own date: the dated time expression inside it nearest the
/// trigger.
fn date(art: &Article, clause: Span, trigger: Span) -> (Option<String>, Option<Evidence>) {
    clause_date(&art.doc.times, clause, trigger, |t| {
        !relative_between(art, trigger, t.span)
    })
}

/// The dated time expression inside `clause` nearest the trigger, among
/// those `keep` accepts: its value and the words it rests on.
pub(crate) fn clause_date(
    times: &[TimeExpr],
    clause: Span,
    trigger: Span,
    keep: impl Fn(&TimeExpr) -> bool,
) -> (Option<String>, Option<Evidence>) {
    let t = starting_in(times, clause, |t| t.span.start)
        .iter()
        .filter(|t| clause.contains(t.span))
        .filter_map(|t| Some((t, event_day(t)?)))
        .filter(|(t, _)| keep(t))
        .min_by_key(|(t, _)| t.span.start.abs_diff(trigger.start));
    match t {
        Some((t, day)) => (
            Some(day.to_string()),
            Some(Evidence {
                text: t.text.clone(),
                span: t.span,
            }),
        ),
        None => (None, None),
    }
}

/// The date an expression gives an event: a DATE's value when it is one
/// (`2025-10-21`, `2025-10`, `2025-W43`), the day of a TIME that names one
/// (`Selasa (21/10/2025) pukul 10.00 WIB`, `Senin malam` → its day). A bare
/// clock time (`pukul 10.00 WIB`) names no day of its own: its value's day
/// came from the context or the publication date.
fn event_day(t: &TimeExpr) -> Option<&str> {
    let v = t.value.as_deref()?;
    if !v.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    match t.kind {
        TimeType::Date => Some(v),
        TimeType::Time => {
            let lower = t.text.to_lowercase();
            let bare_clock = (lower.starts_with(|c: char| c.is_ascii_digit())
                || ["pukul", "jam", "pkl"].iter().any(|w| lower.starts_with(w)))
                && !lower.contains([',', '(']);
            let (day, _) = v.split_once('T')?;
            (day.len() == 10 && !bare_clock).then_some(day)
        }
        _ => None,
    }
}

/// Where the event happened: a place after `di` (or a place noun: `kota
/// Sievierodonetsk`) in the clause, the most specific (a town over a
/// country), nearest the trigger.
fn location(art: &Article, clause: Span, trigger: Span) -> Option<EventPlace> {
    let ws = &art.words.ws;
    let res = art.res;
    let places = starting_in(&art.doc.entities, clause, |e| e.span.start)
        .iter()
        .filter(|e| e.kind == EntityType::Loc && e.geo.is_some() && clause.contains(e.span))
        .filter(|e| {
            // `di X`, `di kota X`, `kota X`; not `ke wilayah X` (a
            // destination) nor `dari kota X`.
            let k = art.words.at(e.span.start);
            let w = |n: usize| (k >= n).then(|| ws[k - n].norm.as_ref());
            let away = |w: Option<&str>| matches!(w, Some("ke" | "menuju" | "dari"));
            match w(1) {
                Some("di") => true,
                Some(n) if res.place.contains(n) && !ws[k - 1].punct => !away(w(2)),
                _ => false,
            }
        });
    nearest_place(places, trigger)
}

/// Of places the clause says an event happened at, the most specific (a
/// town over a country), nearest the trigger.
pub(crate) fn nearest_place<'a>(
    places: impl Iterator<Item = &'a warta_core::Entity>,
    trigger: Span,
) -> Option<EventPlace> {
    places
        .min_by_key(|e| {
            let country_level = e
                .geo
                .as_ref()
                .is_some_and(|g| g.geonameid.is_none() && g.admin1.is_none());
            (country_level, e.span.start.abs_diff(trigger.start))
        })
        .map(|e| EventPlace {
            text: e.text.clone(),
            span: e.span,
            geo: e.geo.clone().expect("a place has geo"),
        })
}

/// True when a `yang` stands between the trigger and a later `span`: the
/// span belongs to a relative clause about something else (`ke wilayah
/// Donbas, yang dikuasai separatis sejak 2014`).
fn relative_between(art: &Article, trigger: Span, span: Span) -> bool {
    if span.start <= trigger.end {
        return false;
    }
    let (a, b) = (art.words.at(trigger.end), art.words.at(span.start));
    art.words.ws[a..b].iter().any(|w| w.norm == "yang")
}
