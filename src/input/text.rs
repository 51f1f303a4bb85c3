//! Plain-text files: one document per file, read in bounded parts so that a file
//! larger than `--max-document-bytes` becomes numbered parts, not one huge string.

use std::io::Read;
use std::path::Path;

use super::decode::{decode_utf8_lossy, nuls, Nuls};
use super::reader::read_error_kind;
use super::reader::{OpenFile, Reader};
use super::{Document, DocumentMeta, GroupBy, InputEvent, Problem, ProblemKind, NO_GROUP};

/// A text file, read in pieces of at most `max` bytes: one document, or several
/// parts (`ID#1`, `ID#2`, ...) when it is longer.
pub(super) struct TextReader {
    reader: Box<dyn Read + Send>,
    source: String,
    id: String,
    group: Option<String>,
    max: usize,
    /// `--text`: never skipped as binary.
    as_text: bool,
    /// Bytes read and not yet handed on.
    carry: Vec<u8>,
    /// Parts handed on so far.
    parts: u64,
    /// The line the carried bytes start on.
    line: u64,
    eof: bool,
    done: bool,
}

impl TextReader {
    pub(super) fn new(
        reader: Box<dyn Read + Send>,
        source: String,
        id: String,
        group: Option<String>,
        max: usize,
        as_text: bool,
    ) -> Self {
        TextReader {
            reader,
            source,
            id,
            group,
            max,
            as_text,
            carry: Vec::new(),
            parts: 0,
            line: 1,
            eof: false,
            done: false,
        }
    }

    /// Reads until one byte more than a part can hold, or the end. A read error
    /// keeps what was read before it (a truncated file still counts); it is the
    /// returned problem only when nothing at all could be read.
    fn fill(&mut self, pending: &mut Vec<Problem>) -> Option<Problem> {
        while !self.eof && self.carry.len() <= self.max {
            let want = (self.max + 1 - self.carry.len()) as u64;
            match (&mut self.reader).take(want).read_to_end(&mut self.carry) {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(e) => {
                    self.eof = true;
                    let problem = Problem::of_file(
                        Path::new(&self.source),
                        read_error_kind(&e),
                        format!("read failed, kept what was read: {e}"),
                    );
                    if self.parts == 0 && self.carry.is_empty() {
                        return Some(problem);
                    }
                    pending.push(problem);
                }
            }
        }
        None
    }

    /// The problem of binary bytes, the first NUL at `at`, in the part being read.
    fn binary(&self, at: usize) -> Problem {
        let message = if self.parts == 0 {
            format!(
                "binary file (NUL bytes, the first at byte {at}); skipped (--text reads it as text)"
            )
        } else {
            format!(
                "binary data (NUL bytes over 1% of part {}); this part and the rest skipped (byte {at} of the part; --text reads it as text)",
                self.parts + 1
            )
        };
        Problem::of_file(Path::new(&self.source), ProblemKind::Binary, message)
    }

    /// The next part of the file as a document, or the problem that ends it.
    fn next_part(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        if self.done {
            return None;
        }
        if let Some(unreadable) = self.fill(pending) {
            self.done = true;
            return Some(InputEvent::Problem(unreadable));
        }
        match nuls(&self.carry, self.parts == 0, self.as_text) {
            Nuls::None => {}
            Nuls::Binary(at) => {
                self.done = true;
                return Some(InputEvent::Problem(self.binary(at)));
            }
            Nuls::Stray(count) => {
                self.carry.retain(|&b| b != 0);
                pending.push(Problem {
                    source: self.source.clone(),
                    line: None,
                    kind: ProblemKind::NulBytes,
                    message: format!(
                        "{count} NUL byte(s) dropped from the text (part {}); the rest was read",
                        self.parts + 1
                    ),
                });
            }
        }
        let whole = self.eof && self.carry.len() <= self.max;
        let piece: Vec<u8> = if whole {
            self.done = true;
            std::mem::take(&mut self.carry)
        } else {
            if self.parts == 0 {
                pending.push(Problem::of_file(
                    Path::new(&self.source),
                    ProblemKind::Split,
                    format!(
                        "longer than {} bytes: split into parts at line breaks, ids {}#1, {}#2, ...",
                        self.max, self.id, self.id
                    ),
                ));
            }
            let cut = split_point(&self.carry, self.max);
            let rest = self.carry.split_off(cut);
            std::mem::replace(&mut self.carry, rest)
        };
        let split = !whole || self.parts > 0;
        self.parts += 1;
        let (id, line) = if split {
            (format!("{}#{}", self.id, self.parts), self.line)
        } else {
            (self.id.clone(), 0)
        };
        self.line += piece.iter().filter(|&&b| b == b'\n').count() as u64;
        let (text, replaced) = decode_utf8_lossy(&piece);
        drop(piece);
        if replaced > 0 {
            pending.push(Problem {
                source: self.source.clone(),
                line: split.then_some(line),
                kind: ProblemKind::InvalidUtf8,
                message: format!("{replaced} bytes of invalid UTF-8 replaced by U+FFFD"),
            });
        }
        Some(InputEvent::Document(Document {
            meta: DocumentMeta {
                id,
                source: self.source.clone(),
                line,
                group: self.group.clone(),
                date: None,
            },
            text: unix_line_endings(text),
        }))
    }
}

impl Reader for TextReader {
    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        self.next_part(pending)
    }
}

/// A text file's reader: one document, or parts of at most `--max-document-bytes`.
/// With `--group-by field:NAME`, which a text file has no field for, its group is
/// `(none)`.
pub(super) fn open(file: OpenFile) -> Result<Box<dyn Reader>, Problem> {
    let max = file.max_document();
    let group = file.file_group.or_else(|| {
        matches!(file.options.group_by, GroupBy::Field(_)).then(|| NO_GROUP.to_string())
    });
    Ok(Box::new(TextReader::new(
        file.reader,
        file.source,
        file.file_id,
        group,
        max,
        file.options.as_text,
    )))
}

/// Where to cut `bytes`, longer than `max`, so that the first part holds at most `max`
/// bytes: after the last line break in the second half of those, else after the last
/// space or tab there, else at the last character boundary (never inside a UTF-8
/// sequence). Always in `1..=max`.
pub fn split_point(bytes: &[u8], max: usize) -> usize {
    let max = max.clamp(1, bytes.len());
    let half = max / 2;
    let tail = &bytes[half..max];
    if let Some(i) = tail.iter().rposition(|&b| b == b'\n') {
        return half + i + 1;
    }
    if let Some(i) = tail.iter().rposition(|&b| b == b' ' || b == b'\t') {
        return half + i + 1;
    }
    // A UTF-8 sequence is at most 4 bytes: back up over at most 3 continuation bytes.
    let is_continuation = |i: usize| bytes.get(i).is_some_and(|&b| b & 0xC0 == 0x80);
    (max.saturating_sub(3)..=max)
        .rev()
        .find(|&cut| cut > 0 && !is_continuation(cut))
        .unwrap_or(max)
}

/// CRLF and lone CR become LF, so that a document counts the same whatever
/// system wrote it (its `bytes` are those of the LF text).
pub fn unix_line_endings(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
