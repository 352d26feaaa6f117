//! Clusters from the linked entities: one per canonical name, with the
//! role the article gives the entity.

use crate::data::Resources;
use crate::words::Words;
use std::collections::HashMap;
use warta_core::{Cluster, Coreference, Document, Entity, EntityType, Mention, MentionKind};

/// Titles and honorifics written before a name that are not offices.
const HONORIFICS: &[&str] = &[
    "pak", "bu", "bapak", "ibu", "dr", "prof", "ir", "h", "hj", "kh", "mr", "mrs", "ms", "sir", "jenderal",
    "jend", "letjen", "mayjen", "brigjen", "kombes", "akbp", "kompol", "sang", "the", "drs", "sdr",
    "saudara",
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
            let start = w[from + i].span.start;
            let end = w[at - 1].span.end;
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
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::new();
    // Bare-name texts of each PER cluster's mentions, for short names the
    // linker left unlinked.
    // Word → the last person cluster whose name has it, and each cluster's
    // name words: a short name joins the cluster its last word points to
    // when all its words are in that name (constant time per mention).
    let mut person_by_word: HashMap<String, usize> = HashMap::new();
    let mut person_words: HashMap<usize, Vec<String>> = HashMap::new();
    // Longest mention seen per cluster, for organisations' fullest names.
    let mut longest: Vec<String> = Vec::new();
    for e in doc.entities.iter().filter(|e| !is_junk(e, res)) {
        let key = key_of(e, res);
        let mut id = by_key.get(&key).copied();
        if id.is_none() && e.kind == EntityType::Per && e.canonical.is_none() {
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
                    (Some(c), EntityType::Per | EntityType::Loc) => c.clone(),
                    (_, EntityType::Per) => bare_name(&e.text, res),
                    _ => e.text.clone(),
                };
                coref.clusters.push(Cluster {
                    id,
                    name,
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
            c.name = e.text.clone();
        }
        coref.mentions.push(Mention {
            text: e.text.clone(),
            span: e.span,
            kind: MentionKind::Name,
            cluster: id,
        });
    }
    coref
}
