//! A few read-only connections to the store, taken by one request at a time.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use warta_store::{SqliteStore, StoreError};

/// Idle read-only connections; a request takes one (opening a new one when
/// none is idle) and gives it back when done.
#[derive(Clone)]
pub struct Pool {
    db: Arc<PathBuf>,
    idle: Arc<Mutex<Vec<SqliteStore>>>,
}

/// Connections kept idle at most; more are opened under load and closed after.
const MAX_IDLE: usize = 16;

impl Pool {
    /// A pool over `db`, checked by opening one connection now.
    pub fn new(db: PathBuf) -> Result<Pool, StoreError> {
        let first = SqliteStore::open_read_only(&db)?;
        Ok(Pool {
            db: Arc::new(db),
            idle: Arc::new(Mutex::new(vec![first])),
        })
    }

    /// Runs `f` with a connection.
    pub fn with<T>(&self, f: impl FnOnce(&SqliteStore) -> T) -> Result<T, StoreError> {
        let taken = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let store = match taken {
            Some(s) => s,
            None => SqliteStore::open_read_only(&self.db)?,
        };
        let out = f(&store);
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < MAX_IDLE {
            idle.push(store);
        }
        Ok(out)
    }
}
