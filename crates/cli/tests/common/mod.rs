//! Helpers shared by the CLI's end-to-end tests (each test file uses some).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `warta` binary under test.
pub fn warta() -> Command {
    Command::new(env!("CARGO_BIN_EXE_warta"))
}

/// The bundled example article.
pub fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/000_1ab9b96a3ef9a3a7.txt")
}

/// Runs `warta ARGS` with no stdin and returns what it did.
pub fn run(args: &[&str]) -> Output {
    warta()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("warta runs")
}

/// Starts `warta ARGS` with stdin, stdout and stderr all piped.
pub fn spawn_piped(args: &[&str]) -> std::process::Child {
    warta()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("warta starts")
}

/// A fresh scratch folder for one test.
pub fn tempdir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "warta-cli-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
