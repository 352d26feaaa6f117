//! Events as a user meets them: in `warta analyze` output and in
//! `warta export` files that GDELT tools and pandas load.

mod common;

use common::{run, seed};
use serde_json::Value;

fn seed_events() -> Vec<Value> {
    let out = run(&["analyze", "--format", "json", seed().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["events"].as_array().unwrap().clone()
}

fn code(a: &Value) -> &str {
    a["code"].as_str().unwrap_or("")
}

#[test]
fn seed_events_say_who_did_what_to_whom() {
    let evs = seed_events();
    let has = |plover: &str, src: &str, tgt: &str| {
        evs.iter()
            .filter(|e| {
                e["plover"] == plover
                    && code(&e["source"]).starts_with(src)
                    && code(&e["target"]).starts_with(tgt)
            })
            .cloned()
            .collect::<Vec<_>>()
    };
    let support = has("SUPPORT", "PRK", "RUS");
    assert!(support.iter().any(|e| e["cameo"] == "051"), "{evs:#?}");
    let assault = has("ASSAULT", "RUS", "UKR");
    assert!(assault.iter().any(|e| e["date"] == "2022-02-24"), "{assault:#?}");
    assert!(
        assault.iter().any(|e| e["location"]["text"] == "Sievierodonetsk"),
        "{assault:#?}"
    );
    let summit = has("CONSULT", "PRK", "RUS");
    assert!(summit.iter().any(|e| e["date"] == "2019"
        && e["location"]["name"] == "Vladivostok"
        && e["location"]["country"] == "RUS"));
    // Evidence: the trigger's offsets point at its words.
    let doc_out = run(&["analyze", "--format", "json", seed().to_str().unwrap()]);
    let doc: Value = serde_json::from_slice(&doc_out.stdout).unwrap();
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    for e in &evs {
        let (s, t) = (
            e["trigger"]["start"].as_u64().unwrap() as usize,
            e["trigger"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..t].iter().collect::<String>(),
            e["trigger"]["text"].as_str().unwrap()
        );
        assert!(!serde_json::to_string(e)
            .unwrap()
            .to_lowercase()
            .contains("negaratoto"));
    }
}

#[test]
fn gdelt_export_has_61_columns_and_fips_geo() {
    let out = run(&[
        "export",
        "--format",
        "gdelt",
        "--header",
        seed().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() >= 5, "{text}");
    assert!(rows.iter().all(|r| r.len() == 61), "{text}");
    assert_eq!(rows[0][0], "GLOBALEVENTID");
    assert_eq!(rows[0][60], "SOURCEURL");
    let col = |name: &str| rows[0].iter().position(|h| *h == name).unwrap();
    // Sievierodonetsk is in Ukraine: FIPS `UP`, not ISO `UKR`.
    let at = rows
        .iter()
        .find(|r| r[col("ActionGeo_FullName")].starts_with("Siverskodonetsk"))
        .expect("an event at Sievierodonetsk");
    assert_eq!(at[col("ActionGeo_CountryCode")], "UP");
    assert_eq!(at[col("ActionGeo_Type")], "4");
    assert_eq!(at[col("Actor1Code")], "RUSMIL");
    assert_eq!(at[col("EventRootCode")], "18");
    // The same ids in the Mentions table.
    let m = run(&["export", "--format", "gdelt-mentions", seed().to_str().unwrap()]);
    let mentions = String::from_utf8(m.stdout).unwrap();
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0]).collect();
    assert!(mentions
        .lines()
        .all(|l| l.split('\t').count() == 16 && ids.contains(&l.split('\t').next().unwrap())));
}

#[test]
fn csv_export_counts_only_acts_unless_asked() {
    let out = run(&["export", "--format", "csv", seed().to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("event_id,article_id,"));
    let modality = header.split(',').position(|h| h == "modality").unwrap();
    let acts: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(modality).unwrap())
        .collect();
    assert!(
        !acts.is_empty() && acts.iter().all(|m| *m == "asserted" || *m == "reported"),
        "{acts:?}"
    );
    let all = run(&[
        "export",
        "--format",
        "jsonl",
        "--all-modalities",
        seed().to_str().unwrap(),
    ]);
    let n_all = String::from_utf8(all.stdout).unwrap().lines().count();
    assert!(
        n_all > acts.len(),
        "planned acts appear only with --all-modalities"
    );
}
