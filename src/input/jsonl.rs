//! JSONL (one JSON object per line): the text, id and group fields of each line;
//! a malformed or overlong line is a problem and the next line is read.

use super::group::field_group;
use super::{unix_line_endings, Document, DocumentMeta, GroupBy, InputEvent, ProblemKind};

use std::io::{self, BufRead, BufReader, Read};

use super::decode::decode_utf8_lossy;
use super::formats::{OpenFile, Reader};
use super::stream::read_error_kind;
use super::{InputOptions, Problem};

pub(super) struct JsonlReader {
    lines: BufReader<Box<dyn Read + Send>>,
    source: String,
    file_id: String,
    line: u64,
    buffer: Vec<u8>,
    /// Longest line read, in bytes; longer lines are skipped.
    max_line: usize,
    text_field: String,
    id_field: String,
    /// The group of every line, when the file decides it.
    file_group: Option<String>,
    /// The field that holds each line's group.
    group_field: Option<String>,
}

impl JsonlReader {
    /// A reader of one JSONL file; lines longer than `max_line` bytes are skipped.
    pub(super) fn new(
        reader: Box<dyn Read + Send>,
        source: String,
        file_id: String,
        file_group: Option<String>,
        max_line: usize,
        options: &InputOptions,
    ) -> Self {
        let group_field = match &options.group_by {
            GroupBy::Field(name) => Some(name.clone()),
            _ => None,
        };
        JsonlReader {
            lines: BufReader::with_capacity(1 << 16, reader),
            source,
            file_id,
            line: 0,
            buffer: Vec::new(),
            max_line,
            text_field: options.text_field.clone(),
            id_field: options.id_field.clone(),
            file_group,
            group_field,
        }
    }

    fn problem(&self, kind: ProblemKind, message: String) -> InputEvent {
        InputEvent::Problem(Problem {
            source: self.source.clone(),
            line: Some(self.line),
            kind,
            message,
        })
    }

    /// The next document or problem of the file; `None` at its end. Blank lines
    /// are skipped.
    fn next_line_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        loop {
            match self.read_line() {
                LineRead::End => return None,
                LineRead::Problem(event) => return Some(event),
                LineRead::Line => {}
            }
            self.line += 1;
            if trim_line_end(&self.buffer)
                .iter()
                .all(u8::is_ascii_whitespace)
            {
                continue;
            }
            return Some(self.parse_line(pending));
        }
    }

    /// Reads the next line into the buffer, up to `max_line` bytes: a longer line is
    /// skipped whole, and a read error ends the file (what came before is kept).
    fn read_line(&mut self) -> LineRead {
        self.buffer.clear();
        let limit = self.max_line as u64 + 1;
        match (&mut self.lines)
            .take(limit)
            .read_until(b'\n', &mut self.buffer)
        {
            Ok(0) => LineRead::End,
            Ok(n) if n as u64 == limit && !self.buffer.ends_with(b"\n") => {
                self.line += 1;
                let skipped = match skip_line(&mut self.lines) {
                    Ok(rest) => rest + n as u64,
                    Err(_) => n as u64,
                };
                LineRead::Problem(self.problem(
                    ProblemKind::TooLong,
                    format!(
                        "line of {skipped} bytes or more, longer than {} bytes; skipped",
                        self.max_line
                    ),
                ))
            }
            Ok(_) => LineRead::Line,
            Err(e) => {
                // A corrupt compressed stream ends the file; what came before is kept.
                let event = InputEvent::Problem(Problem {
                    source: self.source.clone(),
                    line: None,
                    kind: read_error_kind(&e),
                    message: format!(
                        "read failed after {} line(s), which were kept: {e}",
                        self.line
                    ),
                });
                // Make the next call end this file.
                self.lines = BufReader::new(Box::new(io::empty()));
                LineRead::Problem(event)
            }
        }
    }

    /// The document of the line in the buffer, or the problem with it.
    fn parse_line(&self, pending: &mut Vec<Problem>) -> InputEvent {
        let (line_text, replaced) = decode_utf8_lossy(trim_line_end(&self.buffer));
        if replaced > 0 {
            pending.push(Problem {
                source: self.source.clone(),
                line: Some(self.line),
                kind: ProblemKind::InvalidUtf8,
                message: format!("{replaced} bytes of invalid UTF-8 replaced by U+FFFD"),
            });
        }
        let value: serde_json::Value = match serde_json::from_str(&line_text) {
            Ok(v) => v,
            Err(e) => return self.problem(ProblemKind::MalformedJson, format!("not JSON: {e}")),
        };
        let serde_json::Value::Object(mut object) = value else {
            return self.problem(ProblemKind::MalformedJson, "not a JSON object".to_string());
        };
        let text = match object.remove(&self.text_field) {
            Some(serde_json::Value::String(text)) => text,
            Some(_) => {
                return self.problem(
                    ProblemKind::MissingText,
                    format!("field \"{}\" is not a string", self.text_field),
                )
            }
            None => {
                return self.problem(
                    ProblemKind::MissingText,
                    format!("no field \"{}\"", self.text_field),
                )
            }
        };
        let id = match object.get(&self.id_field) {
            Some(serde_json::Value::String(id)) => id.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}:{}", self.file_id, self.line),
        };
        let group = match &self.group_field {
            Some(field) => {
                let value = match object.get(field) {
                    Some(serde_json::Value::String(g)) => Some(g.clone()),
                    Some(serde_json::Value::Number(n)) => Some(n.to_string()),
                    _ => None,
                };
                let (group, clash) = field_group(field, value);
                if let Some(message) = clash {
                    pending.push(Problem {
                        source: self.source.clone(),
                        line: Some(self.line),
                        kind: ProblemKind::GroupName,
                        message,
                    });
                }
                Some(group)
            }
            None => self.file_group.clone(),
        };
        InputEvent::Document(Document {
            meta: DocumentMeta {
                id,
                source: self.source.clone(),
                line: self.line,
                group,
            },
            text: unix_line_endings(text),
        })
    }
}

impl Reader for JsonlReader {
    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        self.next_line_event(pending)
    }
}

/// A JSONL file's reader; lines longer than four times `--max-document-bytes` are
/// skipped.
pub(super) fn open(file: OpenFile) -> Result<Box<dyn Reader>, Problem> {
    let max_line = file.max_record();
    Ok(Box::new(JsonlReader::new(
        file.reader,
        file.source,
        file.file_id,
        file.file_group,
        max_line,
        file.options,
    )))
}

/// What reading one line gave.
enum LineRead {
    /// The end of the file.
    End,
    /// A line too long, or a read error.
    Problem(InputEvent),
    /// A line, in the buffer.
    Line,
}

/// Reads past the rest of a line without keeping it; returns the bytes skipped.
pub(super) fn skip_line(reader: &mut impl BufRead) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(skipped);
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(skipped + i as u64 + 1);
            }
            None => {
                let n = buffer.len();
                reader.consume(n);
                skipped += n as u64;
            }
        }
    }
}

pub(super) fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}
