//! Parsing the source data files (TSV) into a [`Builder`].

use crate::source::Builder;
use crate::types::{Actor, ActorRole, Country, CountryForm, FormKind, Place, PlaceKind, Role};
use crate::{normalize, LexiconError, Ref};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::io::Read;
use warta_core::EntityType;

const PLACES: &[u8] = include_bytes!("../../../data/lexicon/places.tsv.gz");
const PHOENIX: &[u8] = include_bytes!("../../../data/lexicon/phoenix-people.tsv.gz");
const PHOENIX_ORGS: &[u8] = include_bytes!("../../../data/lexicon/phoenix-orgs.tsv.gz");
const COUNTRIES: &str = include_str!("../../../data/lexicon/countries.tsv");
const FORMS: &str = include_str!("../../../data/lexicon/country-forms.tsv");
const REGIONS: &str = include_str!("../../../data/lexicon/regions.tsv");
const ACTORS: &str = include_str!("../../../data/lexicon/actors.tsv");
const ROLES: &str = include_str!("../../../data/lexicon/roles.tsv");
const PLACE_ALIASES: &str = include_str!("../../../data/lexicon/place-aliases.tsv");
const PLACE_STOPWORDS: &str = include_str!("../../../data/lexicon/place-stopwords.tsv");
const ORG_HEADS: &str = include_str!("../../../data/lexicon/org-heads.tsv");
const SPORTS_WORDS: &str = include_str!("../../../data/lexicon/sports-words.tsv");
const PERSON_TITLES: &str = include_str!("../../../data/lexicon/person-titles.tsv");

/// Parses every source file into a [`Builder`] (the slow path: only the
/// lexicon compiler and the tests take it; run time reads `lexicon.bin`).
pub(crate) fn load_sources() -> Result<Builder, LexiconError> {
    let mut lex = Builder::default();
    lex.index.reserve(1 << 18);
    load_countries(&mut lex, COUNTRIES)?;
    load_places(&mut lex, &gunzip("places.tsv.gz", PLACES)?)?;
    mark_capitals(&mut lex);
    load_regions(&mut lex, REGIONS)?;
    load_place_aliases(&mut lex, PLACE_ALIASES)?;
    load_forms(&mut lex, FORMS)?;
    load_actors(&mut lex, ACTORS)?;
    load_phoenix(
        &mut lex,
        "phoenix-people.tsv.gz",
        &gunzip("phoenix-people.tsv.gz", PHOENIX)?,
        false,
    )?;
    load_phoenix(
        &mut lex,
        "phoenix-orgs.tsv.gz",
        &gunzip("phoenix-orgs.tsv.gz", PHOENIX_ORGS)?,
        true,
    )?;
    load_roles(&mut lex, ROLES)?;
    for (ln, f) in rows(ORG_HEADS) {
        let (head, code) = (field(&f, 0), field(&f, 1));
        if head.is_empty() || code.len() != 3 {
            return Err(err("org-heads.tsv", ln, "expected head and a 3-letter role code"));
        }
        lex.org_heads.push((head.to_string(), code.to_string()));
    }
    for (ln, f) in rows(PERSON_TITLES) {
        let (title, code) = (field(&f, 0), field(&f, 1));
        if title.is_empty() || code.len() != 3 {
            return Err(err(
                "person-titles.tsv",
                ln,
                "expected title and a 3-letter role code",
            ));
        }
        lex.person_titles.insert(normalize(title), code.to_string());
    }
    for (ln, f) in rows(SPORTS_WORDS) {
        let (word, kind) = (field(&f, 0), field(&f, 1));
        if word.is_empty() || !matches!(kind, "club" | "result" | "player") {
            return Err(err(
                "sports-words.tsv",
                ln,
                "expected a word and club, result or player",
            ));
        }
        lex.sports_words.push((normalize(word), kind.to_string()));
    }
    for (_, f) in rows(PLACE_STOPWORDS) {
        lex.place_stopwords.insert(field(&f, 0).to_string());
    }
    Ok(lex)
}

fn err(file: &str, line: usize, message: impl Into<String>) -> LexiconError {
    LexiconError {
        file: file.to_string(),
        message: format!("line {}: {}", line + 1, message.into()),
    }
}

fn gunzip(file: &str, bytes: &[u8]) -> Result<String, LexiconError> {
    let mut out = String::with_capacity(bytes.len() * 4);
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut out)
        .map_err(|e| LexiconError {
            file: file.to_string(),
            message: e.to_string(),
        })?;
    Ok(out)
}

/// Data lines of a TSV file (comments and blanks skipped), with line numbers.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| (i, l.split('\t').collect()))
}

fn field<'a>(f: &[&'a str], i: usize) -> &'a str {
    f.get(i).copied().unwrap_or("").trim()
}

fn num<T: std::str::FromStr>(file: &str, line: usize, s: &str, what: &str) -> Result<T, LexiconError> {
    s.parse()
        .map_err(|_| err(file, line, format!("bad {what} `{s}`")))
}

fn aliases(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

fn load_countries(lex: &mut Builder, text: &str) -> Result<(), LexiconError> {
    const F: &str = "countries.tsv";
    for (ln, f) in rows(text) {
        if f.len() < 10 {
            return Err(err(F, ln, "expected 10 columns"));
        }
        let c = Country {
            iso2: field(&f, 0).to_string(),
            iso3: field(&f, 1).to_string(),
            cameo: field(&f, 2).to_string(),
            fips: field(&f, 3).to_string(),
            name_en: field(&f, 4).to_string(),
            name_id: field(&f, 5).to_string(),
            capital: field(&f, 7).to_string(),
            geonameid: field(&f, 8).parse().ok(),
            population: field(&f, 9).parse().unwrap_or(0),
            point: match (field(&f, 10), field(&f, 11)) {
                ("", "") => None,
                (la, lo) => Some((num(F, ln, la, "latitude")?, num(F, ln, lo, "longitude")?)),
            },
        };
        let idx = lex.countries.len() as u32;
        lex.country_by_iso3.insert(c.iso3.clone(), idx);
        let mut names = vec![c.name_en.clone(), c.name_id.clone()];
        names.extend(aliases(field(&f, 6)).map(str::to_string));
        lex.countries.push(c);
        for n in names.iter().filter(|n| !n.is_empty()) {
            push_form(lex, n, idx, FormKind::Name, None);
        }
    }
    Ok(())
}

fn push_form(lex: &mut Builder, form: &str, country: u32, kind: FormKind, place: Option<u32>) {
    let iso3 = lex.countries[country as usize].iso3.clone();
    let key = crate::match_key(form);
    // One form per (key, country): a hand-made line refines a generated one.
    // A demonym never merges with a name (it must not become a place).
    let demonym = |k: FormKind| k == FormKind::Demonym;
    let existing = lex.lookup_key(&key).iter().find_map(|r| match *r {
        Ref::Form(i)
            if lex.forms[i as usize].iso3 == iso3 && demonym(lex.forms[i as usize].kind) == demonym(kind) =>
        {
            Some(i)
        }
        _ => None,
    });
    if let Some(i) = existing {
        let f = &mut lex.forms[i as usize];
        f.kind = kind;
        f.place = place.or(f.place);
        // Still record this spelling ("Rusia" beside "Russia") as exact.
        lex.add_key(form, Ref::Form(i));
        return;
    }
    let i = lex.forms.len() as u32;
    lex.forms.push(CountryForm {
        form: form.to_string(),
        iso3,
        kind,
        place,
    });
    lex.add_key(form, Ref::Form(i));
}

fn load_places(lex: &mut Builder, text: &str) -> Result<(), LexiconError> {
    const F: &str = "places.tsv.gz";
    for (ln, f) in rows(text) {
        if f.len() < 8 {
            return Err(err(F, ln, "expected 9 columns"));
        }
        let kind = match field(&f, 0) {
            "city" => PlaceKind::City,
            "adm1" => PlaceKind::Adm1,
            "adm2" => PlaceKind::Adm2,
            "adm3" => PlaceKind::Adm3,
            "region" => PlaceKind::Region,
            k => return Err(err(F, ln, format!("unknown kind `{k}`"))),
        };
        let extra = field(&f, 8);
        let p = Place {
            kind,
            name: field(&f, 1).to_string(),
            lat: num(F, ln, field(&f, 2), "latitude")?,
            lon: num(F, ln, field(&f, 3), "longitude")?,
            geonameid: field(&f, 4).parse().ok(),
            iso3: field(&f, 5).to_string(),
            admin1: field(&f, 6).to_string(),
            population: field(&f, 7).parse().unwrap_or(0),
            parent: (kind == PlaceKind::Adm3 && !extra.is_empty()).then(|| extra.to_string()),
            capital: false,
        };
        let idx = Ref::Place(lex.places.len() as u32);
        let mut names = vec![p.name.clone()];
        if kind == PlaceKind::Adm2 {
            // "Kabupaten Bogor" / "Kota Bogor" are also named bare ("Bogor");
            // the linker uses the trigger word before a mention to choose.
            for prefix in [
                "Kabupaten Administrasi ",
                "Kota Administrasi ",
                "Kabupaten ",
                "Kota ",
            ] {
                if let Some(bare) = p.name.strip_prefix(prefix) {
                    names.push(bare.to_string());
                    if prefix.contains("Administrasi") {
                        names.push(format!("{}{bare}", &prefix[..prefix.find(' ').unwrap_or(0) + 1]));
                    }
                    break;
                }
            }
            names.push(p.name.replace("Kabupaten ", "Kab. "));
        }
        let alts: Vec<&str> = if kind == PlaceKind::City {
            aliases(extra).collect()
        } else {
            Vec::new()
        };
        let i = lex.places.len() as u32;
        lex.places.push(p);
        for n in &names {
            // A generated first-level division abroad (Punjab, Kentucky) is
            // indexed like an alternate name: for mentions the NER found,
            // and in running text only after a trigger word (di Punjab).
            let r = if kind == PlaceKind::Region {
                Ref::PlaceAlt(i)
            } else {
                idx
            };
            lex.add_key(n, r);
        }
        for a in alts {
            lex.add_key(a, Ref::PlaceAlt(i));
        }
    }
    Ok(())
}

/// Flags each country's capital city (by GeoNames' capital name).
fn mark_capitals(lex: &mut Builder) {
    let caps: Vec<u32> = lex
        .countries
        .iter()
        .filter(|c| !c.capital.is_empty())
        .filter_map(|c| city_named(lex, &c.capital, &c.iso3))
        .collect();
    for i in caps {
        lex.places[i as usize].capital = true;
    }
}

fn load_regions(lex: &mut Builder, text: &str) -> Result<(), LexiconError> {
    const F: &str = "regions.tsv";
    for (ln, f) in rows(text) {
        if f.len() < 4 {
            return Err(err(F, ln, "expected name, lat, lon, iso3, admin1, aliases"));
        }
        let p = Place {
            kind: PlaceKind::Region,
            name: field(&f, 0).to_string(),
            lat: num(F, ln, field(&f, 1), "latitude")?,
            lon: num(F, ln, field(&f, 2), "longitude")?,
            geonameid: None,
            iso3: field(&f, 3).to_string(),
            admin1: field(&f, 4).to_string(),
            population: 0,
            parent: None,
            capital: false,
        };
        let idx = Ref::Place(lex.places.len() as u32);
        let names: Vec<String> = std::iter::once(p.name.clone())
            .chain(aliases(field(&f, 5)).map(str::to_string))
            .collect();
        lex.places.push(p);
        for n in &names {
            lex.add_key(n, idx);
        }
    }
    Ok(())
}

fn load_place_aliases(lex: &mut Builder, text: &str) -> Result<(), LexiconError> {
    const F: &str = "place-aliases.tsv";
    for (ln, f) in rows(text) {
        let (alias, name, kind, iso3) = (field(&f, 0), field(&f, 1), field(&f, 2), field(&f, 3));
        let target = lex
            .lookup(name)
            .iter()
            .filter_map(|r| r.place())
            .filter(|&i| {
                let p = &lex.places[i as usize];
                p.name == name && p.iso3 == iso3 && kind_name(p.kind) == kind
            })
            .max_by_key(|&i| lex.places[i as usize].population)
            .ok_or_else(|| err(F, ln, format!("no {kind} `{name}` in {iso3}")))?;
        lex.add_key(alias, Ref::Place(target));
    }
    Ok(())
}

fn kind_name(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::City => "city",
        PlaceKind::Adm1 => "adm1",
        PlaceKind::Adm2 => "adm2",
        PlaceKind::Adm3 => "adm3",
        PlaceKind::Region => "region",
    }
}

fn load_forms(lex: &mut Builder, text: &str) -> Result<(), LexiconError> {
    const F: &str = "country-forms.tsv";
    for (ln, f) in rows(text) {
        let (form, iso3) = (field(&f, 0), field(&f, 1));
        let Some(&country) = lex.country_by_iso3.get(iso3) else {
            return Err(err(F, ln, format!("unknown country `{iso3}`")));
        };
        let kind = match field(&f, 2) {
            "name" => FormKind::Name,
            "capital" => FormKind::Capital,
            "seat" => FormKind::Seat,
            "demonym" => FormKind::Demonym,
            k => return Err(err(F, ln, format!("unknown kind `{k}`"))),
        };
        let place = match field(&f, 3) {
            "" => None,
            name => Some(
                city_named(lex, name, iso3)
                    .ok_or_else(|| err(F, ln, format!("no city `{name}` in {iso3} in places.tsv.gz")))?,
            ),
        };
        push_form(lex, form, country, kind, place);
    }
    Ok(())
}

/// The most populous city called exactly `name` in country `iso3`.
fn city_named(lex: &Builder, name: &str, iso3: &str) -> Option<u32> {
    lex.lookup(name)
        .iter()
        .filter_map(|r| r.place())
        .filter(|&i| {
            let p = &lex.places[i as usize];
            p.kind == PlaceKind::City && p.iso3 == iso3
        })
        .max_by_key(|&i| lex.places[i as usize].population)
}

fn date(file: &str, line: usize, s: &str) -> Result<Option<NaiveDate>, LexiconError> {
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| err(file, line, format!("bad date `{s}`")))
}

fn load_actors(lex: &mut Builder, text: &str) -> Result<(), LexiconError> {
    const F: &str = "actors.tsv";
    // Several lines of one actor (several roles) become one entry.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (ln, f) in rows(text) {
        let name = field(&f, 0);
        let kind = match field(&f, 2) {
            "PER" => EntityType::Per,
            "ORG" => EntityType::Org,
            "LOC" => EntityType::Loc,
            k => return Err(err(F, ln, format!("unknown type `{k}`"))),
        };
        let code = field(&f, 3);
        if name.is_empty() || code.len() < 3 {
            return Err(err(F, ln, "missing name or code"));
        }
        let role = ActorRole {
            code: code.to_string(),
            from: date(F, ln, field(&f, 4))?,
            until: date(F, ln, field(&f, 5))?,
        };
        let als: Vec<String> = aliases(field(&f, 1)).map(str::to_string).collect();
        if let Some(&i) = by_name.get(name) {
            lex.actors[i].roles.push(role);
            continue;
        }
        by_name.insert(name.to_string(), lex.actors.len());
        push_actor(
            lex,
            Actor {
                name: name.to_string(),
                aliases: als,
                kind,
                roles: vec![role],
                curated: true,
            },
        );
    }
    Ok(())
}

fn push_actor(lex: &mut Builder, a: Actor) {
    let idx = Ref::Actor(lex.actors.len() as u32);
    let names: Vec<String> = std::iter::once(a.name.clone())
        .chain(a.aliases.iter().cloned())
        .collect();
    lex.actors.push(a);
    for n in &names {
        lex.add_key(n, idx);
    }
}

/// Phoenix entries: `name, aliases, codes` (people file) or `name,
/// aliases, type, codes` (organisations file, `typed`).
fn load_phoenix(lex: &mut Builder, file: &str, text: &str, typed: bool) -> Result<(), LexiconError> {
    let codes_col = if typed { 3 } else { 2 };
    for (ln, f) in rows(text) {
        let name = field(&f, 0);
        let kind = match (typed, field(&f, 2)) {
            (false, _) | (true, "PER") => EntityType::Per,
            (true, "ORG") => EntityType::Org,
            (true, k) => return Err(err(file, ln, format!("unknown type `{k}`"))),
        };
        // A curated entry for the same person wins (it has current roles).
        if lex
            .lookup(name)
            .iter()
            .any(|r| matches!(r, Ref::Actor(i) if lex.actors[*i as usize].curated))
        {
            continue;
        }
        let mut roles = Vec::new();
        for spec in field(&f, codes_col).split(';').filter(|s| !s.is_empty()) {
            let mut p = spec.split(':');
            let code = p.next().unwrap_or("");
            if code.len() < 3 {
                return Err(err(file, ln, format!("bad role `{spec}`")));
            }
            let from = date(file, ln, p.next().unwrap_or(""))?;
            let until = date(file, ln, p.next().unwrap_or(""))?;
            roles.push(ActorRole {
                code: code.to_string(),
                from,
                until,
            });
        }
        let als = aliases(field(&f, 1)).map(str::to_string).collect();
        push_actor(
            lex,
            Actor {
                name: name.to_string(),
                aliases: als,
                kind,
                roles,
                curated: false,
            },
        );
    }
    Ok(())
}

fn load_roles(lex: &mut Builder, text: &str) -> Result<(), LexiconError> {
    const F: &str = "roles.tsv";
    for (ln, f) in rows(text) {
        let (word, code) = (field(&f, 0), field(&f, 1));
        if word.is_empty() || code.is_empty() {
            return Err(err(F, ln, "missing word or code"));
        }
        lex.roles.push(Role {
            word: word.to_string(),
            code: code.to_string(),
            label: field(&f, 2).to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
pub(crate) fn load_places_for_test(lex: &mut Builder, text: &str) -> Result<(), LexiconError> {
    load_places(lex, text)
}
