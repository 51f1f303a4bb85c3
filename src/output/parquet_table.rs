//! `report --parquet`: every table of the report also as Parquet, beside its
//! CSV, for pandas, Polars, DuckDB and Spark: the same columns and values, typed.
//! A text column is a string column, or a boolean one when every value in it is
//! `true` or `false`; a number column holds 64-bit integers when every value in
//! it is an integer, 64-bit floats otherwise; an empty number is null. Values are the CSV's (floats rounded as there),
//! never with the apostrophe of `--csv-formula-guard`: a Parquet cell is data.

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::Arc;

use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use rayon::prelude::*;

use super::tables::{TableRows, TableSpec};
use super::ReportFile;
use crate::report::Report;
use crate::table::{Column, Kind};

/// Rows formatted and written together.
const CHUNK_ROWS: usize = 64 * 1024;

/// The zstd level of every Parquet file corpstat writes: 3, zstd's default, a
/// good ratio at a low cost.
const ZSTD_LEVEL: i32 = 3;

/// A Parquet writer into memory for `schema`, zstd-compressed: every Parquet file
/// corpstat writes (report tables and partials) is made by one.
pub(crate) fn zstd_writer(
    schema: Arc<Schema>,
) -> Result<ArrowWriter<Vec<u8>>, parquet::errors::ParquetError> {
    let properties = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(ZSTD_LEVEL)?))
        .build();
    ArrowWriter::try_new(Vec::new(), schema, Some(properties))
}

/// A table of the report, written as Parquet.
pub struct ParquetTableFile<'a> {
    name: String,
    spec: &'static TableSpec,
    report: &'a Report,
}

impl<'a> ParquetTableFile<'a> {
    /// The table `spec` of `report`, as `NAME.parquet`.
    pub fn of_spec(spec: &'static TableSpec, report: &'a Report) -> Self {
        let stem = spec.name.strip_suffix(".csv").unwrap_or(spec.name);
        ParquetTableFile {
            name: format!("{stem}.parquet"),
            spec,
            report,
        }
    }
}

/// The rows of a table, chunk by chunk.
enum Chunks<'r> {
    Source(crate::report::RowSource<'r>),
    Whole(Vec<Vec<String>>),
}

impl Chunks<'_> {
    fn len(&self) -> usize {
        match self {
            Chunks::Source(source) => source.len,
            Chunks::Whole(rows) => rows.len(),
        }
    }

    /// Rows `start..end`, formatted in parallel.
    fn rows(&self, start: usize, end: usize) -> Cow<'_, [Vec<String>]> {
        match self {
            Chunks::Source(source) => Cow::Owned(
                (start..end)
                    .into_par_iter()
                    .map(|i| (source.row)(i))
                    .collect(),
            ),
            Chunks::Whole(rows) => Cow::Borrowed(&rows[start..end]),
        }
    }
}

/// How a column is stored.
#[derive(Clone, Copy, PartialEq)]
enum Stored {
    Boolean,
    Text,
    Integer,
    Float,
}

/// How each column is stored, from every value in it. The rows are formatted for
/// this pass and again for writing, since the schema must be known before the
/// first batch and holding a large table's cells (ngrams.csv: a million rows on the
/// bench corpus) would take more memory than the report itself.
fn stored_as(columns: &[Column], chunks: &Chunks) -> Vec<Stored> {
    let mut stored: Vec<Stored> = columns
        .iter()
        .map(|c| match c.kind {
            Kind::Text | Kind::Boolean => Stored::Boolean,
            Kind::Number => Stored::Integer,
        })
        .collect();
    let len = chunks.len();
    for start in (0..len).step_by(CHUNK_ROWS) {
        for row in chunks.rows(start, (start + CHUNK_ROWS).min(len)).iter() {
            for (kind, cell) in stored.iter_mut().zip(row) {
                if cell.is_empty() {
                    continue;
                }
                if *kind == Stored::Boolean && cell != "true" && cell != "false" {
                    *kind = Stored::Text;
                }
                if *kind == Stored::Integer && cell.parse::<i64>().is_err() {
                    *kind = Stored::Float;
                }
                if *kind == Stored::Float && cell.parse::<f64>().is_err() {
                    *kind = Stored::Text;
                }
            }
        }
    }
    stored
}

fn batch(
    schema: &Arc<Schema>,
    stored: &[Stored],
    rows: &[Vec<String>],
) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let columns: Vec<ArrayRef> = stored
        .iter()
        .enumerate()
        .map(|(at, kind)| -> ArrayRef {
            let cells = rows
                .iter()
                .map(|r| r.get(at).map(String::as_str).unwrap_or(""));
            match kind {
                Stored::Boolean => {
                    let mut b = arrow_array::builder::BooleanBuilder::new();
                    cells.for_each(|c| b.append_option(c.parse().ok()));
                    Arc::new(b.finish())
                }
                Stored::Text => {
                    let mut b = StringBuilder::new();
                    cells.for_each(|c| b.append_value(c));
                    Arc::new(b.finish())
                }
                Stored::Integer => {
                    let mut b = Int64Builder::new();
                    cells.for_each(|c| b.append_option(c.parse().ok()));
                    Arc::new(b.finish())
                }
                Stored::Float => {
                    let mut b = Float64Builder::new();
                    cells.for_each(|c| b.append_option(c.parse().ok()));
                    Arc::new(b.finish())
                }
            }
        })
        .collect();
    RecordBatch::try_new(schema.clone(), columns)
}

/// The Arrow schema of a table: each column stored as [`stored_as`] found.
fn schema_of(columns: &[Column], stored: &[Stored]) -> Arc<Schema> {
    Arc::new(Schema::new(
        columns
            .iter()
            .zip(stored)
            .map(|(c, kind)| {
                let data_type = match kind {
                    Stored::Boolean => DataType::Boolean,
                    Stored::Text => DataType::Utf8,
                    Stored::Integer => DataType::Int64,
                    Stored::Float => DataType::Float64,
                };
                Field::new(c.name.as_ref(), data_type, *kind != Stored::Text)
            })
            .collect::<Vec<_>>(),
    ))
}

/// Calls `each` with the table's rows as record batches of [`CHUNK_ROWS`], typed
/// as the Parquet file stores them; returns the schema.
fn for_each_batch<E: From<arrow_schema::ArrowError>>(
    columns: &[Column],
    chunks: &Chunks,
    mut each: impl FnMut(&Arc<Schema>, RecordBatch) -> Result<(), E>,
) -> Result<Arc<Schema>, E> {
    let stored = stored_as(columns, chunks);
    let schema = schema_of(columns, &stored);
    let len = chunks.len();
    for start in (0..len).step_by(CHUNK_ROWS) {
        let rows = chunks.rows(start, (start + CHUNK_ROWS).min(len));
        each(&schema, batch(&schema, &stored, &rows)?)?;
    }
    Ok(schema)
}

/// The columns and rows of the table `spec` of `report`.
fn columns_and_chunks<'r>(
    spec: &'static TableSpec,
    report: &'r Report,
) -> (Cow<'static, [Column]>, Chunks<'r>) {
    match spec.rows {
        TableRows::Source(make) => (Cow::Borrowed(spec.columns), Chunks::Source(make(report))),
        TableRows::Table(make) => {
            let table = make(report);
            (table.columns, Chunks::Whole(table.rows))
        }
    }
}

/// The table `spec` of `report` as Arrow record batches, with the columns, types
/// and values of its Parquet file (see the module's documentation): what the
/// Python package hands over through the Arrow C stream interface.
pub fn arrow_batches(
    spec: &'static TableSpec,
    report: &Report,
) -> Result<(Arc<Schema>, Vec<RecordBatch>), arrow_schema::ArrowError> {
    let (columns, chunks) = columns_and_chunks(spec, report);
    collected(&columns, &chunks)
}

/// Every batch of a table, held together.
fn collected(
    columns: &[Column],
    chunks: &Chunks,
) -> Result<(Arc<Schema>, Vec<RecordBatch>), arrow_schema::ArrowError> {
    let mut batches = Vec::new();
    let schema = for_each_batch(columns, chunks, |_, batch| {
        batches.push(batch);
        Ok::<(), arrow_schema::ArrowError>(())
    })?;
    Ok((schema, batches))
}

/// A table made in memory (a subcommand's output) as Arrow record batches, typed
/// as a report table's Parquet file would be.
pub fn table_batches(
    table: crate::table::Table,
) -> Result<(Arc<Schema>, Vec<RecordBatch>), arrow_schema::ArrowError> {
    collected(&table.columns, &Chunks::Whole(table.rows))
}

fn write_parquet(
    columns: &[Column],
    chunks: &Chunks,
) -> Result<Vec<u8>, parquet::errors::ParquetError> {
    let mut writer = None;
    let schema = for_each_batch(columns, chunks, |schema, batch| {
        let writer = match &mut writer {
            Some(writer) => writer,
            None => writer.insert(zstd_writer(schema.clone())?),
        };
        writer.write(&batch)
    })?;
    match writer {
        Some(writer) => writer.into_inner(),
        None => zstd_writer(schema)?.into_inner(),
    }
}

impl ReportFile for ParquetTableFile<'_> {
    fn name(&self) -> &str {
        &self.name
    }

    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let (columns, chunks) = columns_and_chunks(self.spec, self.report);
        let bytes = write_parquet(&columns, &chunks).map_err(io::Error::other)?;
        out.write_all(&bytes)
    }
}
