//! `warta ingest` and `warta query`: analyse inputs into the corpus store,
//! and search it.

use crate::analyze::{drive, InputArgs, Outcome, Sink};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use warta_store::{Put, Search, SqliteStore, Store};

/// Articles stored per transaction: an interrupted ingest loses at most
/// this many, and the next run stores them.
const COMMIT_EVERY: usize = 256;

/// Where the store is.
#[derive(Args)]
pub struct DbArg {
    /// The database file (created when missing).
    #[arg(long, env = "WARTA_DB", default_value = "warta.db")]
    db: PathBuf,
}

#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    inputs: InputArgs,
    #[command(flatten)]
    db: DbArg,
}

/// What the writer thread did.
#[derive(Default)]
struct Written {
    stored: usize,
    present: usize,
    rejected: usize,
}

/// Puts every analysed article into the store, every failure into its
/// rejects — on a thread of its own, so the workers analyse the next batch
/// while this one is written.
struct StoreSink {
    to_writer: Option<std::sync::mpsc::SyncSender<Outcome>>,
    writer: Option<std::thread::JoinHandle<Result<Written>>>,
}

fn write_all(mut store: SqliteStore, outcomes: std::sync::mpsc::Receiver<Outcome>) -> Result<Written> {
    let mut w = Written::default();
    let mut since_commit = 0;
    for outcome in outcomes {
        match outcome {
            Outcome::Done(doc) => match store.put_article(&doc)? {
                Put::Stored => w.stored += 1,
                Put::AlreadyPresent => w.present += 1,
            },
            Outcome::Failed(f) => {
                store.put_reject(&f.input, f.id.as_deref(), &f.error)?;
                w.rejected += 1;
            }
        }
        since_commit += 1;
        if since_commit >= COMMIT_EVERY {
            store.commit()?;
            since_commit = 0;
        }
    }
    store.commit()?;
    Ok(w)
}

impl StoreSink {
    fn new(store: SqliteStore) -> StoreSink {
        let (tx, rx) = std::sync::mpsc::sync_channel(COMMIT_EVERY);
        StoreSink {
            to_writer: Some(tx),
            writer: Some(std::thread::spawn(move || write_all(store, rx))),
        }
    }

    /// Waits for the writer; what it wrote, or why it stopped.
    fn join(&mut self) -> Result<Written> {
        self.to_writer = None;
        match self.writer.take() {
            Some(h) => h
                .join()
                .map_err(|_| anyhow::anyhow!("the store's writer thread panicked"))?,
            None => Ok(Written::default()),
        }
    }
}

impl Sink for StoreSink {
    fn outcome(&mut self, _out: &mut dyn Write, outcome: Outcome) -> Result<()> {
        let sent = self.to_writer.as_ref().is_some_and(|tx| tx.send(outcome).is_ok());
        if !sent {
            // The writer stopped on an error: say which.
            self.join()?;
            anyhow::bail!("the store's writer stopped");
        }
        Ok(())
    }
}

pub fn run_ingest(args: IngestArgs) -> Result<ExitCode> {
    let db = args.db.db;
    let store = SqliteStore::open(&db).with_context(|| format!("opening the store {}", db.display()))?;
    let mut sink = StoreSink::new(store);
    let code = drive(args.inputs, &mut sink);
    let written = sink
        .join()
        .with_context(|| format!("writing to {}", db.display()))?;
    let code = code?;
    eprintln!(
        "warta: {} stored, {} already present, {} rejected → {}",
        written.stored,
        written.present,
        written.rejected,
        db.display()
    );
    Ok(code)
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
}

#[derive(Args)]
pub struct QueryArgs {
    /// Full-text search over titles, text, entity names and quotes (FTS5
    /// syntax: words are ANDed; `"a phrase"`, `OR`, `NOT`, `prefix*`).
    text: Option<String>,
    #[command(flatten)]
    db: DbArg,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Only articles with an event of this PLOVER type (ASSAULT, COERCE, …).
    #[arg(long = "type")]
    plover: Option<String>,
    /// Only articles with an event whose source or target actor code starts
    /// with this (RUS, IDNCOP).
    #[arg(long)]
    actor: Option<String>,
    /// List every copy of a story (by default each copy group shows once,
    /// as its canonical article, with its number of copies).
    #[arg(long)]
    copies: bool,
    /// At most this many articles.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    limit: u32,
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    format: QueryFormat,
}

fn date_arg(name: &str, v: &Option<String>) -> Result<()> {
    if let Some(d) = v {
        chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .with_context(|| format!("--{name} {d}: not a date (YYYY-MM-DD)"))?;
    }
    Ok(())
}

pub fn run_query(args: QueryArgs) -> Result<ExitCode> {
    date_arg("from", &args.from)?;
    date_arg("to", &args.to)?;
    let db = args.db.db;
    if !db.exists() {
        anyhow::bail!(
            "{}: no such database (make one with `warta ingest`)",
            db.display()
        );
    }
    let store = SqliteStore::open(&db).with_context(|| format!("opening the store {}", db.display()))?;
    let hits = store.search(&Search {
        text: args.text,
        from: args.from,
        to: args.to,
        plover: args.plover,
        actor: args.actor,
        include_copies: args.copies,
        limit: args.limit as usize,
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        QueryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &hits)?;
            writeln!(out)?;
        }
        QueryFormat::Jsonl => {
            for h in &hits {
                serde_json::to_writer(&mut out, h)?;
                writeln!(out)?;
            }
        }
        QueryFormat::Table => {
            for h in &hits {
                let copies = if h.copies > 0 {
                    format!("  (+{} copies)", h.copies)
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "{}  {:<10}  {:<16}  {:>3} ev  {}{copies}",
                    h.id,
                    h.published.as_deref().unwrap_or("-"),
                    h.site.as_deref().unwrap_or("-"),
                    h.events,
                    h.title.as_deref().unwrap_or("(no title)")
                )?;
                writeln!(out, "    {}", h.snippet.replace('\n', " "))?;
            }
        }
    }
    out.flush()?;
    if hits.is_empty() {
        eprintln!("warta: no articles match");
    }
    Ok(ExitCode::SUCCESS)
}
