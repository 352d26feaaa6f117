//! End-to-end behaviour of `warta analyze`, as a user sees it.

use serde_json::Value;
mod common;

use common::{run, seed, spawn_piped, tempdir};
use std::process::Output;

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Python-style slice by code points, as the schema promises.
fn slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn seed_is_cleaned_identified_and_split() {
    let out = run(&["analyze", "--format", "json", seed().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json_of(&out);
    assert_eq!(doc["source"]["site"], "Negaratoto");
    assert_eq!(doc["language"]["code"], "id");
    let text = doc["text"].as_str().unwrap();
    assert!(
        text.starts_with("Pemimpin Korea Utara"),
        "text starts: {}",
        &text[..40.min(text.len())]
    );
    assert!(!text.contains("No comments") && !text.contains("Post a Comment"));
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 13);
    assert_eq!(doc["published"], "2022-06-13");
}

/// The entity and time facts of `../shared/seed/expected.md`, end to end.
#[test]
fn seed_entities_are_linked_and_times_normalised() {
    let out = run(&["analyze", "--format", "json", seed().to_str().unwrap()]);
    let doc = json_of(&out);
    let ents = doc["entities"].as_array().unwrap();
    fn with_text<'a>(ents: &'a [Value], t: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
        ents.iter().filter(move |e| e["text"] == t)
    }
    for (mention, kind, country) in [
        ("Kim Jong Un", "PER", "PRK"),
        ("Vladimir Putin", "PER", "RUS"),
        ("KCNA", "ORG", "PRK"),
        ("Yonhap", "ORG", "KOR"),
        ("Korut", "LOC", "PRK"),
        ("Moskow", "LOC", "RUS"),
        ("Kiev", "LOC", "UKR"),
        ("Korea Selatan", "LOC", "KOR"),
        ("Malaysia", "LOC", "MYS"),
    ] {
        assert!(
            with_text(ents, mention).any(|e| e["type"] == kind && e["country"] == country),
            "{mention} as {kind} in {country}"
        );
    }
    assert!(with_text(ents, "Kim").count() >= 4);
    assert!(
        with_text(ents, "Kim").all(|e| e["canonical"] == "Kim Jong Un"),
        "every 'Kim' is Kim Jong Un"
    );
    assert!(with_text(ents, "Kim Jong Un").any(|e| e["actor_code"] == "PRKGOV"));
    assert!(with_text(ents, "Vladimir Putin").any(|e| e["actor_code"] == "RUSGOV"));
    for (place, lat, lon) in [
        ("Sievierodonetsk", 48.95, 38.49),
        ("Vladivostok", 43.12, 131.9),
        ("Kiev", 50.45, 30.52),
    ] {
        assert!(
            with_text(ents, place).any(|e| {
                let g = &e["geo"];
                (g["lat"].as_f64().unwrap_or(0.0) - lat).abs() < 0.2
                    && (g["lon"].as_f64().unwrap_or(0.0) - lon).abs() < 0.3
            }),
            "{place} near {lat},{lon}"
        );
    }
    let times = doc["times"].as_array().unwrap();
    let values_of = |t: &str| -> Vec<&str> {
        times
            .iter()
            .filter(|x| x["text"].as_str().unwrap().contains(t))
            .filter_map(|x| x["value"].as_str())
            .collect()
    };
    assert_eq!(values_of("13/6/2022"), ["2022-06-13", "2022-06-13"]);
    assert_eq!(values_of("24 Februari"), ["2022-02-24", "2022-02-24"]);
    assert!(values_of("2019").contains(&"2019"));
    assert!(values_of("2014").contains(&"2014"));
    assert!(times
        .iter()
        .filter(|x| x["value"].is_string())
        .all(|x| x["anchor"] == "2022-06-13" || x["anchor"].is_null()));
}

#[test]
fn every_span_indexes_the_text_by_code_points() {
    let out = run(&["analyze", "--format", "json", seed().to_str().unwrap()]);
    let doc = json_of(&out);
    let text = doc["text"].as_str().unwrap();
    let n = text.chars().count() as u64;
    for layer in ["sentences", "entities", "times"] {
        for span in doc[layer].as_array().unwrap() {
            let (s, e) = (span["start"].as_u64().unwrap(), span["end"].as_u64().unwrap());
            assert!(s <= e && e <= n, "{layer} span {s}..{e} outside text of {n}");
            if let Some(t) = span.get("text").and_then(Value::as_str) {
                assert_eq!(slice(text, s, e), t, "{layer} text differs from its span");
            }
        }
    }
}

#[test]
fn a_missing_input_is_named_and_the_rest_of_the_batch_still_runs() {
    let out = run(&[
        "analyze",
        "--format",
        "jsonl",
        "does-not-exist.txt",
        seed().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "some inputs failed → exit 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("does-not-exist.txt"), "stderr: {stderr}");
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "one line per input, failures included");
    assert!(lines[0]["error"].is_string());
    assert_eq!(lines[1]["id"], "000_1ab9b96a3ef9a3a7");
}

#[test]
fn json_lines_in_gives_one_line_per_input_line_in_order() {
    let dir = tempdir();
    let input = dir.join("batch.jsonl");
    let mut body = String::new();
    for i in 0..40 {
        body.push_str(&format!("{{\"id\": \"a{i}\", \"text\": \"Jakarta - Presiden berbicara di Bogor pada Senin (13/6/2022). Berita ke-{i}.\"}}\n"));
    }
    body.push_str("{not json}\n");
    body.push_str("{\"id\": \"no-text\"}\n");
    body.push_str("{\"id\": \"last\", \"text\": \"Kalimat terakhir.\"}\n");
    std::fs::write(&input, body).unwrap();
    let out = run(&["analyze", "--format", "jsonl", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "the bad line makes the batch exit 1");
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 43);
    for (i, l) in lines.iter().take(40).enumerate() {
        assert_eq!(l["id"], format!("a{i}"));
        let input = l["source"]["input"].as_str().unwrap();
        assert!(
            input.ends_with(&format!("batch.jsonl:{}", i + 1)),
            "source.input names the line: {input}"
        );
    }
    assert!(
        lines[40]["error"].is_string(),
        "bad line reported in its slot: {}",
        lines[40]
    );
    assert!(
        lines[40]["input"].as_str().unwrap().ends_with("batch.jsonl:41"),
        "{}",
        lines[40]
    );
    assert_eq!(
        lines[41]["id"], "no-text",
        "a bad record with an id keeps it: {}",
        lines[41]
    );
    assert!(lines[41]["error"].as_str().unwrap().contains("text"));
    assert_eq!(lines[42]["id"], "last");
}

#[test]
fn empty_and_binary_inputs_give_one_line_errors() {
    let dir = tempdir();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.join("blob.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0]).unwrap();
    for path in [&empty, &binary] {
        let out = run(&["analyze", "--format", "json", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first = stderr.lines().next().unwrap_or("");
        assert!(
            first.contains(path.file_name().unwrap().to_str().unwrap()),
            "error names the input: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    }
}

#[test]
fn stdin_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = spawn_piped(&["analyze", "--format", "json", "-"]);
    child
        .stdin
        .take()
        .unwrap()
        .write_all(std::fs::read(seed()).unwrap().as_slice())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json_of(&out);
    assert!(doc["text"].as_str().unwrap().starts_with("Pemimpin Korea Utara"));
}

#[test]
fn pretty_report_names_site_language_and_sentences() {
    let out = run(&["analyze", seed().to_str().unwrap()]);
    assert!(out.status.success());
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("Negaratoto"));
    assert!(report.contains("13 sentences"));
    assert!(
        !report.contains("\x1b["),
        "no colour codes when stdout is not a terminal"
    );
}

#[test]
fn pretty_report_lists_each_entity_once_with_its_mention_count() {
    let out = run(&["analyze", seed().to_str().unwrap()]);
    let report = String::from_utf8_lossy(&out.stdout);
    let kim: Vec<&str> = report
        .lines()
        .filter(|l| l.trim_start().starts_with("PER Kim →"))
        .collect();
    assert_eq!(kim.len(), 1, "one line for the short mentions of Kim: {kim:?}");
    assert!(
        kim[0].contains("Kim Jong Un") && kim[0].contains('×'),
        "{}",
        kim[0]
    );
}

#[test]
fn an_unknown_stage_is_a_usage_error() {
    let out = run(&["analyze", "--stages", "clean,bogus", seed().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bogus"));
}
