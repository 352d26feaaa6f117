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

/// A running `warta serve`, stopped when dropped.
pub struct Server {
    pub child: std::process::Child,
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(db: &std::path::Path) -> Server {
    start_with(db, &[])
}

pub fn start_with(db: &std::path::Path, extra: &[&str]) -> Server {
    let mut child = warta()
        .args(["serve", "--db", db.to_str().unwrap(), "--addr", "127.0.0.1:0"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("warta serve starts");
    let mut line = String::new();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    std::io::BufRead::read_line(&mut stderr, &mut line).unwrap();
    // Keep reading what it says after, so its writes never meet a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, addr }
}
