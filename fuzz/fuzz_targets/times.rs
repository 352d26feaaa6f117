//! Arbitrary text through clean, segment, published-date and the time
//! tagger: no panic, spans valid, the same output twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use warta_pipeline::{document_from, Pipeline};
use warta_read::RawArticle;

static P: OnceLock<Pipeline> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let p = warta_fuzz::pipeline(&P, &["clean", "segment", "published", "times"]);
    // The first byte, when present, picks a publication date so relative
    // expressions are resolved against a range of anchors.
    let (published, text) = match data.split_first() {
        Some((&b, rest)) if b & 1 == 1 => (
            Some(format!("20{:02}-{:02}-{:02}", b % 40, b % 12 + 1, b % 28 + 1)),
            rest,
        ),
        _ => (None, data),
    };
    let raw = RawArticle {
        id: "fuzz".into(),
        origin: "fuzz".into(),
        text: warta_fuzz::text_of(text),
        published,
        ..RawArticle::default()
    };
    let mut a = document_from(raw.clone());
    let mut b = document_from(raw);
    p.run(&mut a).expect("stages do not fail on text");
    p.run(&mut b).expect("stages do not fail on text");
    warta_fuzz::check_document(&a);
    warta_fuzz::check_same(&a, &b);
});
