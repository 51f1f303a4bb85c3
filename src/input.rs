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
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

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
    /// Follow symbolic links met in folders (`--follow`). Links named on the command
    /// line are always followed. Default: false: a link is skipped and named as a
    /// problem, as ripgrep and find do, so that a link in a corpus folder cannot pull
    /// in text from elsewhere.
    pub follow_links: bool,
    /// A document longer than this many bytes of text is split into parts at line
    /// breaks (else at a space, else between two characters), so that one document
    /// never has to be held whole; a JSONL line may be up to four times as long
    /// (JSON escapes), a CSV record up to the same. Default: [`MAX_DOCUMENT_BYTES`].
    pub max_document_bytes: usize,
    /// Stop reading after this many bytes of decoded input (`--max-input-bytes`),
    /// with a problem. Default: none.
    pub max_input_bytes: Option<u64>,
    /// Folders never read, such as the report's own output folder. Default: none.
    #[serde(skip)]
    pub exclude: Vec<PathBuf>,
}

/// Default longest document, in bytes of text: 32 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 32 << 20;

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: InputFormat::Auto,
            text_field: "text".to_string(),
            id_field: "id".to_string(),
            text_column: None,
            id_column: None,
            group_by: GroupBy::None,
            follow_links: false,
            max_document_bytes: MAX_DOCUMENT_BYTES,
            max_input_bytes: None,
            exclude: Vec::new(),
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
///
/// Decided by dynamic programming over (pattern position, text position), so a
/// pattern of many stars costs the product of the two lengths, never more.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (m, n) = (p.len(), t.len());
    // rest[i][j]: whether p[i..] matches t[j..], filled from the ends.
    let mut rest = vec![vec![false; n + 1]; m + 1];
    rest[m][n] = true;
    for i in (0..m).rev() {
        for j in (0..=n).rev() {
            let next = t.get(j).copied();
            rest[i][j] = match p[i] {
                '*' if p.get(i + 1) == Some(&'*') => {
                    rest[i + 2][j] || (next.is_some() && rest[i][j + 1])
                }
                '*' => rest[i + 1][j] || (next.is_some_and(|c| c != '/') && rest[i][j + 1]),
                '?' => next.is_some_and(|c| c != '/') && rest[i + 1][j + 1],
                c => next == Some(c) && rest[i + 1][j + 1],
            };
        }
    }
    rest[0][0]
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
    /// A symbolic link in a folder was not followed (see `--follow`).
    Symlink,
    /// Not a regular file (a FIFO, socket or device): skipped, since reading it
    /// could block or never end.
    SpecialFile,
    /// A document longer than the longest allowed was split into parts.
    Split,
    /// A JSONL line or CSV record longer than the longest allowed was skipped.
    TooLong,
    /// `--max-input-bytes` was reached: the rest of the input was not read.
    InputCap,
    /// A sentence or document held more distinct words than co-occurrence pairs up
    /// in one scope (see [`crate::count::MAX_SCOPE_TERMS`]).
    CoocCapped,
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
/// each folder walked in sorted order. Folder entries that cannot be read, links not
/// followed and special files become problems; folders in `options.exclude` are left
/// out. A missing path is an error, and nothing is read.
///
/// A path named on the command line is read even when it is a symbolic link or a FIFO
/// (`<(zcat a.gz)` is one); devices and sockets are refused everywhere.
pub fn find_files(
    paths: &[PathBuf],
    options: &InputOptions,
) -> Result<(Vec<InputFile>, Vec<Problem>), InputError> {
    let mut sorted: Vec<&PathBuf> = paths.iter().collect();
    sorted.sort();
    sorted.dedup();
    for path in &sorted {
        if path.as_os_str() != "-" && std::fs::metadata(path).is_err() {
            return Err(InputError::Missing(path.display().to_string()));
        }
    }
    let excluded: Vec<PathBuf> = options
        .exclude
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut walk = Walk {
        follow: options.follow_links,
        excluded,
        visited: HashSet::new(),
        files: Vec::new(),
        problems: Vec::new(),
    };
    for path in sorted {
        if path.as_os_str() == "-" {
            walk.files.push(InputFile {
                path: path.clone(),
                id: "-".to_string(),
                size: None,
                root: "-".to_string(),
            });
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                walk.problems.push(Problem::unreadable(path, &e));
                continue;
            }
        };
        if meta.is_dir() {
            walk.visited.clear();
            walk.dir(path, path);
        } else if meta.is_file() || is_fifo(&meta) {
            walk.files.push(InputFile {
                path: path.clone(),
                id: path.display().to_string(),
                size: meta.is_file().then_some(meta.len()),
                root: path.display().to_string(),
            });
        } else {
            walk.problems.push(special_file(path, &meta));
        }
    }
    Ok((walk.files, walk.problems))
}

impl Problem {
    /// A file or folder that could not be opened or read.
    fn unreadable(path: &Path, error: &io::Error) -> Problem {
        Problem::of_file(path, ProblemKind::Unreadable, error.to_string())
    }

    /// A problem with a whole file or folder.
    fn of_file(path: &Path, kind: ProblemKind, message: String) -> Problem {
        Problem {
            source: path.display().to_string(),
            line: None,
            kind,
            message,
        }
    }
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

/// The problem for a path that is neither a file nor a folder.
fn special_file(path: &Path, meta: &std::fs::Metadata) -> Problem {
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            "a FIFO"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_char_device() || t.is_block_device() {
            "a device"
        } else {
            "an unknown kind of file"
        }
    };
    #[cfg(not(unix))]
    let what = {
        let _ = meta;
        "an unknown kind of file"
    };
    Problem::of_file(
        path,
        ProblemKind::SpecialFile,
        format!("{what}, not a regular file; skipped"),
    )
}

/// A folder walk: sorted, hidden entries skipped, links followed only when asked.
struct Walk {
    follow: bool,
    /// Canonical paths of folders not to read.
    excluded: Vec<PathBuf>,
    /// Canonical paths of the folders entered, to stop link loops.
    visited: HashSet<PathBuf>,
    files: Vec<InputFile>,
    problems: Vec<Problem>,
}

impl Walk {
    fn dir(&mut self, root: &Path, dir: &Path) {
        let real = match dir.canonicalize() {
            Ok(real) => real,
            Err(e) => {
                self.problems.push(Problem::unreadable(dir, &e));
                return;
            }
        };
        if self.excluded.contains(&real) {
            return;
        }
        if !self.visited.insert(real) {
            self.problems.push(Problem::of_file(
                dir,
                ProblemKind::SymlinkLoop,
                "folder already visited through a symbolic link; skipped".to_string(),
            ));
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.problems.push(Problem::unreadable(dir, &e));
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
                Err(e) => self.problems.push(Problem::unreadable(dir, &e)),
            }
        }
        paths.sort();
        for path in paths {
            self.entry(root, path);
        }
    }

    fn entry(&mut self, root: &Path, path: PathBuf) {
        let unreadable = |e: io::Error| Problem::unreadable(&path, &e);
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) => return self.problems.push(unreadable(e)),
        };
        let meta = if meta.file_type().is_symlink() {
            if !self.follow {
                let target = std::fs::read_link(&path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                return self.problems.push(Problem::of_file(
                    &path,
                    ProblemKind::Symlink,
                    format!("symbolic link to {target} not followed; give --follow to read it"),
                ));
            }
            match std::fs::metadata(&path) {
                Ok(meta) => meta,
                Err(e) => return self.problems.push(unreadable(e)),
            }
        } else {
            meta
        };
        if meta.is_dir() {
            self.dir(root, &path);
        } else if meta.is_file() {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            self.files.push(InputFile {
                id: relative.display().to_string(),
                size: Some(meta.len()),
                root: root.display().to_string(),
                path,
            });
        } else {
            self.problems.push(special_file(&path, &meta));
        }
    }
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
    current: Option<RecordReader>,
    /// Bytes of decoded input read so far, shared with the open file's reader.
    budget: Arc<InputBudget>,
    /// The input cap was reached and reported: nothing more is read.
    capped: bool,
    /// Parts of a split record not handed on yet, last part first.
    parts: Vec<Document>,
}

/// Decoded bytes read so far, against `--max-input-bytes`.
#[derive(Debug, Default)]
struct InputBudget {
    read: AtomicU64,
    cap: Option<u64>,
    reached: AtomicBool,
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
            capped: false,
            parts: Vec::new(),
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
                Err(e) => return Some(InputEvent::Problem(Problem::unreadable(&file.path, &e))),
            }
        };
        let decompressed: Box<dyn Read + Send> = match compression {
            Compression::None => raw,
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(raw)),
            Compression::Zstd => match zstd::stream::read::Decoder::new(raw) {
                Ok(d) => Box::new(d),
                Err(e) => {
                    return Some(InputEvent::Problem(Problem::of_file(
                        &file.path,
                        ProblemKind::Decompress,
                        format!("cannot start zstd decoding: {e}"),
                    )))
                }
            },
        };
        // A UTF-8 byte order mark is dropped and UTF-16 (with its mark) becomes UTF-8,
        // for every format: Excel's "Unicode text" export is UTF-16 TSV.
        let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
            .strip_bom(true)
            .build(decompressed);
        let reader: Box<dyn Read + Send> = Box::new(Budgeted {
            inner: decoded,
            budget: Arc::clone(&self.budget),
        });
        let file_group = self.options.group_by.of_file(&file);
        let group_field = match &self.options.group_by {
            GroupBy::Field(name) => Some(name.clone()),
            _ => None,
        };
        let max_document = self.options.max_document_bytes.max(1);
        let max_record = max_document.saturating_mul(4);
        match format {
            InputFormat::Jsonl => {
                self.current = Some(RecordReader::Jsonl(Box::new(JsonlReader {
                    lines: BufReader::with_capacity(1 << 16, reader),
                    source,
                    file_id: file.id,
                    line: 0,
                    buffer: Vec::new(),
                    max_line: max_record,
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
                let record_start = Arc::new(AtomicU64::new(0));
                let reader = Box::new(RecordCapped {
                    inner: reader,
                    read: 0,
                    record_start: Arc::clone(&record_start),
                    max: max_record as u64,
                });
                match CsvReader::new(
                    reader,
                    delimiter,
                    source,
                    file.id,
                    file_group,
                    record_start,
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
                self.current = Some(RecordReader::Text(Box::new(TextReader {
                    reader,
                    source,
                    id: file.id,
                    group,
                    max: max_document,
                    carry: Vec::new(),
                    parts: 0,
                    line: 1,
                    eof: false,
                    done: false,
                })));
                None
            }
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
                match reader.next_event(&mut self.pending) {
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

/// A text file, read in pieces of at most `max` bytes: one document, or several
/// parts (`ID#1`, `ID#2`, ...) when it is longer.
struct TextReader {
    reader: Box<dyn Read + Send>,
    source: String,
    id: String,
    group: Option<String>,
    max: usize,
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
    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        if self.done {
            return None;
        }
        // Read until one byte more than a part can hold, or the end.
        while !self.eof && self.carry.len() <= self.max {
            let want = (self.max + 1 - self.carry.len()) as u64;
            match (&mut self.reader).take(want).read_to_end(&mut self.carry) {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(e) => {
                    // What was read before the error is kept: a truncated file still counts.
                    self.eof = true;
                    let problem = Problem::of_file(
                        Path::new(&self.source),
                        read_error_kind(&e),
                        format!("read failed, kept what was read: {e}"),
                    );
                    if self.parts == 0 && self.carry.is_empty() {
                        self.done = true;
                        return Some(InputEvent::Problem(problem));
                    }
                    pending.push(problem);
                }
            }
        }
        if let Some(at) = memchr_nul(&self.carry) {
            self.done = true;
            let message = if self.parts == 0 {
                "binary file (holds a NUL byte); skipped".to_string()
            } else {
                format!(
                    "binary data (a NUL byte) in part {}; this part and the rest skipped (byte {at} of the part)",
                    self.parts + 1
                )
            };
            return Some(InputEvent::Problem(Problem::of_file(
                Path::new(&self.source),
                ProblemKind::Binary,
                message,
            )));
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
            id,
            source: self.source.clone(),
            line,
            text: unix_line_endings(text),
            group: self.group.clone(),
        }))
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
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

/// The result of decoding a file's bytes.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Text, and how many invalid bytes were replaced by U+FFFD.
    Text {
        /// The text.
        text: String,
        /// Invalid bytes replaced by U+FFFD.
        replaced: usize,
    },
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
    Text(Box<TextReader>),
    Jsonl(Box<JsonlReader>),
    Csv(Box<CsvReader>),
}

impl RecordReader {
    fn next_event(&mut self, pending: &mut Vec<Problem>) -> Option<InputEvent> {
        match self {
            RecordReader::Text(r) => r.next_event(pending),
            RecordReader::Jsonl(r) => r.next_event(pending),
            RecordReader::Csv(r) => r.next_event(),
        }
    }
}

/// The parts (`ID#1`, `ID#2`, ...) of a document longer than `max` bytes, with the
/// problem that says so. Text files arrive in parts of at most `max` bytes already
/// (see [`TextReader`]); JSONL and CSV records are split here.
fn split_document(document: Document, max: usize, pending: &mut Vec<Problem>) -> Vec<Document> {
    pending.push(Problem {
        source: document.source.clone(),
        line: Some(document.line),
        kind: ProblemKind::Split,
        message: format!(
            "text longer than {max} bytes: split into parts at line breaks, ids {}#1, {}#2, ...",
            document.id, document.id
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
            id: format!("{}#{}", document.id, parts.len() + 1),
            source: document.source.clone(),
            line: document.line,
            text: part.to_string(),
            group: document.group.clone(),
        });
        rest = tail;
    }
    parts
}

struct JsonlReader {
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
                    return Some(self.problem(
                        ProblemKind::TooLong,
                        format!(
                            "line of {skipped} bytes or more, longer than {} bytes; skipped",
                            self.max_line
                        ),
                    ));
                }
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

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// A reader that fails once more than `max` bytes have been read since the start of
/// the current record (`record_start`, set by the CSV reader), so that one huge
/// field cannot grow without bound in the CSV parser's buffers.
struct RecordCapped {
    inner: Box<dyn Read + Send>,
    read: u64,
    record_start: Arc<AtomicU64>,
    max: u64,
}

impl Read for RecordCapped {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self
            .read
            .saturating_sub(self.record_start.load(Ordering::Relaxed))
            > self.max
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("a record longer than {} bytes", self.max),
            ));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

struct CsvReader {
    reader: csv::Reader<Box<dyn Read + Send>>,
    record: csv::ByteRecord,
    /// Where the next record starts, in bytes, for [`RecordCapped`].
    record_start: Arc<AtomicU64>,
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
        record_start: Arc<AtomicU64>,
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
        record_start.store(reader.position().byte(), Ordering::Relaxed);
        Ok(CsvReader {
            reader,
            record: csv::ByteRecord::new(),
            record_start,
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
        let read = self.reader.read_byte_record(&mut self.record);
        self.record_start
            .store(self.reader.position().byte(), Ordering::Relaxed);
        match read {
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
        assert!(glob_match("a/**/b", "a/x/y/b") && !glob_match("a/*/b", "a/x/y/b"));
        assert!(glob_match("*", "") && !glob_match("?", "") && glob_match("**", "a/b"));
    }

    /// A pattern of many stars against a long path: once exponential in the stars.
    #[test]
    fn many_stars_do_not_backtrack_exponentially() {
        let pattern = format!("{}b", "*a".repeat(30));
        let text = "a".repeat(2000);
        assert!(!glob_match(&pattern, &text));
        let pattern = format!("{}b", "**a".repeat(30));
        assert!(!glob_match(&pattern, &text));
        assert!(glob_match(&pattern, &format!("{text}b")));
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
