//! The command line's work as calls, for the Python package (`python/`): the
//! arguments of a subcommand parsed and checked by the command line's own parser,
//! so that every option has the same name, values and errors; documents from files
//! or from memory; and the results as values (a report's summary and tables, a
//! subcommand's table, as Arrow record batches) or written into a folder, byte for
//! byte as the command writes it. `report` is [`ReportCall`]; `kwic` and
//! `collocates`, which print one table, are [`TableCall`].

mod report;
mod table;

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use clap::FromArgMatches;

use super::corpus_args::CorpusArgs;
use super::corpus_run::{named, CountError, Documents};
use super::{applies, command, taken_groups, Cli, Command};
use crate::input::{InputError, TextRecord};
use crate::timing::StageTimes;
use crate::{Corpus, Report};

pub use report::{ReportCall, ReportRun};
pub use table::{TableCall, TableRun};

/// Manages the process's memory as the `corpstat` program does (glibc's
/// allocator tuned, the memory each batch frees handed back to the system): what
/// the Python package does when it is imported, since its calls count corpora in
/// the interpreter's process. Without it the same report peaks about a third
/// higher there (measured in `docs/PYTHON.md`).
pub fn manage_memory_as_the_program() {
    super::manage_memory_as_a_program();
}

/// The subcommands a call can run.
pub const CALLS: &[&str] = &["report", "kwic", "collocates"];

/// Options of the subcommands that a call does not take: where and how the command
/// prints or writes, which a caller does with the result instead.
const NOT_CALL_OPTIONS: &[(&str, &str)] = &[
    ("output", "write the report with Report.write(folder)"),
    ("quiet", "a call prints nothing but warnings"),
    ("timings", "time the call itself"),
    ("format", "a call returns an Arrow table"),
    (
        "csv_formula_guard",
        "a call returns an Arrow table; Report.write writes exact cells",
    ),
];

/// The file a word list given in a call as words is named by in `summary.json`.
pub const GIVEN_WORD_LIST: &str = "(words given in the call)";

/// An option of a subcommand, as a call takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallOption {
    /// Its name in a call: the long option's, with `_` for `-` (`cooc_scope`).
    pub name: String,
    /// Whether it takes a value (`--ngrams 1..3`) or is a switch (`--stem`).
    pub takes_value: bool,
    /// Whether it may be given more than once (`--no-fold alef --no-fold yeh-kaf`).
    pub repeatable: bool,
    /// The character that separates several values in one (`--langs ara,fas`).
    pub delimiter: Option<char>,
}

/// The options of `subcommand` that a call does not take, with what to do instead.
pub fn not_call_options() -> &'static [(&'static str, &'static str)] {
    NOT_CALL_OPTIONS
}

/// Every option of `subcommand` (one of [`CALLS`]) that a call takes, in the order
/// of its `--help`; none for another name.
pub fn call_options(subcommand: &str) -> Vec<CallOption> {
    let command = command();
    let Some(sub) = command
        .find_subcommand(subcommand)
        .filter(|_| CALLS.contains(&subcommand))
    else {
        return Vec::new();
    };
    sub.get_arguments()
        .filter(|arg| !arg.is_positional() && arg.get_long().is_some())
        .filter(|arg| arg.get_id() != "help" && !arg.is_hide_set())
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
        .collect()
}

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// An option or value the command line refuses; the message names it as the
    /// command line does (`--cooc-scope`).
    #[error("{0}")]
    Usage(String),
    /// A path given that does not exist.
    #[error("{0}: no such file or folder")]
    Missing(PathBuf),
    /// Input that could not be read at all: every document of it was skipped.
    #[error("{message}")]
    Unreadable {
        /// The first file that could not be read.
        path: PathBuf,
        /// Every problem, as the command prints them.
        message: String,
    },
    /// Nothing to count: no document in the input.
    #[error("{0}")]
    Empty(String),
    /// The word asked about is not in the corpus (`collocates`).
    #[error("{0}")]
    NotFound(String),
    /// The caller set the stop flag.
    #[error("stopped")]
    Stopped,
    /// Anything else (the worker threads could not start, a write failed).
    #[error("{0}")]
    Failed(String),
}

impl CallError {
    fn failed(error: impl std::fmt::Display) -> CallError {
        CallError::Failed(error.to_string())
    }
}

/// Parses the arguments of `subcommand` (those after its name) with the command
/// line's parser: the same names, values and refusals.
fn parse_command<I, T>(subcommand: &str, args: I) -> Result<Command, CallError>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    if !CALLS.contains(&subcommand) {
        return Err(CallError::Usage(format!(
            "{subcommand:?} is not a subcommand a call runs ({})",
            CALLS.join(", ")
        )));
    }
    let mut argv: Vec<OsString> = vec!["corpstat".into(), subcommand.into()];
    argv.extend(args.into_iter().map(Into::into));
    let matches = command()
        .try_get_matches_from(argv)
        .map_err(|e| CallError::Usage(usage_message(&e)))?;
    if let Some(refusal) = applies::refusal(&matches, &taken_groups()) {
        return Err(CallError::Usage(refusal));
    }
    let given = |id: &str| {
        matches.subcommand_matches(subcommand).is_some_and(|m| {
            m.try_contains_id(id).unwrap_or(false)
                && m.value_source(id) == Some(clap::parser::ValueSource::CommandLine)
        })
    };
    if let Some((id, instead)) = NOT_CALL_OPTIONS.iter().find(|(id, _)| given(id)) {
        return Err(CallError::Usage(format!(
            "--{} is not an option of a call: {instead}",
            id.replace('_', "-")
        )));
    }
    Cli::from_arg_matches(&matches)
        .map(|cli| cli.command)
        .map_err(|e| CallError::Usage(usage_message(&e)))
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

/// Sets the word list of `option` (`stopwords` or `ignore`) of `corpus` to
/// `words`, given in a call rather than in a file; `summary.json` names its file
/// [`GIVEN_WORD_LIST`].
fn give_word_list(
    corpus: &mut CorpusArgs,
    option: &str,
    words: &[String],
) -> Result<(), CallError> {
    let text: String = words.iter().map(|w| format!("{w}\n")).collect();
    let list = crate::WordList::parse(GIVEN_WORD_LIST, text.as_bytes())
        .map_err(|e| CallError::Usage(format!("{option}: {e}")))?;
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

/// The documents of a call: its paths, or `records` (a call gives one or the other).
fn documents<I>(corpus: &CorpusArgs, records: Option<I>) -> Result<Documents<I>, CallError> {
    match (records, corpus.paths.is_empty()) {
        (Some(_), false) => Err(CallError::Usage(
            "give the documents as paths or as texts, not both".to_string(),
        )),
        (Some(records), true) => Ok(Documents::Records(records)),
        (None, false) => Ok(Documents::Paths(corpus.paths.clone())),
        (None, true) => Err(CallError::Usage("give paths or texts to read".to_string())),
    }
}

/// The error for a path given that does not exist.
fn missing(error: InputError) -> CallError {
    match error {
        InputError::Missing(path) => CallError::Missing(PathBuf::from(path)),
    }
}

/// Reads and counts the corpus of `corpus` (its paths, or `records`), on the
/// threads it asks for, then makes its report with `finish`; stops with
/// [`CallError::Stopped`] when `stop` is set. Returns the report, the stage times
/// and the paths read.
fn count<I>(
    corpus: &CorpusArgs,
    records: Option<I>,
    stop: &Arc<AtomicBool>,
    finish: impl FnOnce(Corpus, &[PathBuf]) -> Report + Send,
) -> Result<(Report, Arc<StageTimes>, Vec<PathBuf>), CallError>
where
    I: Iterator<Item = TextRecord> + Send + 'static,
{
    let documents = documents(corpus, records)?;
    let counted = corpus.count_documents(
        documents,
        Some(Arc::clone(stop)),
        &mut |_| {},
        |counted, paths| (finish(counted, paths), paths.to_vec()),
    );
    match counted {
        Ok(((report, paths), times)) => Ok((report, times, paths)),
        Err(CountError::Options(message)) => Err(CallError::Usage(message)),
        Err(CountError::Threads(message)) => Err(CallError::Failed(message)),
        Err(CountError::Missing(error)) => Err(missing(error)),
        Err(CountError::Stopped) => Err(CallError::Stopped),
        Err(CountError::NothingToCount { paths, problems }) => {
            let Some(first) = problems.first() else {
                return Err(CallError::Empty(format!(
                    "no documents found in {}: nothing to count",
                    named(&paths)
                )));
            };
            let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            Err(CallError::Unreadable {
                path: PathBuf::from(&first.source),
                message: format!(
                    "nothing to count: no document of {} could be read ({})",
                    named(&paths),
                    lines.join("; ")
                ),
            })
        }
    }
}

/// The lines the command prints on stderr for a run's notices and problems, in its
/// order and words (without its `corpstat: ` prefix).
fn problem_lines(
    notices: &[crate::input::Notice],
    problems: &[crate::input::Problem],
    total: u64,
    by_kind: &std::collections::BTreeMap<crate::input::ProblemKind, u64>,
) -> Vec<String> {
    let mut lines: Vec<String> = notices.iter().map(|n| format!("notice: {n}")).collect();
    lines.extend(problems.iter().map(|p| p.to_string()));
    lines.extend(super::corpus_run::unlisted_problems(
        problems.len(),
        total,
        by_kind,
    ));
    lines
}

/// The lines of a report's notices and problems (see [`problem_lines`]).
fn report_problem_lines(report: &Report) -> Vec<String> {
    let s = report.summary();
    problem_lines(
        &s.notices,
        &s.problems,
        s.problems_total,
        &s.problems_by_kind,
    )
}
