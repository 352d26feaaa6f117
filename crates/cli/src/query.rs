//! `warta query` and `warta stories`: read the corpus store.

use crate::ingest::{open_existing, DbArg};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;
use warta_store::{Search, Store, StoryQuery};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

#[derive(Args)]
pub struct PeriodArgs {
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
}

#[derive(Args)]
pub struct QueryArgs {
    /// Full-text search over titles, text, entity names and quotes (FTS5
    /// syntax: words are ANDed; `"a phrase"`, `OR`, `NOT`, `prefix*`).
    text: Option<String>,
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    period: PeriodArgs,
    /// Only articles with an event of this PLOVER type (ASSAULT, COERCE, …).
    #[arg(long = "type")]
    plover: Option<String>,
    /// Only articles with an event whose CAMEO code starts with this (19, 0874).
    #[arg(long)]
    cameo: Option<String>,
    /// Only articles with an event of this modality (asserted, reported,
    /// denied, planned, conditional, …).
    #[arg(long)]
    modality: Option<String>,
    /// Only articles with an event whose source or target actor code starts
    /// with this (RUS, IDNCOP), or who is this actor as linked (`Vladimir Putin`).
    #[arg(long)]
    actor: Option<String>,
    /// Only articles with an event in, or naming a place in, this country
    /// (ISO 3166 alpha-3: UKR, IDN).
    #[arg(long)]
    country: Option<String>,
    /// Only articles naming this place (as written or as linked).
    #[arg(long)]
    place: Option<String>,
    /// Only articles from this site (detik.com).
    #[arg(long)]
    site: Option<String>,
    /// Only articles of this story (`warta stories` lists them).
    #[arg(long)]
    story: Option<i64>,
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

#[derive(Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    period: PeriodArgs,
    /// Only stories of at least this many articles.
    #[arg(long, default_value_t = 2)]
    min_articles: u32,
    /// At most this many stories.
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

/// A JSON value as a CSV cell: null is empty, a string as it is, anything
/// else as JSON.
pub(crate) fn csv_cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Writes `rows` as JSON, JSON Lines or CSV (the table format is the
/// caller's); CSV columns are the rows' fields, nested values as JSON.
fn write_rows<T: Serialize>(out: &mut dyn Write, format: QueryFormat, rows: &[T]) -> Result<()> {
    match format {
        QueryFormat::Json => {
            out.write_all(&serde_json::to_vec_pretty(rows)?)?;
            writeln!(out)?;
        }
        QueryFormat::Jsonl => {
            for r in rows {
                let mut line = serde_json::to_vec(r)?;
                line.push(b'\n');
                out.write_all(&line)?;
            }
        }
        QueryFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let mut header_written = false;
            for r in rows {
                let serde_json::Value::Object(fields) = serde_json::to_value(r)? else {
                    anyhow::bail!("a row that is not a record");
                };
                if !header_written {
                    w.write_record(fields.keys())?;
                    header_written = true;
                }
                w.write_record(fields.values().map(csv_cell))?;
            }
            out.write_all(&w.into_inner().context("writing CSV")?)?;
        }
        QueryFormat::Table => unreachable!("tables are written by each command"),
    }
    Ok(())
}

pub fn run_query(args: QueryArgs) -> Result<ExitCode> {
    date_arg("from", &args.period.from)?;
    date_arg("to", &args.period.to)?;
    let store = open_existing(&args.db.db)?;
    let hits = store.search(&Search {
        text: args.text,
        from: args.period.from,
        to: args.period.to,
        plover: args.plover,
        cameo: args.cameo,
        modality: args.modality,
        actor: args.actor,
        country: args.country,
        place: args.place,
        site: args.site,
        story: args.story,
        include_copies: args.copies,
        limit: args.limit as usize,
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.format == QueryFormat::Table {
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
    } else {
        write_rows(&mut out, args.format, &hits)?;
    }
    out.flush()?;
    if hits.is_empty() {
        eprintln!("warta: no articles match");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_stories(args: StoriesArgs) -> Result<ExitCode> {
    date_arg("from", &args.period.from)?;
    date_arg("to", &args.period.to)?;
    let store = open_existing(&args.db.db)?;
    let stories = store.stories(&StoryQuery {
        from: args.period.from,
        to: args.period.to,
        min_articles: u64::from(args.min_articles),
        limit: args.limit as usize,
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.format == QueryFormat::Table {
        for s in &stories {
            let period = match (&s.first_published, &s.last_published) {
                (Some(a), Some(b)) if a != b => format!("{a}…{b}"),
                (Some(a), _) => a.clone(),
                _ => "-".into(),
            };
            writeln!(
                out,
                "{:>6}  {:<21}  {:>3} art  {:>2} sites  {:>3} ev  {}",
                s.id,
                period,
                s.articles,
                s.sources,
                s.events,
                s.title.as_deref().unwrap_or("(no title)")
            )?;
        }
    } else {
        write_rows(&mut out, args.format, &stories)?;
    }
    out.flush()?;
    if stories.is_empty() {
        eprintln!("warta: no stories match");
    }
    Ok(ExitCode::SUCCESS)
}
