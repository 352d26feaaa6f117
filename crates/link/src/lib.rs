//! Entity linking: canonical names, countries, CAMEO actor codes, coordinates.

use warta_core::{Document, Stage, StageError};
use warta_lexicon::Lexicon;

/// Links the entities the NER stage found (and adds lexicon matches it missed).
#[derive(Debug)]
pub struct Linker {
    lexicon: Lexicon,
}

impl Linker {
    pub fn new(lexicon: Lexicon) -> Linker {
        Linker { lexicon }
    }
}

impl Stage for Linker {
    fn name(&self) -> &'static str {
        "link"
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let _ = (&self.lexicon, doc);
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
