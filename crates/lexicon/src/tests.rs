use super::*;
use chrono::NaiveDate;

fn lex() -> Lexicon {
    Lexicon::load_default().expect("embedded lexicons load")
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn places<'a>(lex: &'a Lexicon, name: &str) -> Vec<&'a Place> {
    lex.lookup(name)
        .iter()
        .filter_map(|r| r.place().map(|i| &lex.places[i as usize]))
        .collect()
}

#[test]
fn kiev_and_kyiv_find_the_ukrainian_capital() {
    let lex = lex();
    for name in ["Kiev", "Kyiv", "KYIV"] {
        let kyiv = places(&lex, name)
            .into_iter()
            .max_by_key(|p| p.population)
            .unwrap();
        assert_eq!(kyiv.iso3, "UKR", "{name}");
        assert!((kyiv.lat - 50.45).abs() < 0.1 && (kyiv.lon - 30.52).abs() < 0.1);
    }
}

#[test]
fn sievierodonetsk_spellings_find_the_city() {
    let lex = lex();
    for name in ["Sievierodonetsk", "Severodonetsk", "Syeverodonetsk"] {
        let p = places(&lex, name);
        assert!(
            p.iter().any(|p| p.iso3 == "UKR" && (p.lat - 48.95).abs() < 0.1),
            "{name}"
        );
    }
}

#[test]
fn indonesian_abbreviations_name_countries() {
    let lex = lex();
    let iso = |s: &str| -> Vec<String> {
        lex.lookup(s)
            .iter()
            .filter_map(|r| match r {
                Ref::Form(i) => Some(lex.forms[*i as usize].iso3.clone()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(iso("Korut"), ["PRK"]);
    assert_eq!(iso("Korea Selatan"), ["KOR"]);
    assert_eq!(iso("Tiongkok"), ["CHN"]);
    assert!(iso("Rusia").contains(&"RUS".to_string()));
    let moskow = lex.lookup("Moskow").iter().find_map(|r| match r {
        Ref::Form(i) => Some(&lex.forms[*i as usize]),
        _ => None,
    });
    let moskow = moskow.expect("Moskow is a country form");
    assert_eq!(moskow.kind, FormKind::Capital);
    let city = &lex.places[moskow.place.unwrap() as usize];
    assert!((city.lat - 55.75).abs() < 0.1);
}

#[test]
fn regency_and_city_of_bogor_are_both_known() {
    let lex = lex();
    let names: Vec<&str> = places(&lex, "Bogor").iter().map(|p| p.name.as_str()).collect();
    assert!(
        names.contains(&"Kabupaten Bogor") && names.contains(&"Kota Bogor"),
        "{names:?}"
    );
    assert_eq!(places(&lex, "Kabupaten Bogor")[0].admin1, "Jawa Barat");
}

#[test]
fn actor_roles_follow_the_article_date() {
    let lex = lex();
    let actor = |s: &str| -> &Actor {
        let r = lex
            .lookup(s)
            .iter()
            .find(|r| matches!(r, Ref::Actor(_)))
            .expect(s);
        let Ref::Actor(i) = r else { unreachable!() };
        &lex.actors[*i as usize]
    };
    assert_eq!(
        actor("Kim Jong Un").role_on(d("2022-06-13")).unwrap().code,
        "PRKGOV"
    );
    assert_eq!(
        actor("Vladimir Putin").role_on(d("2022-06-13")).unwrap().code,
        "RUSGOV"
    );
    let jokowi = actor("Joko Widodo");
    assert_eq!(jokowi.role_on(d("2020-01-01")).unwrap().code, "IDNGOV");
    assert_eq!(jokowi.role_on(d("2025-06-01")).unwrap().code, "IDNELI");
    assert_eq!(actor("KCNA").role_on(d("2022-06-13")).unwrap().code, "PRKMED");
}

#[test]
fn a_role_that_starts_after_the_publication_date_is_not_used() {
    let lex = lex();
    let Some(Ref::Actor(i)) = lex
        .lookup("Anies Baswedan")
        .iter()
        .find(|r| matches!(r, Ref::Actor(_)))
    else {
        panic!("Anies Baswedan is not in the lexicon");
    };
    let anies = &lex.actors[*i as usize];
    // Governor of Jakarta 2017-2022, in opposition from 2022-10-16.
    assert_eq!(anies.role_on(d("2020-05-01")).unwrap().code, "IDNGOV");
    assert_eq!(anies.role_on(d("2023-05-01")).unwrap().code, "IDNOPP");
    // Minister of education 2014-2016: an earlier office counts on its dates.
    assert_eq!(anies.role_on(d("2015-01-01")).unwrap().code, "IDNGOV");
    // Before his first office he holds none, and no later one either.
    assert_eq!(anies.role_on(d("2010-01-01")), None);
    assert_eq!(anies.country(), Some("IDN"));
}

#[test]
fn a_former_holder_keeps_the_role_that_ended_last() {
    let role = |code: &str, from: &str, until: &str| ActorRole {
        code: code.to_string(),
        from: Some(d(from)),
        until: Some(d(until)),
    };
    let actor = Actor {
        name: "Someone".to_string(),
        aliases: vec![],
        kind: warta_core::EntityType::Per,
        roles: vec![
            role("IDNLEG", "2004-01-01", "2009-01-01"),
            role("IDNGOV", "2010-01-01", "2015-01-01"),
            role("IDNJUD", "2030-01-01", "2035-01-01"),
        ],
        curated: true,
    };
    assert_eq!(actor.role_on(d("2020-01-01")).unwrap().code, "IDNGOV");
}

#[test]
fn indonesian_organisation_heads_carry_role_codes() {
    let lex = lex();
    assert_eq!(lex.org_head("polres"), Some("COP"));
    assert_eq!(lex.org_head("kemensos"), Some("GOV"));
    assert_eq!(lex.org_head("universitas"), Some("EDU"));
    assert_eq!(lex.org_head("reuters"), None);
}

#[test]
fn role_words_carry_cameo_codes() {
    let lex = lex();
    assert_eq!(lex.role("pasukan").unwrap().code, "MIL");
    assert_eq!(lex.role("warga sipil").unwrap().code, "CVL");
    assert!(lex.role("jembatan").is_none());
}

#[test]
fn a_malformed_line_is_a_clear_error() {
    let mut lex = source::Builder::default();
    let e = load::load_places_for_test(&mut lex, "city\tX\tnorth\t1\t\tIDN\tA\t0\t\n").unwrap_err();
    assert!(e.to_string().contains("bad latitude"), "{e}");
}

#[test]
fn exact_names_are_known_by_their_spelling() {
    let lex = lex();
    let exact = |name: &str| {
        lex.lookup(name)
            .iter()
            .any(|r| lex.is_exact_name(&normalize(name), *r))
    };
    assert!(exact("Rusia") && exact("Russia") && exact("Kabupaten Bogor") && exact("Sievierodonetsk"));
    // Same key after folding, but nobody spells it so.
    assert!(!lex.lookup("Russsia").is_empty() && !exact("Russsia"));
}

#[test]
fn national_capitals_are_flagged() {
    let lex = lex();
    let rome = places(&lex, "Rome")
        .into_iter()
        .find(|p| p.iso3 == "ITA")
        .unwrap();
    assert!(rome.capital);
    let bogor = places(&lex, "Bogor")
        .into_iter()
        .find(|p| p.kind == PlaceKind::City)
        .unwrap();
    assert!(!bogor.capital);
}

#[test]
fn the_committed_compiled_lexicon_matches_its_sources() {
    let fresh = compile_sources().expect("sources parse");
    assert!(
        fresh == COMPILED,
        "data/lexicon/lexicon.bin is stale: run `cargo run --release -p warta-lexicon --example compile_lexicon`"
    );
}

#[test]
fn the_compiled_lexicon_answers_every_name_as_the_sources_do() {
    let src = load::load_sources().unwrap();
    let lex = lex();
    assert_eq!(lex.key_count(), src.index.len());
    assert_eq!(lex.max_words(), src.max_words);
    assert_eq!(lex.places, src.places);
    assert_eq!(lex.actors, src.actors);
    assert_eq!(lex.forms, src.forms);
    assert_eq!(lex.countries, src.countries);
    for (key, refs) in &src.index {
        assert_eq!(lex.lookup_key(key), refs.as_slice(), "{key}");
    }
    for &h in &src.exact_names {
        assert!(lex.exact_names.contains(h));
    }
    assert!(lex.lookup_key("zzz no such place").is_empty());
}

#[test]
fn a_truncated_compiled_lexicon_is_a_clear_error() {
    let e = blob::read(&COMPILED[..COMPILED.len() / 2]).unwrap_err();
    assert!(e.to_string().contains("lexicon.bin"), "{e}");
    let e = blob::read(b"not a lexicon at all").unwrap_err();
    assert!(e.to_string().contains("not a compiled"), "{e}");
}
