//! A file read a line at a time, each line bounded: what the readers that make a
//! document (or a problem) of each line share (JSONL, `--input-format lines`). A
//! line longer than the bound is skipped whole as a problem, a read error ends the
//! file (what came before is kept), and blank lines are passed over.

use std::io::{self, BufRead, BufReader, Read};

use super::reader::read_error_kind;
use super::{Problem, ProblemKind};

pub(super) struct LineSource {
    lines: BufReader<Box<dyn Read + Send>>,
    /// The file, for problems.
    pub(super) source: String,
    /// The number of the line last read, from 1.
    pub(super) line: u64,
    buffer: Vec<u8>,
    /// Longest line read, in bytes; longer lines are skipped.
    max_line: usize,
}

impl LineSource {
    pub(super) fn new(reader: Box<dyn Read + Send>, source: String, max_line: usize) -> Self {
        LineSource {
            lines: BufReader::with_capacity(1 << 16, reader),
            source,
            line: 0,
            buffer: Vec::new(),
            max_line,
        }
    }

    /// A problem with the line last read.
    pub(super) fn problem(&self, kind: ProblemKind, message: String) -> Problem {
        Problem {
            source: self.source.clone(),
            line: Some(self.line),
            kind,
            message,
        }
    }

    /// Reads the next line that is not blank: `Some(Ok(()))` with it in
    /// [`LineSource::text`], `Some(Err(problem))` for a line too long or a read
    /// error, `None` at the end of the file.
    pub(super) fn next_line(&mut self) -> Option<Result<(), Problem>> {
        loop {
            self.buffer.clear();
            let limit = self.max_line as u64 + 1;
            match (&mut self.lines)
                .take(limit)
                .read_until(b'\n', &mut self.buffer)
            {
                Ok(0) => return None,
                Ok(n) if n as u64 == limit && !self.buffer.ends_with(b"\n") => {
                    self.line += 1;
                    let skipped = match skip_line(&mut self.lines) {
                        Ok(rest) => rest + n as u64,
                        Err(_) => n as u64,
                    };
                    return Some(Err(self.problem(
                        ProblemKind::TooLong,
                        format!(
                            "line of {skipped} bytes or more, longer than {} bytes; skipped",
                            self.max_line
                        ),
                    )));
                }
                Ok(_) => {
                    self.line += 1;
                    if !self.text().iter().all(u8::is_ascii_whitespace) {
                        return Some(Ok(()));
                    }
                }
                Err(e) => {
                    // A corrupt compressed stream ends the file; what came before is kept.
                    let problem = Problem {
                        source: self.source.clone(),
                        line: None,
                        kind: read_error_kind(&e),
                        message: format!(
                            "read failed after {} line(s), which were kept: {e}",
                            self.line
                        ),
                    };
                    // Make the next call end this file.
                    self.lines = BufReader::new(Box::new(io::empty()));
                    return Some(Err(problem));
                }
            }
        }
    }

    /// The line last read, without its line end.
    pub(super) fn text(&self) -> &[u8] {
        let line = self.buffer.strip_suffix(b"\n").unwrap_or(&self.buffer);
        line.strip_suffix(b"\r").unwrap_or(line)
    }
}

/// Reads past the rest of a line without keeping it; returns the bytes skipped.
fn skip_line(reader: &mut impl BufRead) -> io::Result<u64> {
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
