//! Export: coded events as rows other tools load.
//!
//! - [`gdelt`]: GDELT 2.0 **Events** (61 tab-separated columns, FIPS
//!   country codes in the geo fields) and **Mentions** (16 columns, one row
//!   per event per article, with sentence and character offsets).
//! - [`flat`]: one flat record per event for CSV and JSON Lines.
//!
//! By default only events whose modality counts (asserted or reported) are
//! exported; denied, planned and conditional ones stay in the JSON output.
//! The column mapping is documented in `docs/schema.md`.

pub mod flat;
pub mod gdelt;
pub mod parquet;

use warta_core::{Document, Event};

/// The events of `doc` to export: those whose modality counts, or all.
pub fn exported(doc: &Document, all: bool) -> impl Iterator<Item = (usize, &Event)> {
    doc.events
        .iter()
        .enumerate()
        .filter(move |(_, e)| all || e.modality.counts())
}

/// A stable 53-bit id for event `index` of the article `doc_id` (FNV-1a):
/// the same input gives the same ids, and JavaScript and pandas hold them
/// exactly.
pub fn event_id(doc_id: &str, input: Option<&str>, index: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in input
        .unwrap_or("")
        .bytes()
        .chain([0])
        .chain(doc_id.bytes())
        .chain([0])
        .chain(index.to_le_bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h & ((1 << 53) - 1)
}

#[cfg(test)]
mod tests;
