//! Documents given in memory (the Python package's `texts=`), read as a JSONL file
//! of them would be: the same ids, groups, line endings, limits and problems, so
//! that texts in memory and the same texts in a file give the same report. Two
//! differences, since nothing is read from a file: `--max-input-bytes` does not
//! apply, and a text longer than four times `--max-document-bytes` is split into
//! parts as a long document is, not skipped as an overlong line.

use super::group::field_group;
use super::reader::Reader;
use super::time_field::Dating;
use super::{unix_line_endings, Document, DocumentMeta, GroupBy, InputEvent, InputOptions};
use super::{Problem, ProblemKind};

/// The source that documents given in memory are named by in `documents.csv` and
/// in problems: their ids default to `texts:N`, as a JSONL file's to `FILE:LINE`.
pub const RECORDS_SOURCE: &str = "texts";

/// One document given in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextRecord {
    /// The text; `None` is a document without text (a problem, as a JSONL line
    /// without its text field is).
    pub text: Option<String>,
    /// The id; `None`: `texts:N`, N counted from 1.
    pub id: Option<String>,
    /// The group, under `--group-by field:NAME`: `None` is a document without
    /// the field.
    pub group: Option<String>,
    /// The date field's value, under `--time-field NAME`: `None` is a document
    /// without the field.
    pub date: Option<String>,
}

/// Reads [`TextRecord`]s as the JSONL reader reads lines.
pub(super) struct RecordReader<I> {
    records: I,
    line: u64,
    grouped: Option<String>,
    dating: Option<Dating>,
    /// Under `--time-field path`, which texts in memory have no path for.
    path_dated: bool,
}

impl<I> RecordReader<I> {
    pub(super) fn new(records: I, options: &InputOptions) -> Self {
        let grouped = match &options.group_by {
            GroupBy::Field(name) => Some(name.clone()),
            _ => None,
        };
        RecordReader {
            records,
            line: 0,
            grouped,
            dating: Dating::of(options),
            path_dated: options.time_field == Some(super::TimeField::Path),
        }
    }

    fn problem(&self, kind: ProblemKind, message: String) -> Problem {
        Problem {
            source: RECORDS_SOURCE.to_string(),
            line: Some(self.line),
            kind,
            message,
        }
    }
}

impl<I: Iterator<Item = TextRecord> + Send> Reader for RecordReader<I> {
    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        let record = self.records.next()?;
        self.line += 1;
        let Some(text) = record.text else {
            let problem = self.problem(ProblemKind::MissingText, "no text".to_string());
            return Some(InputEvent::Problem(problem));
        };
        let group = self.grouped.as_deref().map(|field| {
            let (group, clash) = field_group(field, record.group);
            if let Some(message) = clash {
                pending.push(self.problem(ProblemKind::GroupName, message));
            }
            group
        });
        if self.path_dated {
            pending.push(self.problem(
                ProblemKind::NoDate,
                "a text in memory has no path to read a date from (--time-field path): give its date as a field".to_string(),
            ));
        }
        let date = self.dating.as_ref().and_then(|dating| {
            dating.date(
                record.date.as_deref(),
                |kind, message| self.problem(kind, message),
                pending,
            )
        });
        Some(InputEvent::Document(Document {
            meta: DocumentMeta {
                id: record
                    .id
                    .unwrap_or_else(|| format!("{RECORDS_SOURCE}:{}", self.line)),
                source: RECORDS_SOURCE.to_string(),
                line: self.line,
                group,
                date,
            },
            text: unix_line_endings(text),
        }))
    }
}
