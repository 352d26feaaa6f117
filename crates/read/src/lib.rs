//! Readers: turn inputs (files, directories, stdin, JSON Lines, HTML, WARC)
//! into [`RawArticle`]s. Readers never analyse; they only decode and extract.
//!
//! **Formats** are chosen by extension, else by content:
//! - `.jsonl`, `.ndjson`: JSON Lines, one object per line with `id`, `text`
//!   or `html`, and optional `url`, `title`, `published`, `site`. A missing
//!   `id` becomes `<file stem>:<line>`; a bad line is an error naming
//!   `path:line`. `.json`: one such object, or an array of them. `id` and
//!   `published` are strings or numbers, the others strings; `null` is
//!   absent; a known field of another type rejects the record, naming the
//!   field (`field `title` must be a string, not a number`).
//! - `.warc`, `.warc.gz` (or content starting `WARC/`, or gzip holding that):
//!   HTML responses and resources; id = `WARC-Record-ID`, else target URI.
//! - `.html`, `.htm`, `.xhtml` (or content starting `<!doctype html`,
//!   `<html`, `<head`, `<body`): main content via [`extract_html`]; id = stem.
//! - anything else that is text: plain text, id = file stem.
//! - `-` is stdin, sniffed the same way (JSON Lines if its first line is a
//!   JSON object); ids are `stdin` or `stdin:<line>`.
//!
//! **Directories** are walked recursively in name order; hidden entries
//! (`.git`, `.DS_Store`) are skipped, and so, silently, are files without an
//! article extension (`txt text html htm xhtml jsonl ndjson warc warc.gz`;
//! not `json`, usually metadata there) — images and READMEs are normal there. A file named explicitly
//! is always read.
//!
//! **Errors** ([`ReadError`], one line, naming the input): missing or
//! unreadable inputs, binary data (magic numbers or NUL bytes), empty input,
//! input over [`MAX_ARTICLE_BYTES`] (10 MiB per article / JSON line / WARC
//! record), HTML with no text, and plain text that is not UTF-8. Plain text
//! is *not* charset-guessed: it declares nothing, and a wrong guess silently
//! garbles names, so the error says to convert it (a UTF-8 or UTF-16
//! byte-order mark is honoured). HTML is decoded by BOM, transport
//! `Content-Type`, `<meta charset>`, UTF-8 validity, then `chardetng`.
//! Reading never panics (property tests and `fuzz/`), and HTML extraction
//! takes time linear in the page's size: a page nesting deeper than 512
//! elements, or with runaway misnested formatting tags, is flattened first
//! (formatting tags and the excess nesting dropped, every word of text
//! kept), and a tag's attributes past the 128th are dropped.
//!
//! **Never silently lost, never waited on:** in a directory, a named pipe,
//! socket or device with an article's extension is an error, not read (a
//! pipe named on the command line is read); a gzip stream expanding over
//! 200 times past 64 MiB is refused as a gzip bomb.

mod decode;
mod html;
mod html_noise;
mod input;
mod jsonl;
mod limit;
mod tame;
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
    /// The article's id, when the bad input still gave one (a JSON record's
    /// `id`, a WARC record's ID or target URI, a page's file stem when its
    /// HTML has no text), so the failure can be matched to it.
    pub id: Option<String>,
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
            id: None,
        }
    }

    /// The same error, naming the article's id.
    pub fn with_id(self, id: impl Into<String>) -> ReadError {
        ReadError {
            id: Some(id.into()),
            ..self
        }
    }
}

/// Reads every input in order (`-` is stdin; directories are walked
/// recursively in sorted order), yielding one result per article or per bad
/// input. A bad input never stops the others. Lazy: each input is opened
/// only when the iterator reaches it, and JSON Lines and WARC files are read
/// one record at a time.
pub fn read_inputs(inputs: &[String]) -> impl Iterator<Item = Result<RawArticle, ReadError>> + Send + '_ {
    read_inputs_deferred(inputs).map(|r| r.and_then(PendingArticle::finish))
}

/// Like [`read_inputs`], but HTML main-content extraction — by far the
/// costliest part of reading — is left to [`PendingArticle::finish`], so a
/// caller can run it on worker threads (e.g. inside a rayon batch) instead of
/// on the thread that drives the iterator.
pub fn read_inputs_deferred(
    inputs: &[String],
) -> impl Iterator<Item = Result<PendingArticle, ReadError>> + Send + '_ {
    inputs.iter().flat_map(|input| input::open(input))
}

/// How many articles `inputs` hold, when that is cheap to know before
/// reading them (for a progress bar): JSON Lines files count their
/// non-empty lines, other article files one each (directories walked as
/// [`read_inputs`] walks them); `None` when stdin, a WARC file or a JSON
/// file is among them. Reads JSON Lines files once more.
pub fn count_articles(inputs: &[String]) -> Option<u64> {
    input::count_articles(inputs)
}

/// Reads one in-memory input as if it were a file called `name` (the name's
/// extension picks the format as for files; `-` sniffs like stdin). For
/// fuzzing and embedding.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Vec<Result<RawArticle, ReadError>> {
    input::from_bytes(name, bytes.to_vec())
        .map(|r| r.and_then(PendingArticle::finish))
        .collect()
}

/// An article read and decoded, whose HTML (if any) is not yet extracted.
#[derive(Debug, Clone)]
pub struct PendingArticle {
    /// Id, origin and any metadata the container gave (a JSON Lines record's
    /// fields), which win over what the HTML declares; `text` when ready.
    fields: RawArticle,
    /// Decoded HTML still to extract, and the URL it came from.
    html: Option<(String, Option<String>)>,
}

impl PendingArticle {
    fn ready(fields: RawArticle) -> PendingArticle {
        PendingArticle { fields, html: None }
    }

    fn html(html: String, url: Option<String>, fields: RawArticle) -> PendingArticle {
        PendingArticle {
            fields,
            html: Some((html, url)),
        }
    }

    /// Where the article came from, for error messages.
    pub fn origin(&self) -> &str {
        &self.fields.origin
    }

    /// Extracts the HTML, if any, and returns the finished article.
    pub fn finish(self) -> Result<RawArticle, ReadError> {
        let Some((html, url)) = self.html else {
            return Ok(self.fields);
        };
        let f = self.fields;
        let x = extract_html(&html, url.as_deref())
            .map_err(|e| ReadError::new(&f.origin, e.to_string()).with_id(&f.id))?;
        Ok(RawArticle {
            text: x.text,
            url: f.url.or(x.url),
            title: f.title.or(x.title),
            published: f.published.or(x.published),
            site: f.site.or(x.site),
            ..f
        })
    }
}
