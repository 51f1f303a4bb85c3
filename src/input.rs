//! Input: find the documents under the given paths and decode them.
//!
//! Paths are files, folders (walked recursively in sorted order, hidden entries
//! skipped) or `-` for standard input. A file's format comes from its name:
//!
//! | name ends in               | format | one document per | text from            | id from |
//! |----------------------------|--------|------------------|----------------------|---------|
//! | `.jsonl`, `.ndjson`        | JSONL  | line             | field `text`         | field `id`, else `file:line` |
//! | `.csv`                     | CSV    | record           | `--text-column`      | `--id-column`, else `file:line` |
//! | `.tsv`                     | TSV    | record           | `--text-column`      | `--id-column`, else `file:line` |
//! | anything else              | text   | file             | the whole file       | the path relative to its input root |
//!
//! Each may be compressed, with `.gz` or `.zst` after the format's ending.
//! Documents are streamed one at a time; no more than one document (or one text
//! file) is held in memory by this stage.
//!
//! Problems with one file or one line never stop the run: they become
//! [`Problem`]s in the stream, and the rest is read. Only a path on the command
//! line that does not exist is an [`InputError`].

use std::collections::HashSet;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How to read a file. Default: [`InputFormat::Auto`], from the file's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// From the file name; standard input is read as text.
    #[default]
    Auto,
    /// One document per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated, with a header row.
    Csv,
    /// Tab-separated, with a header row.
    Tsv,
}

/// Options for reading documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputOptions {
    /// Format of every input. Default: auto, from each file's name.
    pub format: InputFormat,
    /// JSONL field that holds the text. Default: `text`.
    pub text_field: String,
    /// JSONL field that holds the id. Default: `id`.
    pub id_field: String,
    /// CSV/TSV column that holds the text. No default: CSV input needs it.
    pub text_column: Option<String>,
    /// CSV/TSV column that holds the id. Default: none, ids are `file:line`.
    pub id_column: Option<String>,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: InputFormat::Auto,
            text_field: "text".to_string(),
            id_field: "id".to_string(),
            text_column: None,
            id_column: None,
        }
    }
}

/// One document, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The document's id: its path relative to the input root, its JSONL/CSV id,
    /// or `file:line`.
    pub id: String,
    /// The file it came from, as found on the command line or in the walk (`-` for stdin).
    pub source: String,
    /// Its line in the source (1-based; 0 for a whole file). For CSV, the record's first line.
    pub line: u64,
    /// The text.
    pub text: String,
}

impl Document {
    /// A document made from a string, as the library's callers build them.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        Document {
            source: id.clone(),
            id,
            line: 0,
            text: text.into(),
        }
    }
}

/// What went wrong with a file or a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file or folder could not be opened or read.
    Unreadable,
    /// Bytes that are not valid UTF-8 were replaced by U+FFFD.
    InvalidUtf8,
    /// The file holds a NUL byte and was skipped as binary.
    Binary,
    /// The compressed stream is corrupt or truncated; what was decoded was kept.
    Decompress,
    /// A JSONL line is not a JSON object.
    MalformedJson,
    /// A JSONL line lacks the text field, or it is not a string.
    MissingText,
    /// A CSV/TSV file lacks the text column, or a record could not be read.
    Csv,
    /// A folder was reached twice through symbolic links, and skipped the second time.
    SymlinkLoop,
}

/// A problem with one input file or line. The run goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    /// The file.
    pub source: String,
    /// The line, where the problem is with one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// What kind of problem.
    pub kind: ProblemKind,
    /// What went wrong, in words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.source, line, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

/// An error that stops the run before anything is read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A path given on the command line does not exist.
    #[error("{0}: no such file or folder")]
    Missing(String),
}

/// One item of the document stream.
#[derive(Debug)]
pub enum InputEvent {
    /// A document to count.
    Document(Document),
    /// Something that was skipped or only partly read.
    Problem(Problem),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    None,
    Gzip,
    Zstd,
}

/// A file to read, found on the command line or in a folder walk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    /// The path as found (`-` for standard input).
    pub path: PathBuf,
    /// The id of a whole-file document: the path relative to the folder given on the
    /// command line, or the path as given for a file named directly.
    pub id: String,
    /// The file's size in bytes, where known (for progress).
    pub size: Option<u64>,
}

/// Finds every input file under `paths`, in sorted order: the paths sorted, and
/// each folder walked in sorted order. Folder entries that cannot be read become
/// problems. A missing path is an error, and nothing is read.
pub fn find_files(paths: &[PathBuf]) -> Result<(Vec<InputFile>, Vec<Problem>), InputError> {
    let mut sorted: Vec<&PathBuf> = paths.iter().collect();
    sorted.sort();
    sorted.dedup();
    for path in &sorted {
        if path.as_os_str() != "-" && std::fs::metadata(path).is_err() {
            return Err(InputError::Missing(path.display().to_string()));
        }
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in sorted {
        if path.as_os_str() == "-" {
            files.push(InputFile {
                path: path.clone(),
                id: "-".to_string(),
                size: None,
            });
        } else if path.is_dir() {
            let mut visited = HashSet::new();
            walk(path, path, &mut visited, &mut files, &mut problems);
        } else {
            files.push(InputFile {
                path: path.clone(),
                id: path.display().to_string(),
                size: std::fs::metadata(path).ok().map(|m| m.len()),
            });
        }
    }
    Ok((files, problems))
}

fn walk(
    root: &Path,
    dir: &Path,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<InputFile>,
    problems: &mut Vec<Problem>,
) {
    let problem = |kind, message: String| Problem {
        source: dir.display().to_string(),
        line: None,
        kind,
        message,
    };
    match dir.canonicalize() {
        Ok(real) => {
            if !visited.insert(real) {
                problems.push(problem(
                    ProblemKind::SymlinkLoop,
                    "folder already visited through a symbolic link; skipped".to_string(),
                ));
                return;
            }
        }
        Err(e) => {
            problems.push(problem(ProblemKind::Unreadable, e.to_string()));
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(problem(ProblemKind::Unreadable, e.to_string()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                if !entry.file_name().to_string_lossy().starts_with('.') {
                    paths.push(entry.path());
                }
            }
            Err(e) => problems.push(problem(ProblemKind::Unreadable, e.to_string())),
        }
    }
    paths.sort();
    for path in paths {
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(root, &path, visited, files, problems),
            Ok(meta) => {
                let relative = path.strip_prefix(root).unwrap_or(&path);
                files.push(InputFile {
                    id: relative.display().to_string(),
                    path,
                    size: Some(meta.len()),
                });
            }
            Err(e) => problems.push(Problem {
                source: path.display().to_string(),
                line: None,
                kind: ProblemKind::Unreadable,
                message: e.to_string(),
            }),
        }
    }
}

/// Streams the documents of a list of files, in order, one at a time.
pub struct DocumentStream {
    files: std::vec::IntoIter<InputFile>,
    options: InputOptions,
    pending: Vec<Problem>,
    current: Option<RecordReader>,
}

impl DocumentStream {
    /// A stream over `files`, reporting `problems` (from the walk) first.
    pub fn new(files: Vec<InputFile>, problems: Vec<Problem>, options: InputOptions) -> Self {
        let mut pending = problems;
        pending.reverse();
        DocumentStream {
            files: files.into_iter(),
            options,
            pending,
            current: None,
        }
    }

    fn open_next(&mut self, file: InputFile) -> Option<InputEvent> {
        let source = file.path.display().to_string();
        let (format, compression) = detect_format(&file.path, self.options.format);
        let raw: Box<dyn Read + Send> = if file.path.as_os_str() == "-" {
            Box::new(io::stdin())
        } else {
            match File::open(&file.path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    return Some(InputEvent::Problem(Problem {
                        source,
                        line: None,
                        kind: ProblemKind::Unreadable,
                        message: e.to_string(),
                    }))
                }
            }
        };
        let reader: Box<dyn Read + Send> = match compression {
            Compression::None => raw,
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(raw)),
            Compression::Zstd => match zstd::stream::read::Decoder::new(raw) {
                Ok(d) => Box::new(d),
                Err(e) => {
                    return Some(InputEvent::Problem(Problem {
                        source,
                        line: None,
                        kind: ProblemKind::Decompress,
                        message: format!("cannot start zstd decoding: {e}"),
                    }))
                }
            },
        };
        match format {
            InputFormat::Jsonl => {
                self.current = Some(RecordReader::Jsonl(JsonlReader {
                    lines: BufReader::with_capacity(1 << 16, reader),
                    source,
                    file_id: file.id,
                    line: 0,
                    buffer: Vec::new(),
                    text_field: self.options.text_field.clone(),
                    id_field: self.options.id_field.clone(),
                }));
                None
            }
            InputFormat::Csv | InputFormat::Tsv => {
                let delimiter = if format == InputFormat::Tsv {
                    b'\t'
                } else {
                    b','
                };
                match CsvReader::new(reader, delimiter, source, file.id, &self.options) {
                    Ok(csv) => {
                        self.current = Some(RecordReader::Csv(Box::new(csv)));
                        None
                    }
                    Err(problem) => Some(InputEvent::Problem(problem)),
                }
            }
            InputFormat::Text | InputFormat::Auto => {
                Some(read_text_file(reader, source, file.id, &mut self.pending))
            }
        }
    }
}

impl Iterator for DocumentStream {
    type Item = InputEvent;

    fn next(&mut self) -> Option<InputEvent> {
        loop {
            if let Some(problem) = self.pending.pop() {
                return Some(InputEvent::Problem(problem));
            }
            if let Some(reader) = &mut self.current {
                match reader.next_event(&mut self.pending) {
                    Some(event) => return Some(event),
                    None => {
                        self.current = None;
                        continue;
                    }
                }
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
    let format = if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
        InputFormat::Jsonl
    } else if stem.ends_with(".csv") {
        InputFormat::Csv
    } else if stem.ends_with(".tsv") {
        InputFormat::Tsv
    } else {
        InputFormat::Text
    };
    (format, compression)
}

/// Decoders report corrupt or truncated streams as invalid data or an early end.
fn read_error_kind(error: &io::Error) -> ProblemKind {
    match error.kind() {
        io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof | io::ErrorKind::Other => {
            ProblemKind::Decompress
        }
        _ => ProblemKind::Unreadable,
    }
}

fn read_text_file(
    mut reader: Box<dyn Read + Send>,
    source: String,
    id: String,
    pending: &mut Vec<Problem>,
) -> InputEvent {
    let mut bytes = Vec::new();
    // read_to_end keeps what it read before an error: a truncated file still counts.
    if let Some(e) = reader.read_to_end(&mut bytes).err() {
        let problem = Problem {
            source: source.clone(),
            line: None,
            kind: read_error_kind(&e),
            message: format!(
                "read failed after {} bytes, kept what was read: {e}",
                bytes.len()
            ),
        };
        if bytes.is_empty() {
            return InputEvent::Problem(problem);
        }
        pending.push(problem);
    }
    match decode(&bytes) {
        Decoded::Binary => InputEvent::Problem(Problem {
            source,
            line: None,
            kind: ProblemKind::Binary,
            message: "binary file (holds a NUL byte); skipped".to_string(),
        }),
        Decoded::Text { text, replaced } => {
            if replaced > 0 {
                pending.push(Problem {
                    source: source.clone(),
                    line: None,
                    kind: ProblemKind::InvalidUtf8,
                    message: format!("{replaced} bytes of invalid UTF-8 replaced by U+FFFD"),
                });
            }
            InputEvent::Document(Document {
                id,
                source,
                line: 0,
                text: unix_line_endings(text),
            })
        }
    }
}

/// CRLF and lone CR become LF, so that a document counts the same whatever
/// system wrote it (its `bytes` are those of the LF text).
pub fn unix_line_endings(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The result of decoding a file's bytes.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Text, and how many invalid bytes were replaced by U+FFFD.
    Text { text: String, replaced: usize },
    /// The bytes hold a NUL and are not UTF-16.
    Binary,
}

/// Decodes a file's bytes: a UTF-16 BOM selects UTF-16, a UTF-8 BOM is dropped,
/// a NUL byte anywhere marks the file binary, and invalid UTF-8 is replaced.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            let replaced = if had_errors {
                text.chars().filter(|&c| c == '\u{FFFD}').count()
            } else {
                0
            };
            return Decoded::Text {
                text: text.into_owned(),
                replaced,
            };
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Decoded::Binary;
    }
    let (text, replaced) = decode_utf8_lossy(bytes);
    Decoded::Text { text, replaced }
}

/// UTF-8 with every invalid sequence replaced by U+FFFD, and the count of invalid bytes.
fn decode_utf8_lossy(bytes: &[u8]) -> (String, usize) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), 0),
        Err(_) => {
            let mut text = String::with_capacity(bytes.len());
            let mut replaced = 0;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    replaced += chunk.invalid().len();
                    text.push('\u{FFFD}');
                }
            }
            (text, replaced)
        }
    }
}

enum RecordReader {
    Jsonl(JsonlReader),
    Csv(Box<CsvReader>),
}

impl RecordReader {
    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        match self {
            RecordReader::Jsonl(r) => r.next_event(pending),
            RecordReader::Csv(r) => r.next_event(),
        }
    }
}

struct JsonlReader {
    lines: BufReader<Box<dyn Read + Send>>,
    source: String,
    file_id: String,
    line: u64,
    buffer: Vec<u8>,
    text_field: String,
    id_field: String,
}

impl JsonlReader {
    fn problem(&self, kind: ProblemKind, message: String) -> InputEvent {
        InputEvent::Problem(Problem {
            source: self.source.clone(),
            line: Some(self.line),
            kind,
            message,
        })
    }

    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        loop {
            self.buffer.clear();
            match self.lines.read_until(b'\n', &mut self.buffer) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // A corrupt compressed stream ends the file; what came before is kept.
                    let kind = read_error_kind(&e);
                    let event = InputEvent::Problem(Problem {
                        source: self.source.clone(),
                        line: None,
                        kind,
                        message: format!(
                            "read failed after {} line(s), which were kept: {e}",
                            self.line
                        ),
                    });
                    // Make the next call end this file.
                    self.lines = BufReader::new(Box::new(io::empty()));
                    return Some(event);
                }
            }
            self.line += 1;
            let line = trim_line_end(&self.buffer);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (line_text, replaced) = decode_utf8_lossy(line);
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
                Err(e) => {
                    return Some(self.problem(ProblemKind::MalformedJson, format!("not JSON: {e}")))
                }
            };
            let serde_json::Value::Object(mut object) = value else {
                return Some(
                    self.problem(ProblemKind::MalformedJson, "not a JSON object".to_string()),
                );
            };
            let text = match object.remove(&self.text_field) {
                Some(serde_json::Value::String(text)) => text,
                Some(_) => {
                    return Some(self.problem(
                        ProblemKind::MissingText,
                        format!("field \"{}\" is not a string", self.text_field),
                    ))
                }
                None => {
                    return Some(self.problem(
                        ProblemKind::MissingText,
                        format!("no field \"{}\"", self.text_field),
                    ))
                }
            };
            let id = match object.get(&self.id_field) {
                Some(serde_json::Value::String(id)) => id.clone(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => format!("{}:{}", self.file_id, self.line),
            };
            return Some(InputEvent::Document(Document {
                id,
                source: self.source.clone(),
                line: self.line,
                text: unix_line_endings(text),
            }));
        }
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

struct CsvReader {
    reader: csv::Reader<Box<dyn Read + Send>>,
    record: csv::ByteRecord,
    source: String,
    file_id: String,
    text_index: usize,
    id_index: Option<usize>,
    done: bool,
}

impl CsvReader {
    fn new(
        reader: Box<dyn Read + Send>,
        delimiter: u8,
        source: String,
        file_id: String,
        options: &InputOptions,
    ) -> Result<Self, Problem> {
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
        Ok(CsvReader {
            reader,
            record: csv::ByteRecord::new(),
            source,
            file_id,
            text_index,
            id_index,
            done: false,
        })
    }

    fn next_event(&mut self) -> Option<InputEvent> {
        if self.done {
            return None;
        }
        let headers_len = self.reader.byte_headers().map(|h| h.len()).unwrap_or(0);
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                let line = self.record.position().map_or(0, |p| p.line());
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
                Some(InputEvent::Document(Document {
                    id,
                    source: self.source.clone(),
                    line,
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

    #[test]
    fn decoding_handles_boms_invalid_bytes_and_binary() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFsalam"),
            Decoded::Text {
                text: "salam".into(),
                replaced: 0
            }
        );
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("سلام".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(
            decode(&utf16le),
            Decoded::Text {
                text: "سلام".into(),
                replaced: 0
            }
        );
        assert_eq!(
            decode(b"ab\xFF\xFEcd"),
            Decoded::Text {
                text: "ab\u{FFFD}\u{FFFD}cd".into(),
                replaced: 2
            }
        );
        assert_eq!(decode(b"text\0more"), Decoded::Binary);
    }
}
