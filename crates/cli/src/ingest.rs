//! `warta ingest`: analyse inputs into the corpus store.

use crate::analyze::{drive, Failure, InputArgs, Outcome, Sink};
use anyhow::{Context, Result};
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warta_store::{PreparedArticle, Put, SqliteStore, Store};

/// Articles stored per transaction: an interrupted ingest loses at most
/// this many, and the next run stores them. Fewer commits write the pages
/// every article touches (index roots, counts) fewer times.
const COMMIT_EVERY: usize = 1024;

/// Outcomes waiting for the writer: enough that the workers never wait for
/// it between batches, few enough to bound memory.
const QUEUED: usize = 256;

/// Articles analysed together by ingest (see [`StoreSink::batch_size`]).
const INGEST_BATCH: usize = 64;

/// Refuses a database file that does not exist: reading a store that is
/// not there is the user's mistake, not an empty corpus.
pub(crate) fn must_exist(db: &Path) -> Result<()> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such database (make one with `warta ingest`)",
            db.display()
        );
    }
    Ok(())
}

/// Opens an existing store (see [`must_exist`]).
pub(crate) fn open_existing(db: &Path) -> Result<SqliteStore> {
    must_exist(db)?;
    SqliteStore::open(db).with_context(|| format!("opening the store {}", db.display()))
}

/// Where the store is.
#[derive(Args)]
pub struct DbArg {
    /// The database file (created when missing).
    #[arg(long, env = "WARTA_DB", default_value = "warta.db")]
    pub db: PathBuf,
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
    /// Copies found and stories begun by this ingest.
    copies: u64,
    stories: u64,
}

/// Puts every analysed article into the store, every failure into its
/// rejects — on a thread of its own, so the workers analyse the next batch
/// while this one is written.
struct StoreSink {
    to_writer: Option<std::sync::mpsc::SyncSender<ToStore>>,
    writer: Option<std::thread::JoinHandle<Result<Written>>>,
}

/// An outcome as the writer takes it: what the store needs of an article,
/// computed on the worker thread (which also frees the document), or a
/// failure.
enum ToStore {
    Article(Box<PreparedArticle>),
    Failed(Failure),
}

fn write_all(mut store: SqliteStore, outcomes: std::sync::mpsc::Receiver<ToStore>) -> Result<Written> {
    let mut w = Written::default();
    let before = store.counts()?;
    let mut since_commit = 0;
    for outcome in outcomes {
        match outcome {
            ToStore::Article(prepared) => match store.put_prepared(&prepared)? {
                Put::Stored => w.stored += 1,
                Put::AlreadyPresent => w.present += 1,
            },
            ToStore::Failed(f) => {
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
    let after = store.counts()?;
    w.copies = after.copies.saturating_sub(before.copies);
    w.stories = after.stories.saturating_sub(before.stories);
    Ok(w)
}

impl StoreSink {
    fn new(store: SqliteStore) -> StoreSink {
        let (tx, rx) = std::sync::mpsc::sync_channel(QUEUED);
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
    type Item = ToStore;

    /// Small batches: the writer thread takes each batch while the workers
    /// analyse the next, so the smaller they are the less either waits
    /// (the first batch's analysis and the last one's writing overlap
    /// nothing).
    fn batch_size(&self) -> usize {
        INGEST_BATCH
    }

    /// The writer is the serial part of an ingest: with the workers at a
    /// lower priority it runs whenever it has work instead of sharing a
    /// core three ways, so it never falls far behind (ingest of 766 Detik
    /// articles on 2 cores: median 1.36 s → 1.27 s, BENCHMARKS.md).
    fn has_own_thread(&self) -> bool {
        true
    }

    fn prepare(&self, outcome: Outcome) -> ToStore {
        match outcome {
            Outcome::Done(doc) => match warta_store::prepare(&doc) {
                Ok(prepared) => ToStore::Article(Box::new(prepared)),
                Err(e) => ToStore::Failed(Failure {
                    id: Some(doc.id.clone()),
                    input: doc.source.input.clone().unwrap_or_else(|| doc.id.clone()),
                    error: e.to_string(),
                }),
            },
            Outcome::Failed(f) => ToStore::Failed(f),
        }
    }

    fn outcome(&mut self, _out: &mut dyn Write, outcome: ToStore) -> Result<()> {
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
        "warta: {} stored, {} already present, {} rejected; {} copies found, {} new stories → {}",
        written.stored,
        written.present,
        written.rejected,
        written.copies,
        written.stories,
        db.display()
    );
    Ok(code)
}
