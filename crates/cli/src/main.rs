//! `warta`: the command line. It parses arguments and wires the library
//! crates together; no analysis happens here.

mod analyze;
mod export;
mod ingest;
mod pretty;
mod query;
mod serve;
mod watch;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// The analysis allocates many small strings and vectors per article;
/// mimalloc serves them markedly faster than the system allocator (see
/// BENCHMARKS.md, "Whole pipeline").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "warta",
    version,
    about = "Turns online news into data: clean text, language, entities, times."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles: plain text, HTML, JSON Lines, WARC, directories or `-` for stdin.
    Analyze(analyze::AnalyzeArgs),
    /// Export coded events of the inputs: GDELT 2.0 Events or Mentions rows, CSV or JSON Lines.
    Export(export::ExportArgs),
    /// Analyse inputs into the corpus store (SQLite, `--db`): each article once, failures kept as rejects.
    Ingest(ingest::IngestArgs),
    /// Search the corpus store: full text plus filters.
    Query(query::QueryArgs),
    /// List the stories of the corpus store: articles about one happening.
    Stories(query::StoriesArgs),
    /// Poll RSS/Atom feeds and store their new articles (robots.txt, per-host delay, no private addresses).
    Watch(watch::WatchArgs),
    /// Serve the corpus store read-only over HTTP: a JSON API described at /api/openapi.json.
    Serve(serve::ServeArgs),
    /// Train a model from gold data.
    Train {
        #[command(subcommand)]
        what: TrainWhat,
    },
    /// Score an extractor against gold files.
    Eval {
        /// Which extractor to score.
        #[arg(value_enum)]
        what: EvalWhat,
        /// Gold files (format depends on the extractor; see docs/quality.md).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Reference data holding the articles gold records name by `ref`
        /// (quotes, events; default `$WARTA_SHARED`, else `../shared`).
        #[arg(long)]
        shared: Option<PathBuf>,
        /// Also list every miss, wrong speaker and spurious prediction (times, quotes, events, stories).
        #[arg(long)]
        show_errors: bool,
        /// The store holding the labelled articles (stories: ingest their
        /// corpus first, see data/eval/stories/README.md).
        #[arg(long, env = "WARTA_DB", default_value = "warta.db")]
        db: PathBuf,
    },
}

#[derive(Subcommand)]
enum TrainWhat {
    /// Train the Indonesian NER model (reproduces data/ner/ from ../shared/data/ner).
    Ner {
        /// Folder holding idner-news-2k/, nergrit/, … (the shared NER data).
        #[arg(long, default_value = "../shared/data/ner")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "data/ner/model.bin")]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum EvalWhat {
    /// CoNLL files (token … tag): exact-span P/R/F1, as conlleval.
    Ner,
    /// JSON Lines (`sentence`, `doc_date`, `expression`, `value`, `type`).
    Times,
    /// Labelled sentences or JSON Lines: accuracy of language identification.
    Lang,
    /// Labelled place mentions: country and 25 km accuracy.
    Places,
    /// CoNLL files scored on what `analyze` outputs (NER + linking), end to end.
    Entities,
    /// JSON Lines of whole articles with their quotes (data/eval/quotes/README.md):
    /// quotes found, speakers and relay chains, per kind.
    Quotes,
    /// JSON Lines of whole articles with their events per sentence
    /// (data/eval/events/README.md): P/R/F1 at four levels, article and sentence mode.
    Events,
    /// PETRARCH2's unit-test suite (`PETR.UnitTest.records.xml`, with the
    /// validation dictionaries in `../dictionaries` beside it): how many of
    /// its codings the English coder reproduces.
    Petrarch,
    /// JSON Lines of article pairs labelled as one happening or not
    /// (data/eval/stories/README.md), against the stories of `--db`:
    /// pairwise P/R/F1.
    Stories,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A closed pipe (`warta … | head`) is the reader's choice, not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("warta: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Output is serialised to bytes before it is written (serde_json would
/// wrap a write error in its own type), so a closed pipe is a plain I/O
/// error here.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Writes a report to stdout, passing write errors up instead of panicking.
fn print_report(report: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{report}")?;
    out.flush()?;
    Ok(())
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Export(args) => export::run(args),
        Command::Ingest(args) => ingest::run_ingest(args),
        Command::Query(args) => query::run_query(args),
        Command::Stories(args) => query::run_stories(args),
        Command::Watch(args) => watch::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Train {
            what: TrainWhat::Ner { data, out },
        } => {
            let report = warta_ner::train_cli::run_train(&data, &out)
                .map_err(|e| anyhow::anyhow!("train ner: {e}"))?;
            print_report(&report)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            what,
            files,
            shared,
            show_errors,
            db,
        } => {
            let report = match what {
                EvalWhat::Ner => warta_ner::cli::run_eval(&files),
                EvalWhat::Times => warta_time::cli::run_eval(&files, show_errors),
                EvalWhat::Lang => warta_lang::cli::run_eval(&files),
                EvalWhat::Places => warta_link::cli::run_eval(&files),
                EvalWhat::Entities => warta_pipeline::eval_entities::run_eval(&files),
                EvalWhat::Quotes => warta_pipeline::eval_quotes::run_eval(
                    &files,
                    &shared.unwrap_or_else(warta_pipeline::gold_text::default_shared_dir),
                    show_errors,
                ),
                EvalWhat::Events => warta_pipeline::eval_events::run_eval(
                    &files,
                    &shared.unwrap_or_else(warta_pipeline::gold_text::default_shared_dir),
                    show_errors,
                ),
                EvalWhat::Petrarch => warta_pipeline::eval_petrarch::run_eval(&files, show_errors),
                EvalWhat::Stories => {
                    let store = ingest::open_existing(&db)?;
                    Ok(warta_store::eval::run_eval(&store, &files, show_errors)
                        .map_err(|e| anyhow::anyhow!("eval: {e}"))?)
                }
            }
            .map_err(|e| anyhow::anyhow!("eval: {e}"))?;
            print_report(&report)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
