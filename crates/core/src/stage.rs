use crate::document::Document;

/// Why a stage could not process a document. The pipeline reports it against
/// the document's id and goes on with the next document.
#[derive(Debug, thiserror::Error)]
#[error("{stage}: {message}")]
pub struct StageError {
    pub stage: &'static str,
    pub message: String,
}

/// One step of the pipeline: a plain function of the document.
///
/// Stages hold their resources (models, lexicons) and never do I/O while
/// processing; they are `Sync` so one instance serves every worker thread.
pub trait Stage: Send + Sync {
    /// Short name used on the command line (`--stages clean,lang`).
    fn name(&self) -> &'static str;
    /// Adds this stage's layer to `doc`.
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;
}
