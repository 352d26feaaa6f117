//! Arbitrary text through the whole standard pipeline and out as JSON: no
//! panic, every invariant of the document, the same bytes twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use warta_pipeline::{Pipeline, STAGE_NAMES};
use warta_read::RawArticle;

static P: OnceLock<Pipeline> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let p = warta_fuzz::pipeline(&P, STAGE_NAMES);
    let raw = RawArticle {
        id: "fuzz".into(),
        origin: "fuzz".into(),
        text: warta_fuzz::text_of(data),
        ..RawArticle::default()
    };
    let a = p.analyze(raw.clone()).expect("no stage fails on text");
    let b = p.analyze(raw).expect("no stage fails on text");
    warta_fuzz::check_document(&a);
    warta_fuzz::check_same(&a, &b);
});
