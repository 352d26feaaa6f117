//! `warta serve`: a JSON API over a corpus store and the dashboard that
//! reads it, both from one binary that needs no network. axum on tokio;
//! queries run on tokio's blocking threads over a small pool of read-only
//! SQLite connections, so a slow query never stalls the others.
//!
//! Every parameter is checked and bounded ([`params`]): a malformed or
//! out-of-range one is a 400 with a JSON `{"error": …}` naming it. Every
//! API answer carries an ETag (a 304 when the client has it), is
//! compressed (brotli or gzip) when asked, and says
//! `X-Content-Type-Options: nosniff` and a Content-Security-Policy that
//! allows nothing to run; the dashboard's own files get a policy that runs
//! only the server's own scripts ([`dashboard`]). The API is described by
//! the OpenAPI 3 document at `/api/openapi.json`.
//!
//! The server only reads, unless it is given an [`Ingest`]: then
//! `POST /api/articles` with the bearer token analyses and stores an
//! article ([`ingest`]).

mod api;
mod browse;
mod dashboard;
mod ingest;
mod params;
mod pool;

use std::net::SocketAddr;
use std::path::PathBuf;

pub use api::router;
pub use ingest::{Ingest, IngestFailure, Ingested};

/// A server error at start-up, naming what failed.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}")]
    Store(#[from] warta_store::StoreError),
    #[error("listening on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("serving: {0}")]
    Io(#[from] std::io::Error),
}

/// Serves the store at `db` on `addr` until interrupted (Ctrl-C), calling
/// `ready` with the address actually bound (port 0 picks a free one).
/// `ingest`, when given, takes posted articles.
pub fn serve(
    db: PathBuf,
    addr: SocketAddr,
    ingest: Option<Ingest>,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    // Migrate once, writing; every pooled connection after that only reads.
    drop(warta_store::SqliteStore::open(&db)?);
    let pool = pool::Pool::new(db)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(pool, ingest))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
