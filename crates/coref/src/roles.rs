//! Role nouns standing for their holder (`ujar Kapolri`, `the minister`)
//! and epithets (`lembaga antirasuah itu`).

use crate::clusters::{is_junk, norm_words};
use crate::data::{Number, Resources};
use crate::pronouns::Anaphor;
use crate::words::Words;
use rustc_hash::FxHashMap as HashMap;
use warta_core::{Cluster, Coreference, Document, EntityType, Mention, MentionKind, Span};

/// Roles too vague to stand for anyone on their own.
const GENERIC: &[&str] = &[
    "ketua",
    "kepala",
    "direktur",
    "pemimpin",
    "menteri",
    "secretary",
    "minister",
    "hakim",
    "anggota",
];

/// Nouns for organisations that, with a demonstrative after them, refer
/// back to the organisation last named (`partai tersebut`, `lembaga itu`).
const ORG_NOUNS: &[&str] = &[
    "lembaga",
    "partai",
    "perusahaan",
    "kementerian",
    "komisi",
    "institusi",
    "organisasi",
    "instansi",
    "badan",
    "kelompok",
    "korps",
    "company",
    "party",
    "agency",
    "ministry",
];

/// Determiners after an epithet or role that are part of the phrase.
const DEMONSTRATIVES: &[&str] = &["itu", "tersebut", "ini"];

/// The entity whose span starts at `at`, if any.
fn entity_starting(doc: &Document, at: usize) -> Option<&warta_core::Entity> {
    let res = crate::data::resources();
    let i = doc.entities.partition_point(|e| e.span.start < at);
    doc.entities[i..]
        .iter()
        .take_while(|e| e.span.start == at)
        .filter(|e| !is_junk(e, res))
        .max_by_key(|e| e.span.len())
}

fn inside_entity(doc: &Document, span: Span) -> bool {
    let res = crate::data::resources();
    let i = doc.entities.partition_point(|e| e.span.end <= span.start);
    doc.entities[i..]
        .iter()
        .take_while(|e| e.span.start <= span.start)
        .any(|e| e.span.contains(span) && !is_junk(e, res))
}

/// Adds role and epithet mentions (and clusters for offices whose holder
/// the article never names); returns the anaphoric noun phrases, which
/// are resolved like pronouns.
pub(crate) fn add_roles_and_epithets(
    doc: &Document,
    words: &Words,
    res: &Resources,
    coref: &mut Coreference,
) -> Vec<Anaphor> {
    let w = &words.words;
    let mut anaphors = Vec::new();
    let mut offices = Offices::new(coref);
    let mut i = 0;
    while i < w.len() {
        if !w[i].is_word || w[i].quoted || inside_entity(doc, w[i].span) {
            i += 1;
            continue;
        }
        if let Some(next) = epithet_at(doc, words, i, res, coref, &offices) {
            i = next;
            continue;
        }
        if let Some(next) = org_anaphor_at(words, i, &mut anaphors) {
            i = next;
            continue;
        }
        if let Some(next) = person_anaphor_at(words, i, res, &mut anaphors) {
            i = next;
            continue;
        }
        i = role_at(doc, words, i, res, coref, &mut anaphors, &mut offices).unwrap_or(i + 1);
    }
    anaphors
}

/// What role and epithet mentions look up, built once: named people by the
/// words of their role, unnamed offices by phrase, clusters by name.
struct Offices {
    /// Role-word prefix → (first mention start, cluster), in text order.
    by_role_prefix: HashMap<Vec<String>, Vec<(usize, usize)>>,
    unnamed: HashMap<String, usize>,
    /// Lower-cased mention texts and cluster names → cluster.
    names: HashMap<String, usize>,
    /// End byte of each named person's mention → cluster.
    person_ending: HashMap<usize, usize>,
}

impl Offices {
    fn new(coref: &Coreference) -> Offices {
        let mut first_start: HashMap<usize, usize> = HashMap::default();
        let mut names = HashMap::default();
        let mut person_ending = HashMap::default();
        for m in &coref.mentions {
            first_start.entry(m.cluster).or_insert(m.span.start);
            names.entry(m.text.to_lowercase()).or_insert(m.cluster);
            if coref.clusters[m.cluster].kind == EntityType::Per {
                person_ending.insert(m.span.end, m.cluster);
            }
        }
        let mut by_role_prefix: HashMap<Vec<String>, Vec<(usize, usize)>> = HashMap::default();
        for c in &coref.clusters {
            names.entry(c.name.to_lowercase()).or_insert(c.id);
            let (Some(role), EntityType::Per) = (&c.role, c.kind) else {
                continue;
            };
            let rw = norm_words(role);
            let start = first_start.get(&c.id).copied().unwrap_or(0);
            for k in 1..=rw.len().min(8) {
                by_role_prefix
                    .entry(rw[..k].to_vec())
                    .or_default()
                    .push((start, c.id));
            }
        }
        for v in by_role_prefix.values_mut() {
            v.sort_unstable();
        }
        Offices {
            by_role_prefix,
            unnamed: HashMap::default(),
            names,
            person_ending,
        }
    }

    /// The person named before `at` whose role starts with `words`, the
    /// most recently introduced one.
    fn holder(&self, words: &[String], at: usize) -> Option<usize> {
        let v = self.by_role_prefix.get(words)?;
        let i = v.partition_point(|(s, _)| *s < at);
        i.checked_sub(1).map(|i| v[i].1)
    }
}

/// How many words such a descriptive phrase may run before its `itu`.
const PERSON_PHRASE_REACH: usize = 8;

/// `tutur pria yang akrab disapa Ahok itu` / `Politikus PDIP itu
/// mengatakan`: a descriptive phrase ending in a demonstrative, where a
/// speaker stands (right after a reporting verb, or opening a sentence),
/// refers back to the person in focus.
fn person_anaphor_at(words: &Words, i: usize, res: &Resources, anaphors: &mut Vec<Anaphor>) -> Option<usize> {
    let w = &words.words;
    if !res.person_nouns.contains(&w[i].lower) {
        return None;
    }
    let opens_sentence = i == 0 || w[i - 1].sentence != w[i].sentence;
    let after_verb = i > 0 && res.nya_hosts.contains(&w[i - 1].lower);
    // `Di sektor kelistrikan, politisi Partai Golkar itu …`: the subject
    // after a fronted phrase.
    let after_comma = i > 0 && w[i - 1].lower == ",";
    if !opens_sentence && !after_verb && !after_comma {
        return None;
    }
    // A relative clause may hold commas (`Aktor yang lahir di Jakarta, 12
    // Februari 1983 itu`).
    let mut relative = false;
    let end = (i + 1..(i + 1 + PERSON_PHRASE_REACH + 2).min(w.len()))
        .take_while(|&j| {
            relative |= w[j].lower == "yang";
            let number = w[j].lower.bytes().all(|b| b.is_ascii_digit());
            // An age is part of the phrase (`pemain 26 tahun ini`).
            let fits = w[j].is_word || number || w[j].lower == "-" || (relative && w[j].lower == ",");
            w[j].sentence == w[i].sentence && fits && (relative || j <= i + PERSON_PHRASE_REACH)
        })
        .find(|&j| DEMONSTRATIVES.contains(&w[j].lower.as_str()))?;
    anaphors.push(Anaphor {
        span: Span::new(w[i].span.start, w[end].span.end),
        number: Number::Singular,
    });
    Some(end + 1)
}

/// `partai tersebut`, `lembaga itu`, `the company`: an organisation named
/// before.
fn org_anaphor_at(words: &Words, i: usize, anaphors: &mut Vec<Anaphor>) -> Option<usize> {
    let w = &words.words;
    if !ORG_NOUNS.contains(&w[i].lower.as_str()) {
        return None;
    }
    let english = i > 0 && w[i - 1].lower == "the";
    let (start, end) = if english {
        (i - 1, i + 1)
    } else {
        w.get(i + 1)
            .filter(|d| DEMONSTRATIVES.contains(&d.lower.as_str()))?;
        (i, i + 2)
    };
    anaphors.push(Anaphor {
        span: Span::new(w[start].span.start, w[end - 1].span.end),
        number: Number::Organisation,
    });
    Some(end)
}

fn epithet_at(
    doc: &Document,
    words: &Words,
    i: usize,
    res: &Resources,
    coref: &mut Coreference,
    offices: &Offices,
) -> Option<usize> {
    let w = &words.words;
    let ep = res.epithets.iter().find(|ep| {
        ep.words.len() <= w.len() - i && ep.words.iter().zip(&w[i..]).all(|(a, b)| *a == b.lower)
    })?;
    let mut end = i + ep.words.len();
    if end < w.len() && DEMONSTRATIVES.contains(&w[end].lower.as_str()) {
        end += 1;
    }
    let span = Span::new(w[i].span.start, w[end - 1].span.end);
    let known = ep.names.iter().find_map(|n| offices.names.get(n)).copied();
    let cluster = match known {
        Some(c) => c,
        None => {
            let id = coref.clusters.len();
            coref.clusters.push(Cluster {
                id,
                name: ep.name.clone(),
                kind: if ep.is_place {
                    EntityType::Loc
                } else {
                    EntityType::Org
                },
                role: None,
                country: ep.country.clone(),
                actor_code: ep.actor_code.clone(),
            });
            id
        }
    };
    coref.mentions.push(Mention {
        text: doc.text[span.range()].to_string(),
        span,
        kind: MentionKind::Epithet,
        cluster,
    });
    Some(end)
}

fn role_at(
    doc: &Document,
    words: &Words,
    i: usize,
    res: &Resources,
    coref: &mut Coreference,
    anaphors: &mut Vec<Anaphor>,
    offices: &mut Offices,
) -> Option<usize> {
    let w = &words.words;
    if !res.role_first_words.contains(&w[i].lower) {
        return None;
    }
    let k = (1..=res.max_role_words.min(w.len() - i)).rev().find(|&k| {
        (i..i + k).all(|j| w[j].is_word) && res.roles.contains_key(&lower_words(words, i, i + k))
    })?;
    let role_words = lower_words(words, i, i + k);
    let code = res.roles.get(&role_words).cloned().unwrap_or_default();
    let marked = i > 0 && matches!(w[i - 1].lower.as_str(), "sang" | "the");
    if !w[i].capitalised && !marked {
        return None;
    }
    // The complement: capitalised words and non-person entities
    // (`Menteri Dalam Negeri`, `juru bicara Kemlu`).
    let mut end = i + k;
    let mut country: Option<String> = None;
    while end < w.len() && w[end].sentence == w[i].sentence && !w[end].quoted {
        if let Some(e) = entity_starting(doc, w[end].span.start) {
            if e.kind == EntityType::Per {
                // A title before a name: the name's mention covers it.
                return Some(i + k);
            }
            country = country.or_else(|| e.country.clone());
            end = words.index_at(e.span.end);
            continue;
        }
        if w[end].is_word && w[end].capitalised || w[end].lower.starts_with("ke-") {
            end += 1;
        } else if joins_office_name(w, end, res) {
            // `Direktur Jenderal … Kelautan dan Perikanan KKP`.
            end += 1;
        } else if w[end].lower == "(" {
            // A bracketed acronym (`Badan … (Bappenda) NTB`).
            match (end + 1..(end + 5).min(w.len())).find(|&j| w[j].lower == ")") {
                Some(close) => end = close + 1,
                None => break,
            }
        } else {
            break;
        }
    }
    // `Juru Bicara KPK, Febri Diansyah`: the title of the person after the
    // comma, whose name mention covers it.
    if w.get(end).is_some_and(|c| c.lower == ",")
        && w.get(end + 1)
            .is_some_and(|n| entity_starting(doc, n.span.start).is_some_and(|e| e.kind == EntityType::Per))
    {
        return Some(end);
    }
    // `Ketua MPR RI ke-15 ini menegaskan`: the office refers back to the
    // person last in focus, whoever holds it.
    if let Some(d) = w.get(end).filter(|d| DEMONSTRATIVES.contains(&d.lower.as_str())) {
        anaphors.push(Anaphor {
            span: Span::new(w[i].span.start, d.span.end),
            number: Number::Singular,
        });
        return Some(end + 1);
    }
    let bare = end == i + k;
    if bare && GENERIC.contains(&role_words.join(" ").as_str()) {
        return Some(end);
    }
    let span = Span::new(w[if marked { i - 1 } else { i }].span.start, w[end - 1].span.end);
    // `Siswono, Kepala Badan … Kemlu, mengatakan`, `kata Jim Acosta,
    // Kepala Koresponden Gedung Putih`: an office set off by a comma right
    // after a person's name is that person's. Only the role's words are
    // carried, not an actor code: the office may be a foreign one.
    let apposed = (i >= 2 && !marked && w[i - 1].lower == ",")
        .then(|| offices.person_ending.get(&w[i - 2].span.end).copied())
        .flatten();
    if let Some(id) = apposed {
        let cluster = &mut coref.clusters[id];
        if cluster.role.is_none() {
            cluster.role = Some(doc.text[span.range()].to_string());
        }
        coref.mentions.push(Mention {
            text: doc.text[span.range()].to_string(),
            span,
            kind: MentionKind::Role,
            cluster: id,
        });
        return Some(end);
    }
    let phrase_words = norm_words(&doc.text[w[i].span.start..w[end - 1].span.end]);
    let holder = offices.holder(&phrase_words, span.start);
    let cluster = match holder {
        Some(id) => id,
        None => {
            let phrase = doc.text[w[i].span.start..w[end - 1].span.end].to_string();
            // An existing unnamed office of the same words.
            match offices.unnamed.get(&phrase) {
                Some(&id) => id,
                None => {
                    let country = country.or_else(|| {
                        doc.language
                            .as_ref()
                            .filter(|l| l.code == "id")
                            .map(|_| "IDN".to_string())
                    });
                    let id = coref.clusters.len();
                    coref.clusters.push(Cluster {
                        id,
                        name: phrase.clone(),
                        kind: EntityType::Per,
                        role: Some(phrase.clone()),
                        actor_code: country
                            .as_ref()
                            .filter(|_| !code.is_empty())
                            .map(|c| format!("{c}{code}")),
                        country,
                    });
                    offices.unnamed.insert(phrase, id);
                    id
                }
            }
        }
    };
    coref.mentions.push(Mention {
        text: doc.text[span.range()].to_string(),
        span,
        kind: MentionKind::Role,
        cluster,
    });
    Some(end)
}

/// Whether word `j` is a conjunction inside an office's name: `dan`,
/// `and`, `of`, `for` or `&` between capitalised words, the next not
/// opening another role (`Menteri Keuangan dan Gubernur BI` are two).
fn joins_office_name(w: &[crate::words::Word], j: usize, res: &Resources) -> bool {
    matches!(w[j].lower.as_str(), "dan" | "and" | "of" | "for" | "&")
        && j > 0
        && w[j - 1].capitalised
        && w.get(j + 1).is_some_and(|n| {
            n.is_word
                && n.capitalised
                && n.sentence == w[j].sentence
                && !res.role_first_words.contains(&n.lower)
        })
}

fn lower_words(words: &Words, from: usize, to: usize) -> Vec<String> {
    words.words[from..to].iter().map(|w| w.lower.clone()).collect()
}
