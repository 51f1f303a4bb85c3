//! `corpstat kwic QUERY [PATH...]`: a keyword-in-context concordance.

use super::ExitCode;

use crate::concordance::{sort_lines, ConcordanceLine, MatchOn, SortKey};
use crate::input::{Document, DocumentStream, InputEvent, Problem};
use crate::table::{number, text, Column, CsvCells, Format, Table};
use crate::{Concordance, Normalizer};
use anyhow::{bail, Result};
use clap::Args;
use rayon::prelude::*;

use super::corpus_run::{print_problems, problems_exit, thread_pool};
use super::{CorpusArgs, OutputArgs};

/// The columns printed.
pub const COLUMNS: &[Column] = &[
    text("document", "document id"),
    number("sentence", "the sentence it is in, from 1"),
    text("left", "the words before the match, in reading order"),
    text("match", "the match, as written"),
    text("right", "the words after the match"),
];

/// Print every occurrence of a word or phrase with the words around it (KWIC)
///
/// The corpus is read, normalized and tokenized as for counting, and nothing is
/// counted: it streams. The query matches the folded form (so أحمد finds احمد and
/// إحمد, ۱۳۹۶ finds 1396, Paris finds paris), --exact the form as written, --regex a
/// regular expression per query word over folded terms. A phrase of several words
/// matches consecutive tokens inside one sentence.
///
/// "Left" is the text before the match in reading order and "right" the text after
/// it, in every script: for Arabic and Persian, read right to left, the left
/// context is the one read first (on screen it stands to the right of the match).
/// Each cell of --format table is bidi-isolated, so a row keeps its columns in
/// order. Rows come in document order unless --sort.
#[derive(Args)]
pub struct KwicArgs {
    /// The word or phrase to find.
    query: String,

    #[command(flatten)]
    pub(super) corpus: CorpusArgs,

    /// Words of context on each side.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(0..=100))]
    context: u16,

    /// Match the form as written, not the folded term.
    #[arg(long, conflicts_with = "regex")]
    exact: bool,

    /// Each query word is a regular expression (Rust regex syntax) that must match a
    /// whole folded term.
    #[arg(long)]
    regex: bool,

    /// Sort by context words, nearest first: left1 (the word just before the
    /// match), right1, left2, ..., comma-separated; ties in document order.
    #[arg(long, value_delimiter = ',', value_parser = parse_sort_key, value_name = "KEYS")]
    sort: Vec<SortKey>,

    #[command(flatten)]
    output: OutputArgs,
}

/// Lines of one document held at once when printing as they are found; a document
/// with more is read again and written line by line.
const LINES_AT_ONCE: usize = 2_000;

/// Concordance lines printed as CSV or TSV as they come, up to `--top`.
struct RowWriter {
    writer: csv::Writer<std::io::BufWriter<std::io::StdoutLock<'static>>>,
    cells: CsvCells,
    left: Option<usize>,
    header: bool,
}

impl RowWriter {
    fn new(tsv: bool, cells: CsvCells, top: Option<usize>) -> Self {
        let writer = csv::WriterBuilder::new()
            .delimiter(if tsv { b'\t' } else { b',' })
            .from_writer(std::io::BufWriter::new(std::io::stdout().lock()));
        RowWriter {
            writer,
            cells,
            left: top,
            header: false,
        }
    }

    fn start(&mut self) -> std::io::Result<()> {
        if !self.header {
            self.header = true;
            self.writer
                .write_record(COLUMNS.iter().map(|c| c.name.as_bytes()))
                .map_err(std::io::Error::other)?;
        }
        Ok(())
    }

    /// Writes `line` unless `--top` rows are out; whether more are wanted.
    fn write(&mut self, line: ConcordanceLine) -> std::io::Result<bool> {
        self.start()?;
        if self.is_full() {
            return Ok(false);
        }
        let row = row_of(line);
        self.writer
            .write_record(self.cells.cells(COLUMNS, &row))
            .map_err(std::io::Error::other)?;
        if let Some(left) = &mut self.left {
            *left -= 1;
        }
        Ok(!self.is_full())
    }

    fn is_full(&self) -> bool {
        self.left == Some(0)
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.start()?;
        self.writer.flush()
    }
}

/// A line's cells, under [`COLUMNS`].
fn row_of(l: ConcordanceLine) -> Vec<String> {
    vec![
        l.document,
        l.sentence.to_string(),
        l.left,
        l.matched,
        l.right,
    ]
}

/// The table of `lines`, under [`COLUMNS`].
fn table_of(lines: Vec<ConcordanceLine>) -> Table {
    Table {
        columns: COLUMNS.into(),
        rows: lines.into_iter().map(row_of).collect(),
    }
}

fn parse_sort_key(text: &str) -> Result<SortKey, String> {
    SortKey::parse(text)
        .ok_or_else(|| format!("{text:?}: give left1, right1, left2, ... (or l1, r1)"))
}

pub fn after_help() -> String {
    super::columns_help(COLUMNS)
}

/// Documents analysed at once, at most: enough to keep every core busy, few enough
/// that --top stops reading soon.
const BATCH: usize = 256;

/// What `corpstat kwic` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[],
    after_help: Some(after_help),
};

impl KwicArgs {
    /// The concordance the arguments ask for, with sort keys only when sorted.
    fn concordance(&self, options: &crate::Options) -> Result<Concordance> {
        let match_on = match (self.exact, self.regex) {
            (true, _) => MatchOn::Exact,
            (_, true) => MatchOn::Regex,
            _ => MatchOn::Folded,
        };
        let normalizer = Normalizer::new(&options.normalize)?;
        let concordance = Concordance::new(
            &self.query,
            normalizer,
            options.tokens,
            match_on,
            usize::from(self.context),
        )?;
        Ok(if self.sort.is_empty() {
            concordance.without_sort_keys()
        } else {
            concordance
        })
    }

    /// Without a sort, `--top` rows in document order are the first found: the
    /// number of lines after which reading can stop.
    fn enough(&self) -> Option<usize> {
        if self.sort.is_empty() {
            self.output.top
        } else {
            None
        }
    }
}

/// The next documents of `stream` to search at once (none at its end); its
/// problems go to `problems`.
fn next_batch(stream: &mut DocumentStream, problems: &mut Vec<Problem>) -> Vec<Document> {
    let mut batch = Vec::with_capacity(BATCH);
    let mut bytes = 0;
    for event in stream.by_ref() {
        match event {
            InputEvent::Document(document) => {
                bytes += document.text.len();
                batch.push(document);
                if batch.len() == BATCH || bytes >= crate::Options::BATCH_BYTES {
                    break;
                }
            }
            InputEvent::Problem(problem) => problems.push(problem),
        }
    }
    batch
}

/// What a search found: the table of its lines (sorted as asked, cut at `--top`),
/// the input's problems, and how many documents were read.
pub(super) struct Found {
    pub(super) table: Table,
    pub(super) problems: Vec<Problem>,
    pub(super) documents: u64,
}

/// Every line of `stream` that `args` asks for, held in memory: what `corpstat
/// kwic` prints when it sorts or prints a table, and what a call returns. Reading
/// stops when `stop` returns true.
pub(super) fn find(
    args: &KwicArgs,
    mut stream: DocumentStream,
    stop: &dyn Fn() -> bool,
) -> Result<Found> {
    let options = args.corpus.options();
    let concordance = args.concordance(&options)?;
    let pool = thread_pool(args.corpus.threads)?;
    let enough = args.enough();
    let mut lines: Vec<ConcordanceLine> = Vec::new();
    let mut problems = Vec::new();
    let mut documents = 0u64;
    while !stop() {
        let batch = next_batch(&mut stream, &mut problems);
        if batch.is_empty() {
            break;
        }
        documents += batch.len() as u64;
        let found: Vec<Vec<ConcordanceLine>> = pool.install(|| {
            batch
                .par_iter()
                .map(|d| concordance.lines_at_most(d, enough))
                .collect()
        });
        lines.extend(found.into_iter().flatten());
        if enough.is_some_and(|n| lines.len() >= n) {
            break;
        }
    }
    sort_lines(&mut lines, &args.sort);
    Ok(Found {
        table: table_of(lines).truncate(args.output.top),
        problems,
        documents,
    })
}

/// The files the arguments name, as a document stream.
pub(super) fn stream_of(args: &KwicArgs) -> Result<DocumentStream> {
    let options = args.corpus.options();
    let paths = args.corpus.inputs()?;
    let (files, walk_problems) = crate::input::find_files(&paths, &options.input)?;
    Ok(DocumentStream::new(files, walk_problems, options.input))
}

pub fn run(args: KwicArgs) -> Result<ExitCode> {
    let stream = stream_of(&args)?;
    // Without a sort, CSV and TSV are printed as the lines are found, so that
    // memory holds one batch of text and a bounded number of lines, whatever the
    // number of matches.
    let format = args.output.format();
    let streamed = args.sort.is_empty() && matches!(format, Format::Csv | Format::Tsv);
    let (problems, documents) = if streamed {
        print_as_found(&args, stream)?
    } else {
        let found = find(&args, stream, &|| false)?;
        if found.documents > 0 || !found.problems.is_empty() {
            args.output.print(found.table)?;
        }
        (found.problems, found.documents)
    };
    if documents == 0 && problems.is_empty() {
        bail!("no documents found: nothing to search");
    }
    let total = problems.len() as u64;
    let mut by_kind = std::collections::BTreeMap::new();
    for p in &problems {
        *by_kind.entry(p.kind).or_insert(0u64) += 1;
    }
    print_problems(&problems, total, &by_kind);
    if total > 0 && !args.corpus.allow_partial {
        return Ok(problems_exit(total));
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the lines of `stream` as CSV or TSV as they are found; returns the
/// input's problems and how many documents were read.
fn print_as_found(args: &KwicArgs, mut stream: DocumentStream) -> Result<(Vec<Problem>, u64)> {
    let options = args.corpus.options();
    let concordance = args.concordance(&options)?;
    let pool = thread_pool(args.corpus.threads)?;
    let enough = args.enough();
    let format = args.output.format();
    let mut out = RowWriter::new(format == Format::Tsv, args.output.cells.cells(), enough);
    let mut problems = Vec::new();
    let mut documents = 0u64;
    loop {
        let batch = next_batch(&mut stream, &mut problems);
        if batch.is_empty() {
            break;
        }
        documents += batch.len() as u64;
        // Each document's first lines in parallel; a document with more is read
        // again alone, its lines written as they come.
        let found: Vec<(Vec<ConcordanceLine>, bool)> = pool.install(|| {
            batch
                .par_iter()
                .map(|d| {
                    let mut lines = Vec::new();
                    let whole = concordance.scan(d, enough, |line| {
                        lines.push(line);
                        lines.len() < LINES_AT_ONCE
                    });
                    (lines, whole)
                })
                .collect()
        });
        for (document, (lines, whole)) in batch.iter().zip(found) {
            if whole {
                for line in lines {
                    out.write(line)?;
                }
            } else {
                let mut failed = None;
                concordance.scan(document, enough, |line| match out.write(line) {
                    Ok(more) => more,
                    Err(e) => {
                        failed = Some(e);
                        false
                    }
                });
                if let Some(e) = failed {
                    return Err(e.into());
                }
            }
        }
        if out.is_full() {
            break;
        }
    }
    if documents > 0 || !problems.is_empty() {
        out.finish()?;
    }
    Ok((problems, documents))
}
