//! Arbitrary bytes as a JSON Lines file (what `warta analyze` reads from
//! `.jsonl` files and stdin): no panic, one-line errors naming `path:line`,
//! and nothing silently dropped: every non-blank line gives exactly one
//! result, and an input with none gives exactly one error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let results = warta_read::read_bytes("f.jsonl", data);
    let lines = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(
        results.len(),
        lines.max(1),
        "results {} for {lines} non-blank lines",
        results.len()
    );
    for (i, r) in results.iter().enumerate() {
        match r {
            Ok(a) => {
                assert!(!a.text.trim().is_empty(), "record {i} read with no text");
                assert!(a.origin.starts_with("f.jsonl:"), "origin {}", a.origin);
            }
            Err(e) => {
                assert!(!e.to_string().contains('\n'), "multi-line error: {e:?}");
                assert!(e.input.starts_with("f.jsonl"), "input {}", e.input);
            }
        }
    }
});
