//! What the gold-scoring tests share: where the gold files are, and one
//! scoring run over articles read from `../shared` (skipped when absent).

use std::path::{Path, PathBuf};
use warta_pipeline::eval_quotes::EvalError;
use warta_pipeline::Pipeline;

/// The gold file `name` of `data/eval/<kind>/`.
pub fn gold(kind: &str, name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/eval"))
        .join(kind)
        .join(name)
}

/// Scores the gold file `name` of `data/eval/<kind>/` with the standard
/// pipeline, printing the report; `None` without the reference data.
pub fn report<R>(
    kind: &str,
    name: &str,
    evaluate: fn(&Pipeline, &[PathBuf], &Path) -> Result<R, EvalError>,
    format: fn(&R, bool) -> String,
) -> Option<R> {
    let shared = warta_testdata::shared("data/news")?;
    let shared = shared.parent()?.parent()?.to_path_buf();
    let pipeline = Pipeline::standard().expect("pipeline loads");
    let r = evaluate(&pipeline, &[gold(kind, name)], &shared).expect("gold scores");
    eprintln!("{name}:\n{}", format(&r, false));
    Some(r)
}
