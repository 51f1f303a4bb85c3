//! What every reader of a format is: the [`Reader`] trait, the [`OpenFile`] it is
//! opened over, and how a read error is told. A leaf of `input`: the readers, the
//! format list and the stream import it, and it imports none of them.

use std::io::{self, Read};

use super::{InputEvent, InputOptions, Problem, ProblemKind};

/// A reader of one open file: the documents and problems it holds, in order.
pub(super) trait Reader: Send {
    /// The next document or problem; `None` at the end of the file. Problems that
    /// do not stop the current document (invalid UTF-8 replaced, a part split off)
    /// go to `pending`, to be handed on before it.
    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent>;
}

/// A file ready to be read: its decoded text and what its reader needs to know.
pub(super) struct OpenFile<'a> {
    /// The file's text, decompressed and decoded to UTF-8.
    pub reader: Box<dyn Read + Send>,
    /// The path as found, for problems and `documents.csv`'s source.
    pub source: String,
    /// The path relative to its input root: a text file's id, and `ID:LINE` ids.
    pub file_id: String,
    /// The group every document of the file is in, when the file decides it.
    pub file_group: Option<String>,
    /// The input options (fields, columns, limits, grouping).
    pub options: &'a InputOptions,
}

impl OpenFile<'_> {
    /// The longest document, in bytes.
    pub fn max_document(&self) -> usize {
        self.options.max_document_bytes.max(1)
    }

    /// The longest JSONL line or CSV record, in bytes: four times the longest
    /// document, since markup and escapes take room.
    pub fn max_record(&self) -> usize {
        self.max_document().saturating_mul(4)
    }
}

/// Decoders report corrupt or truncated streams as invalid data or an early end.
pub(super) fn read_error_kind(error: &io::Error) -> ProblemKind {
    match error.kind() {
        io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof | io::ErrorKind::Other => {
            ProblemKind::Decompress
        }
        _ => ProblemKind::Unreadable,
    }
}
