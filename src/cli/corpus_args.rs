//! What every subcommand that reads a corpus shares: the arguments for the
//! input, normalization and counting, turned into validated [`Options`] in one
//! place, and the run that counts the corpus with a progress bar.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use corpstat::input::InputFormat;
use corpstat::normalize::CaseMode;
use corpstat::normalize::NormalForm;
use corpstat::normalize::NormalizeOptions;
use corpstat::options::CoocOptions;
use corpstat::options::CoocScope;
use corpstat::options::StopwordsMode;
use corpstat::options::Tables;
use corpstat::timing::Stage;
use corpstat::timing::StageTimes;
use corpstat::tokenize::TokenRules;
use corpstat::{Corpus, GroupBy, InputOptions, Options, Report, WordList};

use super::EXIT_ERROR;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ExtraFold {
    /// ة → ه
    TehMarbuta,
}

/// What to read and how to count it: shared by every subcommand that reads a corpus.
#[derive(Args, Clone)]
pub(super) struct CorpusArgs {
    /// Files or folders to read (folders recursively, in sorted order), or - for
    /// stdin. None given: text piped in, else `seeds` when the current folder has one.
    pub(super) paths: Vec<PathBuf>,

    /// Input format; auto picks it from each file name (.jsonl, .csv, .tsv, else text;
    /// .gz/.zst compressed). lines: one document per non-blank line, ids FILE:LINE.
    #[arg(long, value_enum, default_value = "auto")]
    pub(super) input_format: InputFormat,

    /// JSONL field holding the text.
    #[arg(long, default_value = "text")]
    pub(super) text_field: String,

    /// JSONL field holding the document id (absent: file:line).
    #[arg(long, default_value = "id")]
    pub(super) id_field: String,

    /// CSV/TSV column holding the text (required for CSV/TSV input).
    #[arg(long)]
    pub(super) text_column: Option<String>,

    /// CSV/TSV column holding the document id (absent: file:line).
    #[arg(long)]
    pub(super) id_column: Option<String>,

    /// Normalization profile.
    #[arg(long, value_enum, default_value = "full")]
    pub(super) normalize: NormalForm,

    /// Case handling: fold lowercases (full Unicode).
    #[arg(long, value_enum, default_value = "fold")]
    pub(super) case: CaseMode,

    /// Switch off one step of the profile (repeatable).
    #[arg(long, value_name = "STEP")]
    pub(super) no_fold: Vec<String>,

    /// Switch on an optional folding step (repeatable).
    #[arg(long, value_enum, value_name = "STEP")]
    pub(super) fold: Vec<ExtraFold>,

    /// Join Persian prefixes (می, نمی) and suffixes (ها, های, تر, ترین) written apart, with a ZWNJ.
    #[arg(long)]
    pub(super) persian_zwnj_repair: bool,

    /// Stem Arabic-script words (Snowball Arabic light stemmer); tables show each stem's most frequent form.
    #[arg(long)]
    pub(super) stem: bool,

    /// Tokenization rules.
    #[arg(long, value_enum, default_value = "smart")]
    pub(super) tokens: TokenRules,

    /// Candidate languages for detection, ISO 639-3, comma-separated (default: all).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub(super) langs: Vec<String>,

    /// Ask the language model about every sentence instead of once per run of
    /// sentences whose evidence agrees (slower; for comparison).
    #[arg(long)]
    pub(super) detect_every_sentence: bool,

    /// Keep stopwords in distinctive terms and co-occurrence (they are always marked in terms.csv).
    #[arg(long)]
    pub(super) keep_stopwords: bool,

    /// Your own stopwords: a UTF-8 file, one word per line, folded like the terms
    /// and stopwords whatever the language. Recorded in summary.json with the
    /// SHA-256 of the file and its words.
    #[arg(long, value_name = "FILE", value_parser = read_word_list)]
    pub(super) stopwords: Option<WordList>,

    /// Whether --stopwords adds to the built-in lists of the corpus' languages or
    /// replaces them.
    #[arg(long, value_enum, default_value = "add", requires = "stopwords")]
    pub(super) stopwords_mode: StopwordsMode,

    /// Terms to take out of the text before counting (boilerplate such as
    /// "Advertisement"): a UTF-8 file, one word per line, folded like the terms.
    /// No table lists them, the token counts leave them out, and no n-gram or
    /// window reaches across the place where they stood. Recorded in summary.json
    /// with the SHA-256 of the file and its words.
    #[arg(long, value_name = "FILE", value_parser = read_word_list)]
    pub(super) ignore: Option<WordList>,

    /// List co-occurring pairs of every token kind, not only words.
    #[arg(long)]
    pub(super) cooc_all_kinds: bool,

    /// N-gram orders, as N or MIN..MAX (inclusive), from 1 to 32.
    #[arg(long, default_value = "1..3", value_parser = parse_range)]
    pub(super) ngrams: (usize, usize),

    /// Leave out n-grams of order 2 and up seen fewer times (order 1 is always complete).
    #[arg(long, default_value_t = 2)]
    pub(super) ngram_min_count: u64,

    /// Co-occurrence scope: tokens within --window in a sentence, or once per sentence or document.
    #[arg(long, value_enum, default_value = "window")]
    pub(super) cooc_scope: CoocScope,

    /// Largest distance in tokens for --cooc-scope window, 1 to 1000.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub(super) window: u16,

    /// Count (a, b) only when a comes first (window scope only).
    #[arg(long)]
    pub(super) ordered: bool,

    /// Leave out pairs seen fewer times.
    #[arg(long, default_value_t = 3)]
    pub(super) min_count: u64,

    /// Groups for groups.csv, group_terms.csv and keyness.csv: dir, lang, field:NAME or file:PATTERN=GROUP,...
    #[arg(long, value_parser = GroupBy::parse, value_name = "RULE")]
    pub(super) group_by: Option<GroupBy>,

    /// Keyness lists terms seen at least this often in target and reference together
    /// (two groups), or in the target itself (three groups or more).
    #[arg(long, default_value_t = 3)]
    pub(super) keyness_min_count: u64,

    /// Worker threads, 1 to 1024 (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub(super) threads: Option<u16>,

    /// Follow symbolic links found in folders (links named on the command line are
    /// always followed), as `rg -L` does; a link that leads out of the folder given
    /// is said on stderr and listed under notices in summary.json. Without it, a
    /// link is skipped and named as a problem.
    #[arg(short = 'L', long)]
    pub(super) follow: bool,

    /// Read every file as text, whatever it holds. Without it, a file with a NUL
    /// byte among its first 8 KiB, or NUL bytes over 1% of its bytes, is skipped as
    /// binary (a problem); stray NUL bytes elsewhere are dropped and counted (a
    /// nul_bytes problem) and the text is read, with or without --text.
    #[arg(short = 'a', long)]
    pub(super) text: bool,

    /// The encoding of input files without a byte order mark, as any WHATWG label
    /// (windows-1256 and iso-8859-6 for legacy Arabic and Persian, windows-1252,
    /// koi8-r, shift_jis, gbk, utf-16le, ...). Default: UTF-8.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub(super) encoding: Option<String>,

    /// Stop reading after SIZE bytes of decoded text (such as 500M, 2G), with a
    /// problem: a bound for CI jobs on inputs nobody looked at.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub(super) max_input_bytes: Option<u64>,

    /// Split documents longer than SIZE bytes into parts ID#1, ID#2, ... at line
    /// breaks (1K to 1G), so that no document is held whole; JSONL lines and CSV
    /// records longer than four times SIZE are skipped. Both are reported as problems.
    #[arg(long, value_name = "SIZE", default_value = "32M", value_parser = parse_document_size)]
    pub(super) max_document_bytes: u64,

    /// Folders never read (the report's own output folder).
    #[arg(skip)]
    pub(super) exclude: Vec<PathBuf>,

    /// The words of `corpstat report --kwic`, whose lines concordance.csv lists.
    #[arg(skip)]
    pub(super) kwic: Vec<String>,

    /// Keep each document's terms for document_terms.parquet (report --parquet).
    #[arg(skip)]
    pub(super) document_terms: bool,

    /// The large tables counted: a subcommand that prints neither n-grams nor
    /// pairs switches them off (see [`CorpusArgs::counting`]).
    #[arg(skip)]
    pub(super) tables: Tables,

    /// Exit 0 even when input was skipped or only partly read (problems are still reported).
    #[arg(long)]
    pub(super) allow_partial: bool,

    /// No progress bar and no summary line (problems and errors are still printed).
    #[arg(short, long)]
    pub(super) quiet: bool,

    /// Keep the n-gram and co-occurrence tables within half of SIZE (such as 100M,
    /// 2G; K, M and G are powers of 1024) by dropping their rarest entries (lossy
    /// counting), and read in smaller batches. Single-term counts stay exact;
    /// summary.json's "approximate" tells how far n-gram and pair counts may be off.
    /// At least 1M.
    #[arg(long, value_name = "SIZE", value_parser = parse_memory_limit)]
    pub(super) memory_limit: Option<u64>,

    /// When done, print to stderr the time each stage took (read, normalize, tokenize,
    /// count and language mix summed over threads; merge, tables, charts and write as
    /// elapsed), the wall time, the part of it spent on one thread (sampled every
    /// 20 ms: fewer than 1.5 cores busy) and the peak memory.
    #[arg(long)]
    pub(super) timings: bool,
}

/// A word list given as `--stopwords FILE` or `--ignore FILE`, read when the
/// arguments are: a file that cannot be read is an error before any input is.
fn read_word_list(path: &str) -> Result<WordList, String> {
    WordList::read(std::path::Path::new(path))
}

/// A size in bytes: a number, optionally followed by K, M or G (powers of 1024),
/// with or without a trailing B or iB.
pub(super) fn parse_size(s: &str) -> Result<u64, String> {
    let upper = s.trim().to_ascii_uppercase();
    let number = upper.trim_end_matches("IB").trim_end_matches('B');
    let (digits, scale) = match number.chars().last() {
        Some('K') => (&number[..number.len() - 1], 1u64 << 10),
        Some('M') => (&number[..number.len() - 1], 1 << 20),
        Some('G') => (&number[..number.len() - 1], 1 << 30),
        _ => (number, 1),
    };
    let value: f64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("\"{s}\" is not a size such as 100M, 2G or 500000000"))?;
    if !value.is_finite() || value <= 0.0 {
        return Err(format!("\"{s}\": the size must be positive"));
    }
    let bytes = value * scale as f64;
    // 1 EiB: beyond any machine, and far from where the conversion would saturate.
    if bytes > (1u64 << 60) as f64 {
        return Err(format!("\"{s}\": the size must be at most 1 EiB"));
    }
    Ok(bytes as u64)
}

pub(super) fn parse_range(s: &str) -> Result<(usize, usize), String> {
    let parse = |x: &str| {
        x.trim()
            .parse::<usize>()
            .map_err(|_| format!("not a number: {x:?}"))
    };
    let (min, max) = match s.split_once("..") {
        Some((a, b)) => (parse(a)?, parse(b.trim_start_matches('='))?),
        None => {
            let n = parse(s)?;
            (n, n)
        }
    };
    if min == 0 || min > max || max > MAX_NGRAM_ORDER {
        return Err(format!(
            "need 1 <= MIN <= MAX <= {MAX_NGRAM_ORDER}, got {s}"
        ));
    }
    Ok((min, max))
}

/// The longest n-gram order: each n-gram holds n term ids, and orders past a few
/// words count almost nothing but single occurrences.
pub(super) const MAX_NGRAM_ORDER: usize = 32;

/// `--max-document-bytes`: a size from 1K to 1G.
pub(super) fn parse_document_size(s: &str) -> Result<u64, String> {
    let size = parse_size(s)?;
    if !(1 << 10..=1 << 30).contains(&size) {
        return Err(format!("\"{s}\": give a size from 1K to 1G"));
    }
    Ok(size)
}

/// `--encoding`: a label encoding_rs knows, kept as its canonical name.
fn parse_encoding(label: &str) -> Result<String, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .map(|e| e.name().to_ascii_lowercase())
        .ok_or_else(|| {
            format!(
                "\"{label}\" is not an encoding label (windows-1256, iso-8859-6, utf-16le, ...)"
            )
        })
}

/// `--memory-limit`: a size of 1 MiB or more. Below that, the tables would be
/// pruned at every batch and a document part alone (1 MiB at least) would not fit.
pub(super) fn parse_memory_limit(s: &str) -> Result<u64, String> {
    let size = parse_size(s)?;
    if size < 1 << 20 {
        return Err(format!(
            "\"{s}\": the memory limit must be 1M or more (up to 1 EiB)"
        ));
    }
    Ok(size)
}

impl CorpusArgs {
    /// These arguments counting only `tables` of the large tables: a subcommand
    /// computes only what it prints.
    pub(super) fn counting(mut self, tables: Tables) -> CorpusArgs {
        self.tables = tables;
        self
    }

    /// The corpus' name in titles: the paths read, sorted as the input stage reads them.
    pub(super) fn name(&self) -> String {
        joined_names(&self.inputs().unwrap_or_default())
    }

    /// The paths to read: those given; with none, standard input when text is piped
    /// or redirected in, else `seeds` when the current folder has it.
    pub(super) fn inputs(&self) -> Result<Vec<PathBuf>> {
        if !self.paths.is_empty() {
            return Ok(self.paths.clone());
        }
        default_inputs()
    }

    pub(super) fn options(&self) -> Options {
        Options {
            normalize: NormalizeOptions {
                form: self.normalize,
                case: self.case,
                disabled: self.no_fold.clone(),
                teh_marbuta: self.fold.contains(&ExtraFold::TehMarbuta),
                persian_zwnj_repair: self.persian_zwnj_repair,
                stem: self.stem,
            },
            tokens: self.tokens,
            languages: self.langs.clone(),
            detect_every_sentence: self.detect_every_sentence,
            memory_limit: self.memory_limit,
            keep_stopwords: self.keep_stopwords,
            stopwords: self.stopwords.clone(),
            stopwords_mode: self.stopwords_mode,
            ignore: self.ignore.clone(),
            keyness_min_count: self.keyness_min_count,
            ngram_min: self.ngrams.0,
            ngram_max: self.ngrams.1,
            ngram_min_count: self.ngram_min_count,
            cooccurrence: CoocOptions {
                scope: self.cooc_scope,
                window: usize::from(self.window),
                ordered: self.ordered,
                all_kinds: self.cooc_all_kinds,
                min_count: self.min_count,
            },
            input: InputOptions {
                format: self.input_format,
                text_field: self.text_field.clone(),
                id_field: self.id_field.clone(),
                text_column: self.text_column.clone(),
                id_column: self.id_column.clone(),
                group_by: self.group_by.clone().unwrap_or_default(),
                follow_links: self.follow,
                as_text: self.text,
                encoding: self.encoding.clone(),
                max_document_bytes: usize::try_from(self.max_document_bytes)
                    .unwrap_or(corpstat::input::MAX_DOCUMENT_BYTES),
                max_input_bytes: self.max_input_bytes,
                exclude: self.exclude.clone(),
            },
            tables: self.tables,
            kwic: self.kwic.clone(),
            document_terms: self.document_terms,
            ..Options::default()
        }
    }

    /// A progress bar on stderr when it is a terminal (hidden otherwise, or with
    /// --quiet): the stage on its own, then, while reading files, the share of their
    /// bytes read (compressed bytes for a compressed file) and the time left; a
    /// spinner while reading standard input, whose size is not known.
    pub(super) fn progress_bar(&self) -> indicatif::ProgressBar {
        if self.quiet || !io::stderr().is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let paths = self.inputs().unwrap_or_default();
        let total: Option<u64> = corpstat::input::find_files(&paths, &self.options().input)
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
    /// and `partial` writes as it is. An empty corpus is an error.
    pub(super) fn count<T: Send>(
        &self,
        finish: impl FnOnce(Corpus) -> Result<T> + Send,
    ) -> Result<(T, Arc<StageTimes>)> {
        let options = self.options();
        let paths = self.inputs()?;
        let pool = thread_pool(self.threads)?;
        let progress = self.progress_bar();
        let result = pool.install(|| -> Result<(T, Arc<StageTimes>)> {
            let mut corpus = Corpus::new(options.clone())?;
            corpus.add_paths(&paths, &mut |read| progress.set_position(read))?;
            if corpus.documents() == 0 {
                let problems = corpus.problems();
                for problem in problems {
                    eprintln!("corpstat: {problem}");
                }
                let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                if !problems.is_empty() {
                    // The problems above say why; "no documents found" would mislead.
                    bail!(
                        "nothing to count: no document of {} could be read ({} problem(s) above)",
                        paths.join(", "),
                        problems.len()
                    );
                }
                bail!(
                    "no documents found in {}: nothing to count (folders are searched recursively; hidden files are skipped)",
                    paths.join(", ")
                );
            }
            Self::next_stage(&progress, "tables and charts");
            let times = corpus.stage_times();
            Ok((finish(corpus)?, times))
        });
        progress.finish_and_clear();
        result
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
    cores: Option<corpstat::timing::CoreUse>,
}

impl Timing {
    /// Starts the clock and the core sampler.
    pub(super) fn start() -> Timing {
        Timing {
            started: Instant::now(),
            cores: corpstat::timing::CoreUse::start(),
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
                corpstat::timing::ONE_THREAD_BELOW
            );
        }
        if let Some(peak) = corpstat::timing::peak_rss_bytes() {
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
    problems: &[corpstat::input::Problem],
    total: u64,
    by_kind: &std::collections::BTreeMap<corpstat::input::ProblemKind, u64>,
) {
    for problem in problems {
        eprintln!("corpstat: {problem}");
    }
    let unlisted = total.saturating_sub(problems.len() as u64);
    if unlisted > 0 {
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
        eprintln!(
            "corpstat: ... and {unlisted} more input problem(s) not listed ({total} in all: {}); summary.json counts them under problems_by_kind",
            kinds.join(", ")
        );
    }
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

/// The bundled corpus, read when no path is given and nothing is piped in.
const DEFAULT_CORPUS: &str = "seeds";

/// What to read when no path is given: standard input when it is a pipe, a file
/// or a socket (text piped or redirected in); else `seeds` when the current
/// folder has it; else an error that says what to give. A terminal or /dev/null
/// on stdin is not input (as in ripgrep), so that a job run with no stdin does
/// not wait for one.
pub(super) fn default_inputs() -> Result<Vec<PathBuf>> {
    if stdin_has_input() {
        return Ok(vec![PathBuf::from("-")]);
    }
    if std::path::Path::new(DEFAULT_CORPUS).is_dir() {
        return Ok(vec![PathBuf::from(DEFAULT_CORPUS)]);
    }
    bail!(
        "nothing to read: give files or folders (such as `corpstat terms corpus/`), `-` for standard input, or pipe text in; without them corpstat reads the folder `{DEFAULT_CORPUS}` when the current folder has one, and this one has none"
    )
}

/// Whether standard input holds text to read: a pipe, a regular file or a socket,
/// not a terminal or a device such as /dev/null.
fn stdin_has_input() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        match std::fs::metadata("/dev/stdin") {
            Ok(meta) => {
                let kind = meta.file_type();
                kind.is_fifo() || kind.is_file() || kind.is_socket()
            }
            Err(_) => false,
        }
    }
    #[cfg(not(unix))]
    {
        !io::stdin().is_terminal()
    }
}

/// Paths as a corpus' name in titles: sorted as the input stage reads them,
/// without repeats, joined by commas.
pub(super) fn joined_names(paths: &[PathBuf]) -> String {
    let mut names: Vec<String> = paths.iter().map(|p| short_name(p)).collect();
    names.sort();
    names.dedup();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
    }
}

/// A path as a title names it: its last component (`corpus-50mb.jsonl.gz` for
/// `/data/bench/corpus-50mb.jsonl.gz`, `seeds` for `seeds/`), or the path itself
/// when it has none (`-`, `/`).
fn short_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
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
