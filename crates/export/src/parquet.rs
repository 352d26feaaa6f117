//! Flat event records as one Parquet file, typed, so pandas, DuckDB and
//! BigQuery load it directly (`pd.read_parquet`, `SELECT * FROM
//! 'events.parquet'`). Written with the `parquet` crate's own column
//! writers: no Arrow in between.

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use serde_json::{Map, Value};
use std::sync::Arc;

/// A column's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Float,
    Bool,
    Text,
}

/// The columns of [`crate::flat::FlatEvent`], in its order, with their types.
pub const FLAT_COLUMNS: [(&str, Kind); 28] = [
    ("event_id", Kind::Int),
    ("article_id", Kind::Text),
    ("input", Kind::Text),
    ("url", Kind::Text),
    ("published", Kind::Text),
    ("sentence", Kind::Int),
    ("plover", Kind::Text),
    ("cameo", Kind::Text),
    ("quad_class", Kind::Int),
    ("goldstein", Kind::Float),
    ("modality", Kind::Text),
    ("claimed_by", Kind::Text),
    ("source_name", Kind::Text),
    ("source_code", Kind::Text),
    ("source_text", Kind::Text),
    ("source_implicit", Kind::Bool),
    ("target_name", Kind::Text),
    ("target_code", Kind::Text),
    ("target_text", Kind::Text),
    ("date", Kind::Text),
    ("date_inferred", Kind::Text),
    ("location", Kind::Text),
    ("country", Kind::Text),
    ("lat", Kind::Float),
    ("lon", Kind::Float),
    ("trigger", Kind::Text),
    ("trigger_start", Kind::Int),
    ("trigger_end", Kind::Int),
];

/// Rows per row group: large enough for good compression, small enough
/// that a writer holds little.
const ROW_GROUP: usize = 65_536;

/// Writes records (JSON objects keyed by column name) as Parquet into a
/// byte buffer, a row group at a time. Every column is optional: a missing
/// or `null` field is a null.
pub struct ParquetWriter {
    columns: Vec<(String, Kind)>,
    rows: Vec<Map<String, Value>>,
    writer: SerializedFileWriter<Vec<u8>>,
}

impl ParquetWriter {
    /// A writer for `columns`, in that order.
    pub fn new(columns: &[(&str, Kind)]) -> Result<ParquetWriter, ParquetError> {
        let fields: String = columns
            .iter()
            .map(|(name, kind)| {
                let ty = match kind {
                    Kind::Int => "INT64",
                    Kind::Float => "DOUBLE",
                    Kind::Bool => "BOOLEAN",
                    Kind::Text => "BYTE_ARRAY",
                };
                let annotation = if *kind == Kind::Text { " (UTF8)" } else { "" };
                format!("  OPTIONAL {ty} {name}{annotation};\n")
            })
            .collect();
        let schema = Arc::new(parse_message_type(&format!("message event {{\n{fields}}}"))?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        Ok(ParquetWriter {
            columns: columns.iter().map(|(n, k)| (n.to_string(), *k)).collect(),
            rows: Vec::new(),
            writer: SerializedFileWriter::new(Vec::new(), schema, props)?,
        })
    }

    /// Adds one record.
    pub fn push(&mut self, record: Map<String, Value>) -> Result<(), ParquetError> {
        self.rows.push(record);
        if self.rows.len() >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ParquetError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let mut group = self.writer.next_row_group()?;
        for (name, kind) in &self.columns {
            let mut column = group
                .next_column()?
                .ok_or_else(|| ParquetError::General(format!("no column {name}")))?;
            let cells = rows.iter().map(|r| r.get(name).filter(|v| !v.is_null()));
            let defs: Vec<i16> = cells.clone().map(|v| i16::from(v.is_some())).collect();
            match kind {
                Kind::Int => {
                    let values: Vec<i64> = cells.flatten().map(|v| v.as_i64().unwrap_or_default()).collect();
                    column
                        .typed::<Int64Type>()
                        .write_batch(&values, Some(&defs), None)?;
                }
                Kind::Float => {
                    let values: Vec<f64> = cells.flatten().map(|v| v.as_f64().unwrap_or_default()).collect();
                    column
                        .typed::<DoubleType>()
                        .write_batch(&values, Some(&defs), None)?;
                }
                Kind::Bool => {
                    let values: Vec<bool> =
                        cells.flatten().map(|v| v.as_bool().unwrap_or_default()).collect();
                    column
                        .typed::<BoolType>()
                        .write_batch(&values, Some(&defs), None)?;
                }
                Kind::Text => {
                    let values: Vec<ByteArray> = cells
                        .flatten()
                        .map(|v| match v {
                            Value::String(s) => ByteArray::from(s.as_str()),
                            other => ByteArray::from(other.to_string().as_str()),
                        })
                        .collect();
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&values, Some(&defs), None)?;
                }
            }
            column.close()?;
        }
        group.close()?;
        Ok(())
    }

    /// Writes what is left and the footer, and returns the file's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, ParquetError> {
        self.flush()?;
        self.writer.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn records_come_back_typed_with_nulls_where_fields_were_missing() {
        let mut w = ParquetWriter::new(&[
            ("id", Kind::Int),
            ("name", Kind::Text),
            ("lat", Kind::Float),
            ("ok", Kind::Bool),
        ])
        .unwrap();
        let rec = |v: Value| v.as_object().unwrap().clone();
        w.push(rec(
            serde_json::json!({"id": 7, "name": "Kim Jong Un", "lat": 39.0, "ok": true}),
        ))
        .unwrap();
        w.push(rec(serde_json::json!({"id": 8, "name": null, "ok": false})))
            .unwrap();
        let bytes = w.finish().unwrap();
        let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
        let rows: Vec<String> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap().to_string())
            .collect();
        assert_eq!(rows[0], "{id: 7, name: \"Kim Jong Un\", lat: 39.0, ok: true}");
        assert_eq!(rows[1], "{id: 8, name: null, lat: null, ok: false}");
    }
}
