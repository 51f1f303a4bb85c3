//! `corpstat report` as a call: [`ReportCall`] counts, [`ReportRun`] holds the
//! report, its tables as Arrow, and writes its folder.

use std::ffi::OsString;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

use super::{count, give_word_list, parse_command, report_problem_lines, CallError};
use crate::cli::corpus_run::Analyzed;
use crate::cli::report::{refuse_a_file_as_folder, write_report, FileArgs, ReportArgs};
use crate::cli::Command;
use crate::input::{TextRecord, RECORDS_SOURCE};
use crate::output::TABLES;
use crate::Report;

/// `corpstat report` with its arguments parsed and checked, ready to run.
pub struct ReportCall {
    args: ReportArgs,
}

impl ReportCall {
    /// Parses the arguments of `corpstat report` (those after `report`).
    pub fn parse<I, T>(args: I) -> Result<ReportCall, CallError>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let Command::Report(mut args) = parse_command("report", args)? else {
            return Err(CallError::Usage("not a report".to_string()));
        };
        args.complete();
        // A call writes where Report.write says, not into `reports`: no folder is
        // kept out of the reading.
        args.corpus.exclude.clear();
        Ok(ReportCall { args })
    }

    /// Sets the word list of `option` (`stopwords` or `ignore`) to `words`, given
    /// in the call rather than in a file (see [`GIVEN_WORD_LIST`](super::GIVEN_WORD_LIST)).
    pub fn give_word_list(&mut self, option: &str, words: &[String]) -> Result<(), CallError> {
        give_word_list(&mut self.args.corpus, option, words)
    }

    /// Counts the corpus and makes its tables: the paths given, or `records` (then
    /// the call must have no paths), on the threads asked for. Reading stops when
    /// `stop` is set, and the call returns [`CallError::Stopped`]. The input's
    /// problems are in the result ([`ReportRun::problem_lines`]), not printed.
    pub fn run<I>(&self, records: Option<I>, stop: Arc<AtomicBool>) -> Result<ReportRun, CallError>
    where
        I: Iterator<Item = TextRecord> + Send + 'static,
    {
        let corpus = &self.args.corpus;
        if !corpus.kwic.is_empty() && records.is_some() {
            return Err(CallError::Usage(
                "--kwic reads the documents that hold the words a second time, and texts given in memory are not kept: write them to files".to_string(),
            ));
        }
        let (report, times, paths) = count(corpus, records, &stop, |counted, paths| {
            let mut report = counted.finish();
            if !paths.is_empty() {
                report.read_concordance_lines(&[paths.to_vec()]);
            }
            report
        })?;
        let name = match (&self.args.name, paths.is_empty()) {
            (Some(name), _) => name.clone(),
            (None, true) => RECORDS_SOURCE.to_string(),
            (None, false) => corpus.name(),
        };
        let partial = !report.summary().problems.is_empty() && !corpus.allow_partial;
        Ok(ReportRun {
            analyzed: Analyzed {
                report,
                partial,
                times,
                timings: None,
            },
            name,
            files: self.args.files,
        })
    }
}

/// A counted corpus and its tables, as a call returns them.
pub struct ReportRun {
    analyzed: Analyzed,
    name: String,
    files: FileArgs,
}

impl ReportRun {
    /// The report.
    pub fn report(&self) -> &Report {
        &self.analyzed.report
    }

    /// The lines the command prints on stderr for the input's notices and problems,
    /// in its order and words (without its `corpstat: ` prefix).
    pub fn problem_lines(&self) -> Vec<String> {
        report_problem_lines(&self.analyzed.report)
    }

    /// `summary.json`, as the command writes it.
    pub fn summary_json(&self) -> String {
        let mut json = Vec::new();
        // Writing into a vector cannot fail, and serde_json writes UTF-8.
        let _ = crate::output::ReportFile::write(
            &crate::output::SummaryFile(&self.analyzed.report),
            &mut json,
        );
        String::from_utf8_lossy(&json).into_owned()
    }

    /// The names of the report's tables, as their CSV files are named without
    /// `.csv` (`terms`, `ngrams`, ...), in the order the report lists them.
    pub fn table_names(&self) -> Vec<&'static str> {
        TABLES
            .iter()
            .filter(|spec| spec.is_in(&self.analyzed.report))
            .map(|spec| spec.name.trim_end_matches(".csv"))
            .collect()
    }

    /// The table `name` (see [`ReportRun::table_names`]) as Arrow record batches,
    /// typed as `report --parquet` writes it; `None` when the report has no such
    /// table.
    pub fn table(&self, name: &str) -> Option<Result<(SchemaRef, Vec<RecordBatch>), CallError>> {
        let spec = TABLES
            .iter()
            .filter(|spec| spec.is_in(&self.analyzed.report))
            .find(|spec| spec.name.trim_end_matches(".csv") == name)?;
        Some(crate::output::arrow_batches(spec, &self.analyzed.report).map_err(CallError::failed))
    }

    /// Writes the report into `folder` as `corpstat report -o FOLDER` would, with
    /// the same options: the same files, byte for byte.
    pub fn write(&self, folder: &Path) -> Result<(), CallError> {
        refuse_a_file_as_folder(folder).map_err(|e| CallError::Failed(format!("{e:#}")))?;
        write_report(&self.analyzed, &self.name, folder, true, self.files)
            .map_err(|e| CallError::Failed(format!("{e:#}")))
    }
}
