//! JSONL (one JSON object per line): the text, id and group fields of each line;
//! a malformed or overlong line is a problem and the next line is read.

use super::group::field_group;
use super::time_field::Dating;
use super::{unix_line_endings, Document, DocumentMeta, GroupBy, InputEvent, ProblemKind};

use std::io::Read;

use super::decode::decode_utf8_lossy;
use super::line_source::LineSource;
use super::reader::{OpenFile, Reader};
use super::{InputOptions, Problem};

pub(super) struct JsonlReader {
    lines: LineSource,
    file_id: String,
    text_field: String,
    id_field: String,
    /// The group of every line, when the file decides it.
    file_group: Option<String>,
    /// The field that holds each line's group.
    group_field: Option<String>,
    /// How each line's date is read, under `--time-field NAME`.
    dating: Option<Dating>,
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
            lines: LineSource::new(reader, source, max_line),
            file_id,
            text_field: options.text_field.clone(),
            id_field: options.id_field.clone(),
            file_group,
            group_field,
            dating: Dating::of(options),
        }
    }

    fn problem(&self, kind: ProblemKind, message: String) -> InputEvent {
        InputEvent::Problem(self.lines.problem(kind, message))
    }

    /// The next document or problem of the file; `None` at its end. Blank lines
    /// are skipped.
    fn next_line_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        match self.lines.next_line()? {
            Ok(()) => Some(self.parse_line(pending)),
            Err(problem) => Some(InputEvent::Problem(problem)),
        }
    }

    /// The document of the line in the buffer, or the problem with it.
    fn parse_line(&self, pending: &mut Vec<Problem>) -> InputEvent {
        let (line_text, replaced) = decode_utf8_lossy(self.lines.text());
        if replaced > 0 {
            pending.push(self.lines.problem(
                ProblemKind::InvalidUtf8,
                format!("{replaced} bytes of invalid UTF-8 replaced by U+FFFD"),
            ));
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
        let id = field_text(&object, &self.id_field)
            .unwrap_or_else(|| format!("{}:{}", self.file_id, self.lines.line));
        let group = match &self.group_field {
            Some(field) => {
                let (group, clash) = field_group(field, field_text(&object, field));
                if let Some(message) = clash {
                    pending.push(self.lines.problem(ProblemKind::GroupName, message));
                }
                Some(group)
            }
            None => self.file_group.clone(),
        };
        let date = self.dating.as_ref().and_then(|dating| {
            dating.date(
                field_text(&object, &dating.field).as_deref(),
                |kind, message| self.lines.problem(kind, message),
                pending,
            )
        });
        InputEvent::Document(Document {
            meta: DocumentMeta {
                id,
                source: self.lines.source.clone(),
                line: self.lines.line,
                group,
                date,
            },
            text: unix_line_endings(text),
        })
    }
}

/// A field's value as text, when it is a string or a number (an id, a group, a
/// date); `None` when absent or of another type.
fn field_text(object: &serde_json::Map<String, serde_json::Value>, field: &str) -> Option<String> {
    match object.get(field) {
        Some(serde_json::Value::String(text)) => Some(text.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
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
