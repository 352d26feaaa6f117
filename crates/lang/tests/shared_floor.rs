//! Accuracy floors on the reference data in `../shared` (skipped with a
//! message when it is absent). The floors sit a little under the figures in
//! docs/quality.md so that a regression, not noise, trips them.

use std::path::PathBuf;
use std::sync::OnceLock;
use warta_lang::cli::Scores;
use warta_lang::gold::{read_csv_texts, read_gold, split_of, Example, Split};
use warta_lang::LanguageIdentifier;

fn shared() -> Option<PathBuf> {
    warta_testdata::shared("data/langid").map(|_| warta_testdata::shared_dir())
}

fn ident() -> &'static LanguageIdentifier {
    static IDENT: OnceLock<LanguageIdentifier> = OnceLock::new();
    IDENT.get_or_init(LanguageIdentifier::new)
}

#[test]
fn held_out_outlets_indonesian_vs_malay_beats_lingua_alone() {
    let Some(root) = shared() else { return };
    let all = read_gold(&root.join("data/langid/news-ms-id.jsonl")).unwrap();
    let test: Vec<&Example> = all.iter().filter(|e| split_of(e) == Split::Test).collect();
    assert!(
        test.len() > 200,
        "split changed: {} held-out paragraphs",
        test.len()
    );
    let s = Scores::compute(ident(), &test);
    eprintln!(
        "held out: lingua {:.3} warta {:.3}; id {:?} ms {:?}",
        s.lingua_accuracy(),
        s.warta_accuracy(),
        s.warta_recall("id"),
        s.warta_recall("ms")
    );
    assert!(s.warta_accuracy() >= 0.945, "accuracy {:.3}", s.warta_accuracy());
    assert!(
        s.warta_accuracy() >= s.lingua_accuracy() + 0.01,
        "no gain over lingua alone"
    );
    assert!(s.warta_recall("id").unwrap() >= 0.95);
    // 5 of the 161 "ms" paragraphs are English text (gold noise).
    assert!(s.warta_recall("ms").unwrap() >= 0.92);
}

#[test]
fn lingua_test_sentences_indonesian_and_english() {
    let Some(root) = shared() else { return };
    for (file, floor) in [("id.sentences.txt", 0.94), ("en.sentences.txt", 0.99)] {
        let ex = read_gold(&root.join("data/langid").join(file)).unwrap();
        let refs: Vec<&Example> = ex.iter().collect();
        let s = Scores::compute(ident(), &refs);
        eprintln!(
            "{file}: lingua {:.3} warta {:.3}",
            s.lingua_accuracy(),
            s.warta_accuracy()
        );
        assert!(s.warta_accuracy() >= floor, "{file}: {:.3}", s.warta_accuracy());
        assert!(
            s.warta_accuracy() >= s.lingua_accuracy(),
            "{file}: worse than lingua alone"
        );
    }
}

#[test]
fn whole_detik_articles_are_indonesian() {
    let Some(root) = shared() else { return };
    let path = root.join("data/news/detik/data_berita_dev.csv");
    if !path.exists() {
        eprintln!("SKIP: {} absent", path.display());
        return;
    }
    let texts = read_csv_texts(&path).unwrap();
    assert!(texts.len() > 700);
    let wrong: Vec<String> = texts
        .iter()
        .filter_map(|t| ident().detect(t).filter(|l| l.code != "id").map(|l| l.code))
        .collect();
    eprintln!("detik: {} of {} not id: {wrong:?}", wrong.len(), texts.len());
    assert!(
        wrong.len() <= 4,
        "{} Detik articles not identified as Indonesian",
        wrong.len()
    );
}

#[test]
fn seed_article_is_indonesian_despite_citing_malaysian_media() {
    let Some(root) = shared() else { return };
    let text = std::fs::read_to_string(root.join("seed/000_1ab9b96a3ef9a3a7.txt")).unwrap();
    let lang = ident().detect(&text).unwrap();
    assert_eq!(lang.code, "id");
    assert!(lang.confidence > 0.9, "{lang:?}");
}

#[test]
fn readability_pages_in_other_languages_are_never_indonesian_or_malay() {
    let Some(root) = shared() else { return };
    let dir = root.join("data/html/readability-test-pages");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIP: {} absent", dir.display());
        return;
    };
    let mut claimed = Vec::new();
    let mut n = 0;
    for e in entries.flatten() {
        let Ok(html) = std::fs::read_to_string(e.path().join("expected.html")) else {
            continue;
        };
        // Crude tag stripping is enough for language identification.
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        n += 1;
        if let Some(l) = ident().detect(&text).filter(|l| l.code == "id" || l.code == "ms") {
            claimed.push((e.file_name(), l.code));
        }
    }
    eprintln!("readability pages: {n}, claimed as id/ms: {claimed:?}");
    assert!(n > 100);
    assert!(claimed.is_empty(), "{claimed:?}");
}
