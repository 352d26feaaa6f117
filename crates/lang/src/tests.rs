//! Behaviour of the identifier as a user sees it. The sentences are written
//! for these tests.

use super::*;
use std::sync::OnceLock;

fn ident() -> &'static LanguageIdentifier {
    static IDENT: OnceLock<LanguageIdentifier> = OnceLock::new();
    IDENT.get_or_init(LanguageIdentifier::new)
}

fn code(text: &str) -> Option<String> {
    ident().detect(text).map(|l| l.code)
}

#[test]
fn embedded_marker_table_parses_and_holds_the_classic_pairs() {
    let m = MarkerModel::parse(MARKER_TABLE).unwrap();
    assert!(m.len() > 300, "only {} markers", m.len());
    for (malay, indonesian) in [
        ("kerana", "karena"),
        ("bahawa", "bahwa"),
        ("kerajaan", "pemerintah"),
    ] {
        assert!(m.weight(malay).unwrap() > 0.0, "{malay}");
        assert!(m.weight(indonesian).unwrap() < 0.0, "{indonesian}");
    }
}

#[test]
fn indonesian_malay_and_english_news_sentences() {
    let id = "Polisi mengatakan bahwa mobil tersebut ditemukan di dekat kantor kecamatan, \
              karena pemiliknya sedang dirawat di rumah sakit sejak kemarin sore.";
    let ms = "Polis berkata bahawa kereta itu ditemui berhampiran pejabat daerah, kerana \
              pemiliknya sedang dirawat di hospital sejak petang semalam.";
    let en = "The police said the car was found near the district office because its owner \
              has been in hospital since yesterday afternoon.";
    assert_eq!(code(id).as_deref(), Some("id"));
    assert_eq!(code(ms).as_deref(), Some("ms"));
    assert_eq!(code(en).as_deref(), Some("en"));
}

#[test]
fn indonesian_that_lingua_alone_calls_malay_is_recovered() {
    // Literary Indonesian sharing its spelling with Malay fools the
    // n-grams; `mendekat`, `kemudian`, `arah` and friends do not.
    let id = "Mereka pun kemudian melihat orang tua itu berjalan mendekat ke arah sungai.";
    let got = ident().analyse(id);
    assert_eq!(
        got.lingua_only.map(|l| l.code).as_deref(),
        Some("ms"),
        "lingua changed"
    );
    assert_eq!(
        got.decision.map(|l| l.code).as_deref(),
        Some("id"),
        "markers {}",
        got.marker_sum
    );
}

#[test]
fn indonesian_article_quoting_malaysian_media_stays_indonesian() {
    let text = "Jakarta - Presiden Rusia Vladimir Putin mendapat dukungan dari pemimpin Korea \
                Utara. Menurut laporan media Malaysia, The Star, Kim Jong Un mengatakan bahwa \
                pihaknya siap membantu. Jembatan di kota itu hancur karena serangan artileri, \
                ujar seorang pejabat setempat kepada wartawan, Senin (13/6/2022).";
    let lang = ident().detect(text).unwrap();
    assert_eq!(lang.code, "id");
    assert!(lang.confidence > 0.8, "{lang:?}");
}

#[test]
fn confidence_is_a_probability_and_grows_with_evidence() {
    let short = ident().detect("Saya pergi ke pasar.").unwrap();
    let long = ident()
        .detect(
            "Pemerintah provinsi mengatakan bahwa anggaran tersebut akan digunakan untuk \
             memperbaiki jalan dan jembatan yang rusak karena banjir pada bulan lalu, ujarnya.",
        )
        .unwrap();
    for l in [&short, &long] {
        assert!((0.0..=1.0).contains(&l.confidence), "{l:?}");
    }
    assert!(long.confidence >= short.confidence, "{short:?} vs {long:?}");
}

#[test]
fn text_without_letters_or_in_an_unsupported_script_has_no_language() {
    assert_eq!(code(""), None);
    assert_eq!(code("   \n\t "), None);
    assert_eq!(code("12/06/2022 — 10:00 !!! 3.5%"), None);
    assert_eq!(code("北京时间周一上午，国家主席会见了来访的代表团。"), None);
}

#[test]
fn long_articles_are_judged_on_the_whole_text_without_panicking() {
    let para = "Kerajaan negeri berkata bahawa projek itu akan siap tahun hadapan. ";
    let text = para.repeat(5_000) + "ü€😀";
    let lang = ident().detect(&text).unwrap();
    assert_eq!(lang.code, "ms");
    // Cutting the lingua prefix and the scan limit never splits a character.
    let odd = "é".repeat(LINGUA_PREFIX_CHARS * 3);
    let _ = ident().detect(&odd);
    let _ = ident().detect(&"ü".repeat(MARKER_SCAN_BYTES + 1));
}

#[test]
fn stage_sets_the_document_language() {
    let mut doc = Document::new(
        "t",
        "Menteri Luar Negeri mengatakan bahwa pertemuan itu berjalan lancar.",
    );
    ident().process(&mut doc).unwrap();
    assert_eq!(doc.language.map(|l| l.code).as_deref(), Some("id"));
    assert_eq!(ident().name(), "lang");
}

#[test]
fn detect_and_analyse_agree_on_every_kind_of_text() {
    let texts = [
        "Polisi mengatakan bahwa mobil tersebut ditemukan di dekat kantor.",
        &"Kerajaan negeri berkata bahawa projek itu akan siap tahun hadapan. ".repeat(30),
        &"Pemerintah mengatakan bahwa anggaran tersebut akan digunakan, ujarnya. ".repeat(30),
        "The minister said the budget would be spent on roads and bridges next year.",
        "",
    ];
    for t in texts {
        let (d, a) = (ident().detect(t), ident().analyse(t).decision);
        // Lingua sums over a hash map, so its raw confidences differ in
        // the last bits between calls; the rounded ones must not.
        assert_eq!(d, a, "{t}");
    }
}

#[test]
fn english_article_with_a_few_indonesian_words_stays_english() {
    // Loanwords and names must not trigger the markers-only shortcut.
    let text = "The governor of Jakarta said the new MRT line would open next month. \
                Residents of the kampung near the station welcomed the news, although \
                some street vendors selling nasi goreng worried about losing customers. "
        .repeat(10);
    assert_eq!(code(&text).as_deref(), Some("en"));
}

#[test]
fn other_languages_lingua_would_call_malay_or_indonesian_get_no_language() {
    // Lingua is built with three languages only, so it says `ms` for Czech
    // and `id` for Tagalog; neither uses Indonesian/Malay words.
    let czech = "Vláda včera schválila nový zákon o ochraně přírody. Ministr řekl, že peníze \
                 půjdou hlavně na obnovu lesů a řek. Opozice návrh kritizovala, protože podle \
                 ní nepřináší dost změn pro obce a malé zemědělce v regionech.";
    let tagalog = "Ang pamahalaan ay nagpasa kahapon ng bagong batas tungkol sa pangangalaga ng \
                   kalikasan. Sinabi ng ministro na ang pera ay mapupunta sa pagpapanumbalik ng \
                   mga kagubatan at ilog, ngunit sinabi ng oposisyon na kulang ang pagbabago \
                   para sa mga magsasaka at maliliit na bayan.";
    for text in [czech, tagalog] {
        let a = ident().analyse(text);
        assert!(matches!(
            a.lingua_only.as_ref().map(|l| l.code.as_str()),
            Some("id" | "ms")
        ));
        assert_eq!(a.decision, None, "{text}");
    }
}

#[test]
fn malay_football_report_is_not_pulled_to_indonesian_by_topic_words() {
    // Sports words (babak, final) are common in the Indonesian training text
    // and rare in the politics-heavy Malay sample; they must not decide.
    let ms = "Skuad negara tewas kepada Thailand dalam saingan separuh akhir dan gagal mara \
              ke final. Penyerang utama pasukan cedera pada babak kedua dan tidak dapat \
              meneruskan permainan.";
    assert_eq!(code(ms).as_deref(), Some("ms"));
}

#[test]
fn stage_falls_back_to_the_title_when_cleaning_left_no_words() {
    let mut doc = Document::new("t", " \n ");
    doc.title = Some("Kerajaan umum bantuan baharu kepada peniaga kecil".into());
    ident().process(&mut doc).unwrap();
    assert_eq!(doc.language.map(|l| l.code).as_deref(), Some("ms"));
    let mut doc = Document::new("t", "12:30");
    doc.title = None;
    ident().process(&mut doc).unwrap();
    assert_eq!(doc.language, None);
}

#[test]
fn other_languages_lingua_would_call_english_get_no_language() {
    // Lingua knows no Romance or Germanic language but English, so it says
    // `en` (with confidence 1.0 for this French) for all of these.
    let texts = [
        "Le président de la République a annoncé mardi une série de mesures pour soutenir \
         le pouvoir d'achat des ménages, alors que l'inflation reste élevée dans la zone euro \
         et que les syndicats appellent à la grève.",
        "El presidente del Gobierno anunció el martes una serie de medidas para apoyar el \
         poder adquisitivo de los hogares, mientras la inflación sigue siendo alta en la zona \
         euro y los sindicatos convocan una huelga.",
        "De minister-president kondigde dinsdag een reeks maatregelen aan om de koopkracht \
         van huishoudens te ondersteunen, terwijl de inflatie in de eurozone hoog blijft en \
         de vakbonden tot staking oproepen.",
    ];
    for text in texts {
        let a = ident().analyse(text);
        assert_eq!(
            a.lingua_only.as_ref().map(|l| l.code.as_str()),
            Some("en"),
            "{text}"
        );
        assert_eq!(a.decision, None, "{text}");
        assert_eq!(ident().detect(text), None, "{text}");
    }
    // English of the same length keeps its language.
    let en = "The president announced on Tuesday a series of measures to support household \
              purchasing power, while inflation remains high in the euro zone and the unions \
              are calling for a strike.";
    assert_eq!(code(en).as_deref(), Some("en"));
}

#[test]
fn confidence_is_the_same_on_every_call() {
    // Texts that reach lingua (not settled by the markers alone), whose raw
    // confidences change in their last digits from call to call.
    for t in [
        "The minister said the budget would be spent on roads and bridges next year.",
        "Harga naik lagi.",
        "Polisi mengatakan bahwa mobil tersebut ditemukan di dekat kantor.",
    ] {
        let first = ident().detect(t);
        for _ in 0..20 {
            assert_eq!(ident().detect(t), first, "{t}");
        }
        let c = first.map_or(0.0, |l| l.confidence);
        assert_eq!(c, (c * 1e4).round() / 1e4, "{t}: not rounded");
    }
}
