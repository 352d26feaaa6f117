//! `warta eval petrarch`: the English event coder scored on PETRARCH2's
//! own unit-test suite (`PETR.UnitTest.records.xml`), with the validation
//! dictionaries the suite names in its `<Environment>` (looked for in
//! `../dictionaries` beside the file, as PETRARCH2 ships them). Each
//! record is one sentence with its expected (source, event, target)
//! codings, or `noevents`.

use crate::eval_quotes::EvalError;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use warta_events::en::dict::{ActorDict, AgentDict, Discards, VerbDict};
use warta_events::en::PetrarchCoder;

/// One coding: source, event code, target (`---` for none).
pub type Triple = (String, String, String);

/// One test record.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<u32>,
    pub text: String,
    pub expected: Vec<Triple>,
    pub no_events: bool,
    /// The record tests a malformed parse tree.
    pub parse_error: bool,
}

/// Scores of a run.
#[derive(Debug, Default, Clone)]
pub struct PetrarchReport {
    pub records: usize,
    /// Expected codings (no-event records not counted).
    pub expected: usize,
    pub reproduced: usize,
    /// Records whose expected codings all came out and nothing else.
    pub records_exact: usize,
    pub no_event_records: usize,
    pub no_event_clean: usize,
    /// Records testing PETRARCH's reading of malformed parse trees: not
    /// scored.
    pub parse_error_records: usize,
    pub predicted: usize,
    /// Per category: (expected, reproduced).
    pub by_category: BTreeMap<String, (usize, usize)>,
    /// Expected codings reproduced with the right event code, sides aside.
    pub code_only: usize,
    pub errors: Vec<String>,
}

fn read_file(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()).into())
}

/// Reads the suite: its records and the dictionary file names.
pub fn parse_suite(xml: &str) -> Result<(Vec<Record>, BTreeMap<String, String>), EvalError> {
    let doc = roxmltree::Document::parse(xml)?;
    let mut env = BTreeMap::new();
    let mut records = Vec::new();
    for node in doc.descendants() {
        match node.tag_name().name() {
            "Verbfile" | "Actorfile" | "Agentfile" | "Discardfile" => {
                env.insert(
                    node.tag_name().name().to_string(),
                    node.text().unwrap_or("").trim().to_string(),
                );
            }
            "Sentence" => {
                let mut r = Record {
                    id: node.attribute("id").unwrap_or("").to_string(),
                    category: node.attribute("category").unwrap_or("").to_string(),
                    date: node.attribute("date").and_then(|d| d.parse().ok()),
                    text: String::new(),
                    expected: Vec::new(),
                    no_events: false,
                    parse_error: false,
                };
                for c in node.children().filter(|c| c.is_element()) {
                    match c.tag_name().name() {
                        "Text" => {
                            r.text = c
                                .text()
                                .unwrap_or("")
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join(" ")
                        }
                        // A discarded story or sentence, or a dateline,
                        // codes nothing; a malformed parse tree tests
                        // PETRARCH's tree reader, which warta does not
                        // have: not scored.
                        "EventCoding"
                            if c.attribute("error")
                                .is_some_and(|e| e.contains("discard") || e == "dateline") =>
                        {
                            r.no_events = true
                        }
                        "EventCoding" if c.attribute("error").is_some() => r.parse_error = true,
                        "EventCoding" if c.attribute("noevents").is_some() => r.no_events = true,
                        "EventCoding" => {
                            let side = |k: &str| match c.attribute(k).unwrap_or("---") {
                                "None" | "" => "---".to_string(),
                                s => s.to_string(),
                            };
                            r.expected
                                .push((side("sourcecode"), side("eventcode"), side("targetcode")));
                        }
                        _ => {}
                    }
                }
                records.push(r);
            }
            _ => {}
        }
    }
    Ok((records, env))
}

/// Loads the validation dictionaries the suite names, from `dir`.
pub fn load_coder(dir: &Path, env: &BTreeMap<String, String>) -> Result<PetrarchCoder, EvalError> {
    let file = |k: &str| -> Result<String, EvalError> {
        let name = env.get(k).ok_or_else(|| format!("the suite names no <{k}>"))?;
        read_file(&dir.join(name))
    };
    let named = |what: &str, e: warta_events::en::dict::DictError| format!("{what}: {e}");
    Ok(PetrarchCoder::new(
        VerbDict::parse(&file("Verbfile")?).map_err(|e| named("verbs", e))?,
        ActorDict::parse(&file("Actorfile")?).map_err(|e| named("actors", e))?,
        AgentDict::parse(&file("Agentfile")?).map_err(|e| named("agents", e))?,
        Discards::parse(&file("Discardfile").unwrap_or_default()),
    ))
}

/// Codes every record and compares.
pub fn evaluate(coder: &PetrarchCoder, records: &[Record]) -> PetrarchReport {
    let mut r = PetrarchReport {
        records: records.len(),
        ..PetrarchReport::default()
    };
    for rec in records {
        if rec.parse_error {
            r.parse_error_records += 1;
            continue;
        }
        let got = coder.code(&rec.text, rec.date);
        r.predicted += got.len();
        if rec.no_events && rec.expected.is_empty() {
            r.no_event_records += 1;
            if got.is_empty() {
                r.no_event_clean += 1;
            } else {
                r.errors
                    .push(format!("{} spurious {:?}: {}", rec.id, got, rec.text));
            }
            continue;
        }
        let cat = r.by_category.entry(rec.category.clone()).or_default();
        let mut all = true;
        for e in &rec.expected {
            r.expected += 1;
            cat.0 += 1;
            if got.contains(e) {
                r.reproduced += 1;
                cat.1 += 1;
            } else {
                all = false;
                r.errors.push(format!(
                    "{} missed {}|{}|{} (got {:?}): {}",
                    rec.id, e.0, e.1, e.2, got, rec.text
                ));
            }
            if got.iter().any(|g| g.1 == e.1) {
                r.code_only += 1;
            }
        }
        let extra: Vec<&Triple> = got.iter().filter(|g| !rec.expected.contains(g)).collect();
        if all && extra.is_empty() {
            r.records_exact += 1;
        }
        for g in extra {
            r.errors
                .push(format!("{} extra {}|{}|{}: {}", rec.id, g.0, g.1, g.2, rec.text));
        }
    }
    r
}

/// The report as text.
pub fn format_report(r: &PetrarchReport, show_errors: bool) -> String {
    let mut out = String::new();
    if show_errors {
        for e in &r.errors {
            let _ = writeln!(out, "{e}");
        }
        out.push('\n');
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    let _ = writeln!(
        out,
        "{} records ({} testing malformed parse trees, not scored), {} expected codings, {} records with no event",
        r.records, r.parse_error_records, r.expected, r.no_event_records
    );
    let mut share = |what: &str, a: usize, b: usize| {
        let _ = writeln!(out, "{what}: {a} of {b} ({:.1} %)", pct(a, b));
    };
    share(
        "codings reproduced exactly (source, event, target)",
        r.reproduced,
        r.expected,
    );
    share("event code right, sides aside", r.code_only, r.expected);
    let _ = writeln!(
        out,
        "records coded exactly (all expected, nothing else): {} of {}",
        r.records_exact,
        r.records - r.no_event_records - r.parse_error_records
    );
    let _ = writeln!(
        out,
        "no-event records left uncoded: {} of {}",
        r.no_event_clean, r.no_event_records
    );
    let _ = writeln!(out, "codings predicted: {}", r.predicted);
    let _ = writeln!(out, "{:<10} {:>8} {:>10}", "category", "expected", "reproduced");
    for (c, (e, k)) in &r.by_category {
        let _ = writeln!(out, "{c:<10} {e:>8} {k:>10}");
    }
    out
}

/// `warta eval petrarch FILE…`.
pub fn run_eval(files: &[PathBuf], show_errors: bool) -> Result<String, EvalError> {
    let mut out = String::new();
    for f in files {
        let (records, env) = parse_suite(&read_file(f)?).map_err(|e| format!("{}: {e}", f.display()))?;
        let dir = f
            .parent()
            .unwrap_or(Path::new("."))
            .join("..")
            .join("dictionaries");
        let coder = load_coder(&dir, &env).map_err(|e| format!("{}: {e}", dir.display()))?;
        let r = evaluate(&coder, &records);
        let _ = writeln!(out, "{}", f.display());
        out.push_str(&format_report(&r, show_errors));
    }
    Ok(out)
}
