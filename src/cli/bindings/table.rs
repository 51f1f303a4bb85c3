//! `corpstat kwic` and `corpstat collocates` as calls: the one table each prints,
//! as Arrow record batches.

use std::ffi::OsString;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

use super::{
    count, documents, give_word_list, missing, parse_command, problem_lines, report_problem_lines,
    CallError,
};
use crate::cli::corpus_run::Documents;
use crate::cli::Command;
use crate::input::{DocumentStream, TextRecord};
use crate::table::Table;

/// `corpstat kwic` or `corpstat collocates` with its arguments parsed and checked.
pub struct TableCall {
    command: Command,
}

/// The table a call made, and the lines the command would print on stderr for the
/// input's problems.
pub struct TableRun {
    /// The table's schema: its columns, typed as a report's Parquet tables are.
    pub schema: SchemaRef,
    /// Its rows.
    pub batches: Vec<RecordBatch>,
    /// The input's notices and problems, as the command prints them.
    pub problem_lines: Vec<String>,
}

impl TableCall {
    /// Parses the arguments of `subcommand` (`kwic` or `collocates`), those after
    /// its name: the query or word first, then the options and paths.
    pub fn parse<I, T>(subcommand: &str, args: I) -> Result<TableCall, CallError>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        match parse_command(subcommand, args)? {
            command @ (Command::Kwic(_) | Command::Collocates(_)) => Ok(TableCall { command }),
            _ => Err(CallError::Usage(format!(
                "{subcommand} does not print one table"
            ))),
        }
    }

    /// Sets the word list of `option` (`stopwords` or `ignore`) to `words`, given
    /// in the call rather than in a file.
    pub fn give_word_list(&mut self, option: &str, words: &[String]) -> Result<(), CallError> {
        let corpus = match &mut self.command {
            Command::Kwic(args) => &mut args.corpus,
            Command::Collocates(args) => &mut args.corpus,
            _ => return Err(CallError::Usage("not a table call".to_string())),
        };
        give_word_list(corpus, option, words)
    }

    /// Runs it on the paths given or on `records`; reading stops when `stop` is set.
    pub fn run<I>(&self, records: Option<I>, stop: Arc<AtomicBool>) -> Result<TableRun, CallError>
    where
        I: Iterator<Item = TextRecord> + Send + 'static,
    {
        let (table, problem_lines) = match &self.command {
            Command::Kwic(args) => {
                let stream = match documents(&args.corpus, records)? {
                    Documents::Records(records) => {
                        DocumentStream::of_records(records, args.corpus.options().input)
                    }
                    Documents::Paths(_) => super::super::kwic::stream_of(args).map_err(|e| {
                        match e.downcast::<crate::input::InputError>() {
                            Ok(missing_path) => missing(missing_path),
                            Err(e) => CallError::Failed(format!("{e:#}")),
                        }
                    })?,
                };
                let stopped = || stop.load(Ordering::Relaxed);
                let found = super::super::kwic::find(args, stream, &stopped)
                    .map_err(|e| CallError::Usage(format!("{e:#}")))?;
                if stopped() {
                    return Err(CallError::Stopped);
                }
                if found.documents == 0 && found.problems.is_empty() {
                    return Err(CallError::Empty(
                        "no documents found: nothing to search".to_string(),
                    ));
                }
                let total = found.problems.len() as u64;
                let mut by_kind = std::collections::BTreeMap::new();
                for p in &found.problems {
                    *by_kind.entry(p.kind).or_insert(0u64) += 1;
                }
                let lines = problem_lines(&[], &found.problems, total, &by_kind);
                (found.table, lines)
            }
            Command::Collocates(args) => {
                let corpus = args.counting();
                let (report, _, _) = count(&corpus, records, &stop, |counted, _| counted.finish())?;
                let table = args
                    .table(&report)
                    .map_err(|e| CallError::NotFound(format!("{e:#}")))?;
                (table, report_problem_lines(&report))
            }
            _ => return Err(CallError::Usage("not a table call".to_string())),
        };
        table_run(table, problem_lines)
    }
}

fn table_run(table: Table, problem_lines: Vec<String>) -> Result<TableRun, CallError> {
    let (schema, batches) = crate::output::table_batches(table).map_err(CallError::failed)?;
    Ok(TableRun {
        schema,
        batches,
        problem_lines,
    })
}
