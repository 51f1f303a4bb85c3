//! The run that counts a corpus: the progress bar, the thread pool, `--timings`,
//! the input problems printed and the exit code they give.

use super::ExitCode;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use crate::input::{InputError, Problem, TextRecord};
use crate::timing::{Stage, StageTimes};
use crate::{Corpus, Report};
use anyhow::{bail, Context, Result};

use super::corpus_args::CorpusArgs;
use super::EXIT_ERROR;

/// The documents a count reads: the paths given, or texts given in memory.
pub(super) enum Documents<I> {
    /// Files and folders, read as the command line reads them.
    Paths(Vec<PathBuf>),
    /// Texts given in memory, read as the lines of a JSONL file of them.
    Records(I),
}

/// Why a corpus could not be counted.
#[derive(Debug, thiserror::Error)]
pub(super) enum CountError {
    /// The options refused (a word list that cannot be read, a bad value).
    #[error("{0}")]
    Options(String),
    /// The worker threads could not start.
    #[error("{0}")]
    Threads(String),
    /// A path given does not exist.
    #[error(transparent)]
    Missing(InputError),
    /// The caller set the stop flag.
    #[error("stopped")]
    Stopped,
    /// No document was read: `problems` says why (none when there were no documents).
    #[error("nothing to count in {}", named(paths))]
    NothingToCount {
        /// The paths read (none for texts given in memory).
        paths: Vec<PathBuf>,
        /// Every problem met.
        problems: Vec<Problem>,
    },
}

/// What `paths` names in a message (or the texts given, when it is empty).
pub(super) fn named(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "the texts given".to_string();
    }
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    names.join(", ")
}

impl CorpusArgs {
    /// A progress bar on stderr when it is a terminal (hidden otherwise, or with
    /// --quiet): the stage on its own, then, while reading files, the share of their
    /// bytes read (compressed bytes for a compressed file) and the time left; a
    /// spinner while reading standard input, whose size is not known.
    pub(super) fn progress_bar(&self) -> indicatif::ProgressBar {
        if self.quiet || !io::stderr().is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let paths = self.inputs().unwrap_or_default();
        let total: Option<u64> = crate::input::find_files(&paths, &self.options().input)
            .ok()
            .and_then(|(files, _)| files.iter().map(|f| f.size).sum());
        let bar = match total {
            Some(total) => indicatif::ProgressBar::new(total).with_style(
                indicatif::ProgressStyle::with_template(
                    "{prefix:<18} [{bar:30}] {percent:>3}%  {bytes}/{total_bytes}  ETA {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
            None => indicatif::ProgressBar::new_spinner().with_style(spinner_style()),
        };
        bar.set_prefix("reading");
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    }

    /// The progress bar past reading: the stage named, a spinner and the time it
    /// has taken (no rate or bytes, which no longer move).
    fn next_stage(progress: &indicatif::ProgressBar, stage: &str) {
        progress.set_style(spinner_style());
        progress.set_prefix(stage.to_string());
    }

    /// Reads and counts the corpus, then hands it to `finish` (on the worker
    /// threads): what `report` and the table subcommands make into a [`Report`],
    /// and `partial` writes as it is. An empty corpus is an error, its problems
    /// printed first.
    pub(super) fn count<T: Send>(
        &self,
        finish: impl FnOnce(Corpus) -> Result<T> + Send,
    ) -> Result<(T, Arc<StageTimes>)> {
        let paths = self.inputs()?;
        let progress = self.progress_bar();
        let counted = self.count_documents(
            Documents::<std::iter::Empty<TextRecord>>::Paths(paths),
            None,
            &mut |read| progress.set_position(read),
            |corpus, _| {
                Self::next_stage(&progress, "tables and charts");
                finish(corpus)
            },
        );
        progress.finish_and_clear();
        match counted {
            Ok((made, times)) => Ok((made?, times)),
            Err(CountError::NothingToCount { paths, problems }) => {
                for problem in &problems {
                    eprintln!("corpstat: {problem}");
                }
                if !problems.is_empty() {
                    // The problems above say why; "no documents found" would mislead.
                    bail!(
                        "nothing to count: no document of {} could be read ({} problem(s) above)",
                        named(&paths),
                        problems.len()
                    );
                }
                bail!(
                    "no documents found in {}: nothing to count (folders are searched recursively; hidden files are skipped)",
                    named(&paths)
                );
            }
            Err(other) => Err(anyhow::anyhow!(other)),
        }
    }

    /// Reads and counts `documents` on the threads asked for, then hands the
    /// corpus and the paths read to `finish`: the one count behind the command
    /// line and the bindings, which differ only in how they say what went wrong.
    /// Reading stops when `stop` is set ([`CountError::Stopped`]); `on_read` is
    /// told the bytes read so far.
    pub(super) fn count_documents<I, T: Send>(
        &self,
        documents: Documents<I>,
        stop: Option<Arc<AtomicBool>>,
        on_read: &mut (dyn FnMut(u64) + Send),
        finish: impl FnOnce(Corpus, &[PathBuf]) -> T + Send,
    ) -> Result<(T, Arc<StageTimes>), CountError>
    where
        I: Iterator<Item = TextRecord> + Send + 'static,
    {
        let pool = thread_pool(self.threads).map_err(|e| CountError::Threads(format!("{e:#}")))?;
        pool.install(|| {
            let mut corpus =
                Corpus::new(self.options()).map_err(|e| CountError::Options(e.to_string()))?;
            if let Some(stop) = &stop {
                corpus.stop_when(Arc::clone(stop));
            }
            let paths = match documents {
                Documents::Paths(paths) => {
                    corpus
                        .add_paths(&paths, on_read)
                        .map_err(CountError::Missing)?;
                    paths
                }
                Documents::Records(records) => {
                    corpus.add_records(records);
                    Vec::new()
                }
            };
            if stop.is_some_and(|stop| stop.load(Ordering::Relaxed)) {
                return Err(CountError::Stopped);
            }
            if corpus.documents() == 0 {
                return Err(CountError::NothingToCount {
                    problems: corpus.problems().to_vec(),
                    paths,
                });
            }
            let times = corpus.stage_times();
            Ok((finish(corpus, &paths), times))
        })
    }

    /// Reads and counts the corpus and makes its tables. Problems are printed to
    /// stderr, one line each. An empty corpus is an error.
    pub(super) fn analyze(&self) -> Result<Analyzed> {
        let timing = self.timings.then(Timing::start);
        let (report, times) = self.count(|corpus| Ok(corpus.finish()))?;
        Ok(Analyzed::new(report, times, self.allow_partial, timing))
    }

    /// As [`CorpusArgs::analyze`], then the documents that hold the report's
    /// concordance words read again for their lines (`corpstat report`).
    pub(super) fn analyze_with_concordance(&self) -> Result<Analyzed> {
        let timing = self.timings.then(Timing::start);
        let paths = self.inputs()?;
        let (report, times) = self.count(|corpus| {
            let times = corpus.stage_times();
            let mut report = corpus.finish();
            times.time(Stage::Concordance, || {
                report.read_concordance_lines(std::slice::from_ref(&paths))
            });
            Ok(report)
        })?;
        Ok(Analyzed::new(report, times, self.allow_partial, timing))
    }
}

/// What `--timings` measures besides the stage times: the wall time since the
/// run started, and how many cores the process kept busy.
pub(super) struct Timing {
    started: Instant,
    cores: Option<crate::timing::CoreUse>,
}

impl Timing {
    /// Starts the clock and the core sampler.
    pub(super) fn start() -> Timing {
        Timing {
            started: Instant::now(),
            cores: crate::timing::CoreUse::start(),
        }
    }

    /// Prints the time of each stage, the wall time, the time spent on one thread
    /// and the peak memory, on stderr.
    pub(super) fn print(&self, times: &StageTimes) {
        for line in times.lines() {
            eprintln!("corpstat: {line}");
        }
        let wall = self.started.elapsed().as_secs_f64();
        eprintln!("corpstat: {:<13}{wall:>8.3} s", "wall time");
        if let Some((sampled, one)) = self.cores.as_ref().and_then(|c| c.finish()) {
            let share = if sampled > 0.0 { one / sampled } else { 0.0 };
            eprintln!(
                "corpstat: {:<13}{one:>8.3} s {:>6.1}% of the wall time, with fewer than {} cores busy",
                "one thread",
                100.0 * share,
                crate::timing::ONE_THREAD_BELOW
            );
        }
        if let Some(peak) = crate::timing::peak_rss_bytes() {
            eprintln!(
                "corpstat: {:<13}{:>8.1} MB",
                "peak memory",
                peak as f64 / 1e6
            );
        }
    }
}

/// Prints the input problems to stderr: those listed one by one, then how many
/// more of each kind were counted but not listed.
pub(super) fn print_problems(
    problems: &[crate::input::Problem],
    total: u64,
    by_kind: &std::collections::BTreeMap<crate::input::ProblemKind, u64>,
) {
    for problem in problems {
        eprintln!("corpstat: {problem}");
    }
    if let Some(more) = unlisted_problems(problems.len(), total, by_kind) {
        eprintln!("corpstat: {more}");
    }
}

/// The line that says how many input problems of each kind were counted but not
/// listed, when some were not.
pub(super) fn unlisted_problems(
    listed: usize,
    total: u64,
    by_kind: &std::collections::BTreeMap<crate::input::ProblemKind, u64>,
) -> Option<String> {
    let unlisted = total.saturating_sub(listed as u64);
    if unlisted == 0 {
        return None;
    }
    let kinds: Vec<String> = by_kind
        .iter()
        .map(|(kind, n)| {
            format!(
                "{n} {}",
                serde_json::to_value(kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            )
        })
        .collect();
    Some(format!(
        "... and {unlisted} more input problem(s) not listed ({total} in all: {}); summary.json counts them under problems_by_kind",
        kinds.join(", ")
    ))
}

/// A counted corpus, and whether its input was incomplete.
pub(super) struct Analyzed {
    pub(super) report: Report,
    /// Some input was skipped or partly read, and --allow-partial was not given.
    pub(super) partial: bool,
    /// CPU time per stage.
    pub(super) times: Arc<StageTimes>,
    /// With --timings: when the run started.
    pub(super) timings: Option<Timing>,
}

impl Analyzed {
    /// A counted corpus; its problems are printed to stderr.
    pub(super) fn new(
        report: Report,
        times: Arc<StageTimes>,
        allow_partial: bool,
        timings: Option<Timing>,
    ) -> Analyzed {
        let s = report.summary();
        for notice in &s.notices {
            eprintln!("corpstat: notice: {notice}");
        }
        print_problems(&s.problems, s.problems_total, &s.problems_by_kind);
        let partial = !s.problems.is_empty() && !allow_partial;
        Analyzed {
            report,
            partial,
            times,
            timings,
        }
    }

    /// The exit code after printing or writing the result.
    pub(super) fn exit_code(&self) -> ExitCode {
        if let Some(timing) = &self.timings {
            timing.print(&self.times);
        }
        let summary = self.report.summary();
        if summary.tokens == 0 {
            // An empty corpus is an error for a CI job, though what could be
            // written (a report whose charts say "no data") was.
            eprintln!(
                "corpstat: the corpus is empty: {} document(s) without a single token; exiting with {EXIT_ERROR}",
                summary.documents
            );
            return ExitCode::from(EXIT_ERROR);
        }
        if self.partial {
            problems_exit(summary.problems_total)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// The progress line without a known end: the stage, a spinner, the time taken.
fn spinner_style() -> indicatif::ProgressStyle {
    indicatif::ProgressStyle::with_template("{prefix:<18} {spinner}  {elapsed}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner())
}

/// The worker threads: `threads` of them, or one per core.
pub(super) fn thread_pool(threads: Option<u16>) -> Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(threads) = threads {
        builder = builder.num_threads(usize::from(threads));
    }
    builder.build().context("cannot start the worker threads")
}

/// The exit code after `total` input problems, when --allow-partial was not given.
pub(super) fn problems_exit(total: u64) -> ExitCode {
    eprintln!(
        "corpstat: {total} input problem(s); exiting with {EXIT_ERROR} (--allow-partial exits 0)"
    );
    ExitCode::from(EXIT_ERROR)
}
