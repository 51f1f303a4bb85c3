//! Lines (`--input-format lines`): one document per line of a text file, as
//! sentence files and one-post-per-line dumps hold them. Blank lines are skipped;
//! a line's id is `FILE:LINE`; a line longer than four times `--max-document-bytes`
//! is skipped as a problem, as a JSONL line is.

use super::decode::{decode_utf8_lossy, nuls, Nuls};
use super::line_source::LineSource;
use super::reader::{OpenFile, Reader};
use super::{
    unix_line_endings, Document, DocumentMeta, GroupBy, InputEvent, Problem, ProblemKind, NO_GROUP,
};

pub(super) struct LinesReader {
    lines: LineSource,
    file_id: String,
    group: Option<String>,
    as_text: bool,
    done: bool,
}

impl Reader for LinesReader {
    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        if self.done {
            return None;
        }
        let bytes = loop {
            if let Err(problem) = self.lines.next_line()? {
                return Some(InputEvent::Problem(problem));
            }
            let mut bytes = self.lines.text().to_vec();
            match nuls(&bytes, self.lines.line == 1, self.as_text) {
                Nuls::None => {}
                Nuls::Binary(at) => {
                    self.done = true;
                    let mut problem = self.lines.problem(
                        ProblemKind::Binary,
                        format!(
                            "binary file (NUL bytes, the first at byte {at}); skipped (--text reads it as text)"
                        ),
                    );
                    problem.line = None;
                    return Some(InputEvent::Problem(problem));
                }
                Nuls::Stray(count) => {
                    bytes.retain(|&b| b != 0);
                    pending.push(self.lines.problem(
                        ProblemKind::NulBytes,
                        format!("{count} NUL byte(s) dropped from the line"),
                    ));
                }
            }
            // A line of NUL bytes and spaces is blank once they are dropped.
            if !bytes.iter().all(u8::is_ascii_whitespace) {
                break bytes;
            }
        };
        let (text, replaced) = decode_utf8_lossy(&bytes);
        if replaced > 0 {
            pending.push(self.lines.problem(
                ProblemKind::InvalidUtf8,
                format!("{replaced} bytes of invalid UTF-8 replaced by U+FFFD"),
            ));
        }
        Some(InputEvent::Document(Document {
            meta: DocumentMeta {
                id: format!("{}:{}", self.file_id, self.lines.line),
                source: self.lines.source.clone(),
                line: self.lines.line,
                group: self.group.clone(),
                date: None,
            },
            text: unix_line_endings(text),
        }))
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
        lines: LineSource::new(file.reader, file.source, max_line),
        file_id: file.file_id,
        group,
        as_text: file.options.as_text,
        done: false,
    }))
}
