//! Quotes as a user meets them: in `warta analyze` output and in
//! `warta eval quotes` on a gold file that carries its own text.

mod common;

use common::{run, seed, tempdir};
use serde_json::Value;

#[test]
fn seed_quotes_have_kim_as_speaker_and_the_relay_chain() {
    let out = run(&["analyze", "--format", "json", seed().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = doc["quotes"].as_array().unwrap();
    let direct: Vec<&Value> = quotes.iter().filter(|q| q["kind"] == "direct").collect();
    assert_eq!(direct.len(), 2, "{quotes:#?}");
    for q in &direct {
        assert_eq!(q["speaker"], "Kim Jong Un");
        assert_eq!(q["speaker_actor_code"], "PRKGOV");
    }
    assert_eq!(direct[0]["speaker_text"], "Kim");
    assert_eq!(direct[0]["cue"]["text"], "tulis");
    assert_eq!(
        direct[0]["relayed_by"],
        serde_json::json!(["KCNA", "Yonhap", "The Star"])
    );
    assert_eq!(direct[1]["cue"]["text"], "imbuh");
    let partial: Vec<&str> = quotes
        .iter()
        .filter(|q| q["kind"] == "partial" && q["speaker"] == "Kim Jong Un")
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(partial.contains(&"tujuan yang adil"), "{partial:?}");
    assert!(
        partial
            .iter()
            .any(|t| t.starts_with("perjalanan untuk membela keadilan")),
        "{partial:?}"
    );
    assert_eq!(doc["sources"], serde_json::json!(["Reuters"]));
    // Every quote's speaker span, in code points, is what the attribution wrote.
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    for q in quotes {
        let (a, b) = (
            q["speaker_start"].as_u64().unwrap() as usize,
            q["speaker_end"].as_u64().unwrap() as usize,
        );
        let written: String = text[a..b].iter().collect();
        assert_eq!(written, q["speaker_text"].as_str().unwrap());
    }
}

#[test]
fn pretty_output_shows_speakers_and_relays() {
    let out = run(&["analyze", "--format", "pretty", seed().to_str().unwrap()]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("quotes"), "{s}");
    assert!(
        s.contains("Kim Jong Un [PRKGOV] (Kim) via KCNA → Yonhap → The Star"),
        "{s}"
    );
}

#[test]
fn eval_quotes_scores_a_gold_file_with_its_own_text() {
    let dir = tempdir();
    let gold = dir.join("gold.jsonl");
    let record = serde_json::json!({
        "id": "t1",
        "text": "Tito menjelaskan mandat itu berlanjut.\n\"Saya diberi amanat sejak 2022,\" ujarnya.\nFilm \"Gadis Kretek\" tayang pekan ini.",
        "published": "2025-10-21",
        "quotes": [
            {"quote": "Saya diberi amanat sejak 2022", "kind": "direct", "speaker": "Tito", "relayed_by": []},
            {"quote": "mandat itu berlanjut", "kind": "indirect", "speaker": "Tito", "relayed_by": []},
            {"quote": "tidak ada di teks", "kind": "direct", "speaker": "Budi", "relayed_by": []}
        ]
    });
    std::fs::write(&gold, format!("{record}\n")).unwrap();
    let out = run(&["eval", "quotes", gold.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8_lossy(&out.stdout);
    // Two of three gold quotes found (one is not in the text at all), no
    // spurious quote from the film title, both speakers right.
    let all = report
        .lines()
        .find(|l| l.starts_with("all"))
        .expect("an `all` row");
    let cols: Vec<&str> = all.split_whitespace().collect();
    assert_eq!(&cols[1..4], &["3", "2", "0.667"], "{report}");
    assert_eq!(&cols[4..7], &["2", "1.000", "1.000"], "{report}");
}

#[test]
fn eval_quotes_names_a_bad_gold_line() {
    let dir = tempdir();
    let gold = dir.join("bad.jsonl");
    std::fs::write(&gold, "{\"quotes\": []}\n").unwrap();
    let out = run(&["eval", "quotes", gold.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.jsonl:1") && err.contains("`ref` or `text`"),
        "{err}"
    );
}
