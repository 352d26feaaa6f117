//! People: lexicon lookup with the role valid on the article's date, and
//! in-document coreference ("Kim" → "Kim Jong Un").

use crate::roles;
use crate::spans::SpanIndex;
use crate::words::{joined, word_at, Word};
use rustc_hash::FxHashMap as HashMap;
use warta_core::{Entity, EntityType, Span};
use warta_lexicon::Lexicon;

/// Words before a name that are titles, not part of it.
const TITLES: &[&str] = &[
    "presiden",
    "wakil",
    "menteri",
    "perdana",
    "pm",
    "pak",
    "bu",
    "bapak",
    "ibu",
    "jenderal",
    "jend",
    "letjen",
    "mayjen",
    "brigjen",
    "kapolri",
    "kapolda",
    "gubernur",
    "bupati",
    "wali",
    "walikota",
    "ketua",
    "dr",
    "prof",
    "ir",
    "h",
    "hj",
    "kh",
    "president",
    "minister",
    "prime",
    "mr",
    "mrs",
    "ms",
    "sir",
    "king",
    "raja",
    "ratu",
    "pangeran",
    "sultan",
    "syekh",
    "sheikh",
    "pemimpin",
    "juru",
    "bicara",
    "kanselir",
    "chancellor",
    "senator",
    "general",
];

/// True when the normalized word is a title written before names.
pub(crate) fn is_title(norm: &str) -> bool {
    TITLES.contains(&norm)
}

/// The name's tokens without leading titles ("Presiden Joko Widodo" → joko widodo).
pub(crate) fn name_tokens(text: &str) -> Vec<String> {
    let norm = warta_lexicon::normalize(text);
    let toks: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
    let skip = toks.iter().take_while(|t| TITLES.contains(t)).count();
    let rest = if skip < toks.len() {
        &toks[skip..]
    } else {
        &toks[..]
    };
    rest.iter().map(|t| t.to_string()).collect()
}

/// For each PER entity (index into `ents`) with a single name token, the
/// index of the full-name PER mention it refers to: the nearest earlier
/// mention whose name contains the token, else the nearest later one. When
/// the lexicon says who the token usually names (`usual[i]`: "Prabowo" →
/// Prabowo Subianto), a mention of that person wins over others sharing the
/// token (Listyo Sigit Prabowo). A partial multi-word name ("Yudhi Sadewa")
/// refers to the latest earlier longer name holding all its tokens.
///
/// `ents` must be sorted by start (the linker sorts them first): then index
/// order is text order, and each question is a binary search in a list of
/// the mentions that could answer it, built once per distinct name or
/// token, instead of a scan of every person per mention (quadratic on long
/// articles that repeat names, issue 12).
pub(crate) fn antecedents(
    ents: &[Entity],
    toks: &[Vec<String>],
    usual: &[Option<String>],
) -> Vec<Option<usize>> {
    debug_assert!(ents.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    let start = |k: usize| ents[k].span.start;
    // The last mention in `list` (ascending indices) starting before `s`,
    // and the first starting after it.
    let before = |list: &[usize], s: usize| {
        let p = list.partition_point(|&k| start(k) < s);
        p.checked_sub(1).map(|p| list[p])
    };
    let after = |list: &[usize], s: usize| list.get(list.partition_point(|&k| start(k) <= s)).copied();

    let pers: Vec<usize> = (0..ents.len())
        .filter(|&i| ents[i].kind == EntityType::Per)
        .collect();
    // Distinct multi-word names with their mentions, and by token the
    // distinct names holding it.
    let mut name_of: HashMap<&[String], usize> = HashMap::default();
    let mut names: Vec<(&[String], Vec<usize>)> = Vec::new();
    let mut holding: HashMap<&str, Vec<usize>> = HashMap::default();
    for &k in pers.iter().filter(|&&k| toks[k].len() >= 2) {
        let id = *name_of.entry(&toks[k]).or_insert_with(|| {
            names.push((&toks[k], Vec::new()));
            for (n, t) in toks[k].iter().enumerate() {
                if !toks[k][..n].contains(t) {
                    holding.entry(t).or_default().push(names.len() - 1);
                }
            }
            names.len() - 1
        });
        names[id].1.push(k);
    }
    // In text order, the mentions of the distinct names that hold token
    // `via` and pass `keep`.
    let mentions_of = |via: &str, keep: &dyn Fn(&[String]) -> bool| -> Vec<usize> {
        let mut ks: Vec<usize> = holding
            .get(via)
            .into_iter()
            .flatten()
            .filter(|&&n| keep(names[n].0))
            .flat_map(|&n| names[n].1.iter().copied())
            .collect();
        ks.sort_unstable();
        ks
    };
    let mut longer: HashMap<&[String], Vec<usize>> = HashMap::default();
    let mut full: HashMap<&str, Vec<usize>> = HashMap::default();
    // By token, the mentions of names that hold it before their last word.
    let mut first_named: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_canonical: HashMap<&str, Vec<usize>> = HashMap::default();
    // Only names written in full: a one-word mention the lexicon linked
    // (`Ganjar`) says nothing about who the article names.
    for &k in pers.iter().filter(|&&k| toks[k].len() >= 2) {
        if let Some(c) = &ents[k].canonical {
            by_canonical.entry(c).or_default().push(k);
        }
    }

    let mut out = vec![None; ents.len()];
    for &i in &pers {
        let ti = &toks[i];
        let s = start(i);
        if ti.is_empty() {
            continue;
        }
        // "Kim", or "Yudhi Sadewa" for "Purbaya Yudhi Sadewa".
        if ti.len() > 1 {
            let list = longer.entry(ti).or_insert_with(|| {
                // Any longer name holding all the tokens holds the rarest.
                let rare = ti
                    .iter()
                    .min_by_key(|t| holding[t.as_str()].len())
                    .expect("non-empty");
                mentions_of(rare, &|tk: &[String]| {
                    tk.len() > ti.len() && ti.iter().all(|t| tk.contains(t))
                })
            });
            out[i] = before(list, s);
            continue;
        }
        let t = &ti[0];
        if let Some(u) = &usual[i] {
            // Without such a mention the lexicon's own link stands, unless
            // the article names someone else by that given name (`Djarot
            // Kusumayakti … kata Djarot` is not Djarot Saiful Hidayat); a
            // last name shared (`Listyo Sigit Prabowo`) does not count.
            out[i] = by_canonical
                .get(u.as_str())
                .and_then(|list| nearest(list, i, &start))
                .or_else(|| {
                    // Not a longer spelling of the lexicon's person
                    // (`Anies Rasyid Baswedan`, `Djarot Syaiful Hidayat`):
                    // the same family name.
                    let family = name_tokens(u).pop().unwrap_or_default();
                    let list = first_named.entry(t).or_insert_with(|| {
                        // Nor a pair written as one (`Anies - Sandi`).
                        mentions_of(t, &|tk: &[String]| {
                            tk.last()
                                .is_some_and(|last| last != t && !spelled_alike(last, &family))
                                && tk
                                    .iter()
                                    .all(|w| w.chars().all(char::is_alphabetic) && w != "dan")
                        })
                    });
                    before(list, s).or_else(|| after(list, s))
                });
            continue;
        }
        let list = full
            .entry(t)
            // Every name in `holding` has two words or more.
            .or_insert_with(|| mentions_of(t, &|_| true));
        out[i] = before(list, s).or_else(|| after(list, s));
    }
    out
}

/// Whether two name words are one spelling apart or two (`Pandjaitan` and
/// `Panjaitan`, `Syaiful` and `Saiful`: the old and new orthography).
fn spelled_alike(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 || a.len() > 40 || b.len() > 40 {
        return false;
    }
    // Levenshtein distance, one row at a time; names are short.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()] <= 2
}

/// The mention in `list` (ascending indices, so ascending starts) other
/// than `i` nearest to mention `i`; the lowest index among equally near.
fn nearest(list: &[usize], i: usize, start: &dyn Fn(usize) -> usize) -> Option<usize> {
    let s = start(i);
    let at = list.partition_point(|&k| start(k) < s);
    let past = list.partition_point(|&k| start(k) <= s);
    // The first mention of each group sharing a start is the lowest index
    // there: the first at the same start (not `i`), the first of the
    // closest start before, the first after.
    let same = list[at..past].iter().copied().find(|&k| k != i);
    let earlier = at.checked_sub(1).map(|p| {
        let s0 = start(list[p]);
        list[list.partition_point(|&k| start(k) < s0)]
    });
    let later = list.get(past).copied();
    [same, earlier, later]
        .into_iter()
        .flatten()
        .min_by_key(|&k| (start(k).abs_diff(s), k))
}

/// Standalone later uses of a full name's first or last token that no
/// entity covers ("… tulis Kim dalam …"), as new PER spans, in text order.
///
/// A word qualifies when it follows the end of *some* full name with that
/// token, i.e. the earliest-ending one, so each candidate token is looked up
/// once per word rather than each name scanning every word (issue 12).
pub(crate) fn short_mentions(text: &str, ws: &[Word], ents: &[Entity], toks: &[Vec<String>]) -> Vec<Span> {
    let mut from: HashMap<&str, usize> = HashMap::default();
    for (i, e) in ents.iter().enumerate() {
        if e.kind != EntityType::Per || toks[i].len() < 2 {
            continue;
        }
        let t = &toks[i];
        for cand in [&t[0], &t[t.len() - 1]] {
            if cand.chars().count() >= 3 {
                let end = from.entry(cand).or_insert(e.span.end);
                *end = (*end).min(e.span.end);
            }
        }
    }
    if from.is_empty() {
        return Vec::new();
    }
    let taken = SpanIndex::new(ents.iter().map(|e| e.span));
    let mut out = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        if !w.cap || from.get(w.norm.as_str()).is_none_or(|&end| w.span.start < end) {
            continue;
        }
        let longer = k + 1 < ws.len() && ws[k + 1].cap && !ws[k + 1].initial && joined(text, ws, k, k + 1)
            || k > 0 && ws[k - 1].cap && !w.initial && joined(text, ws, k - 1, k);
        // Words never overlap one another, so `out` needs no check.
        if !longer && !taken.any_overlaps(w.span) {
            out.push(w.span);
        }
    }
    out
}

/// The CAMEO role of an office title written before (or at the start of)
/// the person mention at `span` ("Bupati Bogor Rudy Susmanto",
/// "Kapolres Metro Jakarta Selatan Kombes Ade Ary": nearest title wins),
/// with the country a word between the title and the name names ("Ketua
/// DPR AS Mike Johnson" → USA, "Menlu Malaysia Mohamad Hasan" → MYS);
/// no country means the title is Indonesia's. Words between the title and
/// the name must be capitalised (unit names).
pub(crate) fn title_code<'a>(
    lex: &'a Lexicon,
    text: &str,
    ws: &[Word],
    span: Span,
) -> Option<(&'a str, Option<String>, bool)> {
    let w = word_at(ws, span.start);
    let inside = |k: usize| k < ws.len() && ws[k].span.end <= span.end;
    // The country named in words `from..to` (between title and name), or
    // the one foreign country a place there is in (`Gubernur California
    // Jerry Brown`): none when the place could be Indonesian.
    let country = |from: usize, to: usize| {
        (from..to)
            .find_map(|k| {
                roles::country_at(lex, text, ws, k)
                    .filter(|&(_, end)| end < to)
                    .map(|c| c.0)
            })
            .or_else(|| foreign_place_country(lex, ws, from, to))
    };
    let name_start = (w..ws.len())
        .find(|&k| {
            !inside(k)
                || !is_title(&ws[k].norm)
                    && ws[k].cap
                    && lex.person_title(&ws[k].norm).is_none()
                    && roles::country_at(lex, text, ws, k).is_none()
        })
        .unwrap_or(w);
    // A title many countries' offices share (`Menteri`): the caller
    // decides whose it is when no country is written.
    let shared = |title: &str| crate::link::is_shared_org_name(title);
    // `mantan Bupati Bogor X`: a former office holder is an elite, not the
    // office (CAMEO `ELI`).
    let held = |c: &'a str, start: usize| {
        let former =
            start > 0 && matches!(ws[start - 1].norm.as_str(), "mantan" | "eks" | "bekas" | "former");
        if former {
            "ELI"
        } else {
            c
        }
    };
    if inside(w) {
        if inside(w + 1) {
            let title = format!("{} {}", ws[w].norm, ws[w + 1].norm);
            if let Some(c) = lex.person_title(&title) {
                return Some((held(c, w), country(w + 2, name_start), shared(&title)));
            }
        }
        if let Some(c) = lex.person_title(&ws[w].norm) {
            return Some((held(c, w), country(w + 1, name_start), shared(&ws[w].norm)));
        }
    }
    let mut k = w;
    while k > 0 && w - k < 6 && joined(text, ws, k - 1, k) {
        k -= 1;
        if k > 0 && joined(text, ws, k - 1, k) {
            let title = format!("{} {}", ws[k - 1].norm, ws[k].norm);
            if let Some(c) = lex.person_title(&title) {
                return Some((held(c, k - 1), country(k + 1, w), shared(&title)));
            }
        }
        if let Some(c) = lex.person_title(&ws[k].norm) {
            return Some((held(c, k), country(k + 1, w), shared(&ws[k].norm)));
        }
        if !ws[k].cap {
            return None;
        }
    }
    None
}

/// The fewest inhabitants of a city abroad whose name before a person
/// makes a title that city's country's (`Wali Kota Osaka`).
const NOTABLE_CITY: u64 = 100_000;

/// The country of a place named by words `from..to` (up to three words at
/// a time) when every place of that name is in one foreign country: a
/// title before it is that country's (`Gubernur California`, `Wali Kota
/// Osaka`). None when a place of that name is Indonesian or the names
/// disagree.
fn foreign_place_country(lex: &Lexicon, ws: &[Word], from: usize, to: usize) -> Option<String> {
    for a in from..to {
        for b in (a..to.min(a + 3)).rev() {
            // Not an acronym (`Komnas HAM` is no town in Germany).
            if ws[a..=b].iter().any(|w| w.all_caps) {
                continue;
            }
            if let Some(found) = foreign_country_of_place(lex, &crate::words::key_of(ws, a, b)) {
                return found;
            }
        }
    }
    None
}

/// For a lookup key naming a place: `Some(Some(iso3))` when every notable
/// place of that name lies in that one foreign country, `Some(None)` when
/// one is Indonesian or they disagree, `None` when the key names no
/// notable place. A village abroad that shares a given name (`Budi`, a
/// town in Ukraine) is not notable.
fn foreign_country_of_place(lex: &Lexicon, key: &str) -> Option<Option<String>> {
    let mut found: Option<&str> = None;
    let mut clear = true;
    for r in lex.lookup_key(key) {
        let warta_lexicon::Ref::Place(p) = *r else {
            continue;
        };
        let place = &lex.places[p as usize];
        let notable = place.kind != warta_lexicon::PlaceKind::City || place.population >= NOTABLE_CITY;
        if !notable {
            continue;
        }
        let iso3 = place.iso3.as_str();
        if iso3.is_empty() || iso3 == "IDN" || found.is_some_and(|f| f != iso3) {
            clear = false;
        }
        found = found.or(Some(iso3));
    }
    found.map(|iso3| clear.then(|| iso3.to_string()))
}
