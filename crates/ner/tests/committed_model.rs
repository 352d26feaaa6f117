//! Accuracy floors of the committed model on the shared gold data. These
//! load `data/ner/model.bin` (embedded) and tag; they never retrain.
//! Skipped, with a message, when the shared data is absent.

use std::path::PathBuf;
use warta_ner::{conll, evaluate, NerStage};

fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    p.join("data/ner").is_dir().then_some(p)
}

fn f1_on(file: &str) -> Option<f64> {
    let Some(root) = shared() else {
        eprintln!("SKIP: shared data not found (set WARTA_SHARED or put it at ../shared)");
        return None;
    };
    let ner = NerStage::load_default().expect("embedded model loads");
    let sents = conll::read_file(&root.join("data/ner").join(file)).expect("gold file reads");
    let (s, _) = evaluate(&ner, &sents);
    eprintln!("{file}\n{}", s.report());
    Some(s.overall.f1())
}

#[test]
fn idner_test_exact_span_f1_is_at_least_085() {
    if let Some(f1) = f1_on("idner-news-2k/test.txt") {
        assert!(f1 >= 0.85, "idner-news-2k test F1 {f1:.4} < 0.85");
    }
}

#[test]
fn nergrit_valid_cross_source_f1_stays_above_060() {
    if let Some(f1) = f1_on("nergrit/valid_preprocess.txt") {
        assert!(f1 >= 0.60, "NERGrit valid F1 {f1:.4} < 0.60");
    }
}
