//! Statistical named-entity recognition for Indonesian news.

use warta_core::{Document, Stage, StageError};

/// Finds PER/ORG/LOC mentions in a segmented document (unlinked).
#[derive(Debug, Default)]
pub struct NerStage {}

impl NerStage {
    /// Loads the committed model from the crate's embedded data.
    pub fn load_default() -> Result<NerStage, StageError> {
        Ok(NerStage {})
    }
}

impl Stage for NerStage {
    fn name(&self) -> &'static str {
        "ner"
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let _ = doc;
        Ok(())
    }
}

/// Entry points for the `warta` command line (`warta eval …`, `warta train …`).
pub mod cli {
    use std::path::PathBuf;

    /// Error type the command line prints as is.
    pub type CliError = Box<dyn std::error::Error + Send + Sync>;

    /// Scores gold files and returns a printable report.
    pub fn run_eval(files: &[PathBuf]) -> Result<String, CliError> {
        let _ = files;
        Err("evaluation is not implemented yet".into())
    }
}

/// Training entry point for `warta train ner`.
pub mod train_cli {
    use std::path::Path;

    /// Trains from the gold data under `data_dir` (e.g. `../shared/data/ner`)
    /// and writes the model to `out`; returns a printable summary.
    pub fn run_train(data_dir: &Path, out: &Path) -> Result<String, super::cli::CliError> {
        let _ = (data_dir, out);
        Err("training is not implemented yet".into())
    }
}
