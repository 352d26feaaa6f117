//! Model files: round trip, corrupt input, and training on a toy corpus.

use warta_ner::conll::parse;
use warta_ner::lexicon::Gazetteer;
use warta_ner::train::{train, TrainConfig};
use warta_ner::{Model, NerStage};

fn toy() -> Vec<warta_ner::conll::Sentence> {
    let mut text = String::new();
    let names = ["Budi", "Siti", "Andi", "Rina", "Agus", "Dewi"];
    let places = ["Medan", "Ambon", "Padang", "Kupang"];
    for (i, n) in names.iter().enumerate() {
        let p = places[i % places.len()];
        text.push_str(&format!("Kata B-x\n{n} B-PER\ndi O\n{p} B-LOC\n. O\n\n"));
    }
    parse(&text.replace("B-x", "O"), "toy").unwrap()
}

#[test]
fn a_trained_model_survives_a_round_trip_and_learns_the_context() {
    let model = train(
        &toy(),
        Gazetteer::default(),
        Default::default(),
        TrainConfig::default(),
    );
    let bytes = model.to_bytes();
    let again = Model::from_bytes(&bytes).unwrap();
    assert_eq!(again.to_bytes(), bytes, "serialisation is stable");
    let ner = NerStage::from_model(again);
    // Unseen name and place in the learnt frame.
    assert_eq!(
        ner.tag_tokens(&["Kata", "Joko", "di", "Sorong", "."]),
        ["O", "B-PER", "O", "B-LOC", "O"]
    );
}

#[test]
fn corrupt_model_bytes_are_an_error_not_a_panic() {
    let bytes = train(
        &toy(),
        Gazetteer::default(),
        Default::default(),
        TrainConfig::default(),
    )
    .to_bytes();
    assert!(Model::from_bytes(b"").is_err());
    assert!(Model::from_bytes(b"NOPE0000").is_err());
    for cut in [5, 20, bytes.len() / 2, bytes.len() - 1] {
        assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut extra = bytes.clone();
    extra.push(0);
    assert!(Model::from_bytes(&extra).is_err());
}

#[test]
fn debug_output_of_the_default_model_is_a_short_summary() {
    let s = format!("{:?}", NerStage::load_default().unwrap());
    assert!(s.len() < 400, "{} bytes", s.len());
    assert!(s.contains("features"));
}
