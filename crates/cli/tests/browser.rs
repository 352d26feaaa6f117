//! The dashboard in a real browser: `warta serve` over a store built from
//! the bundled example, driven by `tests/browser/dashboard.mjs`
//! (playwright-core on Debian's chromium): a search, the seed article with
//! Kim Jong Un highlighted and its SUPPORT event, a map marker at
//! Sievierodonetsk, a phone-sized screen, and a posted article full of
//! `<script>`, `onerror` and `javascript:` that must run nothing.
//! Screenshots go to `target/browser-screenshots/`.
//!
//! It needs `node`, chromium (`/usr/bin/chromium` or `$CHROMIUM`) and
//! `npm ci --prefix tests/browser`; `.ci/run` installs them and sets
//! `WARTA_BROWSER_TESTS=required`, so in CI a missing piece fails the test.
//! Elsewhere it says what is missing and passes.

mod common;

use common::{run, start_with};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What is missing to run the browser, if anything.
fn missing() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("no chromium at {chromium} (apt-get install chromium)"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("no node".into());
    }
    if !repo().join("tests/browser/node_modules/playwright-core").exists() {
        return Some("no playwright-core (npm ci --prefix tests/browser)".into());
    }
    None
}

#[test]
fn the_dashboard_works_in_a_real_browser_and_runs_no_article_content() {
    if let Some(why) = missing() {
        if std::env::var("WARTA_BROWSER_TESTS").as_deref() == Ok("required") {
            panic!("the browser tests are required but cannot run: {why}");
        }
        eprintln!("skipping the browser tests: {why}");
        return;
    }
    let dir = common::tempdir();
    let db = dir.join("demo.db");
    let examples = repo().join("examples");
    let out = run(&["ingest", "--db", db.to_str().unwrap(), examples.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = "browser-test-token-0123456789";
    let server = start_with(&db, &["--ingest-token", token]);
    let shots = repo().join("target/browser-screenshots");
    let status = Command::new("node")
        .arg(repo().join("tests/browser/dashboard.mjs"))
        .arg(format!("http://{}", server.addr))
        .arg(&shots)
        .arg(token)
        .status()
        .expect("node runs");
    assert!(
        status.success(),
        "the browser checks failed (their report is above)"
    );
    for shot in ["dashboard.png", "article.png", "phone.png", "markup-as-text.png"] {
        let size = std::fs::metadata(shots.join(shot)).map(|m| m.len()).unwrap_or(0);
        assert!(
            size > 10_000,
            "{shot}: screenshot missing or blank ({size} bytes)"
        );
    }
}
