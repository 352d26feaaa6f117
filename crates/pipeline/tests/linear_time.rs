//! Every stage is linear in its input (issue 12): on each text built to be
//! hard (`warta_testdata::hard_inputs`: repeated names and quotes, thousands
//! of distinct names, one huge paragraph, thousands of tiny ones, one word
//! repeated, Title Case, digits, dates, one endless token, punctuation) each
//! stage, and the whole pipeline, takes at most `BOUND` times as long as on
//! ordinary news of the same size; and a 9 MB article (near the 10 MiB
//! limit) of the worst kind takes at most `BOUND` times a 9 MB ordinary one.
//!
//! Only ratios of times measured in this process are compared, never
//! wall-clock limits, so a slow or busy machine does not fail the test; each
//! time is the best of a few runs. A stage so cheap on ordinary news that
//! timer noise dominates (language id reads a prefix; the publication date
//! the first lines) is compared against `NOISE_FLOOR` instead. A run still
//! going at 5 × the bound is abandoned, so super-linear code fails the test
//! quickly instead of hanging it. HTML extraction has its own such test in
//! `crates/read/tests`, the linker a finer one in `crates/link/tests`.

use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};
use warta_core::Document;
use warta_pipeline::{Pipeline, STAGE_NAMES};
use warta_testdata::hard_inputs::{generate, ordinary_news, KINDS};

const SIZE: usize = 200_000;
const BIG: usize = 9_000_000;
const BOUND: f64 = 20.0;
const RUNS: usize = 3;
/// Below this, a time says more about the timer than about the stage.
const NOISE_FLOOR: Duration = Duration::from_millis(5);

/// A document ready for `stage`: the earlier stages already run on it.
fn prepared(text: &str, stage: &str) -> Document {
    let before: Vec<&str> = STAGE_NAMES.iter().copied().take_while(|s| *s != stage).collect();
    let mut doc = Document::new("t", text);
    doc.published = chrono::NaiveDate::from_ymd_opt(2022, 6, 13);
    if !before.is_empty() {
        Pipeline::with_stages(&before).unwrap().run(&mut doc).unwrap();
    }
    doc
}

/// Best of `runs` times of `pipeline` on `doc`, or `Err` once a run has
/// gone on for `give_up`.
fn time(
    pipeline: &Arc<Pipeline>,
    doc: &Document,
    runs: usize,
    give_up: Duration,
) -> Result<Duration, Duration> {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let (p, mut doc) = (Arc::clone(pipeline), doc.clone());
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let t = Instant::now();
            p.run(&mut doc).expect("stage runs");
            let _ = tx.send(t.elapsed());
        });
        match rx.recv_timeout(give_up) {
            Ok(t) => best = best.min(t),
            Err(mpsc::RecvTimeoutError::Timeout) => return Err(give_up),
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("a stage panicked"),
        }
    }
    Ok(best)
}

/// Compares each hard text with ordinary news under `stages`; returns the
/// report lines and the worst ratio.
fn compare(
    label: &str,
    stages: &[&str],
    first: &str,
    texts: &[(&str, String)],
    normal: &str,
    runs: usize,
) -> (Vec<String>, f64) {
    let pipeline = Arc::new(Pipeline::with_stages(stages).unwrap());
    let base_doc = prepared(normal, first);
    let base = time(&pipeline, &base_doc, runs, Duration::MAX).unwrap();
    let reference = base.max(NOISE_FLOOR);
    let give_up = reference.mul_f64(BOUND * 5.0);
    let mut lines = vec![format!("{label}: ordinary news {base:?}")];
    let mut worst: f64 = 0.0;
    for (kind, text) in texts {
        let doc = prepared(text, first);
        match time(&pipeline, &doc, runs, give_up) {
            Ok(t) => {
                let ratio = t.as_secs_f64() / reference.as_secs_f64();
                worst = worst.max(ratio);
                if ratio > 2.0 {
                    lines.push(format!("  {kind}: {t:?} = {ratio:.1}x"));
                }
            }
            Err(waited) => {
                worst = f64::INFINITY;
                lines.push(format!("  {kind}: still running after {waited:?}, abandoned"));
            }
        }
    }
    (lines, worst)
}

#[test]
fn every_stage_takes_time_proportional_to_its_input() {
    let normal = ordinary_news(SIZE);
    let texts: Vec<(&str, String)> = KINDS
        .iter()
        .filter(|k| **k != "normal")
        .map(|k| (*k, generate(k, SIZE, ordinary_news).unwrap()))
        .collect();
    for (kind, text) in &texts {
        assert!(
            text.len().abs_diff(SIZE) < SIZE / 20,
            "{kind}: {} bytes",
            text.len()
        );
    }
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for stage in STAGE_NAMES {
        let (lines, worst) = compare(stage, &[stage], stage, &texts, &normal, RUNS);
        report.extend(lines);
        if worst > BOUND {
            failed.push(*stage);
        }
    }
    let (lines, worst) = compare("whole pipeline", STAGE_NAMES, "clean", &texts, &normal, RUNS);
    report.extend(lines);
    if worst > BOUND {
        failed.push("whole pipeline");
    }
    let report = report.join("\n");
    eprintln!("{report}");
    assert!(
        failed.is_empty(),
        "over {BOUND}x ordinary news in {failed:?}:\n{report}"
    );
}

#[test]
fn a_nine_megabyte_article_takes_time_proportional_to_its_size() {
    // The kinds that stress the most stages at once: repeated names (NER,
    // linking) and one paragraph without a line break (segmenting, NER).
    let normal = ordinary_news(BIG);
    let texts: Vec<(&str, String)> = ["names", "onepara"]
        .iter()
        .map(|k| (*k, generate(k, BIG, ordinary_news).unwrap()))
        .collect();
    let (lines, worst) = compare("9 MB, whole pipeline", STAGE_NAMES, "clean", &texts, &normal, 1);
    let report = lines.join("\n");
    eprintln!("{report}");
    assert!(worst <= BOUND, "over {BOUND}x ordinary news:\n{report}");
}

/// Ordinary English news of about `size` bytes, made up: short wire
/// stories with countries, officials, a verb PETRARCH codes and a quote.
fn ordinary_english(size: usize) -> String {
    const PLACES: &[&str] = &[
        "France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "India", "Egypt",
    ];
    let mut out = String::with_capacity(size + 512);
    let mut k = 0;
    while out.len() < size {
        let (a, b) = (PLACES[k % PLACES.len()], PLACES[(k + 3) % PLACES.len()]);
        out.push_str(&format!(
            "The foreign minister of {a} met officials from {b} on Monday to discuss trade.\n\
             Police in {a} arrested {n} people after protests over fuel prices, officials said.\n\
             \"We will work together,\" the minister told reporters in the capital.\n\
             {b} urged {a} to release the detained journalists before the summit in June.\n",
            n = k % 50 + 2
        ));
        k += 1;
    }
    out.truncate(out.floor_char_boundary(size));
    out
}

/// The English event coder reads sentences word by word with no parse;
/// endless lists, titles, agents and one-paragraph text must not make it
/// super-linear.
#[test]
fn english_event_coding_takes_time_proportional_to_its_input() {
    let fill = |line: &str| line.repeat(SIZE / line.len() + 1)[..SIZE].to_string();
    let normal = ordinary_english(SIZE);
    let list: String = {
        let mut s = String::from("France");
        for c in ["Germany", "Japan", "Brazil", "Kenya", "Canada", "India", "Egypt"]
            .iter()
            .cycle()
        {
            if s.len() > SIZE - 40 {
                break;
            }
            s.push_str(", ");
            s.push_str(c);
        }
        s + " and Italy condemned Russia.\n"
    };
    let texts: Vec<(&str, String)> = vec![
        ("onepara", normal.replace('\n', " ")),
        (
            "titles",
            fill("President Joe Biden met Prime Minister Anthony Albanese in Washington.\n"),
        ),
        ("agents", fill("police soldiers officials troops protesters ")),
        ("list", list),
        ("oneword", fill("Russia ")),
        ("verbs", fill("attacked urged met condemned arrested ")),
    ];
    let (lines, worst) = compare("events, English", &["events"], "events", &texts, &normal, RUNS);
    let report = lines.join("\n");
    eprintln!("{report}");
    assert!(worst <= BOUND, "over {BOUND}x ordinary news:\n{report}");
}
