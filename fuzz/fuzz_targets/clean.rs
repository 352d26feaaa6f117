//! Feeds arbitrary UTF-8 text to the cleaner and the segmenter. Any panic is
//! a bug; so is a clean offset that maps outside the input or off a char
//! boundary, or a span that is not on char boundaries of the clean text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta_core::Document;
use warta_text::{Cleaner, Segmenter};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let mut doc = Document::new("fuzz", input);
    Cleaner::new().clean(&mut doc);
    Segmenter::new().segment(&mut doc);
    for (i, _) in doc.text.char_indices() {
        let o = doc.offsets.to_original(i);
        assert!(o <= input.len() && input.is_char_boundary(o), "clean {i} -> {o}");
    }
    for span in doc
        .tokens
        .iter()
        .map(|t| t.span)
        .chain(doc.sentences.iter().copied())
    {
        assert!(span.start < span.end && span.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
    }
});
