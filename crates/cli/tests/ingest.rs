//! The corpus store as a user meets it: `warta ingest` into a real SQLite
//! file, `warta query` over it, and an ingest killed mid-way.

mod common;

use common::{run, seed, tempdir, warta};
use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

fn count(db: &std::path::Path, table: &str) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn ingesting_twice_adds_nothing_and_bad_inputs_become_rejects() {
    let dir = tempdir();
    let db = dir.join("w.db");
    let db_arg = db.to_str().unwrap();
    let seed = seed();
    let out = run(&["ingest", "--db", db_arg, seed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 stored, 0 already present, 0 rejected"));
    let (articles, events) = (count(&db, "articles"), count(&db, "event_mentions"));
    assert_eq!(articles, 1);
    assert!(events >= 8, "{events} events");
    // again, with a missing file beside it: nothing new, one reject
    let missing = dir.join("missing.txt");
    let out = run(&[
        "ingest",
        "--db",
        db_arg,
        seed.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0 stored, 1 already present, 1 rejected"), "{err}");
    assert_eq!(
        (count(&db, "articles"), count(&db, "event_mentions")),
        (articles, events)
    );
    assert_eq!(count(&db, "rejects"), 1);
    // search by a linked name and by an event filter
    let out = run(&[
        "query", "--db", db_arg, "Putin", "--type", "SUPPORT", "--actor", "PRK", "--format", "jsonl",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let hits: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 1);
    assert!(hits[0]["snippet"].as_str().unwrap().contains("[Putin]"));
    // a malformed search is the user's error, said plainly
    let out = run(&["query", "--db", db_arg, "\"unclosed"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("search text"));
}

/// Many small distinct articles as JSON Lines.
fn articles(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let line = serde_json::json!({
            "id": format!("a{i}"),
            "url": format!("https://example.id/berita/{i}"),
            "published": "2024-03-05",
            "text": format!(
                "Polisi menangkap tersangka nomor {i} di Jakarta pada Senin.\n\
                 Kapolda Metro Jaya mengatakan pemeriksaan akan dilanjutkan pekan depan ({i})."
            ),
        });
        s.push_str(&line.to_string());
        s.push('\n');
    }
    s
}

#[test]
fn an_ingest_killed_mid_way_resumes_without_losing_or_duplicating() {
    let dir = tempdir();
    let db = dir.join("w.db");
    let input = dir.join("in.jsonl");
    const N: usize = 3000;
    std::fs::File::create(&input)
        .unwrap()
        .write_all(articles(N).as_bytes())
        .unwrap();
    let args = [
        "ingest",
        "-j",
        "1",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ];
    let mut child = warta()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL) once some batches are in.
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let some = db.exists() && std::panic::catch_unwind(|| count(&db, "articles")).unwrap_or(0) > 0;
        if some || start.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = count(&db, "articles");
    eprintln!("killed after {before} of {N} articles");
    // the next run stores the rest, once each
    let out = run(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(count(&db, "articles") as usize, N);
    let c = rusqlite::Connection::open(&db).unwrap();
    let orphans: i64 = c
        .query_row(
            "SELECT count(*) FROM event_mentions WHERE article_id NOT IN (SELECT id FROM articles)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    let searchable: i64 = c
        .query_row("SELECT count(*) FROM search", [], |r| r.get(0))
        .unwrap();
    assert_eq!(searchable as usize, N);
    // and once more: nothing changes
    let events = count(&db, "events");
    let out = run(&args);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("0 stored, {N} already present")));
    assert_eq!(
        (count(&db, "articles") as usize, count(&db, "events")),
        (N, events)
    );
}

#[test]
fn copies_of_a_story_add_mentions_not_events() {
    let dir = tempdir();
    let db = dir.join("w.db");
    let seed_text = std::fs::read_to_string(seed()).unwrap();
    // another spam blog's copy (a site prefix of its own and one word
    // changed: with the same clean text and no address it would be the
    // same article), and a re-post that drops a paragraph
    let other_blog = seed_text
        .replacen("Negaratoto - ", "KabarKilat - ", 1)
        .replace("pasukan Kiev", "pasukan Kyiv");
    let lines: Vec<&str> = seed_text.lines().collect();
    let dropped: String = lines
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != 2)
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.join("b.txt"), other_blog).unwrap();
    std::fs::write(dir.join("c.txt"), dropped).unwrap();
    let db_arg = db.to_str().unwrap();
    let out = run(&["ingest", "--db", db_arg, seed().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events_alone = count(&db, "events");
    let out = run(&[
        "ingest",
        "--db",
        db_arg,
        dir.join("b.txt").to_str().unwrap(),
        dir.join("c.txt").to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("2 copies found, 0 new stories"), "{err}");
    assert_eq!(count(&db, "articles"), 3);
    assert_eq!(
        count(&db, "copies"),
        2,
        "both copies point to one canonical article"
    );
    let c = rusqlite::Connection::open(&db).unwrap();
    let (num_articles, num_sources): (i64, i64) = c
        .query_row(
            "SELECT num_articles, num_sources FROM events WHERE cameo = '051' AND source_code LIKE 'PRK%'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(num_articles, 3);
    assert!(num_sources >= 2, "{num_sources} outlets");
    // the dropped paragraph may take an event with it, but no copy adds one
    assert!(
        count(&db, "events") <= events_alone,
        "{} events after copies, {events_alone} before",
        count(&db, "events")
    );
    assert!(count(&db, "event_mentions") > events_alone);
    // a search lists the story once, with its copies counted
    let out = run(&["query", "--db", db_arg, "Putin", "--format", "jsonl"]);
    let hits: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["copies"], 2);
    let out = run(&["query", "--db", db_arg, "Putin", "--copies", "--format", "jsonl"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    // GDELT export from the store: each event once, with the store's counts
    let out = run(&["export", "--db", db_arg, "--format", "gdelt", "--header"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    let col = |name: &str| rows[0].iter().position(|h| *h == name).unwrap();
    assert!(rows.iter().all(|r| r.len() == 61));
    let support: Vec<&Vec<&str>> = rows[1..]
        .iter()
        .filter(|r| r[col("EventCode")] == "051" && r[col("Actor1Code")].starts_with("PRK"))
        .collect();
    assert_eq!(support.len(), 1, "{text}");
    assert_eq!(support[0][col("NumArticles")], "3");
    let event_id = support[0][col("GLOBALEVENTID")].to_string();
    // Mentions: one row per article that mentions it, all pointing at it
    let out = run(&["export", "--db", db_arg, "--format", "gdelt-mentions"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let mentions: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|r| r[0] == event_id)
        .collect();
    assert_eq!(mentions.len(), 3, "{text}");
    assert!(mentions.iter().all(|r| r.len() == 16));
    // flat records: the same event once, with its counts and story
    for format in ["jsonl", "csv"] {
        let out = run(&["export", "--db", db_arg, "--format", format]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let records: Vec<serde_json::Map<String, serde_json::Value>> = if format == "jsonl" {
            text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
        } else {
            let mut r = csv::Reader::from_reader(text.as_bytes());
            let header = r.headers().unwrap().clone();
            r.records()
                .map(|rec| {
                    let rec = rec.unwrap();
                    header
                        .iter()
                        .zip(rec.iter())
                        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
                        .collect()
                })
                .collect()
        };
        let same: Vec<_> = records
            .iter()
            .filter(|r| r["event_id"].to_string().trim_matches('"') == event_id)
            .collect();
        assert_eq!(same.len(), 1, "{format}: {text}");
        assert_eq!(
            same[0]["num_articles"].to_string().trim_matches('"'),
            "3",
            "{format}"
        );
        assert_eq!(same[0]["cameo"].to_string().trim_matches('"'), "051", "{format}");
        assert!(!same[0]["story_id"].is_null(), "{format}");
    }
    // Parquet: the same records, typed
    let out = run(&["export", "--db", db_arg, "--format", "parquet"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;
    let reader = SerializedFileReader::new(bytes::Bytes::from(out.stdout)).unwrap();
    let schema = reader.metadata().file_metadata().schema_descr_ptr();
    let col = |name: &str| {
        (0..schema.num_columns())
            .find(|i| schema.column(*i).name() == name)
            .unwrap()
    };
    let (id_col, articles_col, cameo_col) = (col("event_id"), col("num_articles"), col("cameo"));
    let support: Vec<parquet::record::Row> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap())
        .filter(|r| r.get_long(id_col).unwrap().to_string() == event_id)
        .collect();
    assert_eq!(support.len(), 1);
    assert_eq!(support[0].get_long(articles_col).unwrap(), 3);
    assert_eq!(support[0].get_string(cameo_col).unwrap(), "051");
}
