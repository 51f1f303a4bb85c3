//! Parquet in and out, row by row against a [`PartialTable`]: written in batches
//! of [`BATCH_ROWS`] with zstd, read batch by batch with every column cast to
//! its declared type, so that a table an engine rewrote (DuckDB's and Spark's
//! integer and string types differ) reads the same.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{Array, ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use parquet::arrow::ArrowWriter;

use super::tables::{ColumnType, PartialTable};
use super::PartialError;
use crate::output::zstd_writer;

/// Rows a record batch holds before it is handed to the Parquet writer.
const BATCH_ROWS: usize = 64 * 1024;

/// One cell of a row.
pub(super) enum Cell<'a> {
    Text(&'a str),
    MaybeText(Option<&'a str>),
    Int(i64),
    Float(f64),
}

enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Float(Float64Builder),
}

fn data_type(kind: ColumnType) -> DataType {
    match kind {
        ColumnType::Text | ColumnType::OptionalText => DataType::Utf8,
        ColumnType::Integer => DataType::Int64,
        ColumnType::Float => DataType::Float64,
    }
}

fn schema(table: &PartialTable) -> SchemaRef {
    Arc::new(Schema::new(
        table
            .columns
            .iter()
            .map(|c| {
                Field::new(
                    c.name,
                    data_type(c.kind),
                    c.kind == ColumnType::OptionalText,
                )
            })
            .collect::<Vec<_>>(),
    ))
}

/// A table being written into memory, row by row.
pub(super) struct TableWriter {
    table: &'static PartialTable,
    schema: SchemaRef,
    builders: Vec<Builder>,
    rows: usize,
    writer: ArrowWriter<Vec<u8>>,
}

impl TableWriter {
    pub(super) fn new(table: &'static PartialTable) -> Result<Self, parquet::errors::ParquetError> {
        let schema = schema(table);
        let writer = zstd_writer(schema.clone())?;
        let mut this = TableWriter {
            table,
            schema,
            builders: Vec::new(),
            rows: 0,
            writer,
        };
        this.builders = this.new_builders();
        Ok(this)
    }

    fn new_builders(&self) -> Vec<Builder> {
        self.table
            .columns
            .iter()
            .map(|c| match c.kind {
                ColumnType::Text | ColumnType::OptionalText => Builder::Text(StringBuilder::new()),
                ColumnType::Integer => Builder::Int(Int64Builder::new()),
                ColumnType::Float => Builder::Float(Float64Builder::new()),
            })
            .collect()
    }

    /// Adds one row; its cells follow the table's columns. A cell of the wrong
    /// type is a bug in the caller.
    pub(super) fn row(&mut self, cells: &[Cell]) -> Result<(), parquet::errors::ParquetError> {
        debug_assert_eq!(cells.len(), self.builders.len());
        for (builder, cell) in self.builders.iter_mut().zip(cells) {
            match (builder, cell) {
                (Builder::Text(b), Cell::Text(v)) => b.append_value(v),
                (Builder::Text(b), Cell::MaybeText(v)) => b.append_option(*v),
                (Builder::Int(b), Cell::Int(v)) => b.append_value(*v),
                (Builder::Float(b), Cell::Float(v)) => b.append_value(*v),
                _ => unreachable!("a cell of the wrong type for {}", self.table.name),
            }
        }
        self.rows += 1;
        if self.rows == BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), parquet::errors::ParquetError> {
        if self.rows == 0 {
            return Ok(());
        }
        let columns: Vec<ArrayRef> = self
            .builders
            .iter_mut()
            .map(|b| -> ArrayRef {
                match b {
                    Builder::Text(b) => Arc::new(b.finish()),
                    Builder::Int(b) => Arc::new(b.finish()),
                    Builder::Float(b) => Arc::new(b.finish()),
                }
            })
            .collect();
        let batch = RecordBatch::try_new(self.schema.clone(), columns)?;
        self.writer.write(&batch)?;
        self.rows = 0;
        Ok(())
    }

    /// The whole file.
    pub(super) fn finish(mut self) -> Result<Vec<u8>, parquet::errors::ParquetError> {
        self.flush()?;
        self.writer.into_inner()
    }
}

/// One batch of rows read back, every column of the table cast to its type.
pub(super) struct Rows {
    columns: Vec<ArrayRef>,
    table: &'static PartialTable,
    len: usize,
}

impl Rows {
    fn column(&self, name: &str) -> &ArrayRef {
        let at = self
            .table
            .columns
            .iter()
            .position(|c| c.name == name)
            .unwrap_or_else(|| unreachable!("{} has no column {name}", self.table.name));
        &self.columns[at]
    }

    /// Rows in the batch.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// A text column.
    pub(super) fn text(&self, name: &str) -> &StringArray {
        self.column(name)
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap_or_else(|| unreachable!("{name} was cast to text"))
    }

    /// An integer column.
    pub(super) fn int(&self, name: &str) -> &Int64Array {
        self.column(name)
            .as_any()
            .downcast_ref::<Int64Array>()
            .unwrap_or_else(|| unreachable!("{name} was cast to integers"))
    }

    /// A float column.
    pub(super) fn float(&self, name: &str) -> &Float64Array {
        self.column(name)
            .as_any()
            .downcast_ref::<Float64Array>()
            .unwrap_or_else(|| unreachable!("{name} was cast to floats"))
    }
}

thread_local! {
    /// Set while this thread reads Parquet: a panic then is the reader's, on a
    /// corrupt file, and the hook leaves it to [`guarded`] to report.
    static READING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `read` on the file `path`, turning a panic of the Parquet reader (which
/// some corrupt files cause, such as a length that overflows) into an error
/// naming the file. The panic hook in force stays in force for every other panic.
fn guarded<T>(
    path: &Path,
    read: impl FnOnce() -> Result<T, PartialError>,
) -> Result<T, PartialError> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !READING.get() {
                previous(info);
            }
        }));
    });
    let was = READING.replace(true);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    READING.set(was);
    result.unwrap_or_else(|payload| {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(PartialError::new(
            path,
            format!("is corrupt: the Parquet reader failed ({why})"),
        ))
    })
}

/// The batches of `table` in the partial folder `dir`.
pub(super) struct TableReader {
    path: std::path::PathBuf,
    table: &'static PartialTable,
    batches: ParquetRecordBatchReader,
}

impl TableReader {
    pub(super) fn open(path: &Path, table: &'static PartialTable) -> Result<Self, PartialError> {
        let path = path.to_path_buf();
        let file = File::open(&path).map_err(|e| PartialError::new(&path, e.to_string()))?;
        let batches = guarded(&path, || {
            ParquetRecordBatchReaderBuilder::try_new(file)
                .and_then(|b| b.with_batch_size(BATCH_ROWS).build())
                .map_err(|e| PartialError::new(&path, format!("not a readable Parquet file ({e})")))
        })?;
        Ok(TableReader {
            path,
            table,
            batches,
        })
    }

    fn cast(&self, batch: RecordBatch) -> Result<Rows, PartialError> {
        let mut columns = Vec::with_capacity(self.table.columns.len());
        for column in self.table.columns {
            let found = batch.column_by_name(column.name).ok_or_else(|| {
                PartialError::new(&self.path, format!("has no column {}", column.name))
            })?;
            let cast = arrow_cast::cast(found, &data_type(column.kind)).map_err(|e| {
                PartialError::new(&self.path, format!("column {}: {e}", column.name))
            })?;
            if column.kind != ColumnType::OptionalText && cast.null_count() > 0 {
                return Err(PartialError::new(
                    &self.path,
                    format!("column {} holds nulls", column.name),
                ));
            }
            columns.push(cast);
        }
        Ok(Rows {
            columns,
            table: self.table,
            len: batch.num_rows(),
        })
    }
}

impl Iterator for TableReader {
    type Item = Result<Rows, PartialError>;

    fn next(&mut self) -> Option<Self::Item> {
        let path = self.path.clone();
        let batch = match guarded(&path, || Ok(self.batches.next())) {
            Ok(batch) => batch?,
            Err(e) => return Some(Err(e)),
        };
        Some(
            batch
                .map_err(|e| PartialError::new(&self.path, format!("cannot be read ({e})")))
                .and_then(|batch| self.cast(batch)),
        )
    }
}

/// The Parquet files that hold `table` in the partial `dir`: `dir/NAME`, or,
/// when that is a folder (as Spark and other engines write a table), the
/// `.parquet` files in it, by name, leaving out hidden ones and `_SUCCESS`.
fn table_files(dir: &Path, table: &PartialTable) -> Result<Vec<std::path::PathBuf>, PartialError> {
    let path = dir.join(table.name);
    if !path.is_dir() {
        return Ok(vec![path]);
    }
    let entries = std::fs::read_dir(&path).map_err(|e| PartialError::new(&path, e.to_string()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| PartialError::new(&path, e.to_string()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".parquet") && !name.starts_with(['.', '_']) {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// Reads every batch of `table` in each of `dirs`, calling `each` with the
/// batch and the index of its folder.
pub(super) fn for_each_batch(
    dirs: &[&Path],
    table: &'static PartialTable,
    mut each: impl FnMut(&Rows, usize) -> Result<(), PartialError>,
) -> Result<(), PartialError> {
    for (at, dir) in dirs.iter().enumerate() {
        for file in table_files(dir, table)? {
            for rows in TableReader::open(&file, table)? {
                each(&rows?, at)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::guarded;
    use std::path::Path;

    /// A panic inside the Parquet reader (some corrupt files cause one) becomes an
    /// error that names the file; a result passes through unchanged.
    #[test]
    fn a_panic_while_reading_becomes_an_error_naming_the_file() {
        let path = Path::new("p3/terms.parquet");
        let failed: Result<(), _> = guarded(path, || panic!("capacity overflow"));
        let error = failed.expect_err("the panic is caught");
        assert_eq!(
            error.to_string(),
            "p3/terms.parquet: is corrupt: the Parquet reader failed (capacity overflow)"
        );
        assert_eq!(guarded(path, || Ok(7)).ok(), Some(7));
    }
}
