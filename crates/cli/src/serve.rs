//! `warta serve`: the HTTP API and dashboard over a corpus store, and with
//! `--ingest-token` the pipeline behind `POST /api/articles`.

use crate::analyze::{analyze_raw, Outcome, DEFAULT_MAX_ARTICLE_MS};
use crate::ingest::DbArg;
use anyhow::{Context, Result};
use clap::Args;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Duration;
use warta_pipeline::Pipeline;
use warta_server::{Ingest, IngestFailure, Ingested};
use warta_store::{Put, SqliteStore, Store};

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArg,
    /// Where to listen (loopback by default: nothing outside this machine
    /// can reach it; port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Take articles by `POST /api/articles` from requests bearing this
    /// token (`Authorization: Bearer …`); without it the server only reads.
    #[arg(long, env = "WARTA_INGEST_TOKEN", hide_env_values = true)]
    ingest_token: Option<String>,
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let db = args.db.db;
    crate::ingest::must_exist(&db)?;
    let ingest = match args.ingest_token {
        None => None,
        Some(t) if t.trim().len() < 16 => {
            anyhow::bail!("--ingest-token must be at least 16 characters (anyone who guesses it can write)")
        }
        Some(token) => Some(ingest_into(&db, token)?),
    };
    let writable = ingest.is_some();
    let shown = db.display().to_string();
    warta_server::serve(db, args.addr, ingest, |bound| {
        let mode = if writable { "taking POST /api/articles" } else { "read-only" };
        eprintln!(
            "warta: serving {shown} ({mode}) at http://{bound}/ (API: http://{bound}/api/openapi.json); Ctrl-C stops"
        );
    })
    .context("warta serve")?;
    Ok(ExitCode::SUCCESS)
}

/// The pipeline and one writing connection behind `POST /api/articles`:
/// a posted object is read as one JSON Lines record, analysed as `warta
/// ingest` would, and stored (or kept as a reject) in its own transaction.
fn ingest_into(db: &Path, token: String) -> Result<Ingest> {
    let pipeline = Pipeline::standard().context("loading the pipeline")?;
    let store = Mutex::new(crate::ingest::open_existing(db)?);
    let budget = Some(Duration::from_millis(DEFAULT_MAX_ARTICLE_MS));
    let run = move |article: serde_json::Value| -> Result<Ingested, IngestFailure> {
        let line = article.to_string();
        let mut read = warta_read::read_bytes("POST /api/articles.jsonl", line.as_bytes());
        let outcome = match read.pop() {
            Some(Ok(raw)) if read.is_empty() => analyze_raw(&pipeline, raw, budget),
            Some(Err(e)) => return Err(IngestFailure::Rejected(e.message)),
            _ => return Err(IngestFailure::Rejected("the body holds no article".into())),
        };
        let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
        // A reject is written too: commit whatever `write` did.
        let written = write(&mut store, outcome);
        store.commit().map_err(|e| IngestFailure::Store(e.to_string()))?;
        written
    };
    Ok(Ingest {
        token,
        run: Box::new(run),
    })
}

/// Stores an analysed article, or its failure as a reject (and says it
/// was rejected).
fn write(store: &mut SqliteStore, outcome: Outcome) -> Result<Ingested, IngestFailure> {
    let failed = |e: warta_store::StoreError| IngestFailure::Store(e.to_string());
    match outcome {
        Outcome::Done(doc) => {
            let prepared = warta_store::prepare(&doc).map_err(failed)?;
            let status = match store.put_prepared(&prepared).map_err(failed)? {
                Put::Stored => "stored",
                Put::AlreadyPresent => "already_present",
            };
            Ok(Ingested {
                id: prepared.id,
                status,
            })
        }
        Outcome::Failed(f) => {
            store
                .put_reject(&f.input, f.id.as_deref(), &f.error)
                .map_err(failed)?;
            Err(IngestFailure::Rejected(f.error))
        }
    }
}
