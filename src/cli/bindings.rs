//! The command line's work as calls, for the Python package (`python/`): the
//! arguments of `corpstat report` parsed and checked by the command line's own
//! parser, so that every option has the same name, values and errors; documents
//! from files or from memory; and the report as values (its summary, its tables as
//! Arrow record batches) or written into a folder, byte for byte as the command
//! writes it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use clap::FromArgMatches;

use super::corpus_run::{thread_pool, Analyzed};
use super::report::{write_report, ReportArgs};
use super::{applies, command, taken_groups, Cli, Command};
use crate::input::{TextRecord, RECORDS_SOURCE};
use crate::output::TABLES;
use crate::{Corpus, Report};

/// Options of `corpstat report` that a call does not take: where and how the
/// command prints or writes, which a caller does with the result instead.
const NOT_CALL_OPTIONS: &[(&str, &str)] = &[
    ("output", "write the report with Report.write(folder)"),
    ("quiet", "a call prints nothing but warnings"),
    ("timings", "time the call itself"),
];

/// The file a word list given in a call as words is named by in `summary.json`.
pub const GIVEN_WORD_LIST: &str = "(words given in the call)";

/// An option of `corpstat report`, as a call takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallOption {
    /// Its name in a call: the long option's, with `_` for `-` (`cooc_scope`).
    pub name: String,
    /// Whether it takes a value (`--ngrams 1-3`) or is a switch (`--stem`).
    pub takes_value: bool,
    /// Whether it may be given more than once (`--no-fold alef --no-fold yeh`).
    pub repeatable: bool,
    /// The character that separates several values in one (`--kwic a,b`).
    pub delimiter: Option<char>,
}

/// The options of `corpstat report` that a call does not take, with what to do
/// instead.
pub fn not_call_options() -> &'static [(&'static str, &'static str)] {
    NOT_CALL_OPTIONS
}

/// Every option of `corpstat report` that a call takes, in the order of `--help`.
pub fn report_options() -> Vec<CallOption> {
    let command = command();
    let Some(report) = command.find_subcommand("report") else {
        return Vec::new();
    };
    report
        .get_arguments()
        .filter(|arg| !arg.is_positional() && arg.get_long().is_some())
        .filter(|arg| !NOT_CALL_OPTIONS.iter().any(|(id, _)| arg.get_id() == *id))
        .map(|arg| {
            let action = arg.get_action();
            CallOption {
                name: arg.get_id().to_string(),
                takes_value: action.takes_values(),
                repeatable: matches!(action, clap::ArgAction::Append),
                delimiter: arg.get_value_delimiter(),
            }
        })
        .filter(|option| option.name != "help")
        .collect()
}

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// An option or value the command line refuses; the message names it as the
    /// command line does (`--cooc-scope`).
    #[error("{0}")]
    Usage(String),
    /// A path that cannot be read at all.
    #[error("{path}: {message}")]
    Unreadable {
        /// The path given.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// Nothing to count: no document in the input.
    #[error("{0}")]
    Empty(String),
    /// The caller set the stop flag.
    #[error("stopped")]
    Stopped,
    /// Anything else (the worker threads could not start, a write failed).
    #[error("{0}")]
    Failed(String),
}

/// `corpstat report` with its arguments parsed and checked, ready to run.
pub struct ReportCall {
    args: ReportArgs,
}

impl ReportCall {
    /// Parses the arguments of `corpstat report` (those after `report`), with the
    /// command line's parser: the same names, values and refusals.
    pub fn parse<I, T>(args: I) -> Result<ReportCall, CallError>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let mut argv: Vec<OsString> = vec!["corpstat".into(), "report".into()];
        argv.extend(args.into_iter().map(Into::into));
        let matches = command()
            .try_get_matches_from(argv)
            .map_err(|e| CallError::Usage(usage_message(&e)))?;
        if let Some(refusal) = applies::refusal(&matches, &taken_groups()) {
            return Err(CallError::Usage(refusal));
        }
        let given = |id: &str| {
            matches
                .subcommand_matches("report")
                .is_some_and(|m| m.value_source(id) == Some(clap::parser::ValueSource::CommandLine))
        };
        if let Some((id, instead)) = NOT_CALL_OPTIONS.iter().find(|(id, _)| given(id)) {
            return Err(CallError::Usage(format!(
                "--{} is not an option of a call: {instead}",
                id.replace('_', "-")
            )));
        }
        match Cli::from_arg_matches(&matches) {
            Ok(Cli {
                command: Command::Report(args),
            }) => {
                let mut args = args;
                args.complete();
                // A call writes where Report.write says, not into `reports`: no
                // folder is kept out of the reading.
                args.corpus.exclude.clear();
                Ok(ReportCall { args })
            }
            Ok(_) => Err(CallError::Usage("not a report".to_string())),
            Err(e) => Err(CallError::Usage(usage_message(&e))),
        }
    }

    /// Sets the word list of `option` (`stopwords` or `ignore`) to `words`, given
    /// in the call rather than in a file; `summary.json` names its file
    /// [`GIVEN_WORD_LIST`].
    pub fn give_word_list(&mut self, option: &str, words: &[String]) -> Result<(), CallError> {
        let text: String = words.iter().map(|w| format!("{w}\n")).collect();
        let list = crate::WordList::parse(GIVEN_WORD_LIST, text.as_bytes())
            .map_err(|e| CallError::Usage(format!("{option}: {e}")))?;
        let corpus = &mut self.args.corpus;
        match option {
            "stopwords" => corpus.stopwords = Some(list),
            "ignore" => corpus.ignore = Some(list),
            _ => {
                return Err(CallError::Usage(format!(
                    "{option} is not a word list option"
                )))
            }
        }
        Ok(())
    }

    /// Whether input paths were given.
    pub fn has_paths(&self) -> bool {
        !self.args.corpus.paths.is_empty()
    }

    /// Counts the corpus and makes its tables: the paths given, or `records` (then
    /// the call must have no paths), on the threads asked for. Reading stops when
    /// `stop` is set, and the call returns [`CallError::Stopped`]. The input's
    /// problems are in the result ([`ReportRun::problem_lines`]), not printed.
    pub fn run<I>(&self, records: Option<I>, stop: Arc<AtomicBool>) -> Result<ReportRun, CallError>
    where
        I: Iterator<Item = TextRecord> + Send + 'static,
    {
        let corpus_args = &self.args.corpus;
        let options = corpus_args.options();
        let paths = match &records {
            Some(_) if self.has_paths() => {
                return Err(CallError::Usage(
                    "give the documents as paths or as texts, not both".to_string(),
                ))
            }
            Some(_) => Vec::new(),
            None if self.has_paths() => corpus_args.paths.clone(),
            None => return Err(CallError::Usage("give paths or texts to read".to_string())),
        };
        if !corpus_args.kwic.is_empty() && records.is_some() {
            return Err(CallError::Usage(
                "--kwic reads the documents that hold the words a second time, and texts given in memory are not kept: write them to files".to_string(),
            ));
        }
        let pool =
            thread_pool(corpus_args.threads).map_err(|e| CallError::Failed(format!("{e:#}")))?;
        let (report, times) = pool.install(|| -> Result<_, CallError> {
            let mut corpus = Corpus::new(options).map_err(|e| CallError::Usage(e.to_string()))?;
            corpus.stop_when(Arc::clone(&stop));
            match records {
                Some(records) => corpus.add_records(records),
                None => corpus.add_paths(&paths, &mut |_| {}).map_err(|e| match e {
                    crate::input::InputError::Missing(path) => CallError::Unreadable {
                        path: PathBuf::from(path),
                        message: "no such file or folder".to_string(),
                    },
                })?,
            }
            if stop.load(Ordering::Relaxed) {
                return Err(CallError::Stopped);
            }
            if corpus.documents() == 0 {
                let problems: Vec<String> =
                    corpus.problems().iter().map(|p| p.to_string()).collect();
                let what = if paths.is_empty() {
                    "the texts given".to_string()
                } else {
                    paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                return Err(CallError::Empty(if problems.is_empty() {
                    format!("no documents found in {what}: nothing to count")
                } else {
                    format!(
                        "nothing to count: no document of {what} could be read ({})",
                        problems.join("; ")
                    )
                }));
            }
            let times = corpus.stage_times();
            let mut report = corpus.finish();
            if !paths.is_empty() {
                report.read_concordance_lines(std::slice::from_ref(&paths));
            }
            Ok((report, times))
        })?;
        let name = match (&self.args.name, paths.is_empty()) {
            (Some(name), _) => name.clone(),
            (None, true) => RECORDS_SOURCE.to_string(),
            (None, false) => corpus_args.name(),
        };
        let partial = !report.summary().problems.is_empty() && !corpus_args.allow_partial;
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

/// The text of a parse error without clap's `error: ` and its closing hint.
fn usage_message(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let text = rendered.trim().trim_start_matches("error: ");
    text.lines()
        .take_while(|line| !line.starts_with("For more information") && !line.starts_with("Usage:"))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// A counted corpus and its tables, as a call returns them.
pub struct ReportRun {
    analyzed: Analyzed,
    name: String,
    files: super::report::FileArgs,
}

impl ReportRun {
    /// The report.
    pub fn report(&self) -> &Report {
        &self.analyzed.report
    }

    /// The lines the command prints on stderr for the input's notices and problems,
    /// in its order and words (without its `corpstat: ` prefix).
    pub fn problem_lines(&self) -> Vec<String> {
        let s = self.analyzed.report.summary();
        let mut lines: Vec<String> = s.notices.iter().map(|n| format!("notice: {n}")).collect();
        lines.extend(s.problems.iter().map(|p| p.to_string()));
        if let Some(more) = super::corpus_run::unlisted_problems(
            s.problems.len(),
            s.problems_total,
            &s.problems_by_kind,
        ) {
            lines.push(more);
        }
        lines
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
        Some(
            crate::output::arrow_batches(spec, &self.analyzed.report)
                .map_err(|e| CallError::Failed(e.to_string())),
        )
    }

    /// Writes the report into `folder` as `corpstat report -o FOLDER` would, with
    /// the same options: the same files, byte for byte.
    pub fn write(&self, folder: &Path) -> Result<(), CallError> {
        super::report::refuse_a_file_as_folder(folder)
            .map_err(|e| CallError::Failed(format!("{e:#}")))?;
        write_report(&self.analyzed, &self.name, folder, true, self.files)
            .map_err(|e| CallError::Failed(format!("{e:#}")))
    }
}
