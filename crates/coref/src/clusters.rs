//! Clusters from the linked entities: one per canonical name, with the
//! role the article gives the entity.

use crate::data::Resources;
use crate::words::Words;
use rustc_hash::FxHashMap as HashMap;
use warta_core::{Cluster, Coreference, Document, Entity, EntityType, Mention, MentionKind};

/// Titles and honorifics written before a name that are not offices.
const HONORIFICS: &[&str] = &[
    "pak",
    "bu",
    "bapak",
    "ibu",
    "dr",
    "prof",
    "ir",
    "h",
    "hj",
    "kh",
    "mr",
    "mrs",
    "ms",
    "sir",
    "jenderal",
    "jend",
    "letjen",
    "mayjen",
    "brigjen",
    "kombes",
    "akbp",
    "kompol",
    "sang",
    "the",
    "drs",
    "sdr",
    "saudara",
    "pol",
    "irjen",
    "komjen",
    "ajun",
    "iptu",
    "ipda",
    "aiptu",
    "aipda",
    "bripka",
    "brigadir",
    "briptu",
    "bripda",
    "akp",
    "laksamana",
    "marsekal",
    "kolonel",
    "letkol",
    "mayor",
    "kapten",
    "ustaz",
    "ustadz",
    "habib",
    "kiai",
    "gus",
    "tgh",
    "plt",
    "pj",
    "pjs",
    "purn",
];

/// Lower-case words of `s`, letters and digits only.
pub(crate) fn norm_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How many leading words of `words` are a role or an honorific.
fn leading_titles(words: &[String], res: &Resources) -> usize {
    let mut i = 0;
    'outer: while i < words.len() {
        if HONORIFICS.contains(&words[i].as_str()) {
            i += 1;
            continue;
        }
        for k in (1..=res.max_role_words.min(words.len() - i)).rev() {
            if res.roles.contains_key(&words[i..i + k]) {
                i += k;
                continue 'outer;
            }
        }
        break;
    }
    i
}

/// A person's name without the titles written in front of it.
fn bare_name(text: &str, res: &Resources) -> String {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = parts.iter().map(|p| p.trim_matches('.').to_lowercase()).collect();
    let skip = leading_titles(&lower, res);
    if skip >= parts.len() {
        text.to_string()
    } else {
        parts[skip..].join(" ")
    }
}

/// The role written right before the entity starting at token `at`
/// (`Menteri Dalam Negeri` before `Tito Karnavian`): the farthest role
/// word within a few tokens from which only capitalised words and
/// brackets lead to the name.
fn role_before(doc: &Document, words: &Words, at: usize, res: &Resources) -> Option<String> {
    let w = &words.words;
    if at == 0 || at > w.len() {
        return None;
    }
    // `Juru Bicara KPK, Febri Diansyah`: the office set off by a comma.
    let at = if w[at - 1].lower == "," && at >= 2 && w[at - 2].is_word {
        at - 1
    } else {
        at
    };
    let sentence = w.get(at).map(|x| x.sentence).unwrap_or(w[at - 1].sentence);
    let mut from = at;
    while from > 0 && at - from < 7 {
        let p = &w[from - 1];
        if p.sentence != sentence || !(p.is_word || p.lower == "(" || p.lower == ")") {
            break;
        }
        from -= 1;
    }
    let lower: Vec<String> = w[from..at].iter().map(|x| x.lower.clone()).collect();
    for i in 0..lower.len() {
        let Some(k) = (1..=res.max_role_words.min(lower.len() - i))
            .rev()
            .find(|&k| res.roles.contains_key(&lower[i..i + k]))
        else {
            continue;
        };
        let complement_ok = w[from + i + k..at]
            .iter()
            .all(|x| x.capitalised || x.lower == "(" || x.lower == ")" || !x.is_word && x.lower != ",");
        if complement_ok {
            // Ranks written between the office and the name (`… Polda Metro
            // Jaya Kombes Pol Argo`) are not part of the office.
            let mut last = at;
            while last > from + i + k && HONORIFICS.contains(&w[last - 1].lower.trim_end_matches('.')) {
                last -= 1;
            }
            let start = w[from + i].span.start;
            let end = w[last - 1].span.end;
            return Some(doc.text[start..end].trim().to_string());
        }
    }
    None
}

/// The cluster key of an entity: its canonical name, or its bare name.
fn key_of(e: &Entity, res: &Resources) -> (EntityType, String) {
    let name = match (&e.canonical, e.kind) {
        (Some(c), _) => c.clone(),
        (None, EntityType::Per) => bare_name(&e.text, res),
        (None, _) => e.text.clone(),
    };
    (e.kind, name.to_lowercase())
}

/// An organisation's name without a leading English article (`The
/// Congressional Budget Office` → `Congressional Budget Office`).
/// A one-word remainder keeps it (`The Star` is a newspaper's name).
fn without_article(name: &str) -> &str {
    match name.strip_prefix("The ").or_else(|| name.strip_prefix("the ")) {
        Some(rest) if rest.contains(' ') => rest,
        _ => name,
    }
}

/// Capitalised words the NER sometimes takes for names in English text.
const NOT_NAMES: &[&str] = &[
    "his",
    "her",
    "their",
    "its",
    "previously",
    "the",
    "but",
    "and",
    "it",
    "i",
    "we",
];

/// Whether a PER entity is no name at all: a pronoun (`He`), a lone
/// office word (`Senator`) or a capitalised function word. Pronouns and
/// offices get their own mentions instead.
pub(crate) fn is_junk(e: &Entity, res: &Resources) -> bool {
    if e.kind != EntityType::Per {
        return false;
    }
    // Names of more than a few words are names.
    if e.text.len() > 40 || e.text.split_whitespace().nth(3).is_some() {
        return false;
    }
    let lower = e.text.to_lowercase();
    res.pronouns.contains_key(&lower)
        || NOT_NAMES.contains(&lower.as_str())
        || res.roles.contains_key(&norm_words(&lower))
}

/// One cluster per distinct entity, and a name mention for each entity.
pub(crate) fn from_entities(doc: &Document, words: &Words, res: &Resources) -> Coreference {
    let mut coref = Coreference::default();
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::default();
    // Bare-name texts of each PER cluster's mentions, for short names the
    // linker left unlinked.
    // Word → the last person cluster whose name has it, and each cluster's
    // name words: a short name joins the cluster its last word points to
    // when all its words are in that name (constant time per mention).
    let mut person_by_word: HashMap<String, usize> = HashMap::default();
    let mut person_words: HashMap<usize, Vec<String>> = HashMap::default();
    // Longest mention seen per cluster, for organisations' fullest names.
    let mut longest: Vec<String> = Vec::new();
    for e in doc.entities.iter().filter(|e| !is_junk(e, res)) {
        let key = key_of(e, res);
        let mut id = by_key.get(&key).copied();
        let unlinked = e
            .canonical
            .as_deref()
            .is_none_or(|c| c.eq_ignore_ascii_case(&e.text));
        if id.is_none() && e.kind == EntityType::Per && unlinked {
            let mine = norm_words(&bare_name(&e.text, res));
            id = mine
                .last()
                .and_then(|w| person_by_word.get(w))
                .copied()
                .filter(|c| {
                    person_words
                        .get(c)
                        .is_some_and(|theirs| mine.iter().all(|m| theirs.contains(m)))
                });
        }
        let id = match id {
            Some(id) => id,
            None => {
                let id = coref.clusters.len();
                let name = match (&e.canonical, e.kind) {
                    (Some(c), EntityType::Per) => bare_name(c, res),
                    (Some(c), EntityType::Loc) => c.clone(),
                    (_, EntityType::Per) => bare_name(&e.text, res),
                    _ => e.text.clone(),
                };
                coref.clusters.push(Cluster {
                    id,
                    name: if e.kind == EntityType::Org
                        && !e.actor_code.as_deref().is_some_and(|c| c.ends_with("MED"))
                    {
                        without_article(&name).to_string()
                    } else {
                        name
                    },
                    kind: e.kind,
                    role: None,
                    country: None,
                    actor_code: None,
                });
                longest.push(String::new());
                id
            }
        };
        by_key.insert(key, id);
        let c = &mut coref.clusters[id];
        if c.country.is_none() {
            c.country = e.country.clone();
        }
        if c.actor_code.is_none() {
            c.actor_code = e.actor_code.clone();
        }
        if e.kind == EntityType::Per {
            if c.role.is_none() {
                c.role = role_before(doc, words, words.index_at(e.span.start), res);
            }
            let mine = norm_words(&bare_name(&e.text, res));
            for w in &mine {
                person_by_word.insert(w.clone(), id);
            }
            let theirs = person_words.entry(id).or_default();
            // Bounded: a name has few words, however often it recurs.
            for w in mine {
                if theirs.len() < 16 && !theirs.contains(&w) {
                    theirs.push(w);
                }
            }
            // Without a lexicon name, the fullest name in the article.
            if e.canonical.is_none() {
                let bare = bare_name(&e.text, res);
                if bare.len() > c.name.len() {
                    c.name = bare;
                }
            }
        } else if e.kind == EntityType::Org && e.canonical.is_none() && e.text.len() > longest[id].len() {
            longest[id] = e.text.clone();
            let media = e.actor_code.as_deref().is_some_and(|c| c.ends_with("MED"));
            c.name = if media {
                e.text.clone()
            } else {
                without_article(&e.text).to_string()
            };
        }
        coref.mentions.push(Mention {
            text: e.text.clone(),
            span: e.span,
            kind: MentionKind::Name,
            cluster: id,
        });
    }
    add_short_names(doc, words, res, &mut coref);
    coref
}

/// Short names the NER missed: a capitalised word that is the first or
/// last word of a person named earlier (`Argo` after `Argo Yuwono`), or the
/// initials of one (`JK` after `Jusuf Kalla`). Only words after the full
/// name, outside quotes and outside other entities, and only when one
/// person fits.
fn add_short_names(doc: &Document, words: &Words, res: &Resources, coref: &mut Coreference) {
    // Short form → (cluster, where the full name first appears); `None`
    // when two people share it.
    let mut forms: HashMap<String, Option<(usize, usize)>> = HashMap::default();
    for m in &coref.mentions {
        let c = &coref.clusters[m.cluster];
        if c.kind != EntityType::Per || m.kind != MentionKind::Name {
            continue;
        }
        let parts = norm_words(&c.name);
        if parts.len() < 2 {
            continue;
        }
        let initials: String = parts.iter().filter_map(|p| p.chars().next()).collect();
        for form in [parts[0].clone(), parts[parts.len() - 1].clone(), initials] {
            if form.chars().count() < 2 || res.roles.contains_key(std::slice::from_ref(&form)) {
                continue;
            }
            let entry = forms.entry(form).or_insert(Some((m.cluster, m.span.end)));
            if entry.is_some_and(|(other, _)| other != m.cluster) {
                *entry = None;
            }
        }
    }
    if forms.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let mut e = 0;
    for w in &words.words {
        while e < doc.entities.len() && doc.entities[e].span.end <= w.span.start {
            e += 1;
        }
        let in_entity = doc.entities[e.saturating_sub(1)..(e + 2).min(doc.entities.len())]
            .iter()
            .any(|x| x.span.overlaps(w.span));
        if !w.is_word || !w.capitalised || w.quoted || in_entity {
            continue;
        }
        let is_initials = w.lower.len() <= 4 && doc.text[w.span.range()].chars().all(|c| c.is_uppercase());
        let Some(Some((cluster, after))) = forms.get(&w.lower) else {
            continue;
        };
        let is_initials_form = coref.clusters[*cluster]
            .name
            .split_whitespace()
            .filter_map(|p| p.chars().next())
            .collect::<String>()
            .eq_ignore_ascii_case(&w.lower);
        if w.span.start < *after || (is_initials_form && !is_initials) {
            continue;
        }
        added.push(Mention {
            text: doc.text[w.span.range()].to_string(),
            span: w.span,
            kind: MentionKind::Name,
            cluster: *cluster,
        });
    }
    coref.mentions.extend(added);
}
