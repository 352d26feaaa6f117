//! The NER stage on whole documents: spans, types, fallback tokenisation.

use warta_core::{Document, EntityType, Span, Stage};
use warta_ner::{tokenize, NerStage};

fn entities(text: &str) -> Vec<(String, EntityType)> {
    let ner = NerStage::load_default().unwrap();
    let mut doc = Document::new("t", text);
    ner.process(&mut doc).unwrap();
    for e in &doc.entities {
        assert_eq!(&doc.text[e.span.range()], e.text, "span and text agree");
    }
    doc.entities.iter().map(|e| (e.text.clone(), e.kind)).collect()
}

#[test]
fn finds_people_places_and_organisations_without_a_segmenter() {
    let got = entities(
        "Presiden Joko Widodo bertemu Gubernur Jawa Barat Ridwan Kamil di Bandung, Senin. \
         Menurut Badan Pusat Statistik, inflasi turun.",
    );
    assert!(got.contains(&("Joko Widodo".into(), EntityType::Per)), "{got:?}");
    assert!(got.contains(&("Ridwan Kamil".into(), EntityType::Per)), "{got:?}");
    assert!(got.contains(&("Bandung".into(), EntityType::Loc)), "{got:?}");
    assert!(
        got.iter()
            .any(|(t, k)| t.contains("Badan Pusat Statistik") && *k == EntityType::Org),
        "{got:?}"
    );
}

#[test]
fn spans_are_byte_offsets_and_exclude_trailing_punctuation() {
    let text = "“Kami siap,” ujar Prabowo Subianto. Dia tiba di Yogyakarta.";
    let ner = NerStage::load_default().unwrap();
    let mut doc = Document::new("t", text);
    ner.process(&mut doc).unwrap();
    let p = doc
        .entities
        .iter()
        .find(|e| e.text.starts_with("Prabowo"))
        .expect("Prabowo found");
    let start = text.find("Prabowo").unwrap();
    assert_eq!(p.span, Span::new(start, start + "Prabowo Subianto".len()));
    assert!(doc.entities.iter().all(|e| !e.text.ends_with(['.', ',', '”'])));
}

#[test]
fn uses_segmenter_tokens_when_present() {
    // Tokens cover only the first sentence: the stage must tag what the
    // Segmenter gave, not re-tokenise the text.
    let text = "Risma tiba di Surabaya. Ganjar tiba di Semarang.";
    let cut = text.find(" Ganjar").unwrap();
    let mut doc = Document::new("t", text);
    doc.tokens = tokenize(&text[..cut]);
    doc.sentences = vec![Span::new(0, cut), Span::new(cut + 1, text.len())];
    NerStage::load_default().unwrap().process(&mut doc).unwrap();
    let got: Vec<&str> = doc.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(got.contains(&"Surabaya"), "{got:?}");
    assert!(
        got.iter()
            .all(|t| !t.contains("Semarang") && !t.contains("Ganjar")),
        "{got:?}"
    );
}

#[test]
fn empty_and_odd_text_gives_no_entities_and_no_panic() {
    assert!(entities("").is_empty());
    assert!(entities("   \n\n ... !!! 12/3/2024 ").is_empty());
    let _ = entities("ééé \u{200b} 🙂 Ä-");
}

#[test]
fn tag_tokens_returns_bio_labels() {
    let ner = NerStage::load_default().unwrap();
    let tags = ner.tag_tokens(&["Menteri", "Sri", "Mulyani", "tiba", "di", "Jakarta", "."]);
    assert_eq!(tags.len(), 7);
    assert_eq!(&tags[1..3], ["B-PER", "I-PER"]);
    assert_eq!(tags[5], "B-LOC");
    assert_eq!(tags[6], "O");
}

#[test]
fn names_never_run_across_a_standalone_bracket() {
    let ner = NerStage::load_default().unwrap();
    let words = [
        "Kementerian",
        "Perhubungan",
        "(",
        "Kemenhub",
        ")",
        "mengungkapkan",
        "biaya",
        "transportasi",
        "naik",
        ".",
    ];
    let tags = ner.tag_tokens(&words);
    assert_eq!(&tags[..2], ["B-ORG", "I-ORG"], "{tags:?}");
    assert_eq!(tags[2], "O", "{tags:?}");
    assert_eq!(tags[4], "O", "{tags:?}");
}

#[test]
fn later_short_mentions_of_a_person_are_found_and_heads_trimmed() {
    let got = entities(
        "Menteri Keuangan Sri Mulyani Indrawati tiba di kota Surabaya pada Senin.\n\
         Setelah rapat, Indrawati langsung kembali ke Jakarta.",
    );
    assert!(
        got.contains(&("Sri Mulyani Indrawati".into(), EntityType::Per)),
        "{got:?}"
    );
    assert!(got.contains(&("Indrawati".into(), EntityType::Per)), "{got:?}");
    assert!(got.contains(&("Surabaya".into(), EntityType::Loc)), "{got:?}");
    assert!(
        got.iter()
            .all(|(t, _)| t.chars().next().is_some_and(char::is_uppercase)),
        "{got:?}"
    );
}

#[test]
fn arbitrary_text_never_panics_and_spans_stay_on_char_boundaries() {
    // Deterministic pseudo-random texts over a mix of scripts, punctuation
    // and name-like words.
    let pieces = [
        "Jakarta", "PT", "Bank", "di", "ke", " ", "  ", "\n", ".", ",", "(", ")", "“", "”", "'", "-", "é",
        "ß", "中文", "🙂", "\u{200b}", "Kim", "Jong", "Un", "kata", "Presiden", "1945", "Rp", "%", "...",
        "\t",
    ];
    let ner = NerStage::load_default().unwrap();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..(x % 60) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text.push_str(pieces[(x % pieces.len() as u64) as usize]);
            if x % 3 == 1 {
                text.push(' ');
            }
        }
        let mut doc = Document::new("f", text.clone());
        ner.process(&mut doc).unwrap();
        for e in &doc.entities {
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            assert!(!e.span.is_empty());
            assert_eq!(&text[e.span.range()], e.text);
        }
    }
}
