//! `corpstat report [PATH...] [-o DIR]`: the whole report, written into a folder.

use super::ExitCode;
use std::path::{Path, PathBuf};

use crate::output::{
    parquet_files, report_files_with_charts, write_report_dir, MissingGlyphs, CHARTS, TABLES,
};
use crate::report::ConcordanceLines;
use crate::table::CsvCells;
use crate::timing::Stage;
use anyhow::Result;
use clap::Args;

use super::corpus_run::Analyzed;
use super::CorpusArgs;

/// Write the full report (tables, charts, index.html) into a folder
///
/// summary.json, README.md, index.html, every CSV table and the PNG charts
/// (listed below). The corpus is read a second time, only up to the documents
/// that hold the concordance lines index.html shows (and those of --kwic).
///
/// Files are written to temporary names and renamed only when all are complete;
/// files of corpstat's own names that this run did not write are removed, and
/// other files in the folder are left alone. Exits 2 when input was skipped or
/// only partly read (the report is still written), unless --allow-partial.
#[derive(Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub(super) corpus: CorpusArgs,

    /// Folder to write the report into (created if needed).
    #[arg(short, long, default_value = "reports")]
    output: PathBuf,

    /// The corpus' name in chart titles and index.html (default: the last component
    /// of the path read, such as `seeds` or `corpus.jsonl.gz`; of several, the first
    /// in sorted order "and N more").
    #[arg(long, visible_alias = "title", value_name = "NAME")]
    pub(super) name: Option<String>,

    #[command(flatten)]
    pub(super) files: FileArgs,

    /// Write concordance.csv: every occurrence of these words or phrases
    /// (comma-separated), matched on folded terms as `corpstat kwic` does, with 5
    /// words of context. The documents that hold them are read a second time, so
    /// the input must be files, not standard input.
    #[arg(long, value_delimiter = ',', value_name = "WORDS")]
    pub(super) kwic: Vec<String>,
}

/// How the report's files are written, for `report` and `merge`.
#[derive(Args, Clone, Copy)]
pub(super) struct FileArgs {
    /// Also write every table as Parquet (NAME.parquet beside NAME.csv): the same
    /// columns, typed (integers as int64, other numbers as float64, empty cells null);
    /// and document_terms.parquet (document, term, count: one row per document and
    /// term it holds, the long table a document-feature matrix is made from).
    #[arg(long)]
    pub(super) parquet: bool,

    #[command(flatten)]
    pub(super) cells: CellArgs,
}

/// How CSV and TSV cells are written.
#[derive(Args, Clone, Copy)]
pub(super) struct CellArgs {
    /// Write a leading apostrophe before a CSV or TSV text cell that starts with =, +,
    /// -, @, a tab or a carriage return, so that a spreadsheet never runs it as a
    /// formula (for files opened in a spreadsheet; `corpstat check` reads both).
    /// Without it the cells are exact, equal to Parquet and JSON.
    #[arg(long)]
    pub(super) csv_formula_guard: bool,
}

impl CellArgs {
    /// The library's setting.
    pub(super) fn cells(self) -> CsvCells {
        if self.csv_formula_guard {
            CsvCells::FormulaGuard
        } else {
            CsvCells::Exact
        }
    }
}

/// `text` after `head`, wrapped at spaces to 80 columns, its later lines indented
/// as far as `head` is long.
fn indented(head: &str, text: &str) -> String {
    let indent = head.chars().count();
    let mut out = head.to_string();
    let mut column = indent;
    for (i, word) in text.split(' ').enumerate() {
        let width = word.chars().count();
        if i > 0 && column + 1 + width > 80 {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            column = indent;
        } else if i > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += width;
    }
    out.push('\n');
    out
}

pub fn after_help() -> String {
    let mut help = String::from("Files written:\n");
    help.push_str(&indented(
        &format!("  {:<18}", "summary.json"),
        "every corpus statistic, the language and script shares, the problems",
    ));
    for spec in TABLES {
        let names: Vec<&str> = spec.columns.iter().map(|c| &*c.name).collect();
        let only = spec
            .needs
            .option()
            .map(|option| format!(" (with {option})"))
            .unwrap_or_default();
        let line = format!("{}{only}", names.join(", "));
        help.push_str(&indented(&format!("  {:<18}", spec.name), &line));
    }
    help.push_str(&indented(
        &format!("  {:<18}", "README.md"),
        "what every file and column means",
    ));
    help.push_str(&indented(
        &format!("  {:<18}", "index.html"),
        "one self-contained page: the summary, every chart, rows of every table (sortable, with a filter box)",
    ));
    let charts = |needs: Option<&str>| -> String {
        let names: Vec<&str> = CHARTS
            .iter()
            .filter(|c| c.needs.option() == needs)
            .map(|c| c.name.trim_end_matches(".png"))
            .collect();
        names.join(", ")
    };
    let mut options: Vec<&str> = CHARTS.iter().filter_map(|c| c.needs.option()).collect();
    options.dedup();
    let mut line = charts(None);
    for option in options {
        line.push_str(&format!("; with {option}: {}", charts(Some(option))));
    }
    help.push_str(&indented(&format!("  {:<18}", "*.png"), &line));
    help
}

/// What `corpstat report` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: super::Takes::ALL,
    after_help: Some(after_help),
};

impl ReportArgs {
    /// The corpus arguments completed from the report's own: the output folder
    /// never read, the concordance words, the document terms kept for Parquet.
    pub(super) fn complete(&mut self) {
        self.corpus.exclude = vec![self.output.clone()];
        self.corpus.kwic = self.kwic.iter().map(|w| w.trim().to_string()).collect();
        self.corpus.kwic.retain(|w| !w.is_empty());
        self.corpus.document_terms = self.files.parquet;
    }
}

pub fn run(mut args: ReportArgs) -> Result<ExitCode> {
    refuse_a_file_as_folder(&args.output)?;
    args.complete();
    if !args.corpus.kwic.is_empty() && args.corpus.inputs()?.iter().any(|p| p.as_os_str() == "-") {
        anyhow::bail!(
            "--kwic reads the documents that hold the words a second time, and standard input cannot be read twice: give the files or folders"
        );
    }
    let analyzed = args.corpus.analyze_with_concordance()?;
    say_if_many_groups(&analyzed.report);
    let corpus = args.name.clone().unwrap_or_else(|| args.corpus.name());
    write_report(
        &analyzed,
        &corpus,
        &args.output,
        args.corpus.quiet,
        args.files,
    )?;
    if let (false, ConcordanceLines::NotRead(why)) =
        (args.corpus.kwic.is_empty(), analyzed.report.concordance())
    {
        eprintln!("corpstat: concordance.csv not written: {why}");
        return Ok(ExitCode::from(super::EXIT_ERROR));
    }
    Ok(analyzed.exit_code())
}

/// More groups than this is said on stderr: more likely a field of ids than groups.
const MANY_GROUPS: usize = 1_000;

/// Says on stderr when `--group-by` made more than [`MANY_GROUPS`] groups.
pub(super) fn say_if_many_groups(report: &crate::Report) {
    let groups = report.groups().len();
    if groups > MANY_GROUPS {
        eprintln!(
            "corpstat: --group-by made {groups} groups (more than {MANY_GROUPS}): groups.csv, group_terms.csv and keyness.csv hold rows for each; is the field an id?"
        );
    }
}

/// The output path must be a folder or nothing yet: said before the corpus is read,
/// not after.
pub(super) fn refuse_a_file_as_folder(output: &Path) -> Result<()> {
    if output.exists() && !output.is_dir() {
        anyhow::bail!(
            "{}: is a file, not a folder; -o takes the folder to write the report into (it is created if needed)",
            output.display()
        );
    }
    Ok(())
}

/// Says on stderr (even with `--quiet`, as problems are) how many chart labels held
/// characters that no embedded font has, drawn as placeholders.
pub(super) fn warn_of_placeholders(missing: &MissingGlyphs) {
    if missing.labels > 0 {
        eprintln!(
            "corpstat: warning: {} chart label{} held characters that no embedded font has, drawn as their code points in a box: {} (README.md lists them)",
            missing.labels,
            if missing.labels == 1 { "" } else { "s" },
            missing.listed(10)
        );
    }
}

/// Draws the charts and writes every file of the report into `output` (as
/// `files` says: with Parquet tables, with the CSV formula guard); a line on
/// stderr says what was written, unless `quiet`.
pub(super) fn write_report(
    analyzed: &Analyzed,
    corpus: &str,
    output: &Path,
    quiet: bool,
    files_args: FileArgs,
) -> Result<()> {
    let started = std::time::Instant::now();
    let (mut files, missing) =
        report_files_with_charts(&analyzed.report, corpus, files_args.cells.cells())?;
    warn_of_placeholders(&missing);
    if files_args.parquet {
        files.extend(parquet_files(&analyzed.report));
    }
    let charts_took = started.elapsed();
    analyzed.times.add(Stage::Charts, charts_took);
    let written = analyzed
        .times
        .time(Stage::Write, || write_report_dir(output, &files))?;
    if !quiet {
        let s = &analyzed.report.summary();
        eprintln!(
            "corpstat: {} documents, {} tokens, {} types; wrote {} files to {} (charts drawn in {} ms)",
            s.documents,
            s.tokens,
            s.types,
            written.len(),
            output.display(),
            charts_took.as_millis()
        );
    }
    Ok(())
}
