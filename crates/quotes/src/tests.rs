use super::*;
use warta_core::{EntityType, QuoteKind};

/// A segmented document with the given entities (see
/// [`warta_testdata::segmented_doc`]), coreference resolved.
fn doc(text: &str, ents: &[(&str, EntityType, Option<&str>, Option<&str>)]) -> Document {
    let mut d = warta_testdata::segmented_doc(text, ents);
    d.coref = warta_coref::resolve(&d);
    d
}

fn quotes_of(d: &Document) -> Vec<(QuoteKindStr, String, Option<String>)> {
    let (qs, _) = find_quotes(d);
    qs.into_iter()
        .map(|q| (q.kind.as_str(), q.text, q.speaker))
        .collect()
}

type QuoteKindStr = &'static str;

#[test]
fn direct_quote_with_clitic_attribution_is_the_last_named_speaker() {
    let d = doc(
        "Tito menjelaskan mandat itu berlanjut.\n\"Saya diberi amanat sejak 2022,\" ujarnya.",
        &[("Tito", EntityType::Per, Some("Tito Karnavian"), Some("IDNGOV"))],
    );
    let (qs, _) = find_quotes(&d);
    let q = qs
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .expect("direct quote");
    assert_eq!(q.text, "Saya diberi amanat sejak 2022");
    // The fullest name the article writes: here only `Tito`; the
    // lexicon's name stays on the cluster.
    assert_eq!(q.speaker.as_deref(), Some("Tito"));
    let c = q.speaker_cluster.expect("cluster");
    assert_eq!(d.coref.clusters[c].name, "Tito Karnavian");
    assert_eq!(q.speaker_text.as_deref(), Some("-nya"));
    assert_eq!(q.speaker_actor_code.as_deref(), Some("IDNGOV"));
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("ujarnya"));
    // The first sentence is an indirect quote of Tito.
    let ind = qs
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .expect("indirect quote");
    assert_eq!(ind.text, "mandat itu berlanjut");
}

#[test]
fn relay_chain_in_order_and_article_source() {
    let d = doc(
        "\"Warga Rusia telah mencapai keberhasilan besar,\" tulis Kim seperti dikutip kantor berita resmi Korut, KCNA dan diberitakan kantor berita Korea Selatan, Yonhap.\nSeperti dilansir Reuters, kota itu menjadi pusat pertempuran.",
        &[
            ("Kim", EntityType::Per, Some("Kim Jong Un"), Some("PRKGOV")),
            ("Korut", EntityType::Loc, Some("North Korea"), None),
            ("KCNA", EntityType::Org, Some("Korean Central News Agency"), Some("PRKMED")),
            ("kantor berita Korea Selatan", EntityType::Org, None, Some("KORMED")),
            ("Yonhap", EntityType::Org, None, Some("KORMED")),
            ("Reuters", EntityType::Org, None, Some("GBRMED")),
        ],
    );
    let (qs, sources) = find_quotes(&d);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("Kim"));
    assert_eq!(qs[0].relayed_by, vec!["KCNA", "Yonhap"]);
    assert_eq!(sources, vec!["Reuters"]);
}

#[test]
fn relays_named_after_a_kind_of_medium_or_an_interview_or_with_their_acronym() {
    let d = doc(
        "\"Kami siap,\" kata Rossi dalam wawancara dengan Motorsport.\n\"Saat itu ramai,\" kata Victor seperti dilansir laman Tribratanews Polri, kemarin.\n\"Ini saatnya,\" kata Trump seperti dikutip dari Associated Press (AP), Kamis.",
        &[
            ("Rossi", EntityType::Per, Some("Valentino Rossi"), None),
            ("Victor", EntityType::Per, Some("Victor Ziliwu"), None),
            ("Trump", EntityType::Per, Some("Donald Trump"), Some("USAGOV")),
            ("Associated Press", EntityType::Org, None, Some("USAMED")),
            ("AP", EntityType::Org, None, Some("USAMED")),
        ],
    );
    let (qs, _) = find_quotes(&d);
    let chains: Vec<Vec<String>> = qs.iter().map(|q| q.relayed_by.clone()).collect();
    assert_eq!(
        chains,
        vec![
            vec!["Motorsport"],
            vec!["Tribratanews Polri"],
            vec!["Associated Press"]
        ],
        "{qs:?}"
    );
}

#[test]
fn scare_quotes_and_titles_are_not_quotes_but_credited_phrases_are() {
    let d = doc(
        "Film \"Gadis Kretek\" tayang pekan ini. Fenomena \"kaum rebahan\" makin marak.\nKim menyebut serangan itu sebagai \"tujuan yang adil\" bagi negaranya.",
        &[("Kim", EntityType::Per, Some("Kim Jong Un"), Some("PRKGOV"))],
    );
    let got = quotes_of(&d);
    assert!(got.iter().all(|(_, t, _)| t != "Gadis Kretek"), "{got:?}");
    let partial = got
        .iter()
        .find(|(k, _, _)| *k == "partial")
        .expect("partial quote");
    assert_eq!(partial.1, "tujuan yang adil");
    assert_eq!(partial.2.as_deref(), Some("Kim"));
}

#[test]
fn according_to_and_english_said() {
    let d = doc(
        "Menurut Kapolri Listyo Sigit Prabowo, situasi di lokasi sudah aman terkendali.",
        &[("Listyo Sigit Prabowo", EntityType::Per, None, Some("IDNCOP"))],
    );
    let got = quotes_of(&d);
    assert_eq!(
        got,
        vec![(
            "indirect",
            "situasi di lokasi sudah aman terkendali".to_string(),
            Some("Listyo Sigit Prabowo".to_string())
        )]
    );
    let d = doc(
        "Obama visited Kenya.\n\"It has been distressing,\" he said. The president said that gun laws must change.",
        &[("Obama", EntityType::Per, Some("Barack Obama"), Some("USAGOV"))],
    );
    let got = quotes_of(&d);
    assert!(
        got.contains(&(
            "direct",
            "It has been distressing".to_string(),
            Some("Obama".to_string())
        )),
        "{got:?}"
    );
}

#[test]
fn indonesian_attribution_forms_before_after_and_by_description() {
    let d = doc(
        "Gubernur DKI Jakarta Basuki Tjahaja Purnama hadir di Balai Kota.\n\"Kami siap bekerja,\" tutur pria yang akrab disapa Ahok itu.\nKata Basuki, \"Semua warga harus dilayani.\"\nIa kemudian menegaskan:\n\"Tidak ada yang kebal hukum.\"\n\"Kami akan terus bekerja.\" Demikian kata Basuki.",
        &[
            ("Basuki Tjahaja Purnama", EntityType::Per, None, Some("IDNGOV")),
            ("Ahok", EntityType::Per, None, None),
            ("Basuki", EntityType::Per, None, None),
            ("Basuki", EntityType::Per, None, None),
        ],
    );
    let got = quotes_of(&d);
    for text in [
        "Kami siap bekerja",
        "Semua warga harus dilayani.",
        "Tidak ada yang kebal hukum.",
        "Kami akan terus bekerja.",
    ] {
        assert!(
            got.contains(&(
                "direct",
                text.to_string(),
                Some("Basuki Tjahaja Purnama".to_string())
            )),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn an_office_then_a_comma_then_its_holder_is_the_speaker() {
    let d = doc(
        "\"Kami akan memeriksa saksi pekan depan,\" kata Juru Bicara KPK, Febri Diansyah, di Jakarta.",
        &[
            (
                "KPK",
                EntityType::Org,
                Some("Corruption Eradication Commission"),
                Some("IDNGOV"),
            ),
            ("Febri Diansyah", EntityType::Per, None, None),
            ("Jakarta", EntityType::Loc, Some("Jakarta"), None),
        ],
    );
    let (qs, _) = find_quotes(&d);
    assert_eq!(qs[0].speaker.as_deref(), Some("Febri Diansyah"), "{qs:?}");
    assert_eq!(qs[0].speaker_role.as_deref(), Some("Juru Bicara KPK"));
}

#[test]
fn a_second_speakers_clause_inside_a_reported_clause_is_its_own_quote() {
    let d = doc(
        "Senator James Lankford spoke on Monday.\nHe also claimed that the tax cuts would pay for themselves even as the Congressional Budget Office estimated that they would add $250 billion to deficits.",
        &[("James Lankford", EntityType::Per, None, Some("USALEG"))],
    );
    let got = quotes_of(&d);
    assert_eq!(
        got,
        vec![
            (
                "indirect",
                "the tax cuts would pay for themselves".to_string(),
                Some("James Lankford".to_string())
            ),
            (
                "indirect",
                "they would add $250 billion to deficits".to_string(),
                Some("Congressional Budget Office".to_string())
            ),
        ]
    );
}

#[test]
fn relay_forms_after_before_and_around_the_quote() {
    let d = doc(
        "Presiden Amerika Serikat Donald Trump mengatakan Yerusalem adalah ibu kota Israel, seperti dilansir Reuters.\n\"Ini adalah keputusan yang tepat,\" kata Trump seperti dikutip AFP.\nTrump, dalam wawancara dengan Fox News, mengatakan bahwa kedutaan akan dipindahkan.\nDilansir dari BBC, Trump menyebut keputusan itu bersejarah.\nNetanyahu menyambut baik keputusan itu, seperti dikutip Haaretz.",
        &[
            ("Donald Trump", EntityType::Per, Some("Donald Trump"), Some("USAGOV")),
            ("Reuters", EntityType::Org, None, Some("GBRMED")),
            ("Trump", EntityType::Per, Some("Donald Trump"), None),
            ("AFP", EntityType::Org, None, Some("FRAMED")),
            ("Trump", EntityType::Per, Some("Donald Trump"), None),
            ("Fox News", EntityType::Org, None, None),
            ("BBC", EntityType::Org, None, Some("GBRMED")),
            ("Trump", EntityType::Per, Some("Donald Trump"), None),
            ("Netanyahu", EntityType::Per, Some("Benjamin Netanyahu"), None),
            ("Haaretz", EntityType::Org, None, Some("ISRMED")),
        ],
    );
    let (qs, sources) = find_quotes(&d);
    let chains: Vec<(&str, Vec<String>)> = qs
        .iter()
        .map(|q| (q.text.as_str(), q.relayed_by.clone()))
        .collect();
    assert_eq!(
        chains,
        vec![
            (
                "Yerusalem adalah ibu kota Israel, seperti dilansir Reuters",
                vec!["Reuters".to_string()]
            ),
            ("Ini adalah keputusan yang tepat", vec!["AFP".to_string()]),
            ("kedutaan akan dipindahkan", vec!["Fox News".to_string()]),
            ("keputusan itu bersejarah", vec!["BBC".to_string()]),
        ]
    );
    // A credit at the end of a statement is not the article's source.
    assert!(sources.is_empty(), "{sources:?}");
}

#[test]
fn a_speaker_named_after_the_quote_with_a_title_spans_the_name_it_is_written_as() {
    let d = doc(
        "\"Kami siap,\" Menteri Dalam Negeri Tito Karnavian menambahkan.",
        &[("Tito Karnavian", EntityType::Per, None, Some("IDNGOV"))],
    );
    let (qs, _) = find_quotes(&d);
    let q = &qs[0];
    assert_eq!(q.speaker.as_deref(), Some("Tito Karnavian"));
    let (a, b) = (q.speaker_start.unwrap(), q.speaker_end.unwrap());
    assert_eq!(&d.text[a..b], q.speaker_text.as_deref().unwrap());
}

#[test]
fn a_relative_or_lawyer_named_by_a_persons_name_is_the_speaker_not_that_person() {
    let d = doc(
        "\"Ada tumor di tulang belakangnya,\" jawab ibu Agnes kepada Djarot. \"Kami menunggu,\" ujar kuasa hukum Setya, Fredrich Yunadi.",
        &[
            ("Agnes", EntityType::Per, None, None),
            ("Djarot", EntityType::Per, None, None),
            ("Setya", EntityType::Per, None, None),
            ("Fredrich Yunadi", EntityType::Per, None, None),
        ],
    );
    let (qs, _) = find_quotes(&d);
    assert_eq!(qs[0].speaker.as_deref(), Some("ibu Agnes"), "{qs:?}");
    assert_eq!(qs[1].speaker.as_deref(), Some("Fredrich Yunadi"), "{qs:?}");
}

#[test]
fn a_fronted_passive_reporting_verb_credits_the_clause_after_the_comma() {
    let d = doc(
        "Dikatakan Arief, pemenuhan pangan akan disasarkan kepada warga kurang mampu.",
        &[("Arief", EntityType::Per, None, None)],
    );
    let q = quotes_of(&d);
    assert_eq!(
        q,
        vec![(
            "indirect",
            "pemenuhan pangan akan disasarkan kepada warga kurang mampu".to_string(),
            Some("Arief".to_string())
        )],
        "{q:?}"
    );
}

#[test]
fn an_interposed_attribution_after_the_subject_reports_the_whole_sentence() {
    let d = doc(
        "Posisi kantor kas, lanjut Maryono, hanya sebagai tenaga pemasaran. Sementara itu, kata Maryono, bisnis perseroan tetap berjalan.",
        &[("Maryono", EntityType::Per, None, None)],
    );
    let q = quotes_of(&d);
    assert_eq!(
        q,
        vec![
            (
                "indirect",
                "Posisi kantor kas, lanjut Maryono, hanya sebagai tenaga pemasaran".to_string(),
                Some("Maryono".to_string())
            ),
            (
                "indirect",
                "bisnis perseroan tetap berjalan".to_string(),
                Some("Maryono".to_string())
            ),
        ],
        "{q:?}"
    );
}

#[test]
fn a_conjunction_opening_the_sentence_is_not_a_speaker() {
    let d = doc(
        "Setelah meminta maaf secara terbuka, baru-baru ini Perry memberi penampilan khusus.",
        &[("Perry", EntityType::Per, Some("Katy Perry"), None)],
    );
    let q = quotes_of(&d);
    assert!(q.iter().all(|(_, _, s)| s.as_deref() != Some("Setelah")), "{q:?}");
}

#[test]
fn a_clitic_speaker_carries_past_a_sentence_that_only_mentions_someone() {
    let d = doc(
        "Perry mengubahnya dengan ungkapan doa. \"Semoga selamat,\" lantunnya.\nLirik itu sama dengan ucapan Perry dalam wawancara soal Swift.\n\"Tuhan memberkati dia,\" ucapnya.",
        &[
            ("Perry", EntityType::Per, Some("Katy Perry"), None),
            ("Swift", EntityType::Per, Some("Taylor Swift"), None),
        ],
    );
    let (qs, _) = find_quotes(&d);
    let last = qs
        .iter()
        .find(|q| q.text == "Tuhan memberkati dia")
        .expect("quote");
    assert_eq!(last.speaker.as_deref(), Some("Perry"), "{qs:?}");
}

#[test]
fn an_unnamed_subject_before_a_verb_with_bahwa_is_the_speaker() {
    let d = doc(
        "Namun pihak berwenang membantah bahwa pasukan keamanan melakukan pembakaran. Tampilan laman terlihat mengatakan bahwa tautan itu aman.",
        &[],
    );
    let q = quotes_of(&d);
    assert_eq!(
        q,
        vec![(
            "indirect",
            "pasukan keamanan melakukan pembakaran".to_string(),
            Some("pihak berwenang".to_string())
        )],
        "{q:?}"
    );
}

#[test]
fn bagi_with_a_pronoun_credits_an_opinion_and_with_a_name_does_not() {
    let d = doc(
        "Jokowi hadir di Istana pada Rabu. Bagi dia, korupsi merupakan perusak fondasi bangsa. Bagi Stephens, ini merupakan gelar perdananya di turnamen itu.",
        &[
            ("Jokowi", EntityType::Per, Some("Joko Widodo"), None),
            ("Stephens", EntityType::Per, Some("Sloane Stephens"), None),
        ],
    );
    let q = quotes_of(&d);
    assert_eq!(
        q,
        vec![(
            "indirect",
            "korupsi merupakan perusak fondasi bangsa".to_string(),
            Some("Jokowi".to_string())
        )],
        "{q:?}"
    );
}

#[test]
fn a_clubs_official_site_named_by_what_it_is_is_the_relay() {
    let d = doc(
        "\"Kami siap menang,\" tegas Gomes dilansir laman resmi klub.",
        &[("Gomes", EntityType::Per, None, None)],
    );
    let (qs, _) = find_quotes(&d);
    assert_eq!(qs[0].relayed_by, vec!["laman resmi klub".to_string()], "{qs:?}");
}

#[test]
fn an_unnamed_speaker_is_never_the_last_person_named() {
    let d = doc(
        "Joko Widodo datang ke pasar itu pada Senin.\n\"Harga cabai naik terus,\" kata seorang warga.\n\"Kami sudah lama menunggu,\" ujar salah satu pengunjung pasar.\nSeorang pedagang lainnya mengatakan, \"Saya rugi besar.\"\n\"It was chaos,\" a witness said.",
        &[("Joko Widodo", EntityType::Per, Some("Joko Widodo"), Some("IDNGOV"))],
    );
    let speakers: Vec<_> = quotes_of(&d).into_iter().filter_map(|(_, _, s)| s).collect();
    assert_eq!(
        speakers,
        ["warga", "pengunjung pasar", "Seorang pedagang lainnya", "witness"]
    );
}

#[test]
fn a_clitic_after_an_unnamed_speakers_quote_continues_it_unless_someone_is_named_between() {
    let d = doc(
        "Menlu Retno Marsudi bertemu Antony Blinken.\n\"Kami menyambut baik,\" kata seorang juru bicara Kementerian Luar Negeri AS.\n\"Kami akan mempelajarinya,\" ujarnya.\nBlinken lalu pulang.\n\"Semua berjalan baik,\" ujarnya.",
        &[
            ("Retno Marsudi", EntityType::Per, Some("Retno Marsudi"), Some("IDNGOV")),
            ("Antony Blinken", EntityType::Per, Some("Antony Blinken"), Some("USAGOV")),
            ("Kementerian Luar Negeri AS", EntityType::Org, None, Some("USAGOV")),
            ("Blinken", EntityType::Per, Some("Antony Blinken"), Some("USAGOV")),
        ],
    );
    let speakers: Vec<_> = quotes_of(&d).into_iter().filter_map(|(_, _, s)| s).collect();
    assert_eq!(
        speakers,
        [
            "juru bicara Kementerian Luar Negeri AS",
            "juru bicara Kementerian Luar Negeri AS",
            "Antony Blinken"
        ]
    );
}

#[test]
fn negated_opinions_interposed_according_and_an_occasion_before_the_verb() {
    let d = doc(
        "Pelatih Budi Santoso hadir di Jakarta.\nRashford tak menilai pemanggilan dirinya terlalu cepat.\nNoor tidak menjelaskan secara rinci soal pemblokiran aplikasi itu.\nNah, salah satu penggerus daya saing, menurut dia, adalah korupsi yang merajalela.\nAldo Schellenberg dalam konferensi pers mengatakan bahwa ia terkejut oleh insiden ini.",
        &[
            ("Budi Santoso", EntityType::Per, None, None),
            ("Rashford", EntityType::Per, None, None),
            ("Noor", EntityType::Per, None, None),
            ("Aldo Schellenberg", EntityType::Per, None, None),
        ],
    );
    let qs = quotes_of(&d);
    let has = |text: &str, speaker: &str| {
        qs.iter()
            .any(|(_, t, s)| t.starts_with(text) && s.as_deref() == Some(speaker))
    };
    assert!(has("pemanggilan dirinya", "Rashford"), "{qs:?}");
    assert!(
        !qs.iter().any(|(_, t, _)| t.starts_with("secara rinci")),
        "telling nothing: {qs:?}"
    );
    assert!(
        qs.iter()
            .any(|(_, t, _)| t.contains("menurut dia, adalah korupsi")),
        "{qs:?}"
    );
    assert!(has("ia terkejut", "Aldo Schellenberg"), "{qs:?}");
}

#[test]
fn an_employer_and_degrees_are_not_the_speakers_name() {
    let d = doc(
        "Ekonom Samuel Sekuritas Rangga Cipta mengatakan dolar AS bergerak turun di pasar global.",
        &[],
    );
    let qs = quotes_of(&d);
    assert_eq!(
        qs.first().and_then(|q| q.2.clone()).as_deref(),
        Some("Rangga Cipta"),
        "{qs:?}"
    );
}

#[test]
fn a_setting_before_a_colon_and_a_date_after_a_relay_cue() {
    let mut d = doc(
        "Namun Benitez mengatakan di FFT: \"Tim top masih punya banyak uang.\"\n\"Kota hutan ini akan bagus,\" kata Boeri, dikutip Rabu (5/7).",
        &[
            ("Benitez", EntityType::Per, Some("Rafael Benitez"), None),
            ("FFT", EntityType::Org, None, None),
            ("Boeri", EntityType::Per, None, None),
        ],
    );
    // The times layer, as the pipeline's tagger gives it.
    let when = "Rabu (5/7)";
    let at = d.text.find(when).expect("date");
    d.times.push(warta_core::TimeExpr {
        text: when.to_string(),
        kind: warta_core::TimeType::Date,
        span: warta_core::Span::new(at, at + when.len()),
        value: None,
        anchor: None,
    });
    let (qs, _) = find_quotes(&d);
    let top = qs.iter().find(|q| q.text.starts_with("Tim top")).expect("quote");
    assert_eq!(
        top.speaker_cluster.map(|c| d.coref.clusters[c].name.as_str()),
        Some("Rafael Benitez")
    );
    let city = qs
        .iter()
        .find(|q| q.text.starts_with("Kota hutan"))
        .expect("quote");
    assert!(
        city.relayed_by.is_empty(),
        "a weekday is no medium: {:?}",
        city.relayed_by
    );
}

#[test]
fn a_rank_after_the_comma_a_second_title_and_a_representative() {
    let d = doc(
        "\"Sistem pengamanan dilakukan secara terbuka,\" kata Kabag Ops Polrestro Bekasi Kota, Kompol Aslan Solastomo, di Bekasi.\n\"Generasi kita bisa menghapus kemiskinan,\" ujar Pendiri FPCI yang juga mantan Menteri Luar Negeri Dino Patti Djalal dalam acara itu.\nDalam eksepsinya, kuasa hukum Axel menyebut kliennya terbukti negatif menggunakan narkoba.",
        &[
            ("Aslan Solastomo", EntityType::Per, None, None),
            ("Bekasi", EntityType::Loc, None, None),
            ("FPCI", EntityType::Org, None, None),
            ("Dino Patti Djalal", EntityType::Per, None, None),
            ("Axel", EntityType::Per, None, None),
        ],
    );
    let qs = quotes_of(&d);
    let speaker_of = |text: &str| {
        qs.iter()
            .find(|(_, t, _)| t.starts_with(text))
            .and_then(|q| q.2.clone())
    };
    assert_eq!(
        speaker_of("Sistem pengamanan").as_deref(),
        Some("Aslan Solastomo"),
        "{qs:?}"
    );
    assert_eq!(
        speaker_of("Generasi kita").as_deref(),
        Some("Dino Patti Djalal"),
        "{qs:?}"
    );
    assert_eq!(
        speaker_of("kliennya terbukti").as_deref(),
        Some("kuasa hukum Axel"),
        "{qs:?}"
    );
}

#[test]
fn a_belief_verb_reports_a_clause_with_a_named_subject_and_a_relative_clause_keeps_its_head() {
    let d = doc(
        "Davide Brivio yakin Maverick Vinales akan meraih sukses.\n\
         Brivio yang hampir 20 tahun berkarier di Suzuki, yakin Vinales telah mengambil keputusan yang tepat.\n\
         Brivio yakin dengan timnya.",
        &[
            ("Davide Brivio", EntityType::Per, Some("Davide Brivio"), None),
            ("Maverick Vinales", EntityType::Per, Some("Maverick Vinales"), None),
            ("Brivio", EntityType::Per, Some("Davide Brivio"), None),
            ("Suzuki", EntityType::Org, Some("Suzuki"), None),
            ("Vinales", EntityType::Per, Some("Maverick Vinales"), None),
            ("Brivio", EntityType::Per, Some("Davide Brivio"), None),
        ],
    );
    let got = quotes_of(&d);
    assert_eq!(
        got,
        [
            (
                "indirect",
                "Maverick Vinales akan meraih sukses".to_string(),
                Some("Davide Brivio".to_string())
            ),
            (
                "indirect",
                "Vinales telah mengambil keputusan yang tepat".to_string(),
                Some("Davide Brivio".to_string())
            ),
        ]
    );
}
