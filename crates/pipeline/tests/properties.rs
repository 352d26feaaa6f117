//! Property tests over every stage: text built from news-like fragments
//! (names, titles, dates, quotes, prefixes, footers, stray Unicode) must
//! never make a stage panic or fail, must give spans inside the text on char
//! boundaries, sorted layers, and the same output twice. The fuzz targets in
//! `fuzz/` check the same invariants on arbitrary bytes.

use proptest::prelude::*;
use std::sync::OnceLock;
use warta_pipeline::{Pipeline, STAGE_NAMES};
use warta_read::RawArticle;
use warta_testdata::invariants::{check_document, check_same};

const FRAGMENTS: &[&str] = &[
    "Presiden Joko Widodo",
    "Jokowi",
    "Kim Jong Un",
    "Kim",
    "Vladimir Putin",
    "Wakil Presiden Jusuf Kalla",
    "Kalla",
    "Kapolri",
    "Menteri Luhut Binsar Pandjaitan",
    "Ketua DPR AS Mike Johnson",
    "KPK",
    "PT Pertamina",
    "Jakarta",
    "Sievierodonetsk",
    "Kabupaten Bogor",
    "Korea Utara",
    "Malaysia",
    "13 Juni 2022",
    "Senin (13/6/2022)",
    "kemarin",
    "pukul 10.00 WIB",
    "tahun lalu",
    "2022",
    "1945",
    "\"Kami siap,\" kata Jokowi.",
    "“Kami siap,” ujarnya.",
    "menurut dia",
    "seperti dikutip Reuters",
    "The minister said",
    "mengatakan bahwa",
    "yang",
    "di",
    "dan",
    ". ",
    ", ",
    " ",
    "\n",
    "\n\n",
    "-",
    " — ",
    "(",
    ")",
    "Negaratoto - ",
    "Jakarta - ",
    "No comments:",
    "Post a Comment",
    "SCROLL TO CONTINUE WITH CONTENT",
    "é",
    "\u{200b}",
    "\u{feff}",
    "🙂",
    "ß",
    "İ",
    "\t",
    "\r\n",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => "\\PC{0,6}",
        1 => "[A-Z][a-z]{1,8}",
    ]
}

fn news_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..60).prop_map(|v| v.concat())
}

fn pipeline(cell: &'static OnceLock<Pipeline>, stages: &[&str]) -> &'static Pipeline {
    cell.get_or_init(|| Pipeline::with_stages(stages).unwrap())
}

fn check(p: &Pipeline, text: &str, published: Option<&str>) {
    let raw = RawArticle {
        id: "prop".into(),
        origin: "prop".into(),
        text: text.to_string(),
        published: published.map(str::to_string),
        ..RawArticle::default()
    };
    let a = p.analyze(raw.clone()).expect("no stage fails on text");
    let b = p.analyze(raw).expect("no stage fails on text");
    check_document(&a);
    check_same(&a, &b);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn clean_and_segment(text in news_like()) {
        static P: OnceLock<Pipeline> = OnceLock::new();
        check(pipeline(&P, &["clean", "segment"]), &text, None);
    }

    #[test]
    fn language(text in news_like()) {
        static P: OnceLock<Pipeline> = OnceLock::new();
        check(pipeline(&P, &["clean", "lang"]), &text, None);
    }

    #[test]
    fn times_and_publication_date(text in news_like(), dated in any::<bool>()) {
        static P: OnceLock<Pipeline> = OnceLock::new();
        let p = pipeline(&P, &["clean", "segment", "published", "times"]);
        check(p, &text, dated.then_some("2022-06-13"));
    }

    #[test]
    fn named_entities(text in news_like()) {
        static P: OnceLock<Pipeline> = OnceLock::new();
        check(pipeline(&P, &["clean", "segment", "ner"]), &text, None);
    }

    #[test]
    fn linking_without_ner(text in news_like()) {
        // The linker alone (lexicon matches only) must hold up too.
        static P: OnceLock<Pipeline> = OnceLock::new();
        check(pipeline(&P, &["clean", "segment", "link"]), &text, None);
    }

    #[test]
    fn whole_pipeline(text in news_like(), dated in any::<bool>()) {
        static P: OnceLock<Pipeline> = OnceLock::new();
        check(pipeline(&P, STAGE_NAMES), &text, dated.then_some("2022-06-13"));
    }
}
