//! Arbitrary text through clean, segment and NER: no panic, entities
//! inside the text on char boundaries, sorted, the same twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use warta_pipeline::Pipeline;

static P: OnceLock<Pipeline> = OnceLock::new();

fuzz_target!(|data: &[u8]| warta_fuzz::check_stages(&P, &["clean", "segment", "ner"], data));
