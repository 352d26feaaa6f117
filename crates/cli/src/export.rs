//! `warta export`: the events of every input article as GDELT 2.0 Events
//! or Mentions rows, or flat CSV / JSON Lines records.

use crate::analyze::{drive, InputArgs, Outcome, Sink};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::process::ExitCode;
use warta_export::{flat, gdelt};
use warta_lexicon::Lexicon;

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// What to write.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Also export denied, planned and conditional events (by default only
    /// asserted and reported acts are exported).
    #[arg(long)]
    all_modalities: bool,
    /// Write a header row first (GDELT's own files have none; CSV always
    /// has one).
    #[arg(long)]
    header: bool,
    /// Export the events of a corpus store (`warta ingest`) instead of
    /// analysing inputs: each event once, with its mention counts
    /// (`--format gdelt` only, for now).
    #[arg(long, conflicts_with = "paths")]
    db: Option<std::path::PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// GDELT 2.0 Events: 61 tab-separated columns, one row per event.
    Gdelt,
    /// GDELT 2.0 Mentions: 16 tab-separated columns, one row per event per article.
    GdeltMentions,
    /// One JSON object per event.
    Jsonl,
    /// One CSV row per event, with a header.
    Csv,
}

struct ExportSink {
    format: ExportFormat,
    all: bool,
    header: bool,
    lexicon: Lexicon,
    wrote_header: bool,
}

fn tsv(out: &mut dyn Write, row: &[impl AsRef<str>]) -> std::io::Result<()> {
    let line: Vec<&str> = row.iter().map(AsRef::as_ref).collect();
    out.write_all(line.join("\t").as_bytes())?;
    out.write_all(b"\n")
}

impl Sink for ExportSink {
    fn outcome(&mut self, out: &mut dyn Write, outcome: Outcome) -> Result<()> {
        let outcome = &outcome;
        if !self.wrote_header {
            self.wrote_header = true;
            match self.format {
                ExportFormat::Gdelt if self.header => tsv(out, &gdelt::EVENT_HEADER)?,
                ExportFormat::GdeltMentions if self.header => tsv(out, &gdelt::MENTION_HEADER)?,
                ExportFormat::Csv => {
                    let mut w = csv::Writer::from_writer(Vec::new());
                    w.write_record(flat::CSV_HEADER)?;
                    out.write_all(&w.into_inner().context("writing CSV")?)?;
                }
                _ => {}
            }
        }
        let Outcome::Done(doc) = outcome else {
            return Ok(());
        };
        match self.format {
            ExportFormat::Gdelt => {
                for row in gdelt::event_rows(&self.lexicon, doc, self.all) {
                    tsv(out, &row)?;
                }
            }
            ExportFormat::GdeltMentions => {
                for row in gdelt::mention_rows(doc, self.all) {
                    tsv(out, &row)?;
                }
            }
            ExportFormat::Jsonl => {
                for r in flat::records(doc, self.all) {
                    let mut line = serde_json::to_vec(&r)?;
                    line.push(b'\n');
                    out.write_all(&line)?;
                }
            }
            ExportFormat::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(Vec::new());
                for r in flat::records(doc, self.all) {
                    w.serialize(r)?;
                }
                out.write_all(&w.into_inner().context("writing CSV")?)?;
            }
        }
        Ok(())
    }
}

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let lexicon = Lexicon::load_default().context("loading the lexicons")?;
    if let Some(db) = &args.db {
        return from_store(db, &args, &lexicon);
    }
    let mut sink = ExportSink {
        format: args.format,
        all: args.all_modalities,
        header: args.header,
        lexicon,
        wrote_header: false,
    };
    drive(args.inputs, &mut sink)
}

/// GDELT Events rows from a corpus store: one per event counted once, its
/// columns from its first mention, `GLOBALEVENTID` the store's event id
/// and `NumMentions`/`NumSources`/`NumArticles` the store's counts.
fn from_store(db: &std::path::Path, args: &ExportArgs, lexicon: &Lexicon) -> Result<ExitCode> {
    use warta_store::{SqliteStore, Store};
    if args.format != ExportFormat::Gdelt {
        anyhow::bail!("--db: only --format gdelt is exported from a store so far");
    }
    if !db.exists() {
        anyhow::bail!(
            "{}: no such database (make one with `warta ingest`)",
            db.display()
        );
    }
    let store = SqliteStore::open(db).with_context(|| format!("opening the store {}", db.display()))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.header {
        tsv(&mut out, &gdelt::EVENT_HEADER)?;
    }
    let col = |name: &str| {
        gdelt::EVENT_HEADER
            .iter()
            .position(|h| *h == name)
            .expect("a GDELT column")
    };
    let (id_col, mentions, sources, articles) = (
        col("GLOBALEVENTID"),
        col("NumMentions"),
        col("NumSources"),
        col("NumArticles"),
    );
    let mut loaded: Option<(String, warta_core::Document)> = None;
    for ev in store.counted_events()? {
        if loaded.as_ref().is_none_or(|(id, _)| *id != ev.article_id) {
            let json = store
                .document_json(&ev.article_id)?
                .with_context(|| format!("{}: article {} is missing", db.display(), ev.article_id))?;
            let doc: warta_core::Document = serde_json::from_str(&json)
                .with_context(|| format!("{}: article {} is damaged", db.display(), ev.article_id))?;
            loaded = Some((ev.article_id.clone(), doc));
        }
        let (_, doc) = loaded.as_ref().expect("just loaded");
        let Some(event) = doc.events.get(ev.index) else {
            continue;
        };
        let mut one = doc.clone();
        one.events = vec![event.clone()];
        for mut row in gdelt::event_rows(lexicon, &one, args.all_modalities) {
            row[id_col] = ev.id.to_string();
            row[mentions] = ev.num_mentions.to_string();
            row[sources] = ev.num_sources.to_string();
            row[articles] = ev.num_articles.to_string();
            tsv(&mut out, &row)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
