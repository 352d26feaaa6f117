//! Regression floors for stories, scored as `warta eval stories` scores
//! them (docs/quality.md): the Detik development articles and IndoSum's
//! dev articles ingested as `bench/detik-jsonl` and `bench/indosum-jsonl`
//! write them, then the labelled pairs of data/eval/stories/. Skips when
//! the reference data is absent.

mod common;

use common::{run, tempdir};
use std::io::Write;
use std::path::Path;

fn gold(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/eval/stories")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Precision and recall from the eval report's `same story:` line.
fn scores(report: &str) -> (f64, f64) {
    let line = report
        .lines()
        .find(|l| l.contains("same story:"))
        .unwrap_or_else(|| panic!("no scores in {report}"));
    let num = |key: &str| -> f64 {
        let rest = &line[line.find(key).unwrap() + key.len()..];
        rest.split_whitespace().next().unwrap().parse().unwrap()
    };
    (num("P "), num("R "))
}

fn ingest_and_score(jsonl: &Path, gold_file: &str) -> (f64, f64) {
    let db = jsonl.with_extension("db");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), jsonl.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(&["eval", "stories", &gold(gold_file), "--db", db.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(report.contains(", 0 not in the store"), "{report}");
    eprintln!("{report}");
    scores(&report)
}

#[test]
fn detik_story_pairs_stay_above_their_floor() {
    let Some(articles) = warta_testdata::detik_articles() else {
        return;
    };
    let path = tempdir().join("detik.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    for a in articles {
        let rec = serde_json::json!({"id": a.id, "text": a.text, "url": a.url, "published": a.published,
                                     "title": a.title, "site": "detik.com"});
        writeln!(f, "{rec}").unwrap();
    }
    drop(f);
    let (p, r) = ingest_and_score(&path, "detik-tune.jsonl");
    // tuned here: P 0.931, R 0.643; R 0.595 since acronyms of things
    // (`BLTS`) stopped being organisations, and so story keys (two
    // borderline pairs)
    assert!(p >= 0.90 && r >= 0.57, "P {p} R {r}");
}

#[test]
fn indosum_held_out_story_pairs_stay_above_their_floor() {
    let Some(dir) = warta_testdata::shared("data/news/indosum") else {
        return;
    };
    let path = tempdir().join("indosum.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    for fold in 1..=4 {
        let data = std::fs::read_to_string(dir.join(format!("dev.0{fold}.jsonl"))).unwrap();
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = v["id"].as_str().unwrap();
            let url = v["source_url"].as_str().filter(|u| !u.is_empty());
            let paras: Vec<Vec<Vec<String>>> = serde_json::from_value(v["paragraphs"].clone()).unwrap();
            let text: Vec<String> = paras
                .iter()
                .map(|p| warta_pipeline::gold_text::detokenise(p))
                .collect();
            // the date in the URL, else the aggregator's crawl (as bench/indosum-jsonl)
            let from_url = url.and_then(|u| {
                u.split('/').collect::<Vec<_>>().windows(3).find_map(|w| {
                    let ok = w[0].len() == 4 && w[0].starts_with("20") && w[1].len() == 2 && w[2].len() == 2;
                    let all_digits = w.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
                    (ok && all_digits).then(|| format!("{}-{}-{}", w[0], w[1], w[2]))
                })
            });
            let crawl = chrono::DateTime::from_timestamp(id[..10].parse().unwrap(), 0)
                .unwrap()
                .date_naive()
                .to_string();
            let rec = serde_json::json!({"id": id, "text": text.join("\n"), "url": url,
                                         "published": from_url.unwrap_or(crawl), "site": v["source"]});
            writeln!(f, "{rec}").unwrap();
        }
    }
    drop(f);
    let (p, r) = ingest_and_score(&path, "indosum-heldout.jsonl");
    // held out: first run P 0.500 R 0.438; after tuning on Detik P 0.667 R 0.250
    assert!(p >= 0.60 && r >= 0.20, "P {p} R {r}");
}
