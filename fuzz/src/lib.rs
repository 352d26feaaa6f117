//! Shared by the fuzz targets: pipelines built once, bytes as text, and the
//! document invariants of `warta_testdata::invariants`.

use std::sync::OnceLock;
use warta_core::Document;
use warta_pipeline::Pipeline;

/// A pipeline of the named stages, built once per process (loading the
/// lexicon and models takes longer than analysing a fuzz input).
pub fn pipeline(cell: &'static OnceLock<Pipeline>, stages: &[&str]) -> &'static Pipeline {
    cell.get_or_init(|| Pipeline::with_stages(stages).expect("stages exist"))
}

/// Arbitrary bytes as text: invalid UTF-8 is replaced rather than skipped,
/// so the fuzzer's mutations still reach the stages.
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

pub use warta_testdata::invariants::{check_document, check_same};

/// Runs `stages` twice over `data` as a document's text and checks both
/// runs: no stage may fail on text, every invariant holds, same output.
pub fn check_stages(cell: &'static OnceLock<Pipeline>, stages: &[&str], data: &[u8]) {
    let p = pipeline(cell, stages);
    let text = text_of(data);
    let mut a = Document::new("fuzz", text.as_str());
    let mut b = Document::new("fuzz", text.as_str());
    p.run(&mut a).expect("stages do not fail on text");
    p.run(&mut b).expect("stages do not fail on text");
    check_document(&a);
    check_same(&a, &b);
}
