use crate::code_events;
use std::sync::OnceLock;
use warta_core::{Document, EntityType, Event, Geo, Modality};
use warta_lexicon::Lexicon;

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::load_default().expect("lexicon"))
}

/// A segmented Indonesian document with these PER/ORG actors
/// (text, canonical, code) in text order.
fn doc(text: &str, ents: &[(&str, EntityType, Option<&str>, Option<&str>)]) -> Document {
    let mut d = warta_testdata::segmented_doc(text, ents);
    for e in &mut d.entities {
        if let Some(c) = &e.actor_code {
            e.country = Some(c[..3].to_string());
        }
    }
    d
}

/// Marks the LOC entity `text` as the country `iso3` (a country-level
/// place, as linking leaves it).
fn country(d: &mut Document, text: &str, iso3: &str, name: &str) {
    for e in d.entities.iter_mut().filter(|e| e.text == text) {
        e.country = Some(iso3.to_string());
        e.geo = Some(Geo {
            name: name.to_string(),
            lat: 0.0,
            lon: 0.0,
            geonameid: None,
            country: Some(iso3.to_string()),
            admin1: None,
        });
    }
}

fn events(d: &Document) -> Vec<Event> {
    code_events(d, lexicon())
}

fn codes(e: &Event) -> (String, String, Option<String>, Option<String>, Modality) {
    (
        e.plover.clone(),
        e.cameo.clone(),
        e.source.as_ref().and_then(|a| a.code.clone()),
        e.target.as_ref().and_then(|a| a.code.clone()),
        e.modality,
    )
}

use EntityType::{Loc, Org, Per};

#[test]
fn active_legal_process_is_coerce_with_both_sides() {
    let d = doc(
        "KPK menahan Bupati Kolaka Timur Abdul Azis di Jakarta.",
        &[
            ("KPK", Org, Some("Komisi Pemberantasan Korupsi"), Some("IDNGOV")),
            ("Abdul Azis", Per, Some("Abdul Azis"), Some("IDNGOV")),
        ],
    );
    let evs = events(&d);
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert_eq!(
        codes(&evs[0]),
        (
            "COERCE".into(),
            "173".into(),
            Some("IDNGOV".into()),
            Some("IDNGOV".into()),
            Modality::Asserted
        )
    );
    assert_eq!(evs[0].trigger.text, "menahan");
    assert_eq!(
        evs[0].source.as_ref().unwrap().name,
        "Komisi Pemberantasan Korupsi"
    );
}

#[test]
fn memper_verbs_without_a_suffix_are_triggers() {
    // `memperpanjang penahanan`: the memper- prefix alone (no -kan).
    let d = doc(
        "KPK memperpanjang penahanan Bupati Konawe Lukman Abunawas.",
        &[
            ("KPK", Org, Some("Komisi Pemberantasan Korupsi"), Some("IDNGOV")),
            ("Lukman Abunawas", Per, Some("Lukman Abunawas"), Some("IDNGOV")),
        ],
    );
    let evs = events(&d);
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert_eq!(evs[0].cameo, "173");
    assert_eq!(evs[0].trigger.text, "memperpanjang");
}

#[test]
fn a_pronoun_before_a_bare_verb_is_the_agent() {
    // `Budi sudah kami tahan`: the object comes first; `Kami tangkap
    // Budi`: colloquially, after. Either way Budi is the target.
    for text in ["Budi sudah kami tahan di Rutan.", "Kami tangkap Budi di Bogor."] {
        let d = doc(text, &[("Budi", Per, Some("Budi"), Some("IDNCRM"))]);
        let evs = events(&d);
        assert_eq!(evs.len(), 1, "{text}: {evs:?}");
        assert_eq!(evs[0].cameo, "173", "{text}");
        assert_eq!(
            evs[0].target.as_ref().and_then(|t| t.code.as_deref()),
            Some("IDNCRM"),
            "{text}: {evs:?}"
        );
    }
    // Without the pronoun the bare word is no verb (`tahan lama`).
    let d = doc(
        "Budi tahan lama di Rutan.",
        &[("Budi", Per, Some("Budi"), Some("IDNCRM"))],
    );
    assert!(events(&d).is_empty());
}

#[test]
fn legal_process_told_with_no_side_named_is_aimed_at_the_articles_suspect() {
    let d = doc(
        "KPK menangkap Bupati Kolaka Timur Abdul Azis. Penahanan dilakukan di Rutan KPK. Ia ditahan setelah ditetapkan sebagai tersangka.",
        &[
            ("KPK", Org, Some("Komisi Pemberantasan Korupsi"), Some("IDNGOV")),
            ("Abdul Azis", Per, Some("Abdul Azis"), Some("IDNGOV")),
            ("KPK", Org, Some("Komisi Pemberantasan Korupsi"), Some("IDNGOV")),
        ],
    );
    let evs = events(&d);
    let detention = evs
        .iter()
        .find(|e| e.trigger.text == "Penahanan")
        .unwrap_or_else(|| panic!("{evs:?}"));
    // The suspect is the target of the arrest before it.
    let arrest = evs
        .iter()
        .find(|e| e.trigger.text == "menangkap")
        .expect("arrest");
    let suspect = &arrest.target.as_ref().expect("suspect").name;
    let target = detention.target.as_ref().expect("target");
    assert_eq!(&target.name, suspect);
    assert!(target.implicit && detention.source.as_ref().is_some_and(|s| s.implicit));
    // A subject the coder cannot code (`MSH ditangkap`) is not the suspect.
    let d = doc(
        "KPK menangkap Bupati Kolaka Timur Abdul Azis. Sehari kemudian MSH ditangkap di Kendari.",
        &[
            ("KPK", Org, Some("Komisi Pemberantasan Korupsi"), Some("IDNGOV")),
            ("Abdul Azis", Per, Some("Abdul Azis"), Some("IDNGOV")),
        ],
    );
    let evs = events(&d);
    assert!(!evs.iter().any(|e| e.trigger.text == "ditangkap"), "{evs:?}");
}

#[test]
fn passive_agent_after_oleh_is_the_source() {
    let d = doc("Kepala desa itu ditangkap oleh polisi pada Senin.", &[]);
    // `polisi` is an actor noun; the subject is no actor, so only the
    // agent is known.
    let evs = events(&d);
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert_eq!(evs[0].cameo, "173");
    assert!(evs[0]
        .source
        .as_ref()
        .unwrap()
        .code
        .as_deref()
        .unwrap()
        .ends_with("COP"));
}

#[test]
fn naming_a_suspect_needs_the_word_tersangka() {
    let named = doc(
        "KPK menetapkan Bambang sebagai tersangka.",
        &[
            ("KPK", Org, None, Some("IDNGOV")),
            ("Bambang", Per, None, Some("IDNGOV")),
        ],
    );
    assert_eq!(events(&named)[0].cameo, "1121");
    let other = doc(
        "KPK menetapkan Bambang sebagai ketua panitia.",
        &[
            ("KPK", Org, None, Some("IDNGOV")),
            ("Bambang", Per, None, Some("IDNGOV")),
        ],
    );
    assert!(events(&other).is_empty());
}

#[test]
fn negation_plans_and_conditions_are_kept_apart_from_acts() {
    let ents = [
        ("Polri", Org, None, Some("IDNCOP")),
        ("Rizieq", Per, None, Some("IDNREL")),
    ];
    let m = |t: &str| {
        events(&doc(t, &ents))
            .iter()
            .map(|e| e.modality)
            .collect::<Vec<_>>()
    };
    assert_eq!(m("Polri menangkap Rizieq."), vec![Modality::Asserted]);
    assert_eq!(m("Polri tidak menangkap Rizieq."), vec![Modality::Denied]);
    assert_eq!(m("Polri akan menangkap Rizieq."), vec![Modality::Planned]);
    assert_eq!(
        m("Jika terbukti, Polri menangkap Rizieq."),
        vec![Modality::Conditional]
    );
    assert_eq!(m("Apakah Polri menangkap Rizieq?"), Vec::<Modality>::new());
    assert_eq!(
        m("Kemungkinan Polri menangkap Rizieq pekan ini."),
        vec![Modality::Conditional]
    );
}

#[test]
fn declining_to_comment_is_no_rejection() {
    let ents = [
        ("Rizieq", Per, None, Some("IDNREL")),
        ("Polri", Org, None, Some("IDNCOP")),
    ];
    let plover = |t: &str| {
        events(&doc(t, &ents))
            .iter()
            .map(|e| e.plover.clone())
            .collect::<Vec<_>>()
    };
    assert!(plover("Rizieq menolak memberikan keterangan kepada Polri.").is_empty());
    assert!(plover("Rizieq menolak berkomentar soal Polri.").is_empty());
    assert_eq!(
        plover("Rizieq menolak tuntutan Polri."),
        vec!["REJECT".to_string()]
    );
}

#[test]
fn sport_is_not_war() {
    let d = doc(
        "Persib menggempur pertahanan lawan sejak menit awal.",
        &[("Persib", Org, None, None)],
    );
    assert!(events(&d).is_empty());
}

#[test]
fn noun_with_light_verb_takes_subject_and_target() {
    let mut d = doc(
        "Rusia telah melancarkan invasi ke Ukraina sejak 24 Februari lalu.",
        &[
            ("Rusia", Loc, Some("Russia"), None),
            ("Ukraina", Loc, Some("Ukraine"), None),
        ],
    );
    country(&mut d, "Rusia", "RUS", "Russia");
    country(&mut d, "Ukraina", "UKR", "Ukraine");
    let evs = events(&d);
    assert_eq!(evs.len(), 1, "{evs:?}");
    let e = &evs[0];
    assert_eq!((e.plover.as_str(), e.cameo.as_str()), ("ASSAULT", "190"));
    assert_eq!(e.source.as_ref().unwrap().name, "Russia");
    assert_eq!(e.target.as_ref().unwrap().code.as_deref(), Some("UKR"));
}

#[test]
fn coordinated_subjects_give_one_event_per_code() {
    let d = doc(
        "Polri dan TNI menangkap dua anggota KKB.",
        &[
            ("Polri", Org, None, Some("IDNCOP")),
            ("TNI", Org, None, Some("IDNMIL")),
            ("KKB", Org, None, Some("IDNREB")),
        ],
    );
    let mut src: Vec<String> = events(&d)
        .iter()
        .filter_map(|e| e.source.as_ref()?.code.clone())
        .collect();
    src.sort();
    assert_eq!(src, ["IDNCOP", "IDNMIL"]);
}

#[test]
fn a_bare_noun_referring_back_is_not_a_new_event() {
    let d = doc("Penangkapan itu menjadi perbincangan warga.", &[]);
    assert!(events(&d).is_empty(), "{:?}", events(&d));
}

#[test]
fn english_articles_are_coded_with_petrarch_verbs_and_linked_actors() {
    let mut d = doc(
        "Russian forces attacked Kharkiv on Monday. Biden condemned Russia and pledged aid to Ukraine. Police did not arrest the protesters.",
        &[
            ("Russian forces", Org, Some("Russia forces"), Some("RUSMIL")),
            ("Kharkiv", Loc, None, None),
            ("Biden", Per, Some("Joe Biden"), Some("USAGOV")),
            ("Russia", Loc, None, None),
            ("Ukraine", Loc, None, None),
        ],
    );
    d.language.as_mut().unwrap().code = "en".into();
    country(&mut d, "Russia", "RUS", "Russia");
    country(&mut d, "Ukraine", "UKR", "Ukraine");
    for e in d.entities.iter_mut().filter(|e| e.text == "Kharkiv") {
        e.country = Some("UKR".into());
        e.geo = Some(Geo {
            name: "Kharkiv".into(),
            lat: 49.98,
            lon: 36.25,
            geonameid: Some(706483),
            country: Some("UKR".into()),
            admin1: None,
        });
    }
    let got: Vec<_> = events(&d).iter().map(codes).collect();
    let s = |x: &str| Some(x.to_string());
    assert!(
        got.contains(&(
            "ASSAULT".into(),
            "190".into(),
            s("RUSMIL"),
            s("UKR"),
            Modality::Asserted
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "ACCUSE".into(),
            "111".into(),
            s("USAGOV"),
            s("RUS"),
            Modality::Asserted
        )),
        "{got:?}"
    );
    // the second verb of `condemned … and pledged` keeps its subject
    assert!(
        got.iter()
            .any(|g| g.2 == s("USAGOV") && g.3 == s("UKR") && g.1 != "111"),
        "{got:?}"
    );
    // a negated arrest is kept apart from acts
    assert!(
        got.iter()
            .filter(|g| g.1.starts_with("17"))
            .all(|g| g.4 == Modality::Denied),
        "{got:?}"
    );
}

#[test]
fn a_place_of_origin_is_no_target_and_civilians_arrest_by_oleh() {
    let mut d = doc(
        "Perempuan asal Kemayoran, Jakarta Pusat, itu ditangkap ramai-ramai oleh sejumlah pedagang di Bekasi. Pria itu ditangkap polisi di Bekasi.",
        &[
            ("Kemayoran", Loc, None, None),
            ("Jakarta Pusat", Loc, None, None),
            ("Bekasi", Loc, None, None),
        ],
    );
    country(&mut d, "Kemayoran", "IDN", "Kemayoran");
    country(&mut d, "Jakarta Pusat", "IDN", "Jakarta Pusat");
    country(&mut d, "Bekasi", "IDN", "Bekasi");
    let evs = events(&d);
    let arrests: Vec<_> = evs.iter().filter(|e| e.cameo == "173").collect();
    assert_eq!(arrests.len(), 2, "{evs:?}");
    // The traders arrest; the places she comes from are no one's.
    let first = arrests[0];
    assert!(
        first.source.as_ref().is_some_and(|s| s.text.contains("pedagang")),
        "{first:?}"
    );
    assert!(
        first.target.as_ref().is_none_or(|t| !t.text.contains("Jakarta")),
        "{first:?}"
    );
    // A man arrested is a civilian target.
    let second = arrests[1];
    assert!(second.target.as_ref().is_some_and(|t| t.text.contains("Pria") && t.code.as_deref().is_some_and(|c| c.ends_with("CVL"))), "{second:?}");
}

#[test]
fn a_sports_report_keeps_only_events_with_political_actors() {
    let play = "Prancis menyerang Swedia sejak menit awal.";
    let with_teams = |text: &str| {
        let mut d = doc(
            text,
            &[
                ("Prancis", Loc, Some("France"), None),
                ("Swedia", Loc, Some("Sweden"), None),
            ],
        );
        country(&mut d, "Prancis", "FRA", "France");
        country(&mut d, "Swedia", "SWE", "Sweden");
        d
    };
    // Alone, the sentence reads as an attack …
    let alone: Vec<String> = events(&with_teams(play)).into_iter().map(|e| e.plover).collect();
    assert_eq!(alone, ["ASSAULT"]);
    // … in a match report it is play; the police arrest after it is not.
    let report = format!(
        "Laga di stadion berakhir imbang. Pelatih memuji kiper dan striker. \
         Gol penalti di babak kedua dianulir wasit. {play} \
         Polisi menangkap tiga orang usai laga."
    );
    let kept: Vec<(String, bool)> = events(&with_teams(&report))
        .into_iter()
        .map(|e| {
            let police = e.source.and_then(|s| s.code).is_some_and(|c| c.ends_with("COP"));
            (e.plover, police)
        })
        .collect();
    assert_eq!(kept, [("COERCE".to_string(), true)]);
}

#[test]
fn police_in_a_place_abroad_are_that_countrys() {
    let mut d = doc(
        "Kabar ini ramai di Jakarta, Indonesia. Polisi di New York menangkap Weinstein pada Jumat.",
        &[
            ("Jakarta", Loc, Some("Jakarta"), None),
            ("Indonesia", Loc, Some("Indonesia"), None),
            ("New York", Loc, Some("New York"), None),
            ("Weinstein", Per, None, None),
        ],
    );
    country(&mut d, "Jakarta", "IDN", "Jakarta");
    country(&mut d, "Indonesia", "IDN", "Indonesia");
    country(&mut d, "New York", "USA", "New York");
    let evs = events(&d);
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert_eq!(
        evs[0].source.as_ref().and_then(|s| s.code.as_deref()),
        Some("USACOP")
    );
}

#[test]
fn private_acts_of_people_of_no_known_role_are_no_events() {
    let types = |d: &Document| events(d).into_iter().map(|e| e.plover).collect::<Vec<_>>();
    // A person the lexicon does not know, meeting no one in particular …
    let mut visit = doc(
        "Andi bertemu penggemarnya di Jakarta.",
        &[("Andi", Per, None, None), ("Jakarta", Loc, Some("Jakarta"), None)],
    );
    country(&mut visit, "Jakarta", "IDN", "Jakarta");
    assert!(types(&visit).is_empty(), "{:?}", types(&visit));
    // … but a country acting as a whole, and a minister, keep theirs.
    let mut refusal = doc("Rusia menolak.", &[("Rusia", Loc, Some("Russia"), None)]);
    country(&mut refusal, "Rusia", "RUS", "Russia");
    assert_eq!(types(&refusal), ["REJECT"]);
    let minister = doc(
        "Menteri Luar Negeri Retno Marsudi menolak.",
        &[("Retno Marsudi", Per, Some("Retno Marsudi"), Some("IDNGOV"))],
    );
    assert_eq!(types(&minister), ["REJECT"]);
}

#[test]
fn a_show_business_report_keeps_accusations_but_not_stars_dealings() {
    let people = [
        ("Ryan Reynolds", Per, Some("Ryan Reynolds"), Some("CAN")),
        ("David Leitch", Per, Some("David Leitch"), Some("USA")),
        ("Uma Thurman", Per, Some("Uma Thurman"), Some("USA")),
        ("Harvey Weinstein", Per, Some("Harvey Weinstein"), Some("USA")),
    ];
    let dealing = "Ryan Reynolds mengajak David Leitch bergabung.";
    let charge = "Uma Thurman menuduh Harvey Weinstein melakukan pelecehan.";
    let types = |text: &str| -> Vec<String> {
        events(&doc(text, &people))
            .into_iter()
            .map(|e| e.plover)
            .collect()
    };
    // Alone, the sentences read as a request and an accusation …
    assert_eq!(types(&format!("{dealing} {charge}")), ["REQUEST", "ACCUSE"]);
    // … in a film report the invitation is the stars' own business; the
    // harassment charge is still an event.
    let report = format!(
        "Film itu tayang di bioskop bulan depan. Sutradara dan produser memuji aktor dan aktris. \
         Para penggemar menunggu film sekuelnya. {dealing} {charge}"
    );
    assert_eq!(types(&report), ["ACCUSE"]);
}

#[test]
fn a_nickname_is_no_summons() {
    let d = doc(
        "Perempuan yang akrab dipanggil Jedar itu menjenguk Jupe. KPK memanggil Setya Novanto.",
        &[
            ("Jedar", Per, Some("Jedar"), Some("IDN")),
            ("Jupe", Per, Some("Jupe"), Some("IDN")),
            ("KPK", Org, Some("Komisi Pemberantasan Korupsi"), Some("IDNGOV")),
            ("Setya Novanto", Per, Some("Setya Novanto"), Some("IDNLEG")),
        ],
    );
    let triggers: Vec<String> = events(&d).into_iter().map(|e| e.trigger.text).collect();
    assert_eq!(triggers, ["memanggil"]);
}

#[test]
fn an_act_someone_is_urged_to_do_is_planned_and_the_urging_asserted() {
    let d = doc(
        "Indonesia Corruption Watch mendesak KPK menjerat Setya Novanto dengan pasal pencucian uang.",
        &[
            (
                "Indonesia Corruption Watch",
                Org,
                Some("Indonesia Corruption Watch"),
                Some("IDNNGO"),
            ),
            ("KPK", Org, Some("Komisi Pemberantasan Korupsi"), Some("IDNGOV")),
            ("Setya Novanto", Per, Some("Setya Novanto"), Some("IDNLEG")),
        ],
    );
    let got: Vec<(String, Modality)> = events(&d).into_iter().map(|e| (e.plover, e.modality)).collect();
    assert_eq!(
        got,
        [
            ("REQUEST".to_string(), Modality::Asserted),
            ("COERCE".to_string(), Modality::Planned)
        ]
    );
}

#[test]
fn an_act_denied_of_everyone_is_denied() {
    let d = doc(
        "Miryam menegaskan tak ada anggota DPR yang mengancamnya.",
        &[
            ("Miryam", Per, Some("Miryam S. Haryani"), Some("IDNLEG")),
            ("DPR", Org, Some("Dewan Perwakilan Rakyat"), Some("IDNLEG")),
        ],
    );
    let got: Vec<Modality> = events(&d).into_iter().map(|e| e.modality).collect();
    assert_eq!(got, [Modality::Denied]);
}

#[test]
fn police_of_a_foreign_town_named_after_a_place_noun_are_that_countrys() {
    let mut d = doc(
        "Mahasiswa asal Padang dan Bukittinggi ditahan polisi kota Aga.",
        &[
            ("Padang", Loc, Some("Padang"), None),
            ("Bukittinggi", Loc, Some("Bukittinggi"), None),
            ("Aga", Loc, Some("Aga"), None),
        ],
    );
    country(&mut d, "Padang", "IDN", "Padang");
    country(&mut d, "Bukittinggi", "IDN", "Bukittinggi");
    country(&mut d, "Aga", "EGY", "Aga");
    let sources: Vec<Option<String>> = events(&d)
        .into_iter()
        .map(|e| e.source.and_then(|s| s.code))
        .collect();
    assert_eq!(sources, [Some("EGYCOP".to_string())]);
}

#[test]
fn a_suspect_named_by_initials_is_the_target_wherever_the_initials_recur() {
    let d = doc(
        "Polisi menerima laporan soal pria berinisial ZA di Bandung. Polisi langsung menangkap ZA.",
        &[("Bandung", Loc, Some("Bandung"), None)],
    );
    let targets: Vec<Option<String>> = events(&d).into_iter().map(|e| e.target.map(|t| t.text)).collect();
    assert_eq!(targets, [Some("ZA".to_string())]);
    // Initials with an age introduce a person too.
    let d = doc(
        "Seorang pegawai di Bandung, MSH (34), mengonsumsi sabu. Polisi lalu menangkap MSH.",
        &[("Bandung", Loc, Some("Bandung"), None)],
    );
    let targets: Vec<Option<String>> = events(&d).into_iter().map(|e| e.target.map(|t| t.text)).collect();
    assert_eq!(targets, [Some("MSH".to_string())]);
}

#[test]
fn sementara_after_the_verb_is_for_now_not_while() {
    let d = doc(
        "Mahkamah Agung menonaktifkan sementara Ketua Pengadilan Negeri Bengkulu.",
        &[
            ("Mahkamah Agung", Org, Some("Mahkamah Agung"), Some("IDNJUD")),
            (
                "Pengadilan Negeri Bengkulu",
                Org,
                Some("Pengadilan Negeri Bengkulu"),
                Some("IDNJUD"),
            ),
        ],
    );
    let targets: Vec<Option<String>> = events(&d)
        .into_iter()
        .map(|e| e.target.and_then(|t| t.code))
        .collect();
    assert_eq!(targets, [Some("IDNJUD".to_string())]);
}

#[test]
fn two_active_verbs_share_the_object_after_the_second() {
    let d = doc(
        "Erwin menganiaya dan menyekap Dodi di rumahnya.",
        &[
            ("Erwin", Per, Some("Erwin"), Some("IDN")),
            ("Dodi", Per, Some("Dodi"), Some("IDN")),
        ],
    );
    let got: Vec<(String, Option<String>)> = events(&d)
        .into_iter()
        .map(|e| (e.trigger.text, e.target.map(|t| t.text)))
        .collect();
    assert_eq!(
        got[0],
        ("menganiaya".to_string(), Some("Dodi".to_string())),
        "{got:?}"
    );
}
