//! `warta serve`: a read-only JSON API over a corpus store, for the
//! dashboard and for anyone's scripts. axum on tokio; queries run on
//! tokio's blocking threads over a small pool of read-only SQLite
//! connections, so a slow query never stalls the others.
//!
//! Every parameter is checked and bounded ([`params`]): a malformed or
//! out-of-range one is a 400 with a JSON `{"error": …}` naming it. Every
//! answer carries an ETag (a 304 when the client has it), is gzipped when
//! asked, and says `X-Content-Type-Options: nosniff` and a
//! Content-Security-Policy that allows nothing to run. The API is
//! described by the OpenAPI 3 document at `/api/openapi.json`.

mod api;
mod params;
mod pool;

use std::net::SocketAddr;
use std::path::PathBuf;

pub use api::router;

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
pub fn serve(db: PathBuf, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    // Migrate once, writing; every connection after that only reads.
    drop(warta_store::SqliteStore::open(&db)?);
    let pool = pool::Pool::new(db)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(pool))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
