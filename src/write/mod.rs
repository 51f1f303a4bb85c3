//! Report writers: every output file behind one trait.
//!
//! A report folder is written whole and swapped into place by
//! [`crate::report_dir::write_report_dir`]; [`write_files`] writes single files
//! atomically (each to a temporary file in the target folder, flushed and synced,
//! renamed over the old one only when all are complete). The tables are defined
//! once, in [`TABLES`].

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::chart::{render_charts, Chart, ChartError};
use crate::report::{Cells, MetricValue, Report, RowSource};
use crate::table::{write_csv, write_csv_chunked, Column, Table, FLOAT_DECIMALS};

mod tables;
pub use tables::{TableRows, TableSpec, TABLES};

/// One file of the report.
pub trait ReportFile: Sync {
    /// The file's name in the report folder.
    fn name(&self) -> &str;
    /// Writes the file's whole content.
    fn write(&self, out: &mut dyn Write) -> io::Result<()>;
}

/// What a [`CsvFile`] makes when it is written: the columns, and the cells row by row.
pub type MadeTable<'a> = (Cow<'static, [Column]>, Cells<'a>);

/// How a [`CsvFile`] gets its rows.
enum Rows<'a> {
    /// In order, one at a time.
    InOrder(Box<dyn Fn() -> MadeTable<'a> + Sync + 'a>),
    /// In any order, so that chunks of them are formatted in parallel.
    AnyOrder(
        &'static [Column],
        Box<dyn Fn() -> RowSource<'a> + Sync + 'a>,
    ),
}

/// A table written as CSV.
pub struct CsvFile<'a> {
    name: &'static str,
    /// Makes the table's cells when the file is written: a row (or a chunk of rows)
    /// is formatted, written and dropped before the next ones are made.
    rows: Rows<'a>,
}

impl<'a> CsvFile<'a> {
    /// `table`, to be written as the file `name`.
    pub fn new(name: &'static str, table: Table) -> Self {
        Self::lazy(name, move || {
            (
                table.columns.clone(),
                Box::new(table.rows.clone().into_iter()),
            )
        })
    }

    /// A table made only as the file is written.
    pub fn lazy(name: &'static str, make: impl Fn() -> MadeTable<'a> + Sync + 'a) -> Self {
        CsvFile {
            name,
            rows: Rows::InOrder(Box::new(make)),
        }
    }

    /// The table `spec` of `report`, made only as the file is written.
    pub fn of_spec(spec: &'static TableSpec, report: &'a Report) -> Self {
        match spec.rows {
            TableRows::Source(make) => Self::chunked(spec.name, spec.columns, move || make(report)),
            TableRows::Table(make) => Self::lazy(spec.name, move || {
                let table = make(report);
                (table.columns, Box::new(table.rows.into_iter()))
            }),
        }
    }

    /// A table whose rows are made only as the file is written, in chunks formatted
    /// in parallel (see [`write_csv_chunked`]).
    pub fn chunked(
        name: &'static str,
        columns: &'static [Column],
        make: impl Fn() -> RowSource<'a> + Sync + 'a,
    ) -> Self {
        CsvFile {
            name,
            rows: Rows::AnyOrder(columns, Box::new(make)),
        }
    }
}

impl ReportFile for CsvFile<'_> {
    fn name(&self) -> &str {
        self.name
    }
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        match &self.rows {
            Rows::InOrder(make) => {
                let (columns, cells) = make();
                write_csv(&columns, cells, out)
            }
            Rows::AnyOrder(columns, make) => {
                let source = make();
                write_csv_chunked(columns, source.len, &*source.row, out)
            }
        }
    }
}

/// `summary.json`.
pub struct SummaryFile<'a>(pub &'a Report);

impl ReportFile for SummaryFile<'_> {
    fn name(&self) -> &str {
        "summary.json"
    }
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.0.summary)?;
        writeln!(out)
    }
}

/// `README.md`: what every file and column means.
pub struct ReadmeFile;

impl ReportFile for ReadmeFile {
    fn name(&self) -> &str {
        "README.md"
    }
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(report_readme().as_bytes())
    }
}

/// A chart.
pub struct PngFile(pub Chart);

impl ReportFile for PngFile {
    fn name(&self) -> &str {
        &self.0.name
    }
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&self.0.png)
    }
}

/// `index.html`: one self-contained page with the summary, the charts and the tables' top rows.
pub struct IndexFile(pub String);

impl ReportFile for IndexFile {
    fn name(&self) -> &str {
        "index.html"
    }
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.0.as_bytes())
    }
}

/// Every file of the report, charts included, in the order they are written.
/// `corpus` names the corpus in chart titles and on the page.
pub fn report_files_with_charts<'a>(
    report: &'a Report,
    corpus: &str,
) -> Result<Vec<Box<dyn ReportFile + 'a>>, ChartError> {
    let charts = render_charts(report, corpus)?;
    let index = index_html(report, corpus, &charts);
    let mut files = report_files(report);
    files.push(Box::new(IndexFile(index)));
    files.extend(
        charts
            .into_iter()
            .map(|c| Box::new(PngFile(c)) as Box<dyn ReportFile>),
    );
    Ok(files)
}

/// Every table of the report, with summary.json and README.md (no charts).
pub fn report_files(report: &Report) -> Vec<Box<dyn ReportFile + '_>> {
    let mut files: Vec<Box<dyn ReportFile>> = vec![Box::new(SummaryFile(report))];
    for spec in TABLES.iter().filter(|spec| spec.is_in(report)) {
        files.push(Box::new(CsvFile::of_spec(spec, report)));
    }
    files.push(Box::new(ReadmeFile));
    files
}

/// An error writing the report.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {error}")]
pub struct WriteError {
    /// The file or folder.
    pub path: PathBuf,
    /// What went wrong. Not the error's `source()`: the message already holds it, and
    /// a chain printed whole would say it twice.
    pub error: io::Error,
}

impl WriteError {
    /// A function that makes the error for `path` from an I/O error.
    pub(crate) fn at(path: &Path) -> impl Fn(io::Error) -> WriteError {
        let path = path.to_path_buf();
        move |error| WriteError {
            path: path.clone(),
            error,
        }
    }
}

/// Writes `files` into `dir` atomically: all are staged as temporary files, then
/// renamed into place. Creates `dir` if needed. Returns the paths written.
pub fn write_files(
    dir: &Path,
    files: &[Box<dyn ReportFile + '_>],
) -> Result<Vec<PathBuf>, WriteError> {
    let error = WriteError::at;
    std::fs::create_dir_all(dir).map_err(error(dir))?;
    // Files are made and written in parallel; they are renamed into place only
    // when all are complete, in order, and the first failure (in file order) is
    // the one reported.
    let stage = |file: &(dyn ReportFile + '_)| {
        let target = dir.join(file.name());
        stage_file(dir, file).map(|temp| (temp, target))
    };
    let staged: Vec<Result<_, WriteError>> = files.par_iter().map(|f| stage(f.as_ref())).collect();
    let staged: Vec<_> = staged.into_iter().collect::<Result<_, _>>()?;
    let mut written = Vec::with_capacity(staged.len());
    for (temp, target) in staged {
        temp.persist(&target).map_err(|e| error(&target)(e.error))?;
        written.push(target);
    }
    Ok(written)
}

/// Writes `file` to a temporary file in `dir`, complete and synced, to be renamed
/// into place.
pub(crate) fn stage_file(
    dir: &Path,
    file: &(dyn ReportFile + '_),
) -> Result<tempfile::NamedTempFile, WriteError> {
    let target = dir.join(file.name());
    let error = WriteError::at(&target);
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", file.name()))
        .tempfile_in(dir)
        .map_err(&error)?;
    make_readable(temp.as_file()).map_err(&error)?;
    let mut out = BufWriter::new(temp);
    file.write(&mut out).map_err(&error)?;
    let temp = out.into_inner().map_err(|e| error(e.into_error()))?;
    temp.as_file().sync_all().map_err(&error)?;
    Ok(temp)
}

/// Temporary files are created private (0600); a report is meant to be read by others.
fn make_readable(file: &std::fs::File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// An error making or writing the report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A chart could not be drawn.
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// A file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Writes the whole report, charts and index.html included, as the report in `dir`
/// (see [`crate::report_dir`]).
pub fn write_report(
    dir: &Path,
    report: &Report,
    corpus: &str,
) -> Result<Vec<PathBuf>, ReportError> {
    let files = report_files_with_charts(report, corpus)?;
    Ok(crate::report_dir::write_report_dir(dir, &files)?)
}

/// Table cells on index.html longer than this many characters are cut, with an ellipsis.
const MAX_HTML_CELL_CHARS: usize = 200;

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page: summary figures, every chart, and the first rows of every table.
pub fn index_html(report: &Report, corpus: &str, charts: &[Chart]) -> String {
    let s = &report.summary;
    let corpus = html_escape(corpus);
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>corpstat report: {corpus}</title>\n<style>\n\
         body {{ font-family: Vazirmatn, 'Noto Sans Arabic', Tahoma, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }}\n\
         table {{ border-collapse: collapse; margin: 0.5em 0 1.5em; }}\n\
         td, th {{ border: 1px solid #ccc; padding: 0.25em 0.6em; }}\n\
         th {{ background: #f3f3f3; }}\n\
         td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}\n\
         figure {{ margin: 1.5em 0; }} img {{ max-width: 100%; border: 1px solid #ddd; }}\n\
         </style>\n</head>\n<body>\n<h1>corpstat report: <span dir=\"auto\">{corpus}</span></h1>\n"
    );
    html.push_str("<h2>Summary</h2>\n<table>\n");
    for metric in s.metrics() {
        let value = match metric.value {
            MetricValue::Count(n) => n.to_string(),
            MetricValue::Ratio(v) => v.map_or("—".to_string(), |v| v.to_string()),
        };
        let _ = writeln!(
            html,
            "<tr><th>{}</th><td class=\"n\">{value}</td></tr>",
            metric.label
        );
    }
    html.push_str("</table>\n<table>\n<tr><th>language</th><th>words</th><th>share</th></tr>\n");
    for (code, share) in &s.languages {
        let _ = writeln!(
            html,
            "<tr><td>{code}</td><td class=\"n\">{}</td><td class=\"n\">{:.4}</td></tr>",
            share.words, share.share
        );
    }
    html.push_str("</table>\n<h2>Charts</h2>\n");
    for chart in charts {
        let _ = writeln!(
            html,
            "<figure><img src=\"{0}\" alt=\"{1}\"><figcaption>{1} (<a href=\"{0}\">{0}</a>)</figcaption></figure>",
            chart.name,
            html_escape(&chart.title)
        );
    }
    html.push_str("<h2>Tables</h2>\n<p>The first rows of each table; <a href=\"README.md\">README.md</a> explains every column.</p>\n");
    const SHOWN: usize = 10;
    for spec in TABLES.iter().filter(|spec| spec.is_in(report)) {
        let (table, total) = spec.top(report, SHOWN);
        let _ = writeln!(
            html,
            "<h3><a href=\"{0}\">{0}</a></h3>\n<p>{1}</p>\n<table>\n<tr>",
            spec.name,
            html_escape(spec.about)
        );
        for c in table.columns.iter() {
            let _ = write!(html, "<th>{}</th>", c.name);
        }
        html.push_str("</tr>\n");
        for row in &table.rows {
            html.push_str("<tr>");
            for (c, cell) in table.columns.iter().zip(row) {
                let class = if c.kind == crate::table::Kind::Number {
                    " class=\"n\""
                } else {
                    ""
                };
                // The CSV file has the whole cell; a page of megabyte cells helps no one.
                let cell = crate::chart::text::shortened(cell, MAX_HTML_CELL_CHARS);
                let _ = write!(html, "<td dir=\"auto\"{class}>{}</td>", html_escape(&cell));
            }
            html.push_str("</tr>\n");
        }
        let _ = writeln!(html, "</table>\n<p>{total} rows in all.</p>");
    }
    html.push_str("</body>\n</html>\n");
    html
}

/// The documentation of the report folder, generated from the column definitions.
pub fn report_readme() -> String {
    let mut md = String::new();
    md.push_str(README_HEAD);
    for spec in TABLES {
        let _ = writeln!(
            md,
            "\n## `{}`\n\n{}\n\n| column | meaning |\n|---|---|",
            spec.name, spec.about
        );
        for c in spec.columns {
            let _ = writeln!(md, "| `{}` | {} |", c.name, c.doc);
        }
        let _ = writeln!(md, "\nSorted by {}.", spec.order);
    }
    md.push_str(&README_TAIL.replace("{DECIMALS}", &FLOAT_DECIMALS.to_string()));
    md
}

const README_HEAD: &str = r#"# The corpstat report

This folder is written by `corpstat report` (by default from the bundled `seeds/`
corpus). It is generated: do not edit it by hand. Each run writes the whole report into
a hidden folder beside this one and swaps the two in one step, so a reader (or a failed
or killed run) sees the previous report or the new one, never a mix. `.corpstat-manifest`
lists the files corpstat wrote here: the next run replaces them, and keeps any other file.

Text passes through normalization, tokenization and sentence splitting:

1. surface steps: `nfkc`, `invisible` (LRM/RLM/ALM, bidi embeddings, overrides and
   isolates, ZWJ, BOM removed), `zwnj` (repeated ZWNJs collapse, a ZWNJ not between two
   letters is dropped), `tatweel`, `diacritics` (U+064B–U+065F, U+0670, U+06D6–U+06ED);
2. tokens: UAX #29 words (segments holding a letter or a digit), with URLs, e-mail
   addresses, @mentions and #hashtags kept whole (`--tokens plain` turns that off);
3. fold steps, per token: `alef` (أ إ آ ٱ → ا), `yeh-kaf` (ى ی → ي, ک → ك, ۀ → ه),
   `digits` (٠–٩ and ۰–۹ → 0–9), `lowercase`. Optional: `teh-marbuta` (ة → ه, with
   `--fold teh-marbuta`) and `persian-zwnj-repair` (a surface step, with
   `--persian-zwnj-repair`). Any step can be switched off with `--no-fold STEP`;
4. sentences: UAX #29 sentence boundaries (a newline ends a sentence).

A *term* is a distinct folded token. Tables show each term in its most frequent surface
form (after step 1), ties going to the lower code point: a Persian corpus shows ایران with
Persian yeh, an Arabic one shows في with Arabic yeh. The steps that ran are listed under
`normalization` in `summary.json`.

Each sentence's language is detected from the words of its dominant script (the script
with the most words), and all its tokens count for that language. In the Arabic script,
letters and function words that only Arabic, Persian or Urdu use are weighed as evidence
before whatlang is asked. A sentence of fewer than 3 words, or one the model is unsure of,
takes the language of the nearest sure sentence of the same script in its document; failing
that, all such sentences of the document are judged together; failing that, it is `und`.
Persian is reported as `fas` (the model does not tell Iranian Persian from Dari).

Stopwords come from the stopwords-iso lists (ar, de, en, es, fa, fr, it, nl, pt, ru, tr, ur),
folded like the terms. A term is marked a stopword when it is in the list of a language with
at least 5% of the corpus' words (`stopword_languages` in `summary.json`). Stopwords are
marked, never dropped from terms.csv and ngrams.csv; distinctive.csv and cooccurrence.csv
leave them out unless `--keep-stopwords`, and cooccurrence.csv lists words only (not
numbers, URLs, e-mail addresses, mentions or hashtags) unless `--cooc-all-kinds`.

## `summary.json`

| key | meaning |
|---|---|
| `corpstat_version` | version of corpstat that wrote the report |
| `options` | every option that changes the counts |
| `normalization` | the normalization steps, in order |
| `stopword_languages` | languages with at least 5% of the words, whose stopwords are marked |
| `documents` | documents read, empty ones included |
| `tokens` | word tokens (N) |
| `types` | distinct terms (V) |
| `hapax` | terms that occur exactly once |
| `sentences` | sentences that hold at least one token |
| `ttr` | type/token ratio V / N |
| `yules_k` | Yule's K = 10⁴ · (Σₘ m²·V(m) − N) / N², V(m) = terms occurring m times |
| `mattr` | moving-average TTR: the mean TTR of every window of 500 consecutive tokens of the corpus (documents in order); the plain TTR when N < 500 |
| `mtld` | MTLD (McCarthy & Jarvis 2010), threshold 0.72, mean of the forward and backward passes; factors do not span documents; a pass with no factor at all counts as N |
| `zipf_exponent` | s in f(r) ∝ r⁻ˢ: minus the least-squares slope of ln(count) on ln(rank), at ranks round(1.1ᵏ) (deduplicated) and the last rank |
| `heaps_k`, `heaps_beta` | V(n) = K·n^β fitted by least squares of ln V(n) on ln n, with V(n) the terms seen in the first n tokens (documents in order), at n = round(1.1ᵏ) and n = N |
| `cooccurrence_n` | N of the co-occurrence contingency tables (see below) |
| `approximate` | `null` when every count is exact. With `--memory-limit SIZE`, once the n-gram and pair tables outgrew half of SIZE and were pruned (lossy counting: a key is dropped when its count plus Δ, the most it may have lost before, is at most the threshold; the threshold rises one step per round): `max_undercount`, the last threshold, so that every count and doc_freq in `ngrams.csv` (n ≥ 2) and `cooccurrence.csv` is at most this much below the true one and never above it, and every n-gram or pair seen more often is kept; `rounds`, the prunings; `dropped`, the entries dropped. Single terms, their counts, marginals and every other statistic stay exact |
| `languages` | per ISO 639-3 code: `words` (tokens in sentences of that language) and `share` (of all tokens); `und` when a sentence's language could not be told; Persian is `fas` |
| `scripts` | per script: `words` and `share`; a token's script is that of its first letter, `common` for tokens without letters |
| `problems` | the first 100 input problems met in reading order (file, line, kind, message), sorted; empty when there are none |
| `problems_total` | input problems in all, listed or not |
| `problems_by_kind` | input problems in all, per kind: `unreadable`, `invalid_utf8`, `binary`, `decompress`, `malformed_json`, `missing_text`, `csv`, `symlink_loop`, `symlink` (a link in a folder, not followed without `--follow`), `special_file` (a FIFO, socket or device, skipped), `split` (a document longer than `--max-document-bytes`, split into parts `ID#1`, `ID#2`, ...), `too_long` (a JSONL line or CSV record longer than four times that, skipped), `input_cap` (`--max-input-bytes` reached), `cooc_capped` (a sentence or document of more than 4,000 distinct words under `--cooc-scope sentence` or `document`: pairs counted among the first 4,000 it holds) |

Statistics that need at least one token (or two points for a fit) are `null` otherwise.
Floating-point values are rounded to 6 decimals.

### Metric paths for `corpstat check`

`schema_version` is 1. It goes up when a metric below is renamed or removed, and
`corpstat check` refuses a baseline of another version. Every numeric value of
`summary.json` is a metric, named by its dotted path:

| path | value |
|---|---|
| `schema_version` | layout version of this file |
| `documents`, `tokens`, `types`, `hapax`, `sentences` | counts |
| `ttr`, `yules_k`, `mattr`, `mtld` | lexical diversity |
| `zipf_exponent`, `heaps_k`, `heaps_beta` | fitted laws |
| `cooccurrence_n` | N of the co-occurrence tables |
| `languages.CODE.words`, `languages.CODE.share` | per language (ISO 639-3, `und` included); 0 for a language the corpus lacks |
| `scripts.NAME.words`, `scripts.NAME.share` | per script; 0 for a script the corpus lacks |
| `problems.count` | number of input problems, listed or not |
| `problems_by_kind.KIND` | input problems of one kind; 0 for a kind that did not occur |
| `approximate.max_undercount`, `approximate.rounds`, `approximate.dropped` | how far pruned n-gram and pair counts may be off; all 0 when every count is exact |
| `options.memory_limit` | `--memory-limit` in bytes (absent from the metrics when not given) |
| `options.input.max_document_bytes`, `options.input.max_input_bytes` | the input bounds in bytes (the second absent when not given) |
| `options.ngram_min`, `options.ngram_max`, `options.ngram_min_count`, `options.keyness_min_count`, `options.distinctive_per_document`, `options.mattr_window`, `options.cooccurrence.window`, `options.cooccurrence.min_count` | the numeric options |
| `options.keep_stopwords`, `options.cooccurrence.ordered`, `options.cooccurrence.all_kinds`, `options.normalize.teh_marbuta`, `options.normalize.persian_zwnj_repair`, `options.normalize.stem`, `options.detect_every_sentence`, `options.input.follow_links` | the switches, as 1 (on) or 0 (off) |
"#;

const README_TAIL: &str = r#"
## Keyness: the formulas

For a term with a occurrences among the c tokens of the target and b among the d tokens of
the reference: E1 = c(a + b)/(c + d), E2 = d(a + b)/(c + d).

| measure | formula |
|---|---|
| `llr` | Rayson's log-likelihood G² = 2 (a ln(a/E1) + b ln(b/E2)), with 0 ln 0 = 0, negative when a/c < b/d |
| `chi2` | N (a(d − b) − b(c − a))² / ((a + b)(c + d − a − b) c d) |
| `log_ratio` | Hardie's log ratio log2((a/c) / (b/d)) |
| `pct_diff` | Gabrielatos & Marchi's %DIFF 100 (a/c − b/d) / (b/d) |
| `p_value` | the chance of a G² this large under χ² with 1 degree of freedom |

Smoothing: in `log_ratio` and `pct_diff` a zero count is taken as 0.5, so a term absent from
one side gets a finite value; `llr` and `chi2` need none. Groups come from `--group-by`: `dir`
(the first folder under the input root), `lang` (each document's dominant language),
`field:NAME` (a JSONL field or CSV column), `file:PATTERN=GROUP,...` (the first glob that
matches the file's path: `*` within a folder, `**` across folders, `?` one character);
documents no rule places are in the group `(none)`.

## Charts and `index.html`

| file | what it shows |
|---|---|
| `top-terms.png` | the 25 most frequent words (stopwords, numbers, URLs and the like left out) |
| `top-terms-LANG.png` | the same for the documents whose dominant language is LANG, for each language with at least 10% of the words |
| `top-ngrams.png` | the 15 most frequent bigrams and trigrams that hold at least one word other than a stopword |
| `languages.png` | the corpus' words per language, and the language mix of each document (the 50 largest) |
| `zipf.png` | frequency against rank, log-log, at log-spaced ranks, with the least-squares line and its exponent |
| `heaps.png` | distinct terms against tokens read, with the fitted V = K·n^β |
| `cooccurrence.png` | NPMI between the 20 most frequent words (the scope's counts; grey where a pair never co-occurs) |
| `lengths.png` | histogram of document lengths in tokens |
| `index.html` | one page: the summary figures, every chart, the first 10 rows of every table |

Labels are drawn in the embedded Vazirmatn font, shaped with rustybuzz and ordered with the
Unicode bidi algorithm.

## Co-occurrence: the contingency table and N

For a pair (a, b) with count c and marginals f(a), f(b):

| | b | ¬b |
|---|---|---|
| a | O11 = c | O12 = f(a) − c |
| ¬a | O21 = f(b) − c | O22 = N − f(a) − f(b) + c |

E_ij = R_i · C_j / N (row and column totals). What c, f and N are depends on `--cooc-scope`:

| scope | c | f(a) | N |
|---|---|---|---|
| `window` (default, K = `--window`, default 5) | pairs of tokens at most K apart inside one sentence, each pair of positions once | occurrences of a | tokens / (2K); tokens / K with `--ordered` |
| `sentence` | sentences holding both | sentences holding a | sentences |
| `document` | documents holding both | documents holding a | documents |

With `--ordered`, (a, b) counts only when a comes first. Dividing N by the span makes
E11 = span · f(a) · f(b) / tokens, the expected count of a pair under independence in a
window of that span (Evert 2008, surface co-occurrence). With `--cooc-scope window --window 1
--ordered` the pairs are adjacent bigrams, N is the number of tokens, and every measure equals
NLTK's `BigramAssocMeasures` on the same counts. A cell that would come out negative is taken as 0.

| measure | formula |
|---|---|
| `expected` | E11 = f(a)·f(b) / N |
| `pmi` | log2(c / E11) |
| `npmi` | pmi / −log2(c / N); 1 when c = N |
| `llr` | G² = 2 Σ O_ij · ln(O_ij / E_ij), with 0·ln 0 = 0 |
| `chi2` | N · (O11·O22 − O12·O21)² / (R1·R2·C1·C2), no continuity correction |
| `t_score` | (c − E11) / √c |
| `dice` | 2c / (f(a) + f(b)) |
| `jaccard` | c / (f(a) + f(b) − c) |

## Number format

A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (a document id
`=HYPERLINK(...)`, a mention `@name`) is written with a leading apostrophe (`'@name`), as
spreadsheets mark text themselves, so that opening a CSV file never runs a formula; drop
that apostrophe when reading such a cell in code (`corpstat check` does). Number columns
never carry one.

Integers are written in full (n-gram and pair counts are kept in 32 bits and would stop at
4,294,967,295). Floating-point values in the CSV files have exactly {DECIMALS}
digits after the decimal point. No file holds a timestamp, so the same input gives the same
bytes on every run, with any number of threads.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed(&'static str, &'static str);

    impl ReportFile for Fixed {
        fn name(&self) -> &str {
            self.0
        }
        fn write(&self, out: &mut dyn Write) -> io::Result<()> {
            out.write_all(self.1.as_bytes())
        }
    }

    /// Writes part of its content, then fails, as a full disk would.
    struct Failing(&'static str);

    impl ReportFile for Failing {
        fn name(&self) -> &str {
            self.0
        }
        fn write(&self, out: &mut dyn Write) -> io::Result<()> {
            out.write_all(b"half a ")?;
            Err(io::Error::other("no space left on device"))
        }
    }

    fn listing(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read_to_string(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn a_failed_write_leaves_the_previous_report_whole() {
        let dir = tempfile::tempdir().unwrap();
        let old: Vec<Box<dyn ReportFile>> = vec![
            Box::new(Fixed("a.csv", "old a\n")),
            Box::new(Fixed("b.csv", "old b\n")),
        ];
        write_files(dir.path(), &old).unwrap();
        let before = listing(dir.path());

        let new: Vec<Box<dyn ReportFile>> = vec![
            Box::new(Fixed("a.csv", "new a\n")),
            Box::new(Failing("b.csv")),
        ];
        let err = write_files(dir.path(), &new).unwrap_err();
        assert!(
            err.to_string().contains("b.csv: no space left on device"),
            "{err}"
        );
        // Neither file was replaced, and no temporary file is left behind.
        assert_eq!(listing(dir.path()), before);
    }

    #[test]
    fn written_files_are_complete_and_readable() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<Box<dyn ReportFile>> = vec![Box::new(Fixed("x.csv", "x\n"))];
        let written = write_files(&dir.path().join("new/folder"), &files).unwrap();
        assert_eq!(std::fs::read_to_string(&written[0]).unwrap(), "x\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&written[0]).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }
}
