//! Feeds arbitrary bytes to every reader (the first byte picks the file name,
//! and so the format) and to the HTML extractor. Any panic is a bug: readers
//! must turn every bad input into a `ReadError`.
#![no_main]

use libfuzzer_sys::fuzz_target;

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

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    for result in warta_read::read_bytes(name, rest) {
        if let Err(e) = result {
            assert!(!e.to_string().contains('\n'), "multi-line error: {e:?}");
        }
    }
    if let Ok(html) = std::str::from_utf8(rest) {
        let _ = warta_read::extract_html(html, Some("https://fuzz.example/"));
    }
});
