//! End-to-end entity accuracy (NER + linker) on the committed Detik sample,
//! so a regression in either stage that users would see fails here.

use std::path::{Path, PathBuf};
use warta_core::Document;
use warta_pipeline::eval_entities::{run_eval, sentence_text, EntityEvaluator};
use warta_pipeline::Pipeline;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/eval/ner-detik-sample.conll")
}

#[test]
fn linked_entities_on_the_detik_sample_keep_their_measured_accuracy() {
    let sents = warta_ner::conll::read_file(&sample()).unwrap();
    let s = EntityEvaluator::new().unwrap().score(&sents).unwrap();
    // Measured 2026-11-27: outermost P 76.71 R 86.15 F1 81.16 (56 of 65).
    let o = &s.outermost.overall;
    assert_eq!(o.gold, 65, "gold mentions in the sample");
    assert!(o.f1() >= 0.78, "outermost F1 fell to {:.4}", o.f1());
    assert!(o.recall() >= 0.83, "outermost recall fell to {:.4}", o.recall());
    assert!(
        o.precision() >= 0.73,
        "outermost precision fell to {:.4}",
        o.precision()
    );
    assert_eq!(s.misaligned_link, 0, "entities off token boundaries");
}

#[test]
fn the_report_names_each_file_and_every_variant() {
    let r = run_eval(&[sample()]).unwrap();
    for want in [
        "ner-detik-sample.conll",
        "NER only",
        "outermost",
        "innermost",
        "F1",
    ] {
        assert!(r.contains(want), "missing {want:?} in\n{r}");
    }
}

#[test]
fn no_gold_file_or_a_missing_one_is_an_error_not_a_panic() {
    assert!(run_eval(&[]).is_err());
    let e = run_eval(&[PathBuf::from("no/such/gold.conll")]).unwrap_err();
    assert!(e.to_string().contains("no/such/gold.conll"), "{e}");
}

#[test]
fn evaluator_entities_equal_the_three_stage_pipeline() {
    let words: Vec<String> = "Pasukan Rusia menyerang Kiev , kata Presiden Volodymyr Zelensky kepada KCNA ."
        .split(' ')
        .map(String::from)
        .collect();
    let (text, _) = sentence_text(&words);
    let (_, linked) = EntityEvaluator::new().unwrap().entities(&text).unwrap();
    let mut doc = Document::new("gold", text.as_str());
    Pipeline::with_stages(&["segment", "ner", "link"])
        .unwrap()
        .run(&mut doc)
        .unwrap();
    assert!(!linked.is_empty());
    assert_eq!(linked, doc.entities);
}
