//! Report writers: every output file behind one trait.
//!
//! A report folder is written whole and swapped into place by
//! [`crate::output::report_dir::write_report_dir`]; [`write_files`] writes single files
//! atomically (each to a temporary file in the target folder, flushed and synced,
//! renamed over the old one only when all are complete). The tables are defined
//! once, in [`TABLES`].

#[cfg(test)]
mod append_tests;
pub(crate) mod chart;
mod index_html;
mod page_fonts;
#[cfg(feature = "parquet")]
mod parquet_table;
mod readme;
pub(crate) mod report_dir;
mod tables;
mod woff;

pub use chart::{
    render_charts, render_keyness, Chart, ChartError, ChartSpec, Draw, MissingGlyphs, CHARTS,
};
pub(crate) use index_html::grouped;
pub use index_html::index_html;
#[cfg(feature = "parquet")]
pub(crate) use parquet_table::zstd_writer;
#[cfg(feature = "parquet")]
pub use parquet_table::{arrow_batches, table_batches, ParquetTableFile};
pub use readme::report_readme;
pub use report_dir::{abandon_staging, write_report_dir, MANIFEST};
pub(crate) use tables::TableRows;
pub use tables::{
    Needs, Preview, TableSpec, CODE_SWITCHING_CSV, CONCORDANCE_CSV, COOCCURRENCE_CSV,
    DISTINCTIVE_CSV, DOCUMENTS_CSV, DUPLICATES_CSV, GROUPS_CSV, GROUP_TERMS_CSV, KEYNESS_CSV,
    LANGUAGES_CSV, NGRAMS_CSV, ORTHOGRAPHY_CSV, QUALITY_CSV, TABLES, TERMS_CSV,
};

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::report::{Cells, Report, RowSource};
use crate::table::{write_csv, write_csv_chunked, Column, CsvCells, Table};

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
    /// How text cells are written.
    cells: CsvCells,
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
            cells: CsvCells::Exact,
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
    /// in parallel.
    pub(crate) fn chunked(
        name: &'static str,
        columns: &'static [Column],
        make: impl Fn() -> RowSource<'a> + Sync + 'a,
    ) -> Self {
        CsvFile {
            name,
            cells: CsvCells::Exact,
            rows: Rows::AnyOrder(columns, Box::new(make)),
        }
    }

    /// The same table, its text cells written as `cells` says.
    pub fn with_cells(mut self, cells: CsvCells) -> Self {
        self.cells = cells;
        self
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
                write_csv(&columns, cells, self.cells, out)
            }
            Rows::AnyOrder(columns, make) => {
                let source = make();
                write_csv_chunked(columns, source.len, &*source.row, self.cells, out)
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

/// `README.md`: what every file and column means, and which characters the charts
/// drew as placeholders.
pub struct ReadmeFile<'a>(pub &'a Report, pub MissingGlyphs);

impl ReportFile for ReadmeFile<'_> {
    fn name(&self) -> &str {
        "README.md"
    }
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(report_readme(&self.0.summary.options, &self.1).as_bytes())
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

/// Every file of the report, charts included, in the order they are written, and
/// the characters the charts drew as placeholders. `corpus` names the corpus in
/// chart titles and on the page; `cells` says how the CSV tables' text cells are
/// written.
pub fn report_files_with_charts<'a>(
    report: &'a Report,
    corpus: &str,
    cells: CsvCells,
) -> Result<(Vec<Box<dyn ReportFile + 'a>>, MissingGlyphs), ChartError> {
    let charts = render_charts(report, corpus)?;
    let missing = MissingGlyphs::of(&charts);
    let index = index_html(report, corpus, &charts);
    let mut files = tables_and_readme(report, cells, missing.clone());
    files.push(Box::new(IndexFile(index)));
    files.extend(
        charts
            .into_iter()
            .map(|c| Box::new(PngFile(c)) as Box<dyn ReportFile>),
    );
    Ok((files, missing))
}

/// Every table of the report, with summary.json and README.md (no charts).
pub fn report_files(report: &Report, cells: CsvCells) -> Vec<Box<dyn ReportFile + '_>> {
    tables_and_readme(report, cells, MissingGlyphs::default())
}

/// [`report_files`], with a README that names the charts' `missing` characters.
fn tables_and_readme(
    report: &Report,
    cells: CsvCells,
    missing: MissingGlyphs,
) -> Vec<Box<dyn ReportFile + '_>> {
    let mut files: Vec<Box<dyn ReportFile>> = vec![Box::new(SummaryFile(report))];
    for spec in TABLES.iter().filter(|spec| spec.is_in(report)) {
        files.push(Box::new(CsvFile::of_spec(spec, report).with_cells(cells)));
    }
    files.push(Box::new(ReadmeFile(report, missing)));
    files
}

/// Every table of the report as Parquet (`report --parquet`), beside the CSV files.
#[cfg(feature = "parquet")]
pub fn parquet_files(report: &Report) -> Vec<Box<dyn ReportFile + '_>> {
    TABLES
        .iter()
        .filter(|spec| spec.is_in(report))
        .chain(std::iter::once(&tables::DOCUMENT_TERMS_PARQUET))
        .map(|spec| Box::new(ParquetTableFile::of_spec(spec, report)) as Box<dyn ReportFile>)
        .collect()
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
    // Written through the file itself: the temporary file's own writer would put
    // its hidden name into every error.
    {
        let mut out = BufWriter::new(temp.as_file());
        file.write(&mut out).map_err(&error)?;
        out.flush().map_err(&error)?;
    }
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
/// (see [`write_report_dir`]), its CSV cells exact.
pub fn write_report(
    dir: &Path,
    report: &Report,
    corpus: &str,
) -> Result<Vec<PathBuf>, ReportError> {
    let (files, _) = report_files_with_charts(report, corpus, CsvCells::Exact)?;
    Ok(crate::output::report_dir::write_report_dir(dir, &files)?)
}

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
