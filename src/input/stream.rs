//! The document stream: opens each file in turn (decompressing and decoding it),
//! hands it to the reader for its format, and applies the limits that keep memory
//! bounded (`--max-document-bytes`, `--max-input-bytes`) in one place for every format.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use super::formats::{format_of, spec_of};
use super::reader::{OpenFile, Reader};
use super::time_field::{date_in_path, file_without_date, TimeField};
use super::{
    split_point, Document, DocumentMeta, InputEvent, InputFile, InputFormat, InputOptions, Problem,
    ProblemKind,
};
use crate::dates::Day;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    None,
    Gzip,
    Zstd,
}

/// Streams the documents of a list of files, in order, one at a time.
///
/// Memory is bounded whatever the input: text files are read in pieces of at most
/// `max_document_bytes` (a longer file becomes several documents, with a
/// [`ProblemKind::Split`] problem), JSONL lines and CSV records longer than four
/// times that are skipped, and decompression is streamed.
pub struct DocumentStream {
    files: std::vec::IntoIter<InputFile>,
    options: InputOptions,
    pending: Vec<Problem>,
    current: Option<Box<dyn Reader>>,
    /// Bytes of decoded input read so far, shared with the open file's reader.
    budget: Arc<InputBudget>,
    /// Bytes read from the files as stored (compressed, for a compressed file).
    stored: Arc<AtomicU64>,
    /// The input cap was reached and reported: nothing more is read.
    capped: bool,
    /// Parts of a split record not handed on yet, last part first.
    parts: Vec<Document>,
    /// Under `--time-field path`, the date of the open file's documents.
    file_date: Option<Day>,
}

/// Decoded bytes read so far, against `--max-input-bytes`.
#[derive(Debug, Default)]
struct InputBudget {
    read: AtomicU64,
    cap: Option<u64>,
    reached: AtomicBool,
}

/// A reader that counts the bytes it reads from the file as stored, for progress.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A reader that counts the decoded bytes it passes on, and ends (as at the end
/// of the file) when the run's input cap is reached.
struct Budgeted<R> {
    inner: R,
    budget: Arc<InputBudget>,
}

impl<R: Read> Read for Budgeted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.budget.read.load(Ordering::Relaxed);
        let allowed = match self.budget.cap {
            Some(cap) if read >= cap => {
                self.budget.reached.store(true, Ordering::Relaxed);
                return Ok(0);
            }
            Some(cap) => usize::try_from(cap - read)
                .unwrap_or(usize::MAX)
                .min(buf.len()),
            None => buf.len(),
        };
        let n = self.inner.read(&mut buf[..allowed])?;
        self.budget.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl DocumentStream {
    /// The bytes read so far from the files as they are stored (compressed bytes
    /// for a compressed file; standard input not counted), updated as the stream
    /// is read: what a progress bar compares with the files' sizes.
    pub fn stored_bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.stored)
    }

    /// A stream of documents given in memory, read as the lines of a JSONL file
    /// would be (see [`TextRecord`](super::TextRecord)).
    pub fn of_records<I>(records: I, options: InputOptions) -> Self
    where
        I: Iterator<Item = super::TextRecord> + Send + 'static,
    {
        let reader = super::records::RecordReader::new(records, &options);
        let mut stream = DocumentStream::new(Vec::new(), Vec::new(), options);
        stream.current = Some(Box::new(reader));
        stream
    }

    /// A stream over `files`, reporting `problems` (from the walk) first.
    pub fn new(files: Vec<InputFile>, problems: Vec<Problem>, options: InputOptions) -> Self {
        let mut pending = problems;
        pending.reverse();
        let budget = Arc::new(InputBudget {
            cap: options.max_input_bytes,
            ..InputBudget::default()
        });
        DocumentStream {
            files: files.into_iter(),
            options,
            pending,
            current: None,
            budget,
            stored: Arc::new(AtomicU64::new(0)),
            capped: false,
            parts: Vec::new(),
            file_date: None,
        }
    }

    /// The file's bytes as UTF-8 text: opened (or standard input for `-`),
    /// decompressed, decoded from UTF-16 or stripped of a BOM, and counted against
    /// `--max-input-bytes`.
    fn open_reader(
        &self,
        path: &Path,
        compression: Compression,
    ) -> Result<Box<dyn Read + Send>, Problem> {
        let raw: Box<dyn Read + Send> = if path.as_os_str() == "-" {
            Box::new(io::stdin())
        } else {
            match File::open(path) {
                Ok(f) => Box::new(Counted {
                    inner: f,
                    read: Arc::clone(&self.stored),
                }),
                Err(e) => return Err(Problem::unreadable(path, &e)),
            }
        };
        let decompressed: Box<dyn Read + Send> = match compression {
            Compression::None => raw,
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(raw)),
            Compression::Zstd => match zstd::stream::read::Decoder::new(raw) {
                Ok(d) => Box::new(d),
                Err(e) => {
                    return Err(Problem::of_file(
                        path,
                        ProblemKind::Decompress,
                        format!("cannot start zstd decoding: {e}"),
                    ))
                }
            },
        };
        // A UTF-8 byte order mark is dropped and UTF-16 (with its mark) becomes UTF-8,
        // for every format: Excel's "Unicode text" export is UTF-16 TSV. Without a
        // mark, --encoding (windows-1256 for legacy Arabic and Persian) decides.
        let encoding = self
            .options
            .encoding
            .as_deref()
            .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
        let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
            .strip_bom(true)
            .encoding(encoding)
            .build(decompressed);
        Ok(Box::new(Budgeted {
            inner: decoded,
            budget: Arc::clone(&self.budget),
        }))
    }

    /// Under `--time-field path`, the date in the file's path; the `no_date`
    /// problem when it holds none, or when dates are read from fields and this
    /// format has none.
    fn date_of_file(
        &self,
        file: &InputFile,
        source: &str,
        format: InputFormat,
    ) -> (Option<Day>, Option<Problem>) {
        let no_fields = matches!(format, InputFormat::Text | InputFormat::Lines);
        match &self.options.time_field {
            Some(TimeField::Path) => {
                let date = date_in_path(&file.id, self.options.calendar)
                    .or_else(|| date_in_path(source, self.options.calendar));
                let problem = date
                    .is_none()
                    .then(|| file_without_date(source, &self.options));
                (date, problem)
            }
            Some(TimeField::Field(_)) if no_fields => {
                (None, Some(file_without_date(source, &self.options)))
            }
            _ => (None, None),
        }
    }

    fn open_next(&mut self, file: InputFile) -> Option<InputEvent> {
        let source = super::walk::path_text(&file.path);
        let (format, compression) = detect_format(&file.path, self.options.format);
        let reader = match self.open_reader(&file.path, compression) {
            Ok(reader) => reader,
            Err(problem) => return Some(InputEvent::Problem(problem)),
        };
        let file_group = self.options.group_by.of_file(&file);
        let (file_date, date_problem) = self.date_of_file(&file, &source, format);
        let open = OpenFile {
            reader,
            source,
            file_id: file.id,
            file_group,
            options: &self.options,
        };
        match (spec_of(format).open)(open) {
            Ok(reader) => {
                self.current = Some(reader);
                self.file_date = file_date;
                self.pending.extend(date_problem);
                None
            }
            Err(problem) => Some(InputEvent::Problem(problem)),
        }
    }

    /// The problem that says the input cap was reached, once.
    fn cap_problem(&mut self) -> Option<InputEvent> {
        if self.capped || !self.budget.reached.load(Ordering::Relaxed) {
            return None;
        }
        self.capped = true;
        self.current = None;
        let cap = self.budget.cap.unwrap_or(0);
        Some(InputEvent::Problem(Problem {
            source: "--max-input-bytes".to_string(),
            line: None,
            kind: ProblemKind::InputCap,
            message: format!(
                "the input cap of {cap} bytes was reached; the document being read was cut there and the rest of the input was not read"
            ),
        }))
    }
}

impl Iterator for DocumentStream {
    type Item = InputEvent;

    fn next(&mut self) -> Option<InputEvent> {
        loop {
            if let Some(problem) = self.pending.pop() {
                return Some(InputEvent::Problem(problem));
            }
            if let Some(part) = self.parts.pop() {
                return Some(InputEvent::Document(part));
            }
            if let Some(reader) = &mut self.current {
                let mut event = reader.next_event(&mut self.pending);
                if let (Some(InputEvent::Document(document)), Some(TimeField::Path)) =
                    (&mut event, &self.options.time_field)
                {
                    document.meta.date = self.file_date;
                }
                match event {
                    // Every reader's documents are bounded here, in one place.
                    Some(InputEvent::Document(document))
                        if document.text.len() > self.options.max_document_bytes.max(1) =>
                    {
                        let max = self.options.max_document_bytes.max(1);
                        let mut parts = split_document(document, max, &mut self.pending);
                        parts.reverse();
                        let first = parts.pop()?;
                        self.parts = parts;
                        return Some(InputEvent::Document(first));
                    }
                    Some(event) => return Some(event),
                    None => {
                        self.current = None;
                        continue;
                    }
                }
            }
            if let Some(event) = self.cap_problem() {
                return Some(event);
            }
            if self.capped {
                return None;
            }
            let file = self.files.next()?;
            if let Some(event) = self.open_next(file) {
                return Some(event);
            }
        }
    }
}

fn detect_format(path: &Path, forced: InputFormat) -> (InputFormat, Compression) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let (stem, compression) = if let Some(stem) = name.strip_suffix(".gz") {
        (stem, Compression::Gzip)
    } else if let Some(stem) = name.strip_suffix(".zst") {
        (stem, Compression::Zstd)
    } else {
        (name.as_str(), Compression::None)
    };
    if forced != InputFormat::Auto {
        return (forced, compression);
    }
    (format_of(stem), compression)
}

/// The parts (`ID#1`, `ID#2`, ...) of a document longer than `max` bytes, with the
/// problem that says so. Text files arrive in parts of at most `max` bytes already
/// (see [`TextReader`]); JSONL and CSV records are split here.
fn split_document(document: Document, max: usize, pending: &mut Vec<Problem>) -> Vec<Document> {
    pending.push(Problem {
        source: document.meta.source.clone(),
        line: Some(document.meta.line),
        kind: ProblemKind::Split,
        message: format!(
            "text longer than {max} bytes: split into parts at line breaks, ids {}#1, {}#2, ...",
            document.meta.id, document.meta.id
        ),
    });
    let mut parts = Vec::new();
    let mut rest = document.text.as_str();
    while !rest.is_empty() {
        let cut = if rest.len() <= max {
            rest.len()
        } else {
            split_point(rest.as_bytes(), max)
        };
        // split_point cuts at a character boundary of valid UTF-8.
        let cut = (cut..=rest.len())
            .find(|&c| rest.is_char_boundary(c))
            .unwrap_or(rest.len());
        let (part, tail) = rest.split_at(cut);
        parts.push(Document {
            meta: DocumentMeta {
                id: format!("{}#{}", document.meta.id, parts.len() + 1),
                source: document.meta.source.clone(),
                line: document.meta.line,
                group: document.meta.group.clone(),
                date: document.meta.date,
            },
            text: part.to_string(),
        });
        rest = tail;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_file_names() {
        let f = |name: &str| detect_format(Path::new(name), InputFormat::Auto);
        assert_eq!(f("a.txt"), (InputFormat::Text, Compression::None));
        assert_eq!(f("a.jsonl.gz"), (InputFormat::Jsonl, Compression::Gzip));
        assert_eq!(f("A.CSV.zst"), (InputFormat::Csv, Compression::Zstd));
        assert_eq!(f("a.tsv"), (InputFormat::Tsv, Compression::None));
        assert_eq!(f("notes"), (InputFormat::Text, Compression::None));
        assert_eq!(
            detect_format(Path::new("x.gz"), InputFormat::Jsonl),
            (InputFormat::Jsonl, Compression::Gzip)
        );
    }
}
