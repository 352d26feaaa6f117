//! Arbitrary text through the language identifier: no panic, a confidence
//! in [0, 1], a known code, and the same answer twice (lingua sums in
//! hash-map order; warta must not pass that on).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use warta_lang::LanguageIdentifier;

static ID: OnceLock<LanguageIdentifier> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let id = ID.get_or_init(LanguageIdentifier::new);
    let text = warta_fuzz::text_of(data);
    let a = id.detect(&text);
    let b = id.detect(&text);
    assert_eq!(a, b, "different answers on the same text");
    if let Some(l) = &a {
        assert!(matches!(l.code.as_str(), "id" | "ms" | "en"), "code {}", l.code);
        assert!((0.0..=1.0).contains(&l.confidence), "confidence {}", l.confidence);
    }
    assert_eq!(id.analyse(&text).decision, a, "detect and analyse disagree");
});
