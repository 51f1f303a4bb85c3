//! Tables: named columns with their documentation, rows of formatted cells, and
//! the formats they print in (CSV, TSV, JSON, aligned text).
//!
//! Every number is formatted once, when the row is made: integers in full,
//! floating-point values with [`FLOAT_DECIMALS`] digits after the point. So the
//! same table prints the same bytes in every format and on every run.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

/// Digits after the decimal point of every floating-point value in a table.
pub const FLOAT_DECIMALS: usize = 6;

/// Formats a floating-point value for a table: exactly what
/// `format!("{value:.6}")` gives, faster for the values tables hold.
pub fn float(value: f64) -> String {
    fixed_six(value).unwrap_or_else(|| format!("{value:.FLOAT_DECIMALS$}"))
}

/// `value` with six decimals, when that can be had from `|value| × 10⁶` rounded in
/// integers: for `|value|` below 10⁶ the product is within 1.2 × 10⁻⁴ of the exact
/// one, so unless its fraction is that close to one half it rounds the same way
/// as the exact decimal expansion `format!` rounds. `None` otherwise.
fn fixed_six(value: f64) -> Option<String> {
    const SCALE: f64 = 1e6;
    const MARGIN: f64 = 2e-4;
    let magnitude = value.abs();
    if !magnitude.is_finite() || magnitude >= 1e6 {
        return None;
    }
    let scaled = magnitude * SCALE;
    let whole = scaled.floor();
    let fraction = scaled - whole;
    if (fraction - 0.5).abs() <= MARGIN {
        return None;
    }
    let rounded = whole as u64 + u64::from(fraction > 0.5);
    let mut out = String::with_capacity(20);
    if value.is_sign_negative() {
        out.push('-');
    }
    let (units, decimals) = (rounded / 1_000_000, rounded % 1_000_000);
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = units;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| d as char));
    out.push('.');
    let mut rest = decimals;
    let mut six = [b'0'; 6];
    for digit in six.iter_mut().rev() {
        *digit = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    out.extend(six.iter().map(|&d| d as char));
    Some(out)
}

/// Formats a p-value for a table: in scientific notation with six decimals
/// (`8.303070e-5`), since those of many tests lie far below what [`float`] shows.
pub fn p_value(value: f64) -> String {
    format!("{value:.FLOAT_DECIMALS$e}")
}

/// Rounds a value to [`FLOAT_DECIMALS`] decimals, for JSON output.
pub fn round(value: f64) -> f64 {
    let scale = 10f64.powi(FLOAT_DECIMALS as i32);
    (value * scale).round() / scale
}

/// The type of a column's values, which decides how JSON prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    Text,
    /// A number (printed bare in JSON).
    Number,
    /// `true` or `false` (printed bare in JSON).
    Boolean,
}

/// One column: its name, type, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header: a name written in the code, or one made at run time (such as
    /// one per language).
    pub name: Cow<'static, str>,
    /// Text or number.
    pub kind: Kind,
    /// One line of documentation, for `reports/README.md` and `--help`.
    pub doc: &'static str,
}

/// A text column.
pub const fn text(name: &'static str, doc: &'static str) -> Column {
    Column {
        name: Cow::Borrowed(name),
        kind: Kind::Text,
        doc,
    }
}

/// A number column.
pub const fn number(name: &'static str, doc: &'static str) -> Column {
    Column {
        name: Cow::Borrowed(name),
        kind: Kind::Number,
        doc,
    }
}

/// A column of `true` and `false`.
pub const fn boolean(name: &'static str, doc: &'static str) -> Column {
    Column {
        name: Cow::Borrowed(name),
        kind: Kind::Boolean,
        doc,
    }
}

/// A table of formatted cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The columns.
    pub columns: Cow<'static, [Column]>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<String>>,
}

/// How to print a table.
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Comma-separated, with a header row.
    Csv,
    /// Tab-separated, with a header row.
    Tsv,
    /// A JSON array of objects, one per row.
    Json,
    /// Aligned columns, for reading on a terminal.
    Table,
}

impl Table {
    /// Keeps the first `n` rows.
    pub fn truncate(mut self, n: Option<usize>) -> Self {
        if let Some(n) = n {
            self.rows.truncate(n);
        }
        self
    }

    /// Prints the table in `format`; CSV and TSV cells as `cells` says.
    pub fn write(&self, format: Format, cells: CsvCells, out: &mut dyn Write) -> io::Result<()> {
        match format {
            Format::Csv => self.write_delimited(b',', cells, out),
            Format::Tsv => self.write_delimited(b'\t', cells, out),
            Format::Json => self.write_json(out),
            Format::Table => self.write_aligned(out),
        }
    }

    fn write_delimited(
        &self,
        delimiter: u8,
        cells: CsvCells,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        write_delimited(delimiter, &self.columns, self.rows.iter(), cells, out)
    }

    /// A JSON array of objects, one per row, with the keys in column order and
    /// numbers and booleans as such.
    fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows: Vec<JsonRow> = self
            .rows
            .iter()
            .map(|row| JsonRow {
                columns: &self.columns,
                cells: row,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)
    }

    /// Aligned columns, padded by display width (an Arabic mark or a ZWNJ takes no
    /// column, a CJK character two), each cell between FIRST STRONG ISOLATE (U+2068)
    /// and POP DIRECTIONAL ISOLATE (U+2069): a bidi-aware terminal, a browser or a
    /// chat then keeps the columns of a row in their order around an Arabic or
    /// Persian cell, instead of reversing them.
    fn write_aligned(&self, out: &mut dyn Write) -> io::Result<()> {
        use unicode_width::UnicodeWidthStr;
        let width = |s: &str| s.width();
        let mut widths: Vec<usize> = self.columns.iter().map(|c| width(&c.name)).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell));
            }
        }
        // The header's ASCII names need no isolate; every data cell has one.
        let line = |cells: &mut dyn Iterator<Item = &str>, isolate: bool, out: &mut dyn Write| {
            let (open, close) = if isolate {
                ("\u{2068}", "\u{2069}")
            } else {
                ("", "")
            };
            let padded: Vec<String> = cells
                .zip(&widths)
                .zip(self.columns.iter())
                .map(|((cell, &w), column)| {
                    let pad = " ".repeat(w.saturating_sub(width(cell)));
                    match column.kind {
                        Kind::Number => format!("{pad}{open}{cell}{close}"),
                        Kind::Text | Kind::Boolean => format!("{open}{cell}{close}{pad}"),
                    }
                })
                .collect();
            writeln!(out, "{}", padded.join("  ").trim_end())
        };
        line(&mut self.columns.iter().map(|c| &*c.name), false, out)?;
        for row in &self.rows {
            line(&mut row.iter().map(String::as_str), true, out)?;
        }
        Ok(())
    }
}

/// One row of a JSON table: an object whose keys come in column order.
struct JsonRow<'a> {
    columns: &'a [Column],
    cells: &'a [String],
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, cell) in self.columns.iter().zip(self.cells) {
            map.serialize_entry(&*column.name, &json_cell(column.kind, cell))?;
        }
        map.end()
    }
}

/// How text cells are written to CSV and TSV. Default: [`CsvCells::Exact`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvCells {
    /// Every cell as it is: the CSV files are data, equal to Parquet and JSON.
    #[default]
    Exact,
    /// A text cell a spreadsheet would run as a formula gets a leading apostrophe
    /// ([`spreadsheet_safe`]), for files opened in a spreadsheet
    /// (`--csv-formula-guard`).
    FormulaGuard,
}

impl CsvCells {
    /// `row`'s cells under `columns` as they are written: with the guard, a text
    /// cell a spreadsheet would run as a formula (`=HYPERLINK(...)`, `@SUM`, `+1+2`)
    /// gets a leading apostrophe, as spreadsheets themselves mark text; numbers and
    /// every other cell stay as they are.
    pub fn cells<'a>(
        self,
        columns: &'a [Column],
        row: &'a [String],
    ) -> impl Iterator<Item = std::borrow::Cow<'a, [u8]>> + 'a {
        let guard = self == CsvCells::FormulaGuard;
        row.iter().enumerate().map(move |(i, cell)| {
            let text = columns.get(i).is_none_or(|c| c.kind != Kind::Number);
            if guard && text && cell.starts_with(FORMULA_STARTS) {
                std::borrow::Cow::Owned(format!("'{cell}").into_bytes())
            } else {
                std::borrow::Cow::Borrowed(cell.as_bytes())
            }
        })
    }
}

/// Writes a header of `columns` and then `rows` as CSV, one row at a time.
pub fn write_csv(
    columns: &[Column],
    rows: impl Iterator<Item = Vec<String>>,
    cells: CsvCells,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_delimited(b',', columns, rows, cells, out)
}

fn write_delimited<R: AsRef<[String]>>(
    delimiter: u8,
    columns: &[Column],
    rows: impl Iterator<Item = R>,
    cells: CsvCells,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out);
    writer
        .write_record(columns.iter().map(|c| c.name.as_bytes()))
        .map_err(into_io_error)?;
    for row in rows {
        writer
            .write_record(cells.cells(columns, row.as_ref()))
            .map_err(into_io_error)?;
    }
    writer.flush()
}

/// The characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `row`'s cells with the formula guard ([`CsvCells::FormulaGuard`]).
pub fn spreadsheet_safe<'a>(
    columns: &'a [Column],
    row: &'a [String],
) -> impl Iterator<Item = std::borrow::Cow<'a, [u8]>> + 'a {
    CsvCells::FormulaGuard.cells(columns, row)
}

/// A cell read back from a CSV file corpstat wrote: the apostrophe of
/// [`spreadsheet_safe`] removed.
pub fn unmark_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// Rows formatted together, in parallel with the next chunks, by [`write_csv_chunked`].
const CSV_CHUNK_ROWS: usize = 8192;

/// Writes a header of `columns` and then `len` rows, row `i` made by `row(i)`, as
/// CSV: chunks of rows are formatted in parallel on the current rayon pool, a few
/// at a time, and written in order, so the bytes are those of [`write_csv`].
pub fn write_csv_chunked(
    columns: &[Column],
    len: usize,
    row: &(dyn Fn(usize) -> Vec<String> + Sync),
    cells: CsvCells,
    out: &mut dyn Write,
) -> io::Result<()> {
    use rayon::prelude::*;
    write_delimited(b',', columns, std::iter::empty::<Vec<String>>(), cells, out)?;
    let chunks = len.div_ceil(CSV_CHUNK_ROWS);
    let window = rayon::current_num_threads() * 4;
    for first in (0..chunks).step_by(window) {
        let formatted: Vec<io::Result<Vec<u8>>> = (first..chunks.min(first + window))
            .into_par_iter()
            .map(|chunk| {
                let rows = chunk * CSV_CHUNK_ROWS..len.min((chunk + 1) * CSV_CHUNK_ROWS);
                let mut writer = csv::WriterBuilder::new()
                    .delimiter(b',')
                    .from_writer(Vec::new());
                for i in rows {
                    let made = row(i);
                    writer
                        .write_record(cells.cells(columns, &made))
                        .map_err(into_io_error)?;
                }
                writer
                    .into_inner()
                    .map_err(|e| io::Error::other(e.to_string()))
            })
            .collect();
        for bytes in formatted {
            out.write_all(&bytes?)?;
        }
    }
    Ok(())
}

/// Keeps the underlying I/O error (a closed pipe, a full disk) visible to callers.
fn into_io_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// A cell as JSON: a number column's cell as a number (empty: null), a boolean
/// column's as true or false, anything else as a string.
fn json_cell(kind: Kind, cell: &str) -> serde_json::Value {
    match kind {
        Kind::Number if cell.is_empty() => serde_json::Value::Null,
        Kind::Number => match cell.parse::<serde_json::Number>() {
            Ok(number) => serde_json::Value::Number(number),
            Err(_) => serde_json::Value::String(cell.to_string()),
        },
        Kind::Boolean => match cell {
            "true" => serde_json::Value::Bool(true),
            "false" => serde_json::Value::Bool(false),
            _ => serde_json::Value::String(cell.to_string()),
        },
        Kind::Text => serde_json::Value::String(cell.to_string()),
    }
}

#[cfg(test)]
mod tests;
