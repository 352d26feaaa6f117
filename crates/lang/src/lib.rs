//! Language identification.

use warta_core::{Document, Language, Stage, StageError};

/// Identifies the language of a text (Indonesian, Malay, English, …).
#[derive(Debug, Default)]
pub struct LanguageIdentifier {}

impl LanguageIdentifier {
    pub fn new() -> LanguageIdentifier {
        LanguageIdentifier {}
    }

    /// The most likely language with a confidence in `[0, 1]`, or `None` when
    /// the text has too little signal.
    pub fn detect(&self, text: &str) -> Option<Language> {
        let _ = text;
        None
    }
}

impl Stage for LanguageIdentifier {
    fn name(&self) -> &'static str {
        "lang"
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.language = self.detect(&doc.text);
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
