//! `warta analyze`: read inputs, run the pipeline on every article (in
//! parallel, output in input order), write the chosen format.

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;
use warta_core::Document;
use warta_pipeline::Pipeline;
use warta_read::{read_inputs_deferred, PendingArticle, RawArticle, ReadError};

/// Articles analysed together; output is written after each batch, so memory
/// stays bounded on large inputs while order is kept.
const BATCH: usize = 256;

#[derive(Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
}

/// What to read and how to run the pipeline over it (`analyze`, `export`).
#[derive(Args)]
pub struct InputArgs {
    /// Files, directories (walked recursively) or `-` for stdin. Without any,
    /// stdin is read when it is not a terminal.
    paths: Vec<String>,
    /// Comma-separated stages to run (default: all). Known: clean, lang,
    /// segment, published, times, ner, link, coref, quotes, events.
    #[arg(long, value_delimiter = ',')]
    stages: Option<Vec<String>>,
    /// Worker threads, 1 to 1024 (default: all cores).
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(1..=MAX_JOBS))]
    jobs: Option<u16>,
    /// Time budget per article in milliseconds: an article still being
    /// analysed after it is reported as failed and the batch goes on.
    /// 0 means no limit.
    #[arg(long, value_name = "MS", default_value_t = DEFAULT_MAX_ARTICLE_MS)]
    max_article_ms: u64,
}

/// Where analysed articles go, in input order.
pub(crate) trait Sink: Sync {
    /// What a worker thread makes of an outcome before the outcomes are
    /// handed over in order: work that needs no order (serialising, the
    /// store's hashing) runs in parallel there.
    type Item: Send;
    fn prepare(&self, outcome: Outcome) -> Self::Item;
    /// One article's prepared outcome (failures are also reported on
    /// stderr), handed over so a sink can keep it (the store's writer
    /// thread does).
    fn outcome(&mut self, out: &mut dyn Write, item: Self::Item) -> Result<()>;
    /// Articles analysed together before their outcomes are handed over.
    fn batch_size(&self) -> usize {
        BATCH
    }
    /// Whether the sink works on a thread of its own that the workers
    /// should yield to (the store's single writer: when it lags, the batch
    /// it has not written yet is written alone on one core at the end).
    fn has_own_thread(&self) -> bool {
        false
    }
    /// After the last article.
    fn finish(&mut self, _out: &mut dyn Write) -> Result<()> {
        Ok(())
    }
}

/// Most worker threads `-j` accepts: more than this only exhausts the
/// operating system's threads (a batch has 256 articles anyway).
const MAX_JOBS: i64 = 1024;

/// The default per-article budget: generous, since a normal article takes a
/// few milliseconds and the largest accepted one (10 MiB) a few seconds.
pub(crate) const DEFAULT_MAX_ARTICLE_MS: u64 = 60_000;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable report (coloured on a terminal).
    Pretty,
    /// One JSON object for a single article, else an array.
    Json,
    /// One JSON object per line, one line per input article, in input order.
    Jsonl,
}

/// What came of one input article.
pub(crate) enum Outcome {
    Done(Box<Document>),
    Failed(Failure),
}

/// A failed article as the JSON formats report it, in its input slot.
#[derive(Serialize)]
pub(crate) struct Failure {
    pub(crate) id: Option<String>,
    pub(crate) input: String,
    pub(crate) error: String,
}

pub fn run(args: AnalyzeArgs) -> Result<ExitCode> {
    let colour = args.format == Format::Pretty
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let mut sink = FormatSink {
        format: args.format,
        colour,
        json_array: JsonArray::default(),
    };
    drive(args.inputs, &mut sink)
}

/// The formats of `warta analyze`.
struct FormatSink {
    format: Format,
    colour: bool,
    json_array: JsonArray,
}

impl Sink for FormatSink {
    type Item = Outcome;

    fn prepare(&self, outcome: Outcome) -> Outcome {
        outcome
    }

    fn outcome(&mut self, out: &mut dyn Write, outcome: Outcome) -> Result<()> {
        let outcome = &outcome;
        match self.format {
            Format::Jsonl => {
                // Serialised to bytes first so that a write error (a
                // closed pipe) reaches us as a plain I/O error.
                let mut line = to_json(outcome);
                line.push(b'\n');
                out.write_all(&line)?;
            }
            Format::Json => self.json_array.push(out, to_json_pretty(outcome))?,
            Format::Pretty => {
                if let Outcome::Done(doc) = outcome {
                    crate::pretty::write_report(out, doc, self.colour)?;
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> Result<()> {
        if self.format == Format::Json {
            self.json_array.finish(out)?;
        }
        Ok(())
    }
}

/// Reads the inputs, runs the pipeline on every article (in parallel,
/// batch by batch) and hands each outcome to `sink` in input order.
pub(crate) fn drive<S: Sink>(args: InputArgs, sink: &mut S) -> Result<ExitCode> {
    let mut paths = args.paths;
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            anyhow::bail!("no input: give files, directories, or `-` to read stdin");
        }
        paths.push("-".to_string());
    }
    let pipeline = match &args.stages {
        Some(names) => Pipeline::with_stages(names),
        None => Pipeline::standard(),
    }
    .context("setting up the pipeline")?;
    let budget = (args.max_article_ms > 0).then(|| Duration::from_millis(args.max_article_ms));
    let yield_to_sink = sink.has_own_thread();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, usize::from))
        .start_handler(move |_| {
            if yield_to_sink {
                lower_thread_priority();
            }
        })
        .build()
        .context("starting worker threads")?;

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let progress = progress_bar(&paths);

    // Decoding and HTML extraction are deferred to the workers, so a batch of
    // web pages is extracted in parallel, not on this thread.
    let mut reader = read_inputs_deferred(&paths);
    let mut failed = 0usize;
    let mut done = 0usize;
    loop {
        let batch: Vec<Result<PendingArticle, ReadError>> = reader.by_ref().take(sink.batch_size()).collect();
        if batch.is_empty() {
            break;
        }
        let preparer: &S = sink;
        let outcomes: Vec<(Option<String>, S::Item)> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|r| {
                    let outcome = analyze_one(&pipeline, r, budget);
                    let failure = match &outcome {
                        Outcome::Failed(f) => Some(format!("{}: {}", f.input, f.error)),
                        Outcome::Done(_) => None,
                    };
                    (failure, preparer.prepare(outcome))
                })
                .collect()
        });
        for (failure, item) in outcomes {
            done += 1;
            if let Some(f) = failure {
                failed += 1;
                progress.suspend(|| eprintln!("warta: {f}"));
            }
            sink.outcome(&mut out, item)?;
        }
        progress.set_position(done as u64);
        out.flush()?;
    }
    progress.finish_and_clear();
    // Every command that drives ends when this returns. The stages' tables
    // were built on threads of their own, so freeing them here is a free
    // across threads for each of millions of allocations (56 M instructions,
    // more than the events stage spends on 150 articles): the process's
    // exit returns the memory instead.
    std::mem::forget(pipeline);
    sink.finish(&mut out)?;
    out.flush()?;
    if done == 0 {
        eprintln!("warta: no articles found in the inputs");
        return Ok(ExitCode::from(1));
    }
    if failed > 0 {
        eprintln!("warta: {failed} of {done} inputs failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Lowers the calling thread's scheduling priority (Linux nice 10), so a
/// thread of normal priority runs whenever it has work. Lowering one's own
/// priority needs no privilege; elsewhere this does nothing.
fn lower_thread_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: `gettid` and `setpriority` take plain integers and touch no
    // memory of ours; a failure only leaves the priority as it was.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, 10);
    }
}

fn analyze_one(
    pipeline: &Pipeline,
    pending: Result<PendingArticle, ReadError>,
    budget: Option<Duration>,
) -> Outcome {
    match pending.and_then(PendingArticle::finish) {
        Err(e) => Outcome::Failed(Failure {
            id: e.id,
            input: e.input,
            error: e.message,
        }),
        Ok(raw) => analyze_raw(pipeline, raw, budget),
    }
}

/// Analyses one article read, within `budget`; a failure (or a panic in a
/// stage) is reported against the article.
pub(crate) fn analyze_raw(pipeline: &Pipeline, raw: RawArticle, budget: Option<Duration>) -> Outcome {
    let id = raw.id.clone();
    let input = raw.origin.clone();
    // A panic inside a stage is a bug, but it must not take the rest
    // of a batch down with it: report it against this article.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pipeline.analyze_within(raw, budget)
    })) {
        Ok(Ok(doc)) => Outcome::Done(Box::new(doc)),
        Ok(Err(e)) => Outcome::Failed(Failure {
            id: Some(id),
            input,
            // The input is reported beside the error already.
            error: match e {
                warta_pipeline::AnalyzeError::Stage { source, .. } => source.to_string(),
                other => other.to_string(),
            },
        }),
        Err(_) => Outcome::Failed(Failure {
            id: Some(id),
            input,
            error: "internal error (panic) while analysing".into(),
        }),
    }
}

/// An outcome as compact JSON bytes. Serialised straight from the types
/// (no `serde_json::Value` tree in between: for a full article that tree
/// cost more than some stages); the field order is the types' own, which is
/// the documented order.
fn to_json(outcome: &Outcome) -> Vec<u8> {
    match outcome {
        Outcome::Done(doc) => serde_json::to_vec(&doc.to_output()),
        Outcome::Failed(f) => serde_json::to_vec(f),
    }
    .unwrap_or_else(|e| {
        serde_json::to_vec(&serde_json::json!({ "error": format!("could not serialise: {e}") }))
            .unwrap_or_default()
    })
}

/// An outcome as pretty JSON bytes (for `--format json`).
fn to_json_pretty(outcome: &Outcome) -> Vec<u8> {
    match outcome {
        Outcome::Done(doc) => serde_json::to_vec_pretty(&doc.to_output()),
        Outcome::Failed(f) => serde_json::to_vec_pretty(f),
    }
    .unwrap_or_else(|e| {
        serde_json::to_vec_pretty(&serde_json::json!({ "error": format!("could not serialise: {e}") }))
            .unwrap_or_default()
    })
}

/// `--format json` written as it goes, so memory does not grow with the
/// number of articles: one article prints as an object, several as an array
/// (byte for byte what `serde_json::to_writer_pretty` makes of either). Only
/// the first item is held back, until a second one shows it is an array.
#[derive(Default)]
struct JsonArray {
    first: Option<Vec<u8>>,
    count: usize,
}

impl JsonArray {
    fn push(&mut self, out: &mut dyn Write, bytes: Vec<u8>) -> Result<()> {
        match self.count {
            0 => self.first = Some(bytes),
            1 => {
                out.write_all(b"[\n")?;
                write_indented(out, &self.first.take().unwrap_or_default())?;
                out.write_all(b",\n")?;
                write_indented(out, &bytes)?;
            }
            _ => {
                out.write_all(b",\n")?;
                write_indented(out, &bytes)?;
            }
        }
        self.count += 1;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> Result<()> {
        match self.count {
            0 => out.write_all(b"[]")?,
            1 => out.write_all(&self.first.take().unwrap_or_default())?,
            _ => out.write_all(b"\n]")?,
        }
        out.write_all(b"\n")?;
        Ok(())
    }
}

/// Writes pretty JSON one level deeper. JSON strings hold no raw newlines,
/// so every `\n` is a line break of the layout.
fn write_indented(out: &mut dyn Write, json: &[u8]) -> std::io::Result<()> {
    for (i, line) in json.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(b"  ")?;
        out.write_all(line)?;
    }
    Ok(())
}

/// A counter on stderr, shown only on a terminal.
fn progress_bar(paths: &[String]) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    // With a count of the articles ahead, a bar with an ETA; else a spinner.
    match warta_read::count_articles(paths) {
        Some(total) if total > 0 => {
            let bar = ProgressBar::new(total);
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} articles ({per_sec}, {elapsed} spent, ETA {eta})",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        }
        _ => {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} articles ({per_sec}) {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        }
    }
}
