//! Speed of the event coder alone: the Detik development articles are run
//! through every stage before `events` once, then the coder is timed over
//! all of them (best of several rounds), in sentences per second on one
//! core.
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
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let lexicon = warta_lexicon::Lexicon::load_default().expect("lexicon");
    let mut best = f64::MAX;
    let mut events = 0;
    for _ in 0..7 {
        let t = Instant::now();
        events = docs
            .iter()
            .map(|d| warta_events::code_events(d, &lexicon).len())
            .sum::<usize>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} articles, {sentences} sentences, {events} events: best {:.1} ms → {:.0} sentences/s, {:.0} articles/s (one core)",
        docs.len(),
        best * 1000.0,
        sentences as f64 / best,
        docs.len() as f64 / best
    );
}
