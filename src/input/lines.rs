//! Lines (`--input-format lines`): one document per line of a text file, as
//! sentence files and one-post-per-line dumps hold them. Blank lines are skipped;
//! a line's id is `FILE:LINE`; a line longer than four times `--max-document-bytes`
//! is skipped as a problem, as a JSONL line is.

use std::io::{BufRead, BufReader, Read};

use super::decode::{decode_utf8_lossy, nuls, Nuls};
use super::formats::{OpenFile, Reader};
use super::jsonl::{skip_line, trim_line_end};
use super::stream::read_error_kind;
use super::{
    unix_line_endings, Document, DocumentMeta, GroupBy, InputEvent, Problem, ProblemKind, NO_GROUP,
};

pub(super) struct LinesReader {
    lines: BufReader<Box<dyn Read + Send>>,
    source: String,
    file_id: String,
    group: Option<String>,
    line: u64,
    buffer: Vec<u8>,
    max_line: usize,
    as_text: bool,
    done: bool,
}

impl LinesReader {
    fn problem(&self, kind: ProblemKind, line: Option<u64>, message: String) -> Problem {
        Problem {
            source: self.source.clone(),
            line,
            kind,
            message,
        }
    }
}

impl Reader for LinesReader {
    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        while !self.done {
            self.buffer.clear();
            let limit = self.max_line as u64 + 1;
            let read = (&mut self.lines)
                .take(limit)
                .read_until(b'\n', &mut self.buffer);
            let n = match read {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    let message = format!(
                        "read failed after {} line(s), which were kept: {e}",
                        self.line
                    );
                    return Some(InputEvent::Problem(self.problem(
                        read_error_kind(&e),
                        None,
                        message,
                    )));
                }
            };
            self.line += 1;
            if n as u64 == limit && !self.buffer.ends_with(b"\n") {
                let skipped = skip_line(&mut self.lines).unwrap_or(0) + n as u64;
                let message = format!(
                    "line of {skipped} bytes or more, longer than {} bytes; skipped",
                    self.max_line
                );
                return Some(InputEvent::Problem(self.problem(
                    ProblemKind::TooLong,
                    Some(self.line),
                    message,
                )));
            }
            let mut bytes = trim_line_end(&self.buffer).to_vec();
            match nuls(&bytes, self.line == 1, self.as_text) {
                Nuls::None => {}
                Nuls::Binary(at) => {
                    self.done = true;
                    let message = format!(
                        "binary file (NUL bytes, the first at byte {at}); skipped (--text reads it as text)"
                    );
                    return Some(InputEvent::Problem(self.problem(
                        ProblemKind::Binary,
                        None,
                        message,
                    )));
                }
                Nuls::Stray(count) => {
                    bytes.retain(|&b| b != 0);
                    let message = format!("{count} NUL byte(s) dropped from the line");
                    pending.push(self.problem(ProblemKind::NulBytes, Some(self.line), message));
                }
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (text, replaced) = decode_utf8_lossy(&bytes);
            if replaced > 0 {
                let message = format!("{replaced} bytes of invalid UTF-8 replaced by U+FFFD");
                pending.push(self.problem(ProblemKind::InvalidUtf8, Some(self.line), message));
            }
            return Some(InputEvent::Document(Document {
                meta: DocumentMeta {
                    id: format!("{}:{}", self.file_id, self.line),
                    source: self.source.clone(),
                    line: self.line,
                    group: self.group.clone(),
                },
                text: unix_line_endings(text),
            }));
        }
        None
    }
}

/// A lines file's reader. With `--group-by field:NAME`, which a line has no field
/// for, its group is `(none)`.
pub(super) fn open(file: OpenFile) -> Result<Box<dyn Reader>, Problem> {
    let max_line = file.max_record();
    let group = file.file_group.or_else(|| {
        matches!(file.options.group_by, GroupBy::Field(_)).then(|| NO_GROUP.to_string())
    });
    Ok(Box::new(LinesReader {
        lines: BufReader::with_capacity(1 << 16, file.reader),
        source: file.source,
        file_id: file.file_id,
        group,
        line: 0,
        buffer: Vec::new(),
        max_line,
        as_text: file.options.as_text,
        done: false,
    }))
}
