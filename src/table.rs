//! Tables: named columns with their documentation, rows of formatted cells, and
//! the formats they print in (CSV, TSV, JSON, aligned text).
//!
//! Every number is formatted once, when the row is made: integers in full,
//! floating-point values with [`FLOAT_DECIMALS`] digits after the point. So the
//! same table prints the same bytes in every format and on every run.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{self, Write};
use std::sync::{Mutex, OnceLock};

use serde::Serialize;

/// Digits after the decimal point of every floating-point value in a table.
pub const FLOAT_DECIMALS: usize = 6;

/// Formats a floating-point value for a table.
pub fn float(value: f64) -> String {
    format!("{value:.FLOAT_DECIMALS$}")
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
}

/// One column: its name, type, and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header.
    pub name: &'static str,
    /// Text or number.
    pub kind: Kind,
    /// One line of documentation, for `reports/README.md` and `--help`.
    pub doc: &'static str,
}

/// A column name made at run time (such as one per language), kept for the life of
/// the program; each distinct name is stored once.
pub fn column_name(name: String) -> &'static str {
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(|| Mutex::new(HashSet::new()))
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&known) = names.get(name.as_str()) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.into_boxed_str());
    names.insert(leaked);
    leaked
}

/// A text column.
pub const fn text(name: &'static str, doc: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Text,
        doc,
    }
}

/// A number column.
pub const fn number(name: &'static str, doc: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Number,
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

    /// Prints the table in `format`.
    pub fn write(&self, format: Format, out: &mut dyn Write) -> io::Result<()> {
        match format {
            Format::Csv => self.write_delimited(b',', out),
            Format::Tsv => self.write_delimited(b'\t', out),
            Format::Json => self.write_json(out),
            Format::Table => self.write_aligned(out),
        }
    }

    fn write_delimited(&self, delimiter: u8, out: &mut dyn Write) -> io::Result<()> {
        write_delimited(delimiter, &self.columns, self.rows.iter(), out)
    }

    fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows: Vec<serde_json::Map<String, serde_json::Value>> = self
            .rows
            .iter()
            .map(|row| {
                self.columns
                    .iter()
                    .zip(row)
                    .map(|(column, cell)| (column.name.to_string(), json_cell(column.kind, cell)))
                    .collect()
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)
    }

    fn write_aligned(&self, out: &mut dyn Write) -> io::Result<()> {
        let width = |s: &str| s.chars().count();
        let mut widths: Vec<usize> = self.columns.iter().map(|c| width(c.name)).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell));
            }
        }
        let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut dyn Write| {
            let padded: Vec<String> = cells
                .zip(&widths)
                .zip(self.columns.iter())
                .map(|((cell, &w), column)| {
                    let pad = " ".repeat(w - width(cell));
                    match column.kind {
                        Kind::Number => format!("{pad}{cell}"),
                        Kind::Text => format!("{cell}{pad}"),
                    }
                })
                .collect();
            writeln!(out, "{}", padded.join("  ").trim_end())
        };
        line(&mut self.columns.iter().map(|c| c.name), out)?;
        for row in &self.rows {
            line(&mut row.iter().map(String::as_str), out)?;
        }
        Ok(())
    }
}

/// Writes a header of `columns` and then `rows` as CSV, one row at a time.
pub fn write_csv(
    columns: &[Column],
    rows: impl Iterator<Item = Vec<String>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_delimited(b',', columns, rows, out)
}

fn write_delimited<R: AsRef<[String]>>(
    delimiter: u8,
    columns: &[Column],
    rows: impl Iterator<Item = R>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out);
    writer
        .write_record(columns.iter().map(|c| c.name))
        .map_err(into_io_error)?;
    for row in rows {
        writer.write_record(row.as_ref()).map_err(into_io_error)?;
    }
    writer.flush()
}

/// Keeps the underlying I/O error (a closed pipe, a full disk) visible to callers.
fn into_io_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn json_cell(kind: Kind, cell: &str) -> serde_json::Value {
    if kind == Kind::Number {
        if let Ok(number) = cell.parse::<serde_json::Number>() {
            return serde_json::Value::Number(number);
        }
    }
    serde_json::Value::String(cell.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[text("term", "the term"), number("count", "how often")];

    fn sample() -> Table {
        Table {
            columns: COLUMNS.into(),
            rows: vec![
                vec!["في".into(), "12".into()],
                vec!["a,b".into(), "3".into()],
            ],
        }
    }

    fn print(format: Format) -> String {
        let mut out = Vec::new();
        sample().write(format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn formats() {
        assert_eq!(print(Format::Csv), "term,count\nفي,12\n\"a,b\",3\n");
        assert_eq!(print(Format::Tsv), "term\tcount\nفي\t12\na,b\t3\n");
        assert_eq!(
            print(Format::Table),
            "term  count\nفي       12\na,b       3\n"
        );
        let json: serde_json::Value = serde_json::from_str(&print(Format::Json)).unwrap();
        assert_eq!(json[0]["term"], "في");
        assert_eq!(json[0]["count"], 12);
    }

    #[test]
    fn floats_have_fixed_precision() {
        assert_eq!(float(1.0 / 3.0), "0.333333");
        assert_eq!(float(2.0), "2.000000");
        assert_eq!(round(0.1234567), 0.123457);
    }
}
