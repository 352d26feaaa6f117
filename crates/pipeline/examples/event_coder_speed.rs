//! Speed of the event coder alone: the Detik development articles
//! (Indonesian) and the English pages of Readability's test suite are run
//! through every stage before `events` once, then the coder is timed over
//! each set (best of several rounds), in sentences per second on one core.
//!
//!     cargo run --release -p warta-pipeline --example event_coder_speed

use std::time::Instant;
use warta_pipeline::Pipeline;
use warta_read::RawArticle;

fn main() {
    let Some(articles) = warta_testdata::detik_articles() else {
        eprintln!("SKIP: ../shared/data/news/detik not found");
        return;
    };
    let stages: Vec<&str> = warta_pipeline::STAGE_NAMES
        .iter()
        .copied()
        .filter(|s| *s != "events")
        .collect();
    let pipeline = Pipeline::with_stages(&stages).expect("pipeline");
    let docs: Vec<_> = articles
        .iter()
        .filter_map(|a| {
            let raw = RawArticle {
                id: a.id.clone(),
                origin: a.id.clone(),
                text: a.text.clone(),
                published: Some(a.published.clone()),
                ..RawArticle::default()
            };
            pipeline.analyze(raw).ok()
        })
        .collect();
    let lexicon = warta_lexicon::Lexicon::load_default().expect("lexicon");
    report("Detik (Indonesian)", &docs, &lexicon);
    let mut english = Vec::new();
    if let Some(pages) = warta_testdata::shared("data/html/readability-test-pages") {
        let mut dirs: Vec<_> = std::fs::read_dir(pages)
            .expect("pages")
            .flatten()
            .map(|e| e.path())
            .collect();
        dirs.sort();
        for d in dirs {
            let path = d.join("source.html").to_string_lossy().to_string();
            let Some(Ok(raw)) = warta_read::read_inputs(std::slice::from_ref(&path)).next() else {
                continue;
            };
            if let Ok(doc) = pipeline.analyze(raw) {
                if doc.language.as_ref().is_some_and(|l| l.code == "en") {
                    english.push(doc);
                }
            }
        }
    }
    report("Readability pages (English)", &english, &lexicon);
}

fn report(what: &str, docs: &[warta_core::Document], lexicon: &warta_lexicon::Lexicon) {
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let mut best = f64::MAX;
    let mut events = 0;
    for _ in 0..7 {
        let t = Instant::now();
        events = docs
            .iter()
            .map(|d| warta_events::code_events(d, lexicon).len())
            .sum::<usize>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{what}: {} articles, {sentences} sentences, {events} events: best {:.1} ms → {:.0} sentences/s, {:.0} articles/s (one core)",
        docs.len(),
        best * 1000.0,
        sentences as f64 / best,
        docs.len() as f64 / best
    );
}
