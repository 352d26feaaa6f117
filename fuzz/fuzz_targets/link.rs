//! Arbitrary text through NER and linking (lang too, since linking reads
//! it): no panic, valid spans and coordinates, sorted, the same twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use warta_pipeline::Pipeline;

static P: OnceLock<Pipeline> = OnceLock::new();

fuzz_target!(|data: &[u8]| warta_fuzz::check_stages(&P, &["clean", "lang", "segment", "ner", "link"], data));
