//! The bundled example's whole analysis, pinned in a golden file so a change
//! to any stage shows up as a readable diff of `examples/*.json`.
//!
//! After a deliberate change, regenerate with
//! `WARTA_UPDATE_GOLDEN=1 cargo test -p warta-cli --test golden` and review
//! the diff before committing it.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn examples() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"))
}

/// Equal JSON, every difference listed by its path. Numbers are compared
/// exactly: the output is byte-reproducible (language confidences are
/// rounded to 4 decimals).
fn same(a: &Value, b: &Value, path: &str, diffs: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                same(
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    &format!("{path}.{k}"),
                    diffs,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                diffs.push(format!("{path}: {} items != {} items", x.len(), y.len()));
            }
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                same(p, q, &format!("{path}[{i}]"), diffs);
            }
        }
        _ if a == b => {}
        _ => diffs.push(format!("{path}: {a} != {b}")),
    }
}

#[test]
fn seed_analysis_matches_the_golden_file() {
    let input = examples().join("000_1ab9b96a3ef9a3a7.txt");
    let golden = examples().join("000_1ab9b96a3ef9a3a7.json");
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["analyze", "--format", "json", input.to_str().unwrap()])
        .output()
        .expect("warta runs");
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut got: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    // The input path depends on where the repository is checked out.
    let input = got["source"]["input"].as_str().unwrap_or_default();
    assert!(
        input.ends_with("000_1ab9b96a3ef9a3a7.txt"),
        "source.input is the path given: {input}"
    );
    got["source"]["input"] = Value::String("examples/000_1ab9b96a3ef9a3a7.txt".into());
    if std::env::var_os("WARTA_UPDATE_GOLDEN").is_some() {
        let mut text = serde_json::to_string_pretty(&got).unwrap();
        text.push('\n');
        std::fs::write(&golden, text).unwrap();
        return;
    }
    let want: Value = serde_json::from_str(&std::fs::read_to_string(&golden).expect("golden file reads"))
        .expect("golden file is JSON");
    let mut diffs = Vec::new();
    same(&got, &want, "$", &mut diffs);
    assert!(
        diffs.is_empty(),
        "the seed's analysis changed ({} differences; first ones below). If the change is intended, \
         regenerate with WARTA_UPDATE_GOLDEN=1 cargo test -p warta-cli --test golden and review the diff.\n{}",
        diffs.len(),
        diffs.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}
