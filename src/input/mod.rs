//! Input: find the documents under the given paths and decode them.
//!
//! Paths are files, folders (walked recursively in sorted order, hidden entries
//! skipped) or `-` for standard input. A file's format comes from its name:
//!
//! | name ends in               | format | one document per | text from            | id from |
//! |----------------------------|--------|------------------|----------------------|---------|
//! | `.jsonl`, `.ndjson`        | JSONL  | line             | field `text`         | field `id`, else `file:line` |
//! | `.csv`                     | CSV    | record           | `--text-column`      | `--id-column`, else `file:line` |
//! | `.tsv`                     | TSV    | record           | `--text-column`      | `--id-column`, else `file:line` |
//! | anything else              | text   | file             | the whole file       | the path relative to its input root |
//! | (`--input-format lines`)   | lines  | non-blank line   | the line             | `file:line` |
//!
//! Each may be compressed, with `.gz` or `.zst` after the format's ending.
//! Documents are streamed one at a time; no more than one document (or one text
//! file) is held in memory by this stage.
//!
//! Problems with one file or one line never stop the run: they become
//! [`Problem`]s in the stream, and the rest is read. Only a path on the command
//! line that does not exist is an [`InputError`].

mod csv;
mod decode;
mod formats;
mod group;
mod jsonl;
mod line_source;
mod lines;
mod reader;
mod records;
mod stream;
mod text;
mod time_field;
mod walk;

pub use decode::{decode, Decoded};
pub(crate) use group::NO_GROUP;
pub use group::{FileRules, GroupBy};
pub use records::{TextRecord, RECORDS_SOURCE};
pub use stream::DocumentStream;
pub(crate) use text::{split_point, unix_line_endings};
pub use time_field::{date_in_path, TimeField};
pub use walk::find_files;
pub(crate) use walk::find_files_noting;

use std::path::{Path, PathBuf};
use std::{fmt, io};

use serde::{Deserialize, Serialize};

use crate::dates::{Calendar, DateOrder, Day};

/// How to read a file. Default: [`InputFormat::Auto`], from the file's name.
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum InputFormat {
    /// From the file name; standard input is read as text.
    #[default]
    Auto,
    /// One document per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated, with a header row.
    Csv,
    /// Tab-separated, with a header row.
    Tsv,
    /// One document per line of text (blank lines skipped), ids `FILE:LINE`.
    Lines,
}

/// Options for reading documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputOptions {
    /// Format of every input. Default: auto, from each file's name.
    pub format: InputFormat,
    /// JSONL field that holds the text. Default: `text`.
    pub text_field: String,
    /// JSONL field that holds the id. Default: `id`.
    pub id_field: String,
    /// CSV/TSV column that holds the text. No default: CSV input needs it.
    pub text_column: Option<String>,
    /// CSV/TSV column that holds the id. Default: none, ids are `file:line`.
    pub id_column: Option<String>,
    /// How documents are grouped. Default: no groups.
    pub group_by: GroupBy,
    /// Follow symbolic links met in folders (`--follow`). Links named on the command
    /// line are always followed. Default: false: a link is skipped and named as a
    /// problem, as ripgrep and find do, so that a link in a corpus folder cannot pull
    /// in text from elsewhere.
    pub follow_links: bool,
    /// A document longer than this many bytes of text is split into parts at line
    /// breaks (else at a space, else between two characters), so that one document
    /// never has to be held whole; a JSONL line may be up to four times as long
    /// (JSON escapes), a CSV record up to the same. Default: [`MAX_DOCUMENT_BYTES`].
    pub max_document_bytes: usize,
    /// Stop reading after this many bytes of decoded input (`--max-input-bytes`),
    /// with a problem. Default: none.
    pub max_input_bytes: Option<u64>,
    /// Read every file as text, whatever it holds (`--text`): none is skipped as
    /// binary; NUL bytes are still dropped and counted. Default: false. Absent
    /// from `summary.json` when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub as_text: bool,
    /// The encoding of files without a byte order mark (`--encoding`), as a label
    /// encoding_rs knows (`windows-1256`, `iso-8859-6`, `utf-16le`, ...). Default:
    /// none, UTF-8. A byte order mark still decides. Absent from `summary.json`
    /// when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Where each document's date is read from (`--time-field`), for the trends.
    /// Default: none, no dates. Absent from `summary.json` when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_field: Option<TimeField>,
    /// The calendar dates are written in (`--calendar`). Default: Gregorian
    /// (absent from `summary.json`).
    #[serde(default, skip_serializing_if = "Calendar::is_gregorian")]
    pub calendar: Calendar,
    /// The order of a date's numbers when it does not start with its year
    /// (`--date-format`). Default: none, such dates are not read (absent from
    /// `summary.json`).
    #[serde(default, skip_serializing_if = "DateOrder::is_ymd")]
    pub date_format: DateOrder,
    /// Folders never read, such as the report's own output folder. Default: none.
    #[serde(skip)]
    pub exclude: Vec<PathBuf>,
}

/// Default longest document, in bytes of text: 32 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 32 << 20;

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: InputFormat::Auto,
            text_field: "text".to_string(),
            id_field: "id".to_string(),
            text_column: None,
            id_column: None,
            group_by: GroupBy::None,
            follow_links: false,
            max_document_bytes: MAX_DOCUMENT_BYTES,
            max_input_bytes: None,
            as_text: false,
            encoding: None,
            time_field: None,
            calendar: Calendar::Gregorian,
            date_format: DateOrder::Ymd,
            exclude: Vec::new(),
        }
    }
}

/// Where a document came from and what it is called: everything the later stages
/// keep of a document besides its counts, declared once and carried whole from
/// the reader to `documents.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentMeta {
    /// The document's id: its path relative to the input root, its JSONL/CSV id,
    /// or `file:line`.
    pub id: String,
    /// The file it came from, as found on the command line or in the walk (`-` for stdin).
    pub source: String,
    /// Its line in the source (1-based; 0 for a whole file). For CSV, the record's first line.
    pub line: u64,
    /// Its group, when the input stage can tell it (see [`GroupBy`]).
    pub group: Option<String>,
    /// Its date, under `--time-field` (see [`TimeField`]); `None` without one.
    pub date: Option<Day>,
}

/// One document, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Its id, source, line and group.
    pub meta: DocumentMeta,
    /// The text.
    pub text: String,
}

impl Document {
    /// A document made from a string, as the library's callers build them.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        Document {
            meta: DocumentMeta {
                source: id.clone(),
                id,
                line: 0,
                group: None,
                date: None,
            },
            text: text.into(),
        }
    }

    /// The same document in `group`.
    pub fn in_group(mut self, group: impl Into<String>) -> Self {
        self.meta.group = Some(group.into());
        self
    }
}

/// What went wrong with a file or a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProblemKind {
    /// The file or folder could not be opened or read.
    Unreadable,
    /// Bytes that are not valid UTF-8 were replaced by U+FFFD.
    InvalidUtf8,
    /// The file is binary (a NUL byte among its first 8 KiB, or NULs over 1% of
    /// its bytes) and was skipped.
    Binary,
    /// Stray NUL bytes in a text file were dropped (the rest of it was read).
    NulBytes,
    /// The compressed stream is corrupt or truncated; what was decoded was kept.
    Decompress,
    /// A JSONL line is not a JSON object.
    MalformedJson,
    /// A JSONL line lacks the text field, or it is not a string.
    MissingText,
    /// A CSV/TSV file lacks the text column, or a record could not be read.
    Csv,
    /// A folder was reached twice through symbolic links, and skipped the second time.
    SymlinkLoop,
    /// A symbolic link in a folder was not followed (see `--follow`).
    Symlink,
    /// Not a regular file (a FIFO, socket or device): skipped, since reading it
    /// could block or never end.
    SpecialFile,
    /// A document longer than the longest allowed was split into parts.
    Split,
    /// A JSONL line or CSV record longer than the longest allowed was skipped.
    TooLong,
    /// `--max-input-bytes` was reached: the rest of the input was not read.
    InputCap,
    /// A sentence or document held more distinct words than co-occurrence pairs up
    /// in one scope (4,000 distinct words).
    CoocCapped,
    /// A `--group-by field:` value is one of the names corpstat gives documents
    /// without the field or with it empty (`(none)`, `(empty)`).
    GroupName,
    /// Under `--time-field`, a document without a usable date (no field, an empty
    /// one, no day in the calendar, a path without a date): counted, but in no
    /// period of the trends.
    NoDate,
}

/// What a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoticeKind {
    /// A symbolic link followed (`--follow`) to a file or folder outside the
    /// folder given.
    LinkOutsideInput,
}

/// Something done that the user should know of, which is not a problem: it
/// changes nothing of the exit code. Printed on stderr and listed in
/// `summary.json`'s `notices`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// What it is about.
    pub kind: NoticeKind,
    /// The path it is about (the link).
    pub path: String,
    /// Where the link leads.
    pub target: String,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            NoticeKind::LinkOutsideInput => write!(
                f,
                "{}: a symbolic link to {}, outside the folder given; followed (--follow)",
                self.path, self.target
            ),
        }
    }
}

/// A problem with one input file or line. The run goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Problem {
    /// The file.
    pub source: String,
    /// The line, where the problem is with one line.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line: Option<u64>,
    /// What kind of problem.
    pub kind: ProblemKind,
    /// What went wrong, in words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.source, line, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

/// An error that stops the run before anything is read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A path given on the command line does not exist.
    #[error("{0}: no such file or folder")]
    Missing(String),
}

/// One item of the document stream.
#[derive(Debug)]
pub enum InputEvent {
    /// A document to count.
    Document(Document),
    /// Something that was skipped or only partly read.
    Problem(Problem),
}

/// A file to read, found on the command line or in a folder walk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    /// The path as found (`-` for standard input).
    pub path: PathBuf,
    /// The id of a whole-file document: the path relative to the folder given on the
    /// command line, or the path as given for a file named directly.
    pub id: String,
    /// The file's size in bytes, where known (for progress).
    pub size: Option<u64>,
    /// The path on the command line it was found under.
    pub root: String,
}

impl Problem {
    /// A file or folder that could not be opened or read.
    fn unreadable(path: &Path, error: &io::Error) -> Problem {
        Problem::of_file(path, ProblemKind::Unreadable, error.to_string())
    }

    /// A problem with a whole file or folder.
    pub(crate) fn of_file(path: &Path, kind: ProblemKind, message: String) -> Problem {
        Problem {
            source: path.display().to_string(),
            line: None,
            kind,
            message,
        }
    }
}
