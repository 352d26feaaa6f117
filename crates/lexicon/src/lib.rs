//! Lexicons of places, countries and actors, loaded from `data/`.

/// All lexicons the linker uses.
#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// Loads the lexicons committed under `data/` (embedded in the binary).
    pub fn load_default() -> Result<Lexicon, LexiconError> {
        Ok(Lexicon {})
    }
}

/// A lexicon file that could not be parsed.
#[derive(Debug, thiserror::Error)]
#[error("lexicon {file}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub message: String,
}
