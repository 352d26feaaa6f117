//! `warta watch`: polls RSS/Atom feeds, fetches the pages of new items
//! (through `warta-watch`'s safe fetcher), analyses them and stores them.
//! What was fetched and each feed's conditional-GET state live in the
//! store, so a restart fetches nothing twice.

use crate::ingest::DbArg;
use anyhow::{Context, Result};
use clap::Args;
use std::process::ExitCode;
use std::time::Duration;
use warta_pipeline::Pipeline;
use warta_read::RawArticle;
use warta_store::{FeedState, Put, SqliteStore, Store};
use warta_watch::{Config, FeedItem, FeedPoll, Fetched, Fetcher, Validators};

#[derive(Args)]
pub struct WatchArgs {
    /// An RSS or Atom feed to poll (http or https); repeat for more.
    #[arg(long = "feed", required = true)]
    feeds: Vec<String>,
    #[command(flatten)]
    db: DbArg,
    /// Poll every feed once, store what is new, and stop (by default the
    /// feeds are polled every --interval seconds until interrupted).
    #[arg(long)]
    once: bool,
    /// Seconds between two polls of the feeds.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..))]
    interval: u64,
    /// Milliseconds between two requests to one host.
    #[arg(long, default_value_t = 1000)]
    per_host_delay_ms: u64,
    /// Fetch from private, loopback and link-local addresses too (an
    /// intranet feed); refused by default.
    #[arg(long)]
    allow_private: bool,
}

/// What one round of polling did.
#[derive(Default)]
struct Round {
    new: usize,
    stored: usize,
    present: usize,
    failed: usize,
}

pub fn run(args: WatchArgs) -> Result<ExitCode> {
    for feed in &args.feeds {
        warta_watch::check_url(feed).map_err(|e| anyhow::anyhow!("--feed {e}"))?;
    }
    let db = &args.db.db;
    let mut store = SqliteStore::open(db).with_context(|| format!("opening the store {}", db.display()))?;
    let pipeline = Pipeline::standard().context("setting up the pipeline")?;
    let config = Config {
        allow_private: args.allow_private,
        per_host_delay: Duration::from_millis(args.per_host_delay_ms),
        ..Config::default()
    };
    loop {
        // A fetcher per round: robots.txt is read again each round (a site
        // may change it, or recover from a failure that forbade it).
        let mut fetcher = Fetcher::new(config.clone());
        for feed in &args.feeds {
            let round = poll(feed, &mut fetcher, &pipeline, &mut store)?;
            eprintln!(
                "warta: {feed}: {} new, {} stored, {} already present, {} failed → {}",
                round.new,
                round.stored,
                round.present,
                round.failed,
                db.display()
            );
        }
        if args.once {
            return Ok(ExitCode::SUCCESS);
        }
        std::thread::sleep(Duration::from_secs(args.interval));
    }
}

/// Polls one feed and stores its new items. A feed or page that fails is
/// recorded as a reject and the round goes on; only store errors stop it.
fn poll(feed: &str, fetcher: &mut Fetcher, pipeline: &Pipeline, store: &mut SqliteStore) -> Result<Round> {
    let mut round = Round::default();
    let state = store.feed_state(feed)?;
    let known = Validators {
        etag: state.etag,
        last_modified: state.last_modified,
    };
    let (items, validators) = match fetcher.poll_feed(feed, &known) {
        Ok(FeedPoll::NotModified) => return Ok(round),
        Ok(FeedPoll::Items {
            items, validators, ..
        }) => (items, validators),
        Err(e) => {
            store.put_reject(feed, None, &e.to_string())?;
            store.commit()?;
            round.failed += 1;
            return Ok(round);
        }
    };
    let mut retry = false;
    for item in items {
        if store.was_fetched(&item.url)? {
            continue;
        }
        round.new += 1;
        match fetch_and_analyse(&item, fetcher, pipeline) {
            Ok(doc) => {
                let id = warta_store::article_id(&doc);
                let put = store.put_article(&doc)?;
                let outcome = match put {
                    Put::Stored => {
                        round.stored += 1;
                        "stored"
                    }
                    Put::AlreadyPresent => {
                        round.present += 1;
                        "already present"
                    }
                };
                store.mark_fetched(&item.url, Some(&id), outcome)?;
            }
            Err(Failed::Later(reason)) => {
                // not given up: the next round tries again
                round.failed += 1;
                retry = true;
                eprintln!("warta: {reason} (will retry)");
            }
            Err(Failed::For(reason)) => {
                round.failed += 1;
                store.put_reject(&item.url, None, &reason)?;
                store.mark_fetched(&item.url, None, &reason)?;
            }
        }
        // Each page is durable once stored: an interrupted watch resumes
        // after it.
        store.commit()?;
    }
    // A page to try again keeps the feed's old validators, so that the
    // next poll reads the items again instead of hearing "not modified".
    if !retry {
        store.set_feed_state(
            feed,
            &FeedState {
                etag: validators.etag,
                last_modified: validators.last_modified,
            },
        )?;
    }
    store.commit()?;
    Ok(round)
}

/// Why a page was not stored.
enum Failed {
    /// Worth trying again (a timeout, a network failure, a 5xx answer).
    Later(String),
    /// For good: refused, too large, not an article, …
    For(String),
}

impl From<String> for Failed {
    fn from(reason: String) -> Failed {
        Failed::For(reason)
    }
}

/// Fetches an item's page and analyses it; the feed's title and date fill
/// in what the page does not say.
fn fetch_and_analyse(
    item: &FeedItem,
    fetcher: &mut Fetcher,
    pipeline: &Pipeline,
) -> Result<warta_core::Document, Failed> {
    let page = match fetcher.fetch_page(&item.url, &Validators::default()) {
        Ok(Fetched::Page(page)) => page,
        Ok(Fetched::NotModified) => {
            return Err(Failed::Later(format!(
                "{}: not modified, but nothing was stored",
                item.url
            )))
        }
        Err(e) if e.is_transient() => return Err(Failed::Later(e.to_string())),
        Err(e) => return Err(Failed::For(e.to_string())),
    };
    let raw = warta_read::read_bytes(&item.url, &page.body)
        .into_iter()
        .next()
        .ok_or_else(|| format!("{}: nothing read", item.url))?
        .map_err(|e| e.to_string())?;
    let raw = RawArticle {
        id: item.url.clone(),
        origin: item.url.clone(),
        url: Some(page.url.clone()),
        title: raw.title.or_else(|| item.title.clone()),
        published: raw.published.or_else(|| item.published.map(|d| d.to_rfc3339())),
        ..raw
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.analyze(raw)))
        .map_err(|_| format!("{}: the analysis failed unexpectedly (a bug in warta)", item.url))?
        .map_err(|e| Failed::For(e.to_string()))
}
