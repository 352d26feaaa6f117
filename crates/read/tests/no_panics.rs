//! Property tests: no input, however malformed, makes a reader panic, and
//! every error is one line naming the input.

#[path = "support/fixtures.rs"]
#[allow(dead_code)]
mod fixtures;

use proptest::prelude::*;
use warta_read::{extract_html, read_bytes};

const NAMES: &[&str] = &[
    "a.txt",
    "a.html",
    "a.jsonl",
    "a.json",
    "a.warc",
    "a.warc.gz",
    "noext",
    "-",
];

fn check(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    for r in read_bytes(name, bytes) {
        if let Err(e) = r {
            prop_assert!(e.input.starts_with(name), "{e}");
            prop_assert!(!e.to_string().contains('\n'), "{e:?}");
        }
    }
    Ok(())
}

/// HTML-ish text: tags, entities, comments, scripts and text in any order,
/// unbalanced, so the parser and the extractor meet broken markup.
fn htmlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"content\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("<script>var a='</p>';".to_string()),
        Just("</script>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<meta charset=\"".to_string()),
        Just("<meta property=\"article:published_time\" content=\"".to_string()),
        Just("<link rel=canonical href=".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("&amp;&#x0;&#99999999;&bogus;".to_string()),
        Just("<br/>".to_string()),
        "[a-zA-Z .,é—]{0,40}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic_any_reader(bytes in prop::collection::vec(any::<u8>(), 0..2000), which in 0..NAMES.len()) {
        check(NAMES[which], &bytes)?;
    }

    #[test]
    fn broken_html_never_panics_the_extractor(html in htmlish()) {
        let _ = extract_html(&html, Some("not a url"));
        check("x.html", html.as_bytes())?;
    }

    #[test]
    fn mangled_warc_records_never_panic(body in prop::collection::vec(any::<u8>(), 0..500), len_delta in -20i64..20, cut in 0usize..600) {
        let mut rec = fixtures::http_response("<urn:x>", "https://a.example/", "200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip", &body);
        let at = rec.windows(16).position(|w| w == b"Content-Length: ").unwrap() + 16;
        let end = at + rec[at..].iter().position(|&b| b == b'\r').unwrap();
        let n: i64 = std::str::from_utf8(&rec[at..end]).unwrap().parse().unwrap();
        rec.splice(at..end, (n + len_delta).to_string().into_bytes());
        rec.truncate(cut.min(rec.len()));
        check("m.warc", &rec)?;
        check("m.warc.gz", &fixtures::gzip_members(&[rec]))?;
    }

    /// However a record is mangled — a wrong Content-Length, cut anywhere
    /// (even mid-line or mid-header) — a good record written after it is
    /// still read, and the mangled one costs errors, not the rest of the file.
    #[test]
    fn a_good_record_after_a_mangled_one_is_still_read(body in prop::collection::vec(any::<u8>(), 0..500), len_delta in -30i64..30, cut in 5usize..700, wanted in any::<bool>()) {
        let ctype = if wanted { "200 OK\r\nContent-Type: text/html" } else { "200 OK\r\nContent-Type: image/png" };
        let mut rec = fixtures::http_response("<urn:x>", "https://a.example/x", ctype, &body);
        let at = rec.windows(16).position(|w| w == b"Content-Length: ").unwrap() + 16;
        let end = at + rec[at..].iter().position(|&b| b == b'\r').unwrap();
        let n: i64 = std::str::from_utf8(&rec[at..end]).unwrap().parse().unwrap();
        rec.splice(at..end, (n + len_delta).to_string().into_bytes());
        rec.truncate(cut.min(rec.len()));
        // Random bytes that happen to hold a version line are another story.
        prop_assume!(!rec[1..].windows(7).any(|w| w == b"WARC/1." || w == b"WARC/0."));
        let good = fixtures::http_response("<urn:good>", "https://a.example/good", "200 OK\r\nContent-Type: text/html", b"<p>Berita yang baik.</p>");
        for (name, bytes) in [
            ("m.warc", [rec.clone(), good.clone()].concat()),
            ("m.warc.gz", fixtures::gzip_members(&[rec.clone(), good.clone()])),
        ] {
            check(name, &bytes)?;
            let got = read_bytes(name, &bytes);
            prop_assert!(
                got.iter().any(|r| r.as_ref().is_ok_and(|a| a.id == "urn:good")),
                "{name}: {got:?}"
            );
        }
    }

    #[test]
    fn json_lines_with_odd_values_never_panic(lines in prop::collection::vec(prop_oneof![
        Just(r#"{"id":null,"text":"x"}"#.to_string()),
        Just(r#"{"id":[1],"html":"<p>"}"#.to_string()),
        Just(r#"{"text":5}"#.to_string()),
        Just(r#"{"published":{"a":1},"text":"t"}"#.to_string()),
        Just("\u{feff}{\"text\":\"bom\"}".to_string()),
        Just(r#"{"text":"\ud800"}"#.to_string()),
        "[ -~]{0,30}",
    ], 0..20)) {
        check("l.jsonl", lines.join("\n").as_bytes())?;
    }
}

/// Deeply nested markup (a classic way to overflow a recursive tree walk,
/// which aborts the process rather than panicking, or of quadratic time).
#[test]
fn deeply_nested_html_is_read_without_crashing() {
    for tag in ["div", "span", "table", "li"] {
        let depth = 20_000;
        let page = format!(
            "<html><body>{}<p>Teks terdalam.</p>{}</body></html>",
            format!("<{tag}>").repeat(depth),
            format!("</{tag}>").repeat(depth)
        );
        let got = read_bytes("deep.html", page.as_bytes());
        let text = &got[0].as_ref().unwrap().text;
        assert!(text.contains("Teks terdalam."), "{tag}: {text:?}");
    }
}
