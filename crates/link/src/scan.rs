//! Lexicon matches the NER stage missed: countries, capitals, known actors,
//! and gazetteer places where the text makes a place reading likely.

use crate::resolve::{trigger_of, Trigger};
use crate::words::{joined, key_of, Word};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;
use warta_core::{Entity, EntityType, Span};
use warta_lexicon::{FormKind, Lexicon, PlaceKind, Ref, SportsWord};

/// Capitalised words that are GeoNames places somewhere but, in Indonesian
/// and English news, are far more often ordinary words, weekdays or months.
const NOT_PLACES: &[&str] = &[
    "selatan",
    "utara",
    "timur",
    "barat",
    "tengah",
    "raya",
    "baru",
    "jaya",
    "indah",
    "agung",
    "besar",
    "pusat",
    "sentral",
    "jalan",
    "pasar",
    "kampung",
    "tanah",
    "bukit",
    "gunung",
    "sungai",
    "laut",
    "pantai",
    "pulau",
    "teluk",
    "tanjung",
    "muara",
    "batu",
    "air",
    "kali",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
    "presiden",
    "menteri",
    "the",
    "new",
    "san",
    "santa",
    "saint",
    "victoria",
    "university",
    "universitas",
    "bank",
    "polisi",
    "ketua",
    "kepala",
    "pak",
    "bu",
    "ibu",
    "bapak",
    "haji",
    "hari",
    "dewan",
    "marina",
    "salam",
    "rumah",
    "pasukan",
    "media",
    "berita",
    "kata",
    "bahwa",
    "namun",
    "sementara",
    "selain",
    "untuk",
    "dalam",
    "setelah",
    "sebelum",
    "kami",
    "kita",
    "saya",
    "lima",
    "dua",
    "tiga",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "mulia",
    "merdeka",
    "damai",
    "harapan",
    "bina",
    "karya",
    "sari",
    "makmur",
    "sejahtera",
    "bahagia",
    "suka",
    "mandiri",
    "bersatu",
    "sumber",
    "tani",
    "anda",
    "kalian",
    "kami",
    "mereka",
    "dia",
    "beliau",
    "engkau",
    "natal",
    "metro",
    "puncak",
    "lebaran",
    "imlek",
    "paskah",
    "batman",
    "jordan",
    "cameron",
];

/// Currency words: "dolar AS" names a currency, not the United States.
const CURRENCIES: &[&str] = &[
    "dolar",
    "dollar",
    "ringgit",
    "yen",
    "yuan",
    "renminbi",
    "euro",
    "rupee",
    "rupe",
    "won",
    "peso",
    "riyal",
    "rial",
    "dirham",
    "rubel",
    "ruble",
    "rouble",
    "pound",
    "poundsterling",
    "franc",
    "frank",
    "baht",
    "dong",
    "lira",
    "krona",
    "krone",
    "rupiah",
];

/// Adds an entity for every lexicon match in `text` that no existing entity
/// overlaps, following the rules in the module docs.
pub(crate) fn add_matches(lex: &Lexicon, text: &str, ws: &[Word], ents: &mut Vec<Entity>) {
    let mut covered = vec![false; ws.len()];
    for e in ents.iter() {
        let a = ws.partition_point(|w| w.span.end <= e.span.start);
        for (k, w) in ws.iter().enumerate().skip(a) {
            if w.span.start >= e.span.end {
                break;
            }
            covered[k] = true;
        }
    }
    let mut lower: HashSet<&str> = ws.iter().filter(|w| !w.cap).map(|w| w.norm.as_str()).collect();
    // Words of names the NER tagged as people ("Vienna Varella …") are not
    // places when they recur alone.
    for e in ents.iter().filter(|e| e.kind == EntityType::Per) {
        let a = ws.partition_point(|w| w.span.end <= e.span.start);
        for w in ws[a..].iter().take_while(|w| w.span.start < e.span.end) {
            lower.insert(w.norm.as_str());
        }
    }
    // Only the NER's people widen: two known names side by side stay two.
    let from_ner = ents.len();
    let mut people = People::new(ents);
    let max_n = lex.max_words().min(8);
    let mut i = 0;
    while i < ws.len() {
        if covered[i] || !(ws[i].cap || ws[i].all_caps) {
            i += 1;
            continue;
        }
        let mut next = i + 1;
        for n in (1..=max_n).rev() {
            let j = i + n - 1;
            if j >= ws.len()
                || covered[i..=j].iter().any(|&c| c)
                || !ws[j].cap && !ws[j].norm.chars().all(|c| c.is_ascii_digit())
            {
                continue;
            }
            if !joined(text, ws, i, j) {
                continue;
            }
            let key = key_of(ws, i, j);
            let refs = lex.lookup_key(&key);
            if refs.is_empty() {
                continue;
            }
            if let Some(kind) = accept(lex, text, ws, i, j, refs, &lower, &covered) {
                let span = Span::new(ws[i].span.start, ws[j].span.end);
                if kind != EntityType::Per
                    || !merge_person(text, ws, i, j, &mut ents[..from_ner], &mut people)
                {
                    ents.push(Entity::new(span, &text[span.range()], kind));
                }
                next = j + 1;
                break;
            }
        }
        i = next;
    }
}

/// The NER's people by where they start and where they end, kept up to
/// date as [`merge_person`] widens them: finding the person next to a match
/// is then a lookup, not a scan of every entity per match (issue 12).
#[derive(Debug, Default)]
struct People {
    by_start: HashMap<usize, BTreeSet<usize>>,
    by_end: HashMap<usize, BTreeSet<usize>>,
}

impl People {
    fn new(ents: &[Entity]) -> People {
        let mut p = People::default();
        for (k, e) in ents.iter().enumerate().filter(|(_, e)| e.kind == EntityType::Per) {
            p.insert(k, e.span);
        }
        p
    }

    fn insert(&mut self, k: usize, span: Span) {
        self.by_start.entry(span.start).or_default().insert(k);
        self.by_end.entry(span.end).or_default().insert(k);
    }

    fn remove(&mut self, k: usize, span: Span) {
        for (map, at) in [(&mut self.by_start, span.start), (&mut self.by_end, span.end)] {
            if let Some(set) = map.get_mut(&at) {
                set.remove(&k);
            }
        }
    }

    /// The first person (by index) starting at `start` or ending at `end`.
    fn first_at(&self, start: Option<usize>, end: Option<usize>) -> Option<usize> {
        let first = |map: &HashMap<usize, BTreeSet<usize>>, at: Option<usize>| {
            at.and_then(|at| map.get(&at))
                .and_then(|set| set.first().copied())
        };
        [first(&self.by_start, start), first(&self.by_end, end)]
            .into_iter()
            .flatten()
            .min()
    }
}

/// Widens a person the NER found right next to words `i..=j` over them
/// ("Purbaya" + "Yudhi Sadewa" → "Purbaya Yudhi Sadewa"): one name, not
/// two people. False when no such person is there.
fn merge_person(
    text: &str,
    ws: &[Word],
    i: usize,
    j: usize,
    ents: &mut [Entity],
    people: &mut People,
) -> bool {
    let after = (j + 1 < ws.len() && joined(text, ws, j, j + 1)).then(|| ws[j + 1].span.start);
    let before = (i > 0 && joined(text, ws, i - 1, i)).then(|| ws[i - 1].span.end);
    let Some(k) = people.first_at(after, before) else {
        return false;
    };
    let e = &mut ents[k];
    let span = Span::new(e.span.start.min(ws[i].span.start), e.span.end.max(ws[j].span.end));
    people.remove(k, e.span);
    people.insert(k, span);
    e.span = span;
    e.text = text[span.range()].to_string();
    true
}

/// The entity type to add for words `i..=j`, or `None` to leave them.
#[allow(clippy::too_many_arguments)]
fn accept(
    lex: &Lexicon,
    text: &str,
    ws: &[Word],
    i: usize,
    j: usize,
    refs: &[Ref],
    lower: &HashSet<&str>,
    covered: &[bool],
) -> Option<EntityType> {
    let surface = &text[ws[i].span.start..ws[j].span.end];
    // "US$ 3,8 juta", "S$", "dolar AS", "ringgit Malaysia": a currency,
    // not a country.
    if text[ws[j].span.end..].starts_with('$') {
        return None;
    }
    if i > 0 && joined(text, ws, i - 1, i) && CURRENCIES.contains(&ws[i - 1].norm.as_str()) {
        return None;
    }
    // Running text must spell a name exactly (Cameron is not Cameroon,
    // Kendall not Kendal); the transliteration fold is for NER mentions.
    let norm = warta_lexicon::normalize(surface);
    let exact: Vec<Ref> = refs
        .iter()
        .copied()
        .filter(|r| lex.is_exact_name(&norm, *r))
        .collect();
    let refs = exact.as_slice();
    if refs.is_empty() {
        return None;
    }
    if sports_context(lex, text, ws, i, j, refs) {
        return None;
    }
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    let single = i == j;
    // Short forms (AS, RI, MK, AP) only when written exactly in capitals.
    if letters <= 3 && !(single && ws[i].all_caps) {
        return None;
    }
    let exact_short = |name: &str| letters > 3 || name == surface;
    let initial = ws[i].initial;
    let common = single && (lower.contains(ws[i].norm.as_str()) || NOT_PLACES.contains(&ws[i].norm.as_str()));
    let trigger = if i > 0 && joined(text, ws, i - 1, i) {
        trigger_of(&ws[i - 1].norm)
    } else {
        Trigger::None
    };

    // "Liga Inggris", "DKI Jakarta", "Atlético Madrid": a country or city
    // inside a longer capitalised name the NER missed is part of that name.
    let in_name = inside_longer_name(lex, text, ws, i, covered);

    // Countries, capitals and seats of power.
    for r in refs {
        if let Ref::Form(f) = *r {
            let form = &lex.forms[f as usize];
            if form.kind == FormKind::Demonym {
                continue;
            }
            // A country name that is also a given name (Jordan, Cameron)
            // needs a locative or kind word before it.
            let given_name =
                single && (NOT_PLACES.contains(&ws[i].norm.as_str()) || lex.is_place_stopword(&ws[i].norm));
            if !exact_short(&form.form)
                || in_name
                || (common && trigger == Trigger::None && letters > 3 && form.kind != FormKind::Name)
                || (given_name && trigger == Trigger::None)
            {
                continue;
            }
            return Some(if form.kind == FormKind::Seat {
                EntityType::Org
            } else {
                EntityType::Loc
            });
        }
    }
    // Curated actors: multi-word names and acronyms anywhere; single words
    // only inside a sentence and when not used as an ordinary word.
    for r in refs {
        if let Ref::Actor(a) = *r {
            let actor = &lex.actors[a as usize];
            if !actor.curated && (single || !ws[i..=j].iter().all(|w| w.cap)) {
                continue;
            }
            // Phoenix entries found in running text: by their main name
            // only, and no armed groups (their aliases include "La Liga",
            // "Black Friday"); NER-found mentions still link to them.
            if !actor.curated
                && (warta_lexicon::normalize(&actor.name) != warta_lexicon::normalize(surface)
                    || actor.roles.iter().any(|r| r.code.contains("REB")))
            {
                continue;
            }
            let names = std::iter::once(&actor.name).chain(actor.aliases.iter());
            if letters <= 3 && !names.into_iter().any(|n| n == surface) {
                continue;
            }
            if single && !ws[i].all_caps && (initial || common) {
                continue;
            }
            return Some(actor.kind);
        }
    }
    // Places: need a trigger word, or a prominent place not at a sentence
    // start, not used as an ordinary word and not part of a longer name.
    // Acronyms are never places (HAM, KAI, FAO are GeoNames names too).
    if single && ws[i].all_caps {
        return None;
    }
    let strong = matches!(
        trigger,
        Trigger::City | Trigger::Regency | Trigger::Province | Trigger::District
    );
    // (kind, population, Indonesian) of the most populous candidate.
    let mut best: Option<(PlaceKind, u64, bool)> = None;
    for r in refs {
        let Some(p) = r.place() else { continue };
        let p = &lex.places[p as usize];
        // GeoNames alternate names (Appi, Bimo, Maka, even "Google" for
        // Topeka) only after "kota", "provinsi"…, or after "di"/"in" for
        // big cities (di Beograd); the NER finds the rest.
        let alt_ok = strong || trigger == Trigger::Locative && p.population >= 500_000;
        if matches!(r, Ref::PlaceAlt(_)) && !alt_ok {
            continue;
        }
        if p.kind == PlaceKind::Adm3 && trigger != Trigger::District {
            continue;
        }
        if !matches!(best, Some((_, b, _)) if b >= p.population) {
            best = Some((p.kind, p.population, p.iso3 == "IDN"));
        }
    }
    let (kind, pop, home) = best?;
    let stop = single && (lex.is_place_stopword(&ws[i].norm) || NOT_PLACES.contains(&ws[i].norm.as_str()));
    if trigger == Trigger::None && common || !strong && stop {
        return None;
    }
    let cap_after = j + 1 < ws.len() && ws[j + 1].cap && !ws[j + 1].initial && joined(text, ws, j, j + 1);
    let cap_before =
        i > 0 && ws[i - 1].cap && !initial && joined(text, ws, i - 1, i) && trigger == Trigger::None;
    if cap_after || cap_before {
        return None;
    }
    let ok = match trigger {
        Trigger::City | Trigger::Regency | Trigger::Province | Trigger::District => true,
        Trigger::Locative => pop >= 15_000 || kind != PlaceKind::City,
        Trigger::None => {
            let admin = matches!(kind, PlaceKind::Region | PlaceKind::Adm1 | PlaceKind::Adm2);
            // Foreign cities named bare must be big: small ones collide
            // with names and words.
            let big = if home { 100_000 } else { 300_000 };
            (admin || pop >= big) && !initial || pop >= 1_000_000
        }
    };
    ok.then_some(EntityType::Loc)
}

/// True when the words from `i` on sit at the end of a longer run of capitalised
/// words written as one name. Neighbours that say nothing about a name do not
/// count: a sentence-initial capital, a trigger or locative word ("Provinsi
/// Luhansk", "Di Jakarta"), a title or role word ("Presiden Rusia",
/// "Pasukan Rusia": role phrases nest the country), and words of another
/// entity ("Rusia Vladimir Putin" with the person found by NER).
fn inside_longer_name(lex: &Lexicon, text: &str, ws: &[Word], i: usize, covered: &[bool]) -> bool {
    let says_nothing = |k: usize| {
        let w = &ws[k];
        covered[k]
            || trigger_of(&w.norm) != Trigger::None
            || lex.role(&w.norm).is_some()
            || lex.person_title(&w.norm).is_some()
            || crate::people::is_title(&w.norm)
    };
    let name_before = |k: usize| {
        k > 0 && joined(text, ws, k - 1, k) && ws[k - 1].cap && !ws[k - 1].initial && !says_nothing(k - 1)
    };
    // Measured on idner dev and NERGrit train: a single ordinary word before
    // ("Liga Inggris", "Bahasa Inggris") and a capital after ("Indonesia
    // Super League") are labelled with the country inside by NERGrit and
    // without it by idner, so only the clearer cases count: an acronym
    // before ("DKI Jakarta", "BMG Indonesia") or two name words before
    // ("Panitia Persiapan Kemerdekaan Indonesia", "Liga Primer Inggris").
    name_before(i) && (ws[i - 1].all_caps || name_before(i - 1))
}

/// True when a city or capital at words `i..=j` names a sports club ("AS
/// Roma", "Roma kalah", "vs Lazio"), when the words are themselves a club
/// prefix before such a city ("AS" of "AS Roma" is not the United States),
/// or when a sports role puts a person's name there. Country names stay:
/// national teams and nationalities stand for the country.
fn sports_context(lex: &Lexicon, text: &str, ws: &[Word], i: usize, j: usize, refs: &[Ref]) -> bool {
    let prev = (i > 0 && joined(text, ws, i - 1, i)).then(|| &ws[i - 1]);
    let next = (j + 1 < ws.len() && joined(text, ws, j, j + 1)).then(|| &ws[j + 1]);
    let sport = |w: Option<&Word>| w.and_then(|w| lex.sports_word(&w.norm));
    let city_like = |refs: &[Ref]| {
        let mut any = false;
        for r in refs {
            match *r {
                Ref::Form(f) if lex.forms[f as usize].kind == FormKind::Name => return false,
                Ref::Form(f) if lex.forms[f as usize].kind == FormKind::Capital => any = true,
                // Clubs are named after towns, not regions (AS-Eropa is
                // the United States and Europe).
                Ref::Place(p) if lex.places[p as usize].kind == PlaceKind::City => any = true,
                _ => {}
            }
        }
        any
    };
    if i == j
        && ws[i].cap
        && lex.sports_word(&ws[i].norm) == Some(SportsWord::Club)
        && next.is_some_and(|w| {
            w.cap
                && &text[w.gap_before.range()] == " "
                && city_like(lex.lookup_key(&warta_lexicon::fold_key(&w.norm)))
        })
    {
        return true;
    }
    let club_before = prev.is_some_and(|w| w.cap) && sport(prev) == Some(SportsWord::Club);
    let result = sport(prev) == Some(SportsWord::Result) || sport(next) == Some(SportsWord::Result);
    if (club_before || result) && city_like(refs) {
        return true;
    }
    // A person after a sports role ("striker Paris Hilton"); a country there
    // is the player's nationality ("bek Italia Leonardo Bonucci"), a place.
    sport(prev) == Some(SportsWord::Player) && next.is_some_and(|w| w.cap) && city_like(refs)
}
