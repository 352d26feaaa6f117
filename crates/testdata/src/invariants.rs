//! Invariants every analysed document must hold, checked by the property
//! tests and the fuzz targets: each is a promise of `docs/schema.md` or of
//! the document model, so a violation (a panic here) is a bug.

use warta_core::{Document, Span};

fn check_span(doc: &Document, what: &str, s: Span) {
    assert!(
        s.start <= s.end && s.end <= doc.text.len(),
        "{what} {s:?} outside text of {} bytes",
        doc.text.len()
    );
    assert!(
        doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end),
        "{what} {s:?} off a char boundary"
    );
}

/// Every span inside `text` on char boundaries, layers sorted, each
/// entity's and time's `text` the text it covers, confidences in [0, 1].
pub fn check_document(doc: &Document) {
    for s in &doc.sentences {
        check_span(doc, "sentence", *s);
        assert!(s.start < s.end, "empty sentence {s:?}");
    }
    assert!(
        doc.sentences.windows(2).all(|w| w[0].end <= w[1].start),
        "sentences overlap or are unsorted"
    );
    for t in &doc.tokens {
        check_span(doc, "token", t.span);
    }
    for e in &doc.entities {
        check_span(doc, "entity", e.span);
        assert!(e.span.start < e.span.end, "empty entity {e:?}");
        assert_eq!(e.text, doc.slice(e.span), "entity text is not its span");
        if let Some(g) = &e.geo {
            assert!(g.lat.abs() <= 90.0 && g.lon.abs() <= 180.0, "bad geo {g:?}");
        }
    }
    assert!(
        doc.entities
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start),
        "entities not sorted by start"
    );
    for t in &doc.times {
        check_span(doc, "time", t.span);
        assert_eq!(t.text, doc.slice(t.span), "time text is not its span");
    }
    assert!(
        doc.times.windows(2).all(|w| w[0].span.start <= w[1].span.start),
        "times not sorted"
    );
    if let Some(l) = &doc.language {
        assert!((0.0..=1.0).contains(&l.confidence), "confidence {}", l.confidence);
    }
    check_coref_and_quotes(doc);
    // The JSON contract converts every span to code points; it must not
    // panic and must still fit the text.
    let out = doc.to_output();
    let chars = doc.text.chars().count();
    assert!(out.entities.iter().all(|e| e.span.end <= chars));
    assert!(out.sentences.iter().all(|s| s.end <= chars));
}

/// Coreference mentions cover their text and point at a cluster whose id is
/// its index; quotes cover their text, their speaker and cue spans are in
/// the text, and a speaker cluster exists.
fn check_coref_and_quotes(doc: &Document) {
    let clusters = &doc.coref.clusters;
    for (i, c) in clusters.iter().enumerate() {
        assert_eq!(c.id, i, "cluster id is not its index");
    }
    for m in &doc.coref.mentions {
        check_span(doc, "mention", m.span);
        assert!(m.cluster < clusters.len(), "mention {m:?} points at no cluster");
        if m.kind != warta_core::MentionKind::Clitic {
            assert_eq!(m.text, doc.slice(m.span), "mention text is not its span");
        }
    }
    assert!(
        doc.coref
            .mentions
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start),
        "mentions not sorted"
    );
    for q in &doc.quotes {
        check_span(doc, "quote", q.span);
        assert_eq!(q.text, doc.slice(q.span), "quote text is not its span");
        if let (Some(a), Some(b)) = (q.speaker_start, q.speaker_end) {
            check_span(doc, "speaker", Span::new(a, b));
            // The span is where `speaker_text` is written (a clitic's span
            // is its `nya`).
            let written = doc.slice(Span::new(a, b));
            if q.speaker_text.as_deref() != Some("-nya") {
                assert_eq!(
                    q.speaker_text.as_deref(),
                    Some(written),
                    "speaker span is not speaker_text"
                );
            }
        }
        assert_eq!(
            q.speaker_start.is_some(),
            q.speaker_end.is_some(),
            "half a speaker span"
        );
        if let Some(c) = &q.cue {
            check_span(doc, "cue", c.span);
            assert_eq!(c.text, doc.slice(c.span), "cue text is not its span");
        }
        if let Some(c) = q.speaker_cluster {
            assert!(c < clusters.len(), "quote speaker cluster {c} does not exist");
            assert!(q.speaker.is_some(), "a speaker cluster without a speaker");
        }
    }
    assert!(
        doc.quotes.windows(2).all(|w| w[0].span.start <= w[1].span.start),
        "quotes not sorted"
    );
}

/// The same document must come out of the same input twice, byte for byte.
pub fn check_same(a: &Document, b: &Document) {
    let a = serde_json::to_string(&a.to_output()).expect("serialises");
    let b = serde_json::to_string(&b.to_output()).expect("serialises");
    assert!(a == b, "output differs between two runs on the same input");
}
