//! `warta eval ner FILE…` without the CLI crate; `--pred OUT` also writes
//! `token gold predicted` lines of the first file for conlleval.py:
//! `cargo run --release -p warta-ner --example ner_eval -- FILE… [--pred OUT]`
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pred = args
        .iter()
        .position(|a| a == "--pred")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let files: Vec<PathBuf> = args
        .iter()
        .filter(|a| *a != "--pred" && Some(*a) != pred.as_ref())
        .map(PathBuf::from)
        .collect();
    print!("{}", warta_ner::cli::run_eval(&files)?);
    if let (Some(out), Some(first)) = (pred, files.first()) {
        let ner = warta_ner::NerStage::load_default()?;
        let sents = warta_ner::conll::read_file(first)?;
        let (_, preds) = warta_ner::evaluate(&ner, &sents);
        std::fs::write(out, warta_ner::predictions_conll(&sents, &preds))?;
    }
    Ok(())
}
