//! `warta serve`: the read-only HTTP API over a corpus store.

use crate::ingest::DbArg;
use anyhow::{Context, Result};
use clap::Args;
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArg,
    /// Where to listen (loopback by default: nothing outside this machine
    /// can reach it; port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let db = args.db.db;
    crate::ingest::must_exist(&db)?;
    let shown = db.display().to_string();
    warta_server::serve(db, args.addr, |bound| {
        eprintln!(
            "warta: serving {shown} at http://{bound}/ (API: http://{bound}/api/openapi.json); Ctrl-C stops"
        );
    })
    .context("warta serve")?;
    Ok(ExitCode::SUCCESS)
}
