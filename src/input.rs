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
    /// How documents are grouped. Default: no groups.
    pub group_by: GroupBy,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: InputFormat::Auto,
            text_field: "text".to_string(),
            id_field: "id".to_string(),
            text_column: None,
            id_column: None,
            group_by: GroupBy::None,
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
    /// Its group, when the input stage can tell it (see [`GroupBy`]).
    pub group: Option<String>,
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
            group: None,
        }
    }

    /// The same document in `group`.
    pub fn in_group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }
}

/// How documents are put into groups for `groups.csv` and keyness. Default: no groups.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// No groups.
    #[default]
    None,
    /// The first folder level under the input root (`.` for files at the root).
    Dir,
    /// A JSONL field or CSV/TSV column.
    Field(String),
    /// The document's dominant language (decided after counting).
    Lang,
    /// The first glob pattern that matches the file's path: (pattern, group).
    /// `*` matches within a folder, `**` across folders, `?` one character.
    File(Vec<(String, String)>),
    /// The path on the command line the document was found under (`corpstat compare`).
    Input,
}

/// The group of documents that no rule places.
pub const NO_GROUP: &str = "(none)";

impl GroupBy {
    /// Parses `dir`, `lang`, `field:NAME` or `file:PATTERN=GROUP,PATTERN=GROUP`.
    pub fn parse(text: &str) -> Result<GroupBy, String> {
        match text {
            "dir" => return Ok(GroupBy::Dir),
            "lang" => return Ok(GroupBy::Lang),
            _ => {}
        }
        if let Some(name) = text.strip_prefix("field:") {
            if name.is_empty() {
                return Err("field: needs a field or column name".into());
            }
            return Ok(GroupBy::Field(name.to_string()));
        }
        if let Some(rules) = text.strip_prefix("file:") {
            let rules: Result<Vec<(String, String)>, String> = rules
                .split(',')
                .map(|rule| match rule.split_once('=') {
                    Some((pattern, group)) if !pattern.is_empty() && !group.is_empty() => {
                        Ok((pattern.to_string(), group.to_string()))
                    }
                    _ => Err(format!("\"{rule}\" is not PATTERN=GROUP")),
                })
                .collect();
            return rules.map(GroupBy::File);
        }
        Err(format!(
            "unknown grouping \"{text}\": use dir, lang, field:NAME or file:PATTERN=GROUP,..."
        ))
    }

    /// The group of a file's documents, for the rules that depend on the file alone.
    fn of_file(&self, file: &InputFile) -> Option<String> {
        match self {
            GroupBy::Dir => Some(match file.id.split_once('/') {
                Some((first, _)) => first.to_string(),
                None => ".".to_string(),
            }),
            GroupBy::File(rules) => {
                let path = file.path.to_string_lossy();
                Some(
                    rules
                        .iter()
                        .find(|(pattern, _)| {
                            glob_match(pattern, &file.id) || glob_match(pattern, &path)
                        })
                        .map_or(NO_GROUP.to_string(), |(_, group)| group.clone()),
                )
            }
            GroupBy::Input => Some(file.root.clone()),
            GroupBy::None | GroupBy::Field(_) | GroupBy::Lang => None,
        }
    }
}

/// Glob matching: `**` matches anything, `*` anything but `/`, `?` one character but `/`.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    fn matches(p: &[char], t: &[char]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some('*') if p.get(1) == Some(&'*') => (0..=t.len()).any(|k| matches(&p[2..], &t[k..])),
            Some('*') => {
                for k in 0..=t.len() {
                    if matches(&p[1..], &t[k..]) {
                        return true;
                    }
                    if k < t.len() && t[k] == '/' {
                        return false;
                    }
                }
                false
            }
            Some('?') => !t.is_empty() && t[0] != '/' && matches(&p[1..], &t[1..]),
            Some(c) => t.first() == Some(c) && matches(&p[1..], &t[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    matches(&p, &t)
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
    /// The path on the command line it was found under.
    pub root: String,
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
                root: "-".to_string(),
            });
        } else if path.is_dir() {
            let mut visited = HashSet::new();
            walk(path, path, &mut visited, &mut files, &mut problems);
        } else {
            files.push(InputFile {
                path: path.clone(),
                id: path.display().to_string(),
                size: std::fs::metadata(path).ok().map(|m| m.len()),
                root: path.display().to_string(),
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
                    root: root.display().to_string(),
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
        let file_group = self.options.group_by.of_file(&file);
        let group_field = match &self.options.group_by {
            GroupBy::Field(name) => Some(name.clone()),
            _ => None,
        };
        match format {
            InputFormat::Jsonl => {
                self.current = Some(RecordReader::Jsonl(Box::new(JsonlReader {
                    lines: BufReader::with_capacity(1 << 16, reader),
                    source,
                    file_id: file.id,
                    line: 0,
                    buffer: Vec::new(),
                    text_field: self.options.text_field.clone(),
                    id_field: self.options.id_field.clone(),
                    file_group,
                    group_field,
                })));
                None
            }
            InputFormat::Csv | InputFormat::Tsv => {
                let delimiter = if format == InputFormat::Tsv {
                    b'\t'
                } else {
                    b','
                };
                match CsvReader::new(
                    reader,
                    delimiter,
                    source,
                    file.id,
                    file_group,
                    &self.options,
                ) {
                    Ok(csv) => {
                        self.current = Some(RecordReader::Csv(Box::new(csv)));
                        None
                    }
                    Err(problem) => Some(InputEvent::Problem(problem)),
                }
            }
            InputFormat::Text | InputFormat::Auto => {
                let group = file_group.or_else(|| group_field.map(|_| NO_GROUP.to_string()));
                Some(read_text_file(
                    reader,
                    source,
                    file.id,
                    group,
                    &mut self.pending,
                ))
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
    group: Option<String>,
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
                group,
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
    Jsonl(Box<JsonlReader>),
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
    /// The group of every line, when the file decides it.
    file_group: Option<String>,
    /// The field that holds each line's group.
    group_field: Option<String>,
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
            let group = match &self.group_field {
                Some(field) => Some(match object.get(field) {
                    Some(serde_json::Value::String(g)) => g.clone(),
                    Some(serde_json::Value::Number(n)) => n.to_string(),
                    _ => NO_GROUP.to_string(),
                }),
                None => self.file_group.clone(),
            };
            return Some(InputEvent::Document(Document {
                id,
                source: self.source.clone(),
                line: self.line,
                text: unix_line_endings(text),
                group,
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
    file_group: Option<String>,
    group_index: Option<usize>,
    done: bool,
}

impl CsvReader {
    fn new(
        reader: Box<dyn Read + Send>,
        delimiter: u8,
        source: String,
        file_id: String,
        file_group: Option<String>,
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
        let group_index = match &options.group_by {
            GroupBy::Field(column) => Some(find(column).ok_or_else(|| {
                problem(format!(
                    "no column \"{column}\" to group by (columns: {})",
                    names.join(", ")
                ))
            })?),
            _ => None,
        };
        Ok(CsvReader {
            reader,
            record: csv::ByteRecord::new(),
            source,
            file_id,
            text_index,
            id_index,
            file_group,
            group_index,
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
                let group = match self.group_index {
                    Some(i) => Some(field(i)),
                    None => self.file_group.clone(),
                };
                Some(InputEvent::Document(Document {
                    id,
                    source: self.source.clone(),
                    line,
                    text: unix_line_endings(text),
                    group,
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
    fn globs() {
        assert!(glob_match("*.txt", "a.txt"));
        assert!(!glob_match("*.txt", "news/a.txt"));
        assert!(glob_match("**.txt", "news/a.txt"));
        assert!(glob_match("news/*", "news/a.txt"));
        assert!(glob_match("00?_*", "001_b745.txt"));
        assert!(!glob_match("00?_*", "0010_b745.txt"));
        assert_eq!(
            GroupBy::parse("file:001_*=fa,*=ar"),
            Ok(GroupBy::File(vec![
                ("001_*".into(), "fa".into()),
                ("*".into(), "ar".into())
            ]))
        );
        assert!(GroupBy::parse("file:x").is_err() && GroupBy::parse("colour").is_err());
    }

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
