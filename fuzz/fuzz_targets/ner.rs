//! Arbitrary text through clean, segment and NER: no panic, entities
//! inside the text on char boundaries, sorted, the same twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use warta_core::Document;
use warta_pipeline::Pipeline;

static P: OnceLock<Pipeline> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let p = warta_fuzz::pipeline(&P, &["clean", "segment", "ner"]);
    let text = warta_fuzz::text_of(data);
    let mut a = Document::new("fuzz", text.as_str());
    let mut b = Document::new("fuzz", text.as_str());
    p.run(&mut a).expect("stages do not fail on text");
    p.run(&mut b).expect("stages do not fail on text");
    warta_fuzz::check_document(&a);
    warta_fuzz::check_same(&a, &b);
});
