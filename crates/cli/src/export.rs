//! `warta export`: the events of every input article as GDELT 2.0 Events
//! or Mentions rows, or flat CSV / JSON Lines records.

use crate::analyze::{drive, InputArgs, Outcome, Sink};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::process::ExitCode;
use warta_export::parquet::{Kind, ParquetWriter, FLAT_COLUMNS};
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
    /// analysing inputs: each event once, with its mention counts and
    /// story (GDELT Mentions: every mention of it).
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
    /// The CSV columns as one typed Parquet file (pandas, DuckDB, BigQuery); binary, so not to a terminal.
    Parquet,
}

struct ExportSink {
    format: ExportFormat,
    all: bool,
    header: bool,
    lexicon: Lexicon,
    wrote_header: bool,
    /// Parquet is written whole at the end.
    parquet: Option<ParquetWriter>,
}

/// A flat record as a JSON object, for Parquet.
fn record_fields(r: &flat::FlatEvent) -> Result<serde_json::Map<String, serde_json::Value>> {
    match serde_json::to_value(r)? {
        serde_json::Value::Object(fields) => Ok(fields),
        _ => anyhow::bail!("a flat record that is not an object"),
    }
}

/// Parquet is binary: refuse to pour it onto a terminal.
fn parquet_out_ok() -> Result<()> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        anyhow::bail!("--format parquet writes a binary file: redirect it (`> events.parquet`)");
    }
    Ok(())
}

fn tsv(out: &mut dyn Write, row: &[impl AsRef<str>]) -> std::io::Result<()> {
    let line: Vec<&str> = row.iter().map(AsRef::as_ref).collect();
    out.write_all(line.join("\t").as_bytes())?;
    out.write_all(b"\n")
}

impl Sink for ExportSink {
    type Item = Outcome;

    fn prepare(&self, outcome: Outcome) -> Outcome {
        outcome
    }

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
            ExportFormat::Parquet => {
                if let Some(p) = &mut self.parquet {
                    for r in flat::records(doc, self.all) {
                        p.push(record_fields(&r)?).context("writing Parquet")?;
                    }
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> Result<()> {
        if let Some(p) = self.parquet.take() {
            out.write_all(&p.finish().context("writing Parquet")?)?;
        }
        Ok(())
    }
}

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    if args.format == ExportFormat::Parquet {
        parquet_out_ok()?;
    }
    let lexicon = Lexicon::load_default().context("loading the lexicons")?;
    if let Some(db) = &args.db {
        return from_store(db, &args, &lexicon);
    }
    let parquet = match args.format {
        ExportFormat::Parquet => Some(ParquetWriter::new(&FLAT_COLUMNS).context("starting Parquet")?),
        _ => None,
    };
    let mut sink = ExportSink {
        format: args.format,
        all: args.all_modalities,
        header: args.header,
        lexicon,
        wrote_header: false,
        parquet,
    };
    drive(args.inputs, &mut sink)
}

/// Events from a corpus store, each counted once: GDELT Events rows (one
/// per event, its columns from its first mention, `GLOBALEVENTID` the
/// store's event id and `NumMentions`/`NumSources`/`NumArticles` the
/// store's counts), GDELT Mentions rows (one per mention, pointing at that
/// id), or flat CSV / JSON Lines records of each event with its counts and
/// story.
fn from_store(db: &std::path::Path, args: &ExportArgs, lexicon: &Lexicon) -> Result<ExitCode> {
    use warta_store::Store;
    let store = crate::ingest::open_existing(db)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut docs = DocCache::default();
    match args.format {
        ExportFormat::Gdelt => {
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
            for ev in store.counted_events()? {
                let Some(one) = docs.event(&store, db, &ev.article_id, ev.index)? else {
                    continue;
                };
                for mut row in gdelt::event_rows(lexicon, &one, args.all_modalities) {
                    row[id_col] = ev.id.to_string();
                    row[mentions] = ev.num_mentions.to_string();
                    row[sources] = ev.num_sources.to_string();
                    row[articles] = ev.num_articles.to_string();
                    tsv(&mut out, &row)?;
                }
            }
        }
        ExportFormat::GdeltMentions => {
            if args.header {
                tsv(&mut out, &gdelt::MENTION_HEADER)?;
            }
            for m in store.mentions()? {
                let Some(one) = docs.event(&store, db, &m.article_id, m.index)? else {
                    continue;
                };
                for mut row in gdelt::mention_rows(&one, args.all_modalities) {
                    row[0] = m.event_id.to_string();
                    tsv(&mut out, &row)?;
                }
            }
        }
        ExportFormat::Jsonl | ExportFormat::Csv | ExportFormat::Parquet => {
            let mut csv_out =
                (args.format == ExportFormat::Csv).then(|| csv::Writer::from_writer(Vec::new()));
            let mut parquet = match args.format {
                ExportFormat::Parquet => {
                    let columns: Vec<(&str, Kind)> = FLAT_COLUMNS
                        .iter()
                        .copied()
                        .chain(STORE_COLUMNS.iter().map(|c| (*c, Kind::Int)))
                        .collect();
                    Some(ParquetWriter::new(&columns).context("starting Parquet")?)
                }
                _ => None,
            };
            if let Some(w) = &mut csv_out {
                w.write_record(flat::CSV_HEADER.iter().chain(&STORE_COLUMNS))?;
            }
            for ev in store.counted_events()? {
                let Some(one) = docs.event(&store, db, &ev.article_id, ev.index)? else {
                    continue;
                };
                for r in flat::records(&one, args.all_modalities) {
                    let serde_json::Value::Object(mut fields) = serde_json::to_value(&r)? else {
                        continue;
                    };
                    fields.insert("event_id".into(), ev.id.into());
                    fields.insert("story_id".into(), ev.story.into());
                    fields.insert("num_mentions".into(), ev.num_mentions.into());
                    fields.insert("num_sources".into(), ev.num_sources.into());
                    fields.insert("num_articles".into(), ev.num_articles.into());
                    if let Some(p) = &mut parquet {
                        p.push(fields).context("writing Parquet")?;
                        continue;
                    }
                    match &mut csv_out {
                        Some(w) => {
                            w.write_record(fields.values().map(crate::query::csv_cell))?;
                        }
                        None => {
                            let mut line = serde_json::to_vec(&fields)?;
                            line.push(b'\n');
                            out.write_all(&line)?;
                        }
                    }
                }
            }
            if let Some(w) = csv_out {
                out.write_all(&w.into_inner().context("writing CSV")?)?;
            }
            if let Some(p) = parquet {
                out.write_all(&p.finish().context("writing Parquet")?)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The columns a store adds to the flat records (after `flat::CSV_HEADER`,
/// whose `event_id` becomes the store's event id).
const STORE_COLUMNS: [&str; 4] = ["story_id", "num_mentions", "num_sources", "num_articles"];

/// The last stored document read, so that the events of one article are
/// exported from one parse of it.
#[derive(Default)]
struct DocCache {
    loaded: Option<(String, warta_core::Document)>,
}

impl DocCache {
    /// Article `id` with only its event `index` (None when it has no such
    /// event).
    fn event(
        &mut self,
        store: &warta_store::SqliteStore,
        db: &std::path::Path,
        id: &str,
        index: usize,
    ) -> Result<Option<warta_core::Document>> {
        use warta_store::Store;
        if self.loaded.as_ref().is_none_or(|(have, _)| have != id) {
            let json = store
                .document_json(id)?
                .with_context(|| format!("{}: article {id} is missing", db.display()))?;
            let doc: warta_core::Document = serde_json::from_str(&json)
                .with_context(|| format!("{}: article {id} is damaged", db.display()))?;
            self.loaded = Some((id.to_string(), doc));
        }
        let (_, doc) = self.loaded.as_ref().expect("just loaded");
        Ok(doc.events.get(index).map(|event| {
            let mut one = doc.clone();
            one.events = vec![event.clone()];
            one
        }))
    }
}
