//! [`FORMATS`], the one list of input formats: which file names choose each under
//! `--input-format auto`, and how its reader is opened.
//!
//! Adding a format: a reader in a file of its own in this folder that implements
//! [`Reader`] and has an `open` function, a variant of
//! [`InputFormat`] (its `--input-format` value and its name in `summary.json`),
//! and one [`FormatSpec`] here; then its row in the table of `input`'s module doc
//! and in README.md.

use super::reader::{OpenFile, Reader};
use super::{csv, jsonl, lines, text, InputFormat, Problem};

/// One input format.
pub(super) struct FormatSpec {
    /// The format.
    pub format: InputFormat,
    /// File name endings (lowercase, before `.gz` or `.zst`) that choose it under
    /// `--input-format auto`.
    pub endings: &'static [&'static str],
    /// Opens its reader over a file; a file it cannot start reading (a CSV without
    /// its text column) is a problem.
    pub open: fn(OpenFile) -> Result<Box<dyn Reader>, Problem>,
}

/// JSONL: one document per line.
const JSONL: FormatSpec = FormatSpec {
    format: InputFormat::Jsonl,
    endings: &[".jsonl", ".ndjson"],
    open: jsonl::open,
};

/// CSV: one document per record.
const CSV: FormatSpec = FormatSpec {
    format: InputFormat::Csv,
    endings: &[".csv"],
    open: csv::open_csv,
};

/// TSV: one document per record.
const TSV: FormatSpec = FormatSpec {
    format: InputFormat::Tsv,
    endings: &[".tsv"],
    open: csv::open_tsv,
};

/// Lines: one document per line; chosen only by `--input-format lines`.
const LINES: FormatSpec = FormatSpec {
    format: InputFormat::Lines,
    endings: &[],
    open: lines::open,
};

/// Text: one document per file; the format of every other name.
const TEXT: FormatSpec = FormatSpec {
    format: InputFormat::Text,
    endings: &[],
    open: text::open,
};

/// Every input format, in the order their endings are tried.
pub(super) const FORMATS: &[FormatSpec] = &[JSONL, CSV, TSV, LINES, TEXT];

/// The spec of `format` (`Auto`, once a name did not choose, is text).
pub(super) fn spec_of(format: InputFormat) -> &'static FormatSpec {
    FORMATS
        .iter()
        .find(|spec| spec.format == format)
        .unwrap_or(&TEXT)
}

/// The format a file name chooses: the first spec with one of its endings, else text.
pub(super) fn format_of(stem: &str) -> InputFormat {
    FORMATS
        .iter()
        .find(|spec| spec.endings.iter().any(|e| stem.ends_with(e)))
        .map_or(InputFormat::Text, |spec| spec.format)
}
