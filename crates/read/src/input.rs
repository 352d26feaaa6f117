//! Opening one named input: stdin, a directory or a file, and choosing its
//! reader by extension and by sniffing its first bytes.

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;

use crate::jsonl::{json_document, JsonLines};
use crate::limit::{read_all_bounded, too_large_message, MAX_ARTICLE_BYTES};
use crate::warc::WarcRecords;
use crate::{decode, PendingArticle, RawArticle, ReadError};

/// The results of one input, produced lazily.
pub(crate) type Results = Box<dyn Iterator<Item = Result<PendingArticle, ReadError>> + Send>;

/// How many leading bytes are looked at to sniff a format.
const SNIFF: u64 = 8 * 1024;

/// Extensions read when walking a directory; other files there (images,
/// READMEs, stray binaries) are skipped silently, since a directory of
/// articles routinely holds them. `.json` is left out too: beside articles
/// it is usually metadata. A file named explicitly is always read.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "warc", "warc.gz",
];

/// What a name's extension says about its content.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Format {
    Text,
    Html,
    JsonLines,
    /// One JSON document: a record or an array of records.
    Json,
    Warc,
    WarcGz,
    /// No telling extension: decide by content.
    Unknown,
}

fn format_of(name: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    let ext = |e: &str| lower.ends_with(&format!(".{e}"));
    if ext("warc.gz") {
        Format::WarcGz
    } else if ext("warc") {
        Format::Warc
    } else if ext("jsonl") || ext("ndjson") {
        Format::JsonLines
    } else if ext("json") {
        Format::Json
    } else if ext("html") || ext("htm") || ext("xhtml") {
        Format::Html
    } else if ext("txt") || ext("text") {
        Format::Text
    } else {
        Format::Unknown
    }
}

fn has_article_extension(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    ARTICLE_EXTENSIONS
        .iter()
        .any(|e| name.ends_with(&format!(".{e}")))
}

/// Everything under `dir`, recursively, in name order, hidden files and
/// directories (`.git`, `.DS_Store`) left out: what reading a directory
/// and counting its articles both walk.
fn entries_under(dir: &Path) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
}

/// Opens one input as the user named it.
pub(crate) fn open(input: &str) -> Results {
    if input == "-" {
        return sniffed(
            Box::new(io::stdin()),
            input.to_string(),
            "stdin".into(),
            Format::Unknown,
        );
    }
    let path = Path::new(input);
    match std::fs::metadata(path) {
        Err(e) => error(input, io_message(&e)),
        Ok(m) if m.is_dir() => walk(path),
        Ok(_) => open_file(path, input.to_string()),
    }
}

/// Every article file under `dir`, recursively, in name order; hidden files
/// and directories (`.git`, `.DS_Store`) are skipped.
fn walk(dir: &Path) -> Results {
    let dir = dir.to_path_buf();
    let entries = entries_under(&dir);
    Box::new(entries.flat_map(move |entry| -> Results {
        match entry {
            Ok(e) if e.file_type().is_file() && has_article_extension(e.path()) => {
                open_file(e.path(), e.path().display().to_string())
            }
            // A pipe, socket or device with an article's name: reading it
            // could wait forever, but skipping it silently would lose it.
            Ok(e) if !e.file_type().is_dir() && has_article_extension(e.path()) => error(
                &e.path().display().to_string(),
                format!(
                    "{}, not a regular file: not read from a directory (name it to read it)",
                    special_kind(&e.file_type())
                ),
            ),
            Ok(_) => Box::new(std::iter::empty()),
            Err(e) => {
                let at = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| dir.display().to_string());
                let msg = match e.io_error() {
                    Some(io) => io_message(io),
                    None => e.to_string(),
                };
                error(&at, msg)
            }
        }
    }))
}

/// What a file that is neither a regular file nor a directory is.
fn special_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = t;
    "a special file"
}

fn open_file(path: &Path, label: String) -> Results {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return error(&label, io_message(&e)),
    };
    let stem = file_stem(path);
    match format_of(&label) {
        Format::JsonLines => Box::new(JsonLines::new(BufReader::new(file), label, stem)),
        f => sniffed(Box::new(file), label, stem, f),
    }
}

/// Reads the first bytes of `reader` and picks its reader: WARC (plain or
/// gzip), JSON Lines (a first line that is a JSON object), HTML
/// (`<!doctype html`, `<html`, or an `.html` name), else plain text.
fn sniffed(reader: Box<dyn Read + Send>, label: String, stem: String, hint: Format) -> Results {
    let mut reader = reader;
    let mut head = Vec::new();
    if let Err(e) = (&mut reader).take(SNIFF).read_to_end(&mut head) {
        return error(&label, io_message(&e));
    }
    if head.starts_with(b"\x1f\x8b") {
        return gzipped(Box::new(Cursor::new(head).chain(reader)), label);
    }
    if head.starts_with(b"WARC/") {
        return Box::new(WarcRecords::new(
            BufReader::new(Cursor::new(head).chain(reader)),
            label,
        ));
    }
    if matches!(hint, Format::Warc | Format::WarcGz) {
        let why = if head.is_empty() {
            "empty input: no WARC records"
        } else {
            "not a WARC file"
        };
        return error(&label, why);
    }
    let trimmed = trim_start(head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head));
    if hint == Format::Unknown && trimmed.starts_with(b"{") && first_line_is_object(trimmed) {
        return Box::new(JsonLines::new(
            BufReader::new(Cursor::new(head).chain(reader)),
            label,
            stem,
        ));
    }
    if let Some(kind) = decode::binary_kind(&head) {
        return error(&label, format!("{kind}, not an article"));
    }
    let bytes = match read_all_bounded(Cursor::new(head).chain(reader), MAX_ARTICLE_BYTES) {
        Ok(Some(b)) => b,
        // A `.json` file holds a batch, not one article: say what to do.
        Ok(None) if hint == Format::Json => {
            return error(
                &label,
                format!(
                    "larger than the {} MiB limit for a .json file; give big batches as \
                     JSON Lines (.jsonl), read one line at a time",
                    MAX_ARTICLE_BYTES >> 20
                ),
            )
        }
        Ok(None) => return error(&label, too_large_message()),
        Err(e) => return error(&label, io_message(&e)),
    };
    if hint == Format::Json {
        return Box::new(json_document(&bytes, &label, &stem).into_iter());
    }
    let fields = RawArticle {
        id: stem,
        origin: label.clone(),
        ..RawArticle::default()
    };
    let article = if trim_start(&bytes).is_empty() {
        Err(ReadError::new(&label, "empty input: no text"))
    } else if hint == Format::Html || looks_like_html(&bytes) {
        Ok(PendingArticle::html(
            decode::decode_html(&bytes, None),
            None,
            fields,
        ))
    } else {
        decode::decode_text(&bytes)
            .map_err(|m| ReadError::new(&label, m))
            .and_then(|text| {
                if text.trim().is_empty() {
                    Err(ReadError::new(&label, "empty input: no text"))
                } else {
                    Ok(PendingArticle::ready(RawArticle { text, ..fields }))
                }
            })
    };
    Box::new(std::iter::once(article))
}

/// A gzip stream: only a compressed WARC is an article source.
fn gzipped(reader: Box<dyn Read + Send>, label: String) -> Results {
    let compressed = Arc::new(AtomicU64::new(0));
    let counted = Counted {
        inner: reader,
        count: Arc::clone(&compressed),
    };
    let mut inner = BombGuard {
        inner: MultiGzDecoder::new(counted),
        compressed,
        out: 0,
    };
    let mut head = Vec::new();
    if let Err(e) = (&mut inner).take(5).read_to_end(&mut head) {
        return error(
            &label,
            format!("gzip-compressed, but it cannot be decompressed: {e}"),
        );
    }
    if head != b"WARC/" {
        return error(
            &label,
            "gzip-compressed data that is not a WARC file; decompress it first",
        );
    }
    Box::new(WarcRecords::new(
        BufReader::new(Cursor::new(head).chain(inner)),
        label,
    ))
}

/// Decompressed bytes a gzip stream may give before its ratio is checked.
const BOMB_MIN: u64 = 64 << 20;
/// The most a gzip stream may expand. Crawls compress 3 to 10 times, and
/// deflate cannot pass about 1,030; a stream past this is a "gzip bomb"
/// that would keep the reader busy for hours, not a WARC.
const MAX_GZIP_RATIO: u64 = 200;

/// Counts the bytes read through it.
struct Counted<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Fails a decompressed stream once it passes [`BOMB_MIN`] bytes and
/// [`MAX_GZIP_RATIO`] times its compressed size.
struct BombGuard<R> {
    inner: R,
    compressed: Arc<AtomicU64>,
    out: u64,
}

impl<R: Read> Read for BombGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.out += n as u64;
        let compressed = self.compressed.load(Ordering::Relaxed).max(1);
        if self.out > BOMB_MIN && self.out / compressed > MAX_GZIP_RATIO {
            return Err(io::Error::other(format!(
                "it decompresses to over {MAX_GZIP_RATIO} times its size (a gzip bomb?); the rest is not read"
            )));
        }
        Ok(n)
    }
}

/// HTML by content: a doctype, `<html`, or a `<head>`/`<body>` near the top.
fn looks_like_html(bytes: &[u8]) -> bool {
    let start = trim_start(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes));
    let head: Vec<u8> = start.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html")
        || head.starts_with(b"<html")
        || head.starts_with(b"<head")
        || head.starts_with(b"<body")
        || (head.starts_with(b"<!--") && (contains(&head, b"<html") || contains(&head, b"<!doctype html")))
}

fn first_line_is_object(bytes: &[u8]) -> bool {
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or(bytes);
    // A first line cut off by the sniff window is judged by its start alone.
    line.len() as u64 >= SNIFF - 1
        || serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(line).is_ok()
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// A one-line, lower-case description of an I/O error.
fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => format!("cannot read: {e}"),
    }
}

fn error(input: &str, message: impl Into<String>) -> Results {
    Box::new(std::iter::once(Err(ReadError::new(input, message))))
}

/// In-memory bytes read as a file named `name` would be.
pub(crate) fn from_bytes(name: &str, bytes: Vec<u8>) -> Results {
    let stem = if name == "-" {
        "stdin".to_string()
    } else {
        file_stem(Path::new(name))
    };
    let label = name.to_string();
    let reader = Cursor::new(bytes);
    match format_of(name) {
        Format::JsonLines => Box::new(JsonLines::new(BufReader::new(reader), label, stem)),
        f => sniffed(Box::new(reader), label, stem, f),
    }
}

/// How many articles `inputs` hold, when that is cheap to know ahead of
/// reading them — for a progress bar's ETA: a JSON Lines file counts its
/// non-empty lines, any other article file one; stdin, WARC and JSON
/// arrays make it unknown (`None`).
pub(crate) fn count_articles(inputs: &[String]) -> Option<u64> {
    let mut total = 0u64;
    let count_file = |path: &Path| -> Option<u64> {
        match format_of(&path.to_string_lossy()) {
            Format::Warc | Format::WarcGz | Format::Json => None,
            Format::JsonLines => {
                let bytes = std::fs::read(path).ok()?;
                Some(
                    bytes
                        .split(|b| *b == b'\n')
                        .filter(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
                        .count() as u64,
                )
            }
            _ => Some(1),
        }
    };
    for input in inputs {
        if input == "-" {
            return None;
        }
        let path = Path::new(input);
        if path.is_dir() {
            for e in entries_under(path).flatten() {
                if e.file_type().is_file() && has_article_extension(e.path()) {
                    total += count_file(e.path())?;
                }
            }
        } else {
            total += count_file(path)?;
        }
    }
    Some(total)
}
