//! Property tests: the stages never panic on arbitrary text, spans are well
//! formed, and clean offsets map into the original.

use proptest::prelude::*;
use warta_core::Document;
use warta_text::{clean_text, split_clitics, Cleaner, Segmenter};

/// Text built from pieces that exercise the cleaner and splitter: odd
/// spaces, curly quotes, combining marks, dashes, newlines, boilerplate.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Jakarta - ".to_string()),
        Just("Negaratoto \u{2013} ".to_string()),
        Just("\u{201c}Ya,\u{201d} kata Kim. ".to_string()),
        Just("e\u{301}\u{327} ".to_string()),
        Just("\u{a0}\u{200b}\u{feff}\t".to_string()),
        Just("\r\n".to_string()),
        Just("\n\nSCROLL TO CONTINUE WITH CONTENT\n".to_string()),
        Just("Rp 1,5 triliun 13/6/2022 10.00 WIB 3,5%. ".to_string()),
        Just("dll. Dr. S.H. ... \u{2026} ?! \"".to_string()),
        "[a-zA-Z .,\"'-]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

fn check(input: &str) {
    let mut doc = Document::new("p", input);
    Cleaner::new().clean(&mut doc);
    Segmenter::new().segment(&mut doc);
    let text = &doc.text;
    // Offsets: every char boundary of the clean text maps to a char
    // boundary of the input, in order.
    let mut last = 0;
    for (i, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let o = doc.offsets.to_original(i);
        assert!(o <= input.len() && input.is_char_boundary(o), "offset {i} -> {o}");
        assert!(o >= last, "offsets go backwards at {i}");
        last = o;
    }
    let mut prev_end = 0;
    for t in &doc.tokens {
        assert!(t.span.start < t.span.end && t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(t.span.start >= prev_end, "tokens overlap or are unsorted");
        prev_end = t.span.end;
    }
    let mut prev_end = 0;
    for s in &doc.sentences {
        assert!(s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start >= prev_end, "sentences overlap or are unsorted");
        assert!(!doc.slice(*s).contains('\n'), "sentence crosses a paragraph");
        prev_end = s.end;
    }
    for w in text.split_whitespace() {
        let (p, s, x) = split_clitics(w);
        assert!(
            !s.is_empty() && w.starts_with(p) && w.ends_with(x) && w.contains(s),
            "{w:?} -> {p:?} {s:?} {x:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn stages_never_panic_and_spans_are_well_formed(input in newsy()) {
        check(&input);
    }

    #[test]
    fn arbitrary_unicode_never_panics(input in any::<String>()) {
        check(&input);
    }

    #[test]
    fn cleaning_is_idempotent(input in newsy()) {
        let once = clean_text(&input);
        let twice = clean_text(&once.text);
        // A second pass may strip a second prefix, never anything else.
        if once.site.is_none() && once.dateline.is_none() && twice.site.is_none() && twice.dateline.is_none() {
            prop_assert_eq!(&twice.text, &once.text);
        }
    }
}
