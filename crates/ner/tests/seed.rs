//! The seed article (`../shared/seed/000_…txt`): entities that
//! `../shared/seed/expected.md` lists and the stage finds today. Skipped,
//! with a message, when the shared data is absent.

use std::path::PathBuf;
use warta_core::{Document, EntityType, Stage};
use warta_ner::NerStage;

#[test]
fn seed_article_people_agencies_and_places_are_found() {
    let root = std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let Ok(text) = std::fs::read_to_string(root.join("seed/000_1ab9b96a3ef9a3a7.txt")) else {
        eprintln!("SKIP: seed article not found (set WARTA_SHARED or put it at ../shared)");
        return;
    };
    let mut doc = Document::new("seed", text);
    NerStage::load_default().unwrap().process(&mut doc).unwrap();
    let has = |t: &str, k: EntityType| doc.entities.iter().any(|e| e.text == t && e.kind == k);
    let want = [
        ("Kim Jong Un", EntityType::Per),
        ("Vladimir Putin", EntityType::Per),
        ("Kim", EntityType::Per),
        ("Putin", EntityType::Per),
        ("KCNA", EntityType::Org),
        ("Reuters", EntityType::Org),
        ("The Star", EntityType::Org),
        ("Ukraina", EntityType::Loc),
        ("Moskow", EntityType::Loc),
        ("Vladivostok", EntityType::Loc),
        ("Kiev", EntityType::Loc),
        ("Malaysia", EntityType::Loc),
    ];
    let missing: Vec<_> = want.iter().filter(|(t, k)| !has(t, *k)).collect();
    assert!(
        missing.is_empty(),
        "missing {missing:?}; found {:?}",
        doc.entities
    );
    // Nothing the expected list calls a person is typed as a place, and no
    // span ends in punctuation.
    assert!(!doc
        .entities
        .iter()
        .any(|e| e.text.contains("Putin") && e.kind != EntityType::Per));
    assert!(doc
        .entities
        .iter()
        .all(|e| e.text.chars().last().is_some_and(char::is_alphanumeric)));
}
