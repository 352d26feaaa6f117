//! Readers: turn inputs (files, directories, stdin, JSON Lines, HTML, WARC)
//! into [`RawArticle`]s. Readers never analyse; they only decode and extract.
//!
//! Formats are chosen by extension, else by content: `.jsonl`/`.ndjson`/`.json`
//! are JSON Lines; `.warc`/`.warc.gz` (or content starting `WARC/`, or gzip
//! holding that) are WARC; `.html`/`.htm`/`.xhtml` (or content starting
//! `<!doctype html`, `<html`) are HTML; anything else that is text is plain
//! text. Plain text must be UTF-8 (see [`MAX_ARTICLE_BYTES`] for the size
//! limit); HTML is decoded by its declared or detected charset.

mod decode;
mod html;
mod input;
mod jsonl;
mod limit;
mod warc;

pub use html::{extract_html, HtmlError, HtmlExtract};
pub use limit::MAX_ARTICLE_BYTES;

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

impl ReadError {
    /// An error about `input`. The message is kept on one line so every
    /// error prints as exactly one line.
    pub fn new(input: impl Into<String>, message: impl Into<String>) -> ReadError {
        let message: String = message.into();
        let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
        ReadError {
            input: input.into(),
            message,
        }
    }
}

/// Reads every input in order (`-` is stdin; directories are walked
/// recursively in sorted order), yielding one result per article or per bad
/// input. A bad input never stops the others. Lazy: each input is opened
/// only when the iterator reaches it, and JSON Lines and WARC files are read
/// one record at a time.
pub fn read_inputs(inputs: &[String]) -> impl Iterator<Item = Result<RawArticle, ReadError>> + Send + '_ {
    inputs.iter().flat_map(|input| input::open(input))
}

/// Reads one in-memory input as if it were a file called `name` (the name's
/// extension picks the format as for files). For fuzzing and embedding.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Vec<Result<RawArticle, ReadError>> {
    input::from_bytes(name, bytes.to_vec()).collect()
}

/// An HTML page as an article, its errors naming `origin`.
fn html_article(html: &str, url: Option<&str>, origin: &str) -> Result<RawArticle, ReadError> {
    let x = extract_html(html, url).map_err(|e| ReadError::new(origin, e.to_string()))?;
    Ok(RawArticle {
        text: x.text,
        url: x.url,
        title: x.title,
        published: x.published,
        site: x.site,
        ..RawArticle::default()
    })
}
