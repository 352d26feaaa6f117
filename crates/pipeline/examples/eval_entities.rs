//! Scores CoNLL gold files end to end (NER + linker):
//! `cargo run --release -p warta-pipeline --example eval_entities -- FILE…`.

use std::path::PathBuf;

fn main() {
    let files: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    match warta_pipeline::eval_entities::run_eval(&files) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
