//! Locating the reference data (`../shared`), which tests skip without.

use std::path::PathBuf;

/// The shared reference data directory, or `None` (with a printed note)
/// when it is absent.
pub fn shared(what: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let path = dir.join(what);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "SKIP: {} not found (set WARTA_SHARED to the reference data)",
            path.display()
        );
        None
    }
}
