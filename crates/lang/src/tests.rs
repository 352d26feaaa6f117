//! Behaviour of the identifier as a user sees it.

use super::*;

#[test]
fn embedded_marker_table_parses() {
    assert!(MarkerModel::parse(MARKER_TABLE).is_ok());
}
