use super::*;
use warta_core::{EntityType, MentionKind, Span};

/// A segmented document with the given entities (see
/// [`warta_testdata::segmented_doc`]).
fn doc(text: &str, ents: &[(&str, EntityType, Option<&str>, Option<&str>)]) -> Document {
    warta_testdata::segmented_doc(text, ents)
}

fn who(d: &Document, c: &Coreference, phrase: &str, nth: usize) -> Option<String> {
    let start = d.text.match_indices(phrase).nth(nth).expect("phrase").0;
    c.cluster_at(Span::new(start, start + phrase.len()))
        .map(|c| c.name.clone())
}

#[test]
fn short_names_and_titles_share_the_cluster_and_its_role() {
    let d = doc(
        "Wakil Presiden Jusuf Kalla tiba di Jakarta. Kalla mengatakan ia senang.",
        &[
            ("Jusuf Kalla", EntityType::Per, None, Some("IDNGOV")),
            ("Jakarta", EntityType::Loc, Some("Jakarta"), None),
            ("Kalla", EntityType::Per, None, None),
        ],
    );
    let c = resolve(&d);
    let kalla = c.cluster_at(Span::new(44, 49)).expect("Kalla resolved");
    assert_eq!(kalla.name, "Jusuf Kalla");
    assert_eq!(kalla.role.as_deref(), Some("Wakil Presiden"));
    assert_eq!(kalla.actor_code.as_deref(), Some("IDNGOV"));
    assert_eq!(who(&d, &c, "ia", 0).as_deref(), Some("Jusuf Kalla"));
}

#[test]
fn the_subject_beats_a_nearer_object_for_a_pronoun() {
    let d = doc(
        "Prabowo menegaskan teknik itu rintisan presiden terdahulu, yakni Joko Widodo. Ia menilai pengalaman itu penting.",
        &[
            ("Prabowo", EntityType::Per, Some("Prabowo Subianto"), Some("IDNGOV")),
            ("Joko Widodo", EntityType::Per, Some("Joko Widodo"), None),
        ],
    );
    let c = resolve(&d);
    assert_eq!(who(&d, &c, "Ia", 0).as_deref(), Some("Prabowo Subianto"));
}

#[test]
fn the_clitic_on_a_reporting_verb_is_the_last_speaker_outside_the_quote() {
    let d = doc(
        "Tito menjelaskan mandat itu berlanjut.\n\"Presiden Prabowo memberi amanat,\" ujarnya.",
        &[
            ("Tito", EntityType::Per, Some("Tito Karnavian"), Some("IDNGOV")),
            (
                "Prabowo",
                EntityType::Per,
                Some("Prabowo Subianto"),
                Some("IDNGOV"),
            ),
        ],
    );
    let c = resolve(&d);
    let m = c
        .mentions
        .iter()
        .find(|m| m.kind == MentionKind::Clitic)
        .expect("clitic mention");
    assert_eq!(m.text, "-nya");
    assert_eq!(&d.text[m.span.range()], "nya");
    assert_eq!(c.clusters[m.cluster].name, "Tito Karnavian");
}

#[test]
fn a_role_alone_is_its_named_holder_or_else_the_office() {
    let d = doc(
        "Kapolri Listyo Sigit Prabowo meninjau lokasi. Menurut Kapolri, situasi aman. Juru Bicara Kemlu menolak berkomentar.",
        &[
            ("Listyo Sigit Prabowo", EntityType::Per, None, Some("IDNCOP")),
            ("Kemlu", EntityType::Org, Some("Ministry of Foreign Affairs"), Some("IDNGOV")),
        ],
    );
    let c = resolve(&d);
    assert_eq!(who(&d, &c, "Kapolri", 1).as_deref(), Some("Listyo Sigit Prabowo"));
    let office = c.cluster_at(Span::new(
        d.text.find("Juru").unwrap(),
        d.text.find("Juru").unwrap() + 4,
    ));
    let office = office.expect("office cluster");
    assert_eq!(office.name, "Juru Bicara Kemlu");
    assert_eq!(office.actor_code.as_deref(), Some("IDNGOV"));
}

#[test]
fn an_epithet_refers_to_the_named_organisation() {
    let d = doc(
        "KPK memeriksa saksi. Lembaga antirasuah itu juga menyita dokumen.",
        &[("KPK", EntityType::Org, None, Some("IDNGOV"))],
    );
    let c = resolve(&d);
    assert_eq!(who(&d, &c, "Lembaga antirasuah itu", 0).as_deref(), Some("KPK"));
}

#[test]
fn the_clitic_of_a_reporting_verb_prefers_the_last_speaker_to_a_later_subject() {
    let d = doc(
        "Menurut Tito, Presiden Jokowi sudah memberi perintah.\n\"Semua harus siaga,\" ujarnya.",
        &[
            ("Tito", EntityType::Per, Some("Tito Karnavian"), Some("IDNCOP")),
            ("Jokowi", EntityType::Per, Some("Joko Widodo"), Some("IDNGOV")),
        ],
    );
    let c = resolve(&d);
    let m = c
        .mentions
        .iter()
        .find(|m| m.kind == MentionKind::Clitic)
        .expect("clitic");
    assert_eq!(c.clusters[m.cluster].name, "Tito Karnavian");
}

#[test]
fn a_speaker_pronoun_after_narration_about_others_is_the_last_speaker() {
    let d = doc(
        "\"Kami sudah menyurati mereka,\" kata Junaedi di Bekasi. Dua mobil itu di tangan mantan legislator Linggom Toruan. Menurut dia, penarikan itu wajar.",
        &[
            ("Junaedi", EntityType::Per, None, None),
            ("Bekasi", EntityType::Loc, Some("Bekasi"), None),
            ("Linggom Toruan", EntityType::Per, None, None),
        ],
    );
    let c = resolve(&d);
    let dia = c.mentions.iter().find(|m| m.text == "dia").expect("dia resolved");
    assert_eq!(c.clusters[dia.cluster].name, "Junaedi", "{c:?}");
}

#[test]
fn an_office_set_off_after_a_name_is_that_persons_and_its_holder_is_the_subject() {
    let d = doc(
        "Siswono, Kepala Badan Pengembangan dan Analisis Kebijakan Kemlu, mengatakan hal itu. Ia menambahkan kajian berlanjut.",
        &[("Siswono", EntityType::Per, None, None), ("Kemlu", EntityType::Org, None, Some("IDNGOV"))],
    );
    let c = resolve(&d);
    assert_eq!(who(&d, &c, "Kepala Badan", 0).as_deref(), Some("Siswono"));
    assert_eq!(who(&d, &c, "Ia", 0).as_deref(), Some("Siswono"));
}

#[test]
fn a_long_title_with_a_conjunction_leads_to_its_holder() {
    let d = doc(
        "Kepala BPBD Poso tiba di lokasi. Kepala Pusat Data Informasi dan Humas BNPB Sutopo Purwo Nugroho mengatakan pendataan berlanjut. Dia menyebutkan korban bertambah.",
        &[
            ("BPBD Poso", EntityType::Org, None, None),
            ("BNPB", EntityType::Org, None, Some("IDNGOV")),
            ("Sutopo Purwo Nugroho", EntityType::Per, None, None),
        ],
    );
    let c = resolve(&d);
    // The title is the name's, not an unnamed office of its own.
    assert_eq!(who(&d, &c, "Kepala Pusat", 0), None);
    assert_eq!(who(&d, &c, "Dia", 0).as_deref(), Some("Sutopo Purwo Nugroho"));
}

#[test]
fn the_subject_of_what_a_speaker_said_does_not_take_the_next_pronoun() {
    let d = doc(
        "Hidayat menilai langkah itu tidak tepat. Sebab, kata Hidayat, Adhyaksa bukan satu-satunya pejabat yang hadir. Ia menuturkan, klarifikasi sudah disampaikan.",
        &[
            ("Hidayat", EntityType::Per, Some("Hidayat Nur Wahid"), None),
            ("Adhyaksa", EntityType::Per, Some("Adhyaksa Dault"), None),
        ],
    );
    let c = resolve(&d);
    assert_eq!(who(&d, &c, "Ia", 0).as_deref(), Some("Hidayat Nur Wahid"));
}
