//! CSV and TSV: one document per record, with the text, id and group taken from
//! named columns; a record is capped in bytes so one broken quote cannot take all
//! memory.

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::group::field_group;
use super::reader::{OpenFile, Reader};
use super::time_field::Dating;
use super::{
    unix_line_endings, Document, DocumentMeta, GroupBy, InputEvent, InputOptions, Problem,
    ProblemKind,
};

/// A reader that fails once more than `max` bytes have been read since the start of
/// the current record (`record_start`, set by the CSV reader), so that one huge
/// field cannot grow without bound in the CSV parser's buffers.
pub(super) struct RecordCapped {
    inner: Box<dyn Read + Send>,
    read: u64,
    record_start: Arc<AtomicU64>,
    max: u64,
    quotes: Quotes,
    /// The line where a quoted field opened that the end of the input left open
    /// (0: none), for the reader to refuse the record that swallowed the rest.
    open_at_end: Arc<AtomicU64>,
}

impl Read for RecordCapped {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self
            .read
            .saturating_sub(self.record_start.load(Ordering::Relaxed))
            > self.max
        {
            let why = match self.quotes.open_since() {
                Some(line) => format!(
                    "a record longer than {} bytes: the quoted field opened on line {line} never closes",
                    self.max
                ),
                None => format!("a record longer than {} bytes", self.max),
            };
            return Err(io::Error::new(io::ErrorKind::InvalidData, why));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if n == 0 {
            if let Some(line) = self.quotes.open_since() {
                self.open_at_end.store(line, Ordering::Relaxed);
            }
        } else {
            self.quotes.feed(&buf[..n]);
        }
        Ok(n)
    }
}

/// Where the bytes read so far leave a CSV parser: inside a quoted field or not,
/// and on which line. The csv crate's rules (RFC 4180): a quote opens a quoted
/// field only at the start of a field, a doubled quote inside one is a quote, and
/// a quote followed by anything else closes it.
struct Quotes {
    delimiter: u8,
    state: QuoteState,
    line: u64,
    opened_on: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum QuoteState {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

impl Quotes {
    fn new(delimiter: u8) -> Self {
        Quotes {
            delimiter,
            state: QuoteState::FieldStart,
            line: 1,
            opened_on: 0,
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        use QuoteState::*;
        for &b in bytes {
            if b == b'\n' {
                self.line += 1;
            }
            let ends_field = b == self.delimiter || b == b'\n' || b == b'\r';
            self.state = match (self.state, b) {
                (Quoted, b'"') => QuoteInQuoted,
                (Quoted, _) => Quoted,
                (QuoteInQuoted, b'"') => Quoted,
                (FieldStart, b'"') => {
                    self.opened_on = self.line;
                    Quoted
                }
                (_, _) if ends_field => FieldStart,
                _ => Unquoted,
            };
        }
    }

    /// The line where the quoted field the input is inside opened.
    fn open_since(&self) -> Option<u64> {
        (self.state == QuoteState::Quoted).then_some(self.opened_on)
    }
}

pub(super) struct CsvReader {
    reader: csv::Reader<Box<dyn Read + Send>>,
    record: csv::ByteRecord,
    /// Where the next record starts, in bytes, for [`RecordCapped`].
    record_start: Arc<AtomicU64>,
    source: String,
    file_id: String,
    text_index: usize,
    id_index: Option<usize>,
    file_group: Option<String>,
    /// The column that holds each record's group, and its name.
    group_index: Option<(usize, String)>,
    /// Under `--time-field NAME`, the date column and how its dates are read.
    date_column: Option<(usize, Dating)>,
    /// The problem of a file without the date column, given before its records.
    date_problem: Option<Problem>,
    /// Set by [`RecordCapped`]: the line of a quote the end of the input left open.
    open_at_end: Arc<AtomicU64>,
    done: bool,
}

impl CsvReader {
    pub(super) fn new(
        reader: Box<dyn Read + Send>,
        delimiter: u8,
        source: String,
        file_id: String,
        file_group: Option<String>,
        max_record: usize,
        options: &InputOptions,
    ) -> Result<Self, Problem> {
        let record_start = Arc::new(AtomicU64::new(0));
        let open_at_end = Arc::new(AtomicU64::new(0));
        let reader: Box<dyn Read + Send> = Box::new(RecordCapped {
            inner: reader,
            read: 0,
            record_start: Arc::clone(&record_start),
            max: max_record as u64,
            quotes: Quotes::new(delimiter),
            open_at_end: Arc::clone(&open_at_end),
        });
        let problem = |message: String| Problem {
            source: source.clone(),
            line: None,
            kind: ProblemKind::Csv,
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(reader);
        let headers = reader
            .byte_headers()
            .map_err(|e| problem(format!("cannot read the header row: {e}")))?
            .clone();
        let names: Vec<String> = headers
            .iter()
            .map(|h| String::from_utf8_lossy(h).into_owned())
            .collect();
        let find = |column: &str| names.iter().position(|name| name == column);
        let Some(text_column) = &options.text_column else {
            return Err(problem(format!(
                "CSV/TSV input needs --text-column (columns: {})",
                names.join(", ")
            )));
        };
        let text_index = find(text_column).ok_or_else(|| {
            problem(format!(
                "no column \"{text_column}\" (columns: {})",
                names.join(", ")
            ))
        })?;
        let id_index = match &options.id_column {
            Some(column) => Some(find(column).ok_or_else(|| {
                problem(format!(
                    "no column \"{column}\" (columns: {})",
                    names.join(", ")
                ))
            })?),
            None => None,
        };
        let group_index = match &options.group_by {
            GroupBy::Field(column) => Some((
                find(column).ok_or_else(|| {
                    problem(format!(
                        "no column \"{column}\" to group by (columns: {})",
                        names.join(", ")
                    ))
                })?,
                column.clone(),
            )),
            _ => None,
        };
        // A file without the date column is read, its records undated, with one
        // problem that says so.
        let (date_column, date_problem) = match Dating::of(options) {
            Some(dating) => match find(&dating.field) {
                Some(i) => (Some((i, dating)), None),
                None => (
                    None,
                    Some(Problem {
                        source: source.clone(),
                        line: None,
                        kind: ProblemKind::NoDate,
                        message: format!(
                            "no column \"{}\" for dates (columns: {}): its records have no date",
                            dating.field,
                            names.join(", ")
                        ),
                    }),
                ),
            },
            None => (None, None),
        };
        record_start.store(reader.position().byte(), Ordering::Relaxed);
        Ok(CsvReader {
            date_column,
            date_problem,
            reader,
            record: csv::ByteRecord::new(),
            record_start,
            source,
            file_id,
            text_index,
            id_index,
            file_group,
            group_index,
            open_at_end,
            done: false,
        })
    }

    fn next_record_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        if self.done {
            return None;
        }
        if let Some(problem) = self.date_problem.take() {
            return Some(InputEvent::Problem(problem));
        }
        let headers_len = self.reader.byte_headers().map(|h| h.len()).unwrap_or(0);
        let read = self.reader.read_byte_record(&mut self.record);
        self.record_start
            .store(self.reader.position().byte(), Ordering::Relaxed);
        match read {
            Ok(false) => None,
            Ok(true) => {
                let line = self.record.position().map_or(0, |p| p.line());
                let opened_on = self.open_at_end.load(Ordering::Relaxed);
                if opened_on > 0 {
                    self.done = true;
                    return Some(InputEvent::Problem(Problem {
                        source: self.source.clone(),
                        line: Some(opened_on),
                        kind: ProblemKind::Csv,
                        message: format!(
                            "the quoted field opened on line {opened_on} never closes: the record from line {line} to the end of the file is skipped (the records after the quote are in it)"
                        ),
                    }));
                }
                if self.record.len() != headers_len {
                    return Some(InputEvent::Problem(Problem {
                        source: self.source.clone(),
                        line: Some(line),
                        kind: ProblemKind::Csv,
                        message: format!(
                            "record has {} fields, the header has {headers_len}; skipped",
                            self.record.len()
                        ),
                    }));
                }
                let field = |i: usize| String::from_utf8_lossy(&self.record[i]).into_owned();
                let text = field(self.text_index);
                let id = match self.id_index {
                    Some(i) => field(i),
                    None => format!("{}:{line}", self.file_id),
                };
                let group = match &self.group_index {
                    Some((i, column)) => {
                        let (group, clash) = field_group(column, Some(field(*i)));
                        if let Some(message) = clash {
                            pending.push(Problem {
                                source: self.source.clone(),
                                line: Some(line),
                                kind: ProblemKind::GroupName,
                                message,
                            });
                        }
                        Some(group)
                    }
                    None => self.file_group.clone(),
                };
                let date = self.date_column.as_ref().and_then(|(i, dating)| {
                    dating.date(
                        Some(&field(*i)),
                        |kind, message| Problem {
                            source: self.source.clone(),
                            line: Some(line),
                            kind,
                            message,
                        },
                        pending,
                    )
                });
                Some(InputEvent::Document(Document {
                    meta: DocumentMeta {
                        id,
                        source: self.source.clone(),
                        line,
                        group,
                        date,
                    },
                    text: unix_line_endings(text),
                }))
            }
            Err(e) => {
                self.done = true;
                let line = e.position().map(|p| p.line());
                Some(InputEvent::Problem(Problem {
                    source: self.source.clone(),
                    line,
                    kind: ProblemKind::Csv,
                    message: format!("cannot read the rest of the file: {e}"),
                }))
            }
        }
    }
}

impl Reader for CsvReader {
    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        self.next_record_event(pending)
    }
}

/// A CSV file's reader.
pub(super) fn open_csv(file: OpenFile) -> Result<Box<dyn Reader>, Problem> {
    open_delimited(file, b',')
}

/// A TSV file's reader.
pub(super) fn open_tsv(file: OpenFile) -> Result<Box<dyn Reader>, Problem> {
    open_delimited(file, b'\t')
}

/// A reader of records separated by `delimiter`, after its header row; records
/// longer than four times `--max-document-bytes` are skipped.
fn open_delimited(file: OpenFile, delimiter: u8) -> Result<Box<dyn Reader>, Problem> {
    let max_record = file.max_record();
    let reader = CsvReader::new(
        file.reader,
        delimiter,
        file.source,
        file.file_id,
        file.file_group,
        max_record,
        file.options,
    )?;
    Ok(Box::new(reader))
}
