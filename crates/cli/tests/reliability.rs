//! Nothing lost, nothing that hangs (issue 12), as a user of the binary sees
//! it: closed pipes, thread counts, streamed JSON, reproducible bytes, the
//! per-article time budget, languages warta does not know.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
mod common;

use common::{run, seed, spawn_piped, tempdir};
use std::sync::mpsc;
use std::time::Duration;

/// `n` short JSON Lines articles (distinct texts, some that lingua decides).
fn articles(n: usize) -> String {
    (0..n)
        .map(|i| {
            let text = if i % 2 == 0 {
                format!(
                    "Presiden Joko Widodo meresmikan jembatan nomor {i} di Surabaya pada Senin (13/6/2022)."
                )
            } else {
                format!("The minister said bridge number {i} would open in Surabaya next month.")
            };
            serde_json::json!({ "id": format!("a{i}"), "text": text }).to_string() + "\n"
        })
        .collect()
}

/// Sends `input` on stdin and returns the child with stdout and stderr piped.
fn spawn_with_stdin(args: &[&str], input: String) -> std::process::Child {
    let mut child = spawn_piped(args);
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    child
}

#[test]
fn a_reader_that_closes_the_pipe_early_is_not_an_error() {
    // `warta analyze … | head -1`: the closed pipe surfaces inside
    // serde_json's error for the JSON formats; it must still end quietly.
    for format in ["json", "jsonl", "pretty"] {
        let mut child = spawn_with_stdin(&["analyze", "--format", format, "-"], articles(600));
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{format}: no output");
        // stdout is dropped here: the rest of the output hits a closed pipe.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "{format}: {:?}, stderr: {stderr}",
            out.status
        );
        assert!(!stderr.contains("Broken pipe"), "{format}: {stderr}");
    }
}

#[test]
fn too_many_worker_threads_is_a_usage_error() {
    for jobs in ["100000", "0", "many"] {
        let out = run(&["analyze", "-j", jobs, seed().to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "-j {jobs}: {stderr}");
        assert!(stderr.contains("--jobs"), "-j {jobs}: {stderr}");
        assert!(!stderr.contains("panicked"), "-j {jobs}: {stderr}");
    }
    let out = run(&[
        "analyze",
        "-j",
        "1024",
        "--format",
        "jsonl",
        seed().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn json_array_is_written_as_articles_are_done() {
    // 300 articles: more than one batch (256). The first batch must reach
    // stdout while stdin is still open, i.e. before the input is all read:
    // the array is streamed, not built in memory.
    let mut child = spawn_piped(&["analyze", "--format", "json", "-"]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(articles(300).as_bytes()).unwrap();
    stdin.flush().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        let mut told = false;
        loop {
            let n = stdout.read(&mut buf).unwrap_or(0);
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if !told && seen.windows(5).any(|w| w == b"\n  },") {
                told = true;
                let _ = tx.send(());
            }
        }
        seen
    });
    // A guard against hanging, not a speed limit: a streamed first batch
    // arrives in well under a second.
    let streamed = rx.recv_timeout(Duration::from_secs(120)).is_ok();
    drop(stdin);
    let status = child.wait().unwrap();
    let all = reader.join().unwrap();
    assert!(streamed, "nothing written before the end of the input");
    assert!(status.success());
    let v: Value = serde_json::from_slice(&all).expect("one JSON array");
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 300);
    assert_eq!(items[0]["id"], "a0");
    assert_eq!(items[299]["id"], "a299");
}

#[test]
fn json_is_an_object_for_one_article_and_an_empty_array_for_none() {
    let out = run(&["analyze", "--format", "json", seed().to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.is_object());
    let dir = tempdir();
    let path = dir.join("two.jsonl");
    std::fs::write(&path, articles(2)).unwrap();
    let out = run(&["analyze", "--format", "json", path.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    // The streamed array is laid out exactly as serde_json pretty-prints it.
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        serde_json::to_string_pretty(&v).unwrap() + "\n"
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    // Separate processes: hash-map seeds differ, so any order-dependent sum
    // (lingua's confidences) would show.
    let dir = tempdir();
    let path = dir.join("batch.jsonl");
    std::fs::write(&path, articles(40)).unwrap();
    let seed = seed();
    let args = [
        "analyze",
        "--format",
        "jsonl",
        path.to_str().unwrap(),
        seed.to_str().unwrap(),
    ];
    let first = run(&args);
    assert!(first.status.success());
    for _ in 0..3 {
        let again = run(&args);
        assert!(again.stdout == first.stdout, "output differs between runs");
    }
    for jobs in ["1", "3"] {
        let mut a = args.to_vec();
        a.extend(["-j", jobs]);
        assert!(run(&a).stdout == first.stdout, "output differs with -j {jobs}");
    }
}

#[test]
fn an_article_over_the_time_budget_fails_and_the_batch_goes_on() {
    let dir = tempdir();
    let path = dir.join("budget.jsonl");
    let big = std::fs::read_to_string(seed()).unwrap().repeat(200);
    let mut lines = serde_json::json!({ "id": "big", "text": big }).to_string() + "\n";
    lines += &articles(3);
    std::fs::write(&path, lines).unwrap();
    let out = run(&[
        "analyze",
        "--format",
        "jsonl",
        "--max-article-ms",
        "1",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 4, "every input keeps its slot");
    assert_eq!(rows[0]["id"], "big");
    let error = rows[0]["error"].as_str().unwrap();
    assert!(error.contains("1 ms budget"), "{error}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("big.jsonl:1") || stderr.contains("budget.jsonl:1"),
        "{stderr}"
    );
    // Without a budget (0) the same article is analysed.
    let out = run(&[
        "analyze",
        "--format",
        "jsonl",
        "--max-article-ms",
        "0",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn french_text_gets_no_language() {
    let dir = tempdir();
    let path = dir.join("fr.txt");
    std::fs::write(
        &path,
        "Le président de la République a annoncé mardi une série de mesures pour soutenir \
         le pouvoir d'achat des ménages, alors que l'inflation reste élevée dans la zone euro \
         et que les syndicats appellent à la grève.\n",
    )
    .unwrap();
    let out = run(&["analyze", "--format", "json", path.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["language"], Value::Null, "{}", v["language"]);
}
