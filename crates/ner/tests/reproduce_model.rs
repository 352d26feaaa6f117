//! `warta train ner` must reproduce the committed model byte for byte, so
//! the model in the repository is exactly what the code and data make (and
//! an edit to features or `triggers.tsv` without retraining is caught).
//! Skipped, with a message, when the shared data is absent.

use std::path::PathBuf;

#[test]
fn training_reproduces_the_committed_model_exactly() {
    let root = std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let data = root.join("data/ner");
    if !data.join("idner-news-2k").is_dir() || !root.join("data/news/indosum").is_dir() {
        eprintln!("SKIP: shared NER data not found (set WARTA_SHARED or put it at ../shared)");
        return;
    }
    let out = std::env::temp_dir().join(format!("warta-ner-{}.bin", std::process::id()));
    let report = warta_ner::train_cli::run_train(&data, &out).expect("training runs");
    eprintln!("{report}");
    let fresh = std::fs::read(&out).expect("model written");
    let _ = std::fs::remove_file(&out);
    let committed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/ner/model.bin")).unwrap();
    assert!(
        fresh == committed,
        "retrained model differs from data/ner/model.bin: run `warta train ner`"
    );
}
