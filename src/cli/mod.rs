//! Subcommands, one file each, and what they share: corpus arguments, output
//! formats and exit codes.

mod check;
mod compare;
mod cooc;
mod detect;
mod langs;
mod ngrams;
mod report;
mod stats;
mod terms;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use corpstat::output::{Column, Format, Table};
use corpstat::GroupBy;
use corpstat::StageTimes;
use corpstat::TokenRules;
use corpstat::{CaseMode, NormalForm, NormalizeOptions};
use corpstat::{CoocOptions, CoocScope, Corpus, InputFormat, InputOptions, Options, Report};

/// Multilingual corpus statistics: term frequencies, n-grams, language mix,
/// co-occurrence and lexical statistics, with Arabic-script text as the first-class case.
#[derive(Parser)]
#[command(name = "corpstat", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Report(report::ReportArgs),
    Terms(terms::TermsArgs),
    Ngrams(ngrams::NgramsArgs),
    Langs(langs::LangsArgs),
    Cooc(cooc::CoocArgs),
    Stats(stats::StatsArgs),
    Detect(detect::DetectArgs),
    Check(check::CheckArgs),
    Compare(compare::CompareArgs),
}

/// The exit code when input was skipped or only partly read, or on any error.
const EXIT_ERROR: u8 = 2;

/// The exit code after Ctrl-C or SIGTERM, as a shell reports a SIGINT.
const EXIT_INTERRUPTED: i32 = 130;

pub fn main() -> ExitCode {
    // Ctrl-C and SIGTERM remove what a report write has staged, then end the run;
    // the output folder keeps its old report or the new one, never a mix.
    let _ = ctrlc::set_handler(|| {
        corpstat::output::abandon_staging();
        std::process::exit(EXIT_INTERRUPTED);
    });
    // The steps --no-fold takes come from the normalization registry.
    let steps: Vec<&str> = corpstat::profile_steps().collect();
    let no_fold = format!(
        "Switch off one step of the profile (repeatable): {}",
        steps.join(", ")
    );
    let mut command = Cli::command();
    // Every subcommand that reads a corpus has the option.
    let corpus_subcommands: Vec<String> = command
        .get_subcommands()
        .filter(|c| c.get_arguments().any(|a| a.get_id() == "no_fold"))
        .map(|c| c.get_name().to_string())
        .collect();
    for name in corpus_subcommands {
        command =
            command.mut_subcommand(name, |c| c.mut_arg("no_fold", |a| a.help(no_fold.clone())));
    }
    let command = command
        .mut_subcommand("report", |c| c.after_help(report::after_help()))
        .mut_subcommand("terms", |c| c.after_help(columns_help(terms::COLUMNS)))
        .mut_subcommand("ngrams", |c| c.after_help(columns_help(ngrams::COLUMNS)))
        .mut_subcommand("langs", |c| c.after_help(columns_help(langs::COLUMNS)))
        .mut_subcommand("cooc", |c| c.after_help(columns_help(cooc::COLUMNS)))
        .mut_subcommand("stats", |c| c.after_help(stats::after_help()))
        .mut_subcommand("detect", |c| c.after_help(detect::after_help()))
        .mut_subcommand("check", |c| c.after_help(check::after_help()))
        // compare takes its two inputs as TARGET and REFERENCE, not as PATHS.
        .mut_subcommand("compare", |c| {
            c.mut_arg("paths", |a| a.hide(true))
                .after_help(compare::after_help())
        });
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let outcome = match cli.command {
        Command::Report(args) => report::run(args),
        Command::Terms(args) => terms::run(args),
        Command::Ngrams(args) => ngrams::run(args),
        Command::Langs(args) => langs::run(args),
        Command::Cooc(args) => cooc::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Detect(args) => detect::run(args),
        Command::Check(args) => check::run(args),
        Command::Compare(args) => compare::run(args),
    };
    match outcome {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpstat: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// `corpstat terms | head` closes the pipe early: that is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// "Output columns:" and one line per column, for `--help`.
fn columns_help(columns: &[Column]) -> String {
    let mut help = String::from("Output columns:\n");
    for c in columns {
        help.push_str(&format!("  {:<22} {}\n", c.name, c.doc));
    }
    help
}

#[derive(Clone, Copy, ValueEnum)]
enum NormalizeArg {
    /// no normalization (case aside)
    None,
    /// Unicode NFKC only
    Nfkc,
    /// NFKC, invisible characters, ZWNJ, tatweel, diacritics, alef, yeh/kaf, digits
    Full,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtraFold {
    /// ة → ه
    TehMarbuta,
}

#[derive(Clone, Copy, ValueEnum)]
enum TokensArg {
    /// URLs, e-mail addresses, @mentions and #hashtags kept whole
    Smart,
    /// UAX #29 words only
    Plain,
}

#[derive(Clone, Copy, ValueEnum)]
enum CaseArg {
    Keep,
    Fold,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScopeArg {
    Window,
    Sentence,
    Document,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Auto,
    Text,
    Jsonl,
    Csv,
    Tsv,
}

/// What to read and how to count it: shared by every subcommand that reads a corpus.
#[derive(Args)]
struct CorpusArgs {
    /// Files or folders to read (folders recursively, in sorted order), or - for stdin.
    #[arg(default_value = "seeds")]
    paths: Vec<PathBuf>,

    /// Input format; auto picks it from each file name (.jsonl, .csv, .tsv, else text; .gz/.zst compressed).
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormatArg,

    /// JSONL field holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,

    /// JSONL field holding the document id (absent: file:line).
    #[arg(long, default_value = "id")]
    id_field: String,

    /// CSV/TSV column holding the text (required for CSV/TSV input).
    #[arg(long)]
    text_column: Option<String>,

    /// CSV/TSV column holding the document id (absent: file:line).
    #[arg(long)]
    id_column: Option<String>,

    /// Normalization profile.
    #[arg(long, value_enum, default_value = "full")]
    normalize: NormalizeArg,

    /// Case handling: fold lowercases (full Unicode).
    #[arg(long, value_enum, default_value = "fold")]
    case: CaseArg,

    /// Switch off one step of the profile (repeatable).
    #[arg(long, value_name = "STEP")]
    no_fold: Vec<String>,

    /// Switch on an optional folding step (repeatable).
    #[arg(long, value_enum, value_name = "STEP")]
    fold: Vec<ExtraFold>,

    /// Join Persian prefixes (می, نمی) and suffixes (ها, های, تر, ترین) written apart, with a ZWNJ.
    #[arg(long)]
    persian_zwnj_repair: bool,

    /// Stem Arabic-script words (Snowball Arabic light stemmer); tables show each stem's most frequent form.
    #[arg(long)]
    stem: bool,

    /// Tokenization rules.
    #[arg(long, value_enum, default_value = "smart")]
    tokens: TokensArg,

    /// Candidate languages for detection, ISO 639-3, comma-separated (default: all).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    langs: Vec<String>,

    /// Ask the language model about every sentence instead of once per run of
    /// sentences whose evidence agrees (slower; for comparison).
    #[arg(long)]
    detect_every_sentence: bool,

    /// Keep stopwords in distinctive terms and co-occurrence (they are always marked in terms.csv).
    #[arg(long)]
    keep_stopwords: bool,

    /// List co-occurring pairs of every token kind, not only words.
    #[arg(long)]
    cooc_all_kinds: bool,

    /// N-gram orders, as N or MIN..MAX (inclusive), from 1 to 32.
    #[arg(long, default_value = "1..3", value_parser = parse_range)]
    ngrams: (usize, usize),

    /// Leave out n-grams of order 2 and up seen fewer times (order 1 is always complete).
    #[arg(long, default_value_t = 2)]
    ngram_min_count: u64,

    /// Co-occurrence scope: tokens within --window in a sentence, or once per sentence or document.
    #[arg(long, value_enum, default_value = "window")]
    cooc_scope: ScopeArg,

    /// Largest distance in tokens for --cooc-scope window, 1 to 1000.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=1000))]
    window: u16,

    /// Count (a, b) only when a comes first (window scope only).
    #[arg(long)]
    ordered: bool,

    /// Leave out pairs seen fewer times.
    #[arg(long, default_value_t = 3)]
    min_count: u64,

    /// Groups for groups.csv, group_terms.csv and keyness.csv: dir, lang, field:NAME or file:PATTERN=GROUP,...
    #[arg(long, value_parser = GroupBy::parse, value_name = "RULE")]
    group_by: Option<GroupBy>,

    /// Keyness lists terms seen at least this often in target and reference together.
    #[arg(long, default_value_t = 3)]
    keyness_min_count: u64,

    /// Worker threads, 1 to 1024 (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1024))]
    threads: Option<u16>,

    /// Follow symbolic links found in folders (links named on the command line are
    /// always followed). Without it, a link is skipped and named as a problem.
    #[arg(short = 'L', long)]
    follow: bool,

    /// Stop reading after SIZE bytes of decoded text (such as 500M, 2G), with a
    /// problem: a bound for CI jobs on inputs nobody looked at.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_input_bytes: Option<u64>,

    /// Split documents longer than SIZE bytes into parts ID#1, ID#2, ... at line
    /// breaks (1K to 1G), so that no document is held whole; JSONL lines and CSV
    /// records longer than four times SIZE are skipped. Both are reported as problems.
    #[arg(long, value_name = "SIZE", default_value = "32M", value_parser = parse_document_size)]
    max_document_bytes: u64,

    /// Folders never read (the report's own output folder).
    #[arg(skip)]
    exclude: Vec<PathBuf>,

    /// Exit 0 even when input was skipped or only partly read (problems are still reported).
    #[arg(long)]
    allow_partial: bool,

    /// No progress bar and no summary line (problems and errors are still printed).
    #[arg(short, long)]
    quiet: bool,

    /// Keep the n-gram and co-occurrence tables within half of SIZE (such as 100M,
    /// 2G; K, M and G are powers of 1024) by dropping their rarest entries (lossy
    /// counting), and read in smaller batches. Single-term counts stay exact;
    /// summary.json's "approximate" tells how far n-gram and pair counts may be off.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    memory_limit: Option<u64>,

    /// When done, print to stderr the time each stage took (read, normalize, tokenize,
    /// count and language mix summed over threads; merge, tables, charts and write as
    /// elapsed), the wall time and the peak memory.
    #[arg(long)]
    timings: bool,
}

/// A size in bytes: a number, optionally followed by K, M or G (powers of 1024),
/// with or without a trailing B or iB.
fn parse_size(s: &str) -> Result<u64, String> {
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

fn parse_range(s: &str) -> Result<(usize, usize), String> {
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
const MAX_NGRAM_ORDER: usize = 32;

/// `--max-document-bytes`: a size from 1K to 1G.
fn parse_document_size(s: &str) -> Result<u64, String> {
    let size = parse_size(s)?;
    if !(1 << 10..=1 << 30).contains(&size) {
        return Err(format!("\"{s}\": give a size from 1K to 1G"));
    }
    Ok(size)
}

impl CorpusArgs {
    /// The corpus' name in titles: the paths read, sorted as the input stage reads them.
    fn name(&self) -> String {
        let mut names: Vec<String> = self.paths.iter().map(|p| p.display().to_string()).collect();
        names.sort();
        names.dedup();
        names.join(", ")
    }

    fn options(&self) -> Options {
        Options {
            normalize: NormalizeOptions {
                form: match self.normalize {
                    NormalizeArg::None => NormalForm::None,
                    NormalizeArg::Nfkc => NormalForm::Nfkc,
                    NormalizeArg::Full => NormalForm::Full,
                },
                case: match self.case {
                    CaseArg::Keep => CaseMode::Keep,
                    CaseArg::Fold => CaseMode::Fold,
                },
                disabled: self.no_fold.clone(),
                teh_marbuta: self.fold.contains(&ExtraFold::TehMarbuta),
                persian_zwnj_repair: self.persian_zwnj_repair,
                stem: self.stem,
            },
            tokens: match self.tokens {
                TokensArg::Smart => TokenRules::Smart,
                TokensArg::Plain => TokenRules::Plain,
            },
            languages: self.langs.clone(),
            detect_every_sentence: self.detect_every_sentence,
            memory_limit: self.memory_limit,
            keep_stopwords: self.keep_stopwords,
            keyness_min_count: self.keyness_min_count,
            ngram_min: self.ngrams.0,
            ngram_max: self.ngrams.1,
            ngram_min_count: self.ngram_min_count,
            cooccurrence: CoocOptions {
                scope: match self.cooc_scope {
                    ScopeArg::Window => CoocScope::Window,
                    ScopeArg::Sentence => CoocScope::Sentence,
                    ScopeArg::Document => CoocScope::Document,
                },
                window: usize::from(self.window),
                ordered: self.ordered,
                all_kinds: self.cooc_all_kinds,
                min_count: self.min_count,
            },
            input: InputOptions {
                format: match self.input_format {
                    InputFormatArg::Auto => InputFormat::Auto,
                    InputFormatArg::Text => InputFormat::Text,
                    InputFormatArg::Jsonl => InputFormat::Jsonl,
                    InputFormatArg::Csv => InputFormat::Csv,
                    InputFormatArg::Tsv => InputFormat::Tsv,
                },
                text_field: self.text_field.clone(),
                id_field: self.id_field.clone(),
                text_column: self.text_column.clone(),
                id_column: self.id_column.clone(),
                group_by: self.group_by.clone().unwrap_or_default(),
                follow_links: self.follow,
                max_document_bytes: usize::try_from(self.max_document_bytes)
                    .unwrap_or(corpstat::MAX_DOCUMENT_BYTES),
                max_input_bytes: self.max_input_bytes,
                exclude: self.exclude.clone(),
            },
            ..Options::default()
        }
    }

    /// A progress bar on stderr when it is a terminal (hidden otherwise, or with --quiet):
    /// bytes of text read, the rate, and the ETA when every input is an uncompressed
    /// file, whose size is then known.
    fn progress_bar(&self) -> indicatif::ProgressBar {
        if self.quiet || !io::stderr().is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let total: Option<u64> = corpstat::find_files(&self.paths, &self.options().input)
            .ok()
            .and_then(|(files, _)| {
                files
                    .iter()
                    .map(|f| {
                        let name = f.path.to_string_lossy();
                        let compressed = name.ends_with(".gz") || name.ends_with(".zst");
                        if compressed {
                            None
                        } else {
                            f.size
                        }
                    })
                    .sum()
            });
        let bar = match total {
            Some(total) => indicatif::ProgressBar::new(total).with_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            ),
            None => indicatif::ProgressBar::new_spinner().with_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {bytes} of text read, {bytes_per_sec}, {elapsed} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            ),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    }

    /// Reads and counts the corpus. Problems are printed to stderr, one line each.
    /// An empty corpus is an error.
    fn analyze(&self) -> Result<Analyzed> {
        let options = self.options();
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(threads) = self.threads {
            builder = builder.num_threads(usize::from(threads));
        }
        let pool = builder.build().context("cannot start the worker threads")?;
        let progress = self.progress_bar();
        let started = Instant::now();
        let (report, times) = pool.install(|| -> Result<(Report, Arc<StageTimes>)> {
            let mut corpus = Corpus::new(options.clone())?;
            corpus.add_paths(&self.paths, &mut |read| progress.set_position(read))?;
            progress.set_message("tables and charts");
            let times = corpus.stage_times();
            Ok((corpus.finish(), times))
        })?;
        progress.finish_and_clear();
        let s = &report.summary();
        for problem in &s.problems {
            eprintln!("corpstat: {problem}");
        }
        let unlisted = s.problems_total.saturating_sub(s.problems.len() as u64);
        if unlisted > 0 {
            let kinds: Vec<String> = s
                .problems_by_kind
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
                "corpstat: ... and {unlisted} more input problem(s) not listed ({} in all: {}); summary.json counts them under problems_by_kind",
                s.problems_total,
                kinds.join(", ")
            );
        }
        if report.summary().documents == 0 {
            let paths: Vec<String> = self.paths.iter().map(|p| p.display().to_string()).collect();
            bail!(
                "no documents found in {}: nothing to count (folders are searched recursively; hidden files are skipped)",
                paths.join(", ")
            );
        }
        let partial = !report.summary().problems.is_empty() && !self.allow_partial;
        Ok(Analyzed {
            report,
            partial,
            times,
            timings: self.timings.then_some(started),
        })
    }
}

/// A counted corpus, and whether its input was incomplete.
struct Analyzed {
    report: Report,
    /// Some input was skipped or partly read, and --allow-partial was not given.
    partial: bool,
    /// CPU time per stage.
    times: Arc<StageTimes>,
    /// With --timings: when the run started.
    timings: Option<Instant>,
}

impl Analyzed {
    /// The exit code after printing or writing the result.
    fn exit_code(&self) -> ExitCode {
        if let Some(started) = self.timings {
            for line in self.times.lines() {
                eprintln!("corpstat: {line}");
            }
            eprintln!(
                "corpstat: {:<13}{:>8.3} s",
                "wall time",
                started.elapsed().as_secs_f64()
            );
            if let Some(peak) = corpstat::peak_rss_bytes() {
                eprintln!(
                    "corpstat: {:<13}{:>8.1} MB",
                    "peak memory",
                    peak as f64 / 1e6
                );
            }
        }
        if self.partial {
            eprintln!(
                "corpstat: {} input problem(s); exiting with {EXIT_ERROR} (--allow-partial exits 0)",
                self.report.summary().problems_total
            );
            ExitCode::from(EXIT_ERROR)
        } else {
            ExitCode::SUCCESS
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Csv,
    Tsv,
    Json,
    Table,
}

/// How a thin subcommand prints its table.
#[derive(Args)]
struct OutputArgs {
    /// Output format (default: table on a terminal, csv otherwise).
    #[arg(long, value_enum)]
    format: Option<FormatArg>,

    /// Print only the first N rows.
    #[arg(long)]
    top: Option<usize>,
}

impl OutputArgs {
    fn format(&self) -> Format {
        match self.format {
            Some(FormatArg::Csv) => Format::Csv,
            Some(FormatArg::Tsv) => Format::Tsv,
            Some(FormatArg::Json) => Format::Json,
            Some(FormatArg::Table) => Format::Table,
            None if io::stdout().is_terminal() => Format::Table,
            None => Format::Csv,
        }
    }

    fn print(&self, table: Table) -> Result<()> {
        let mut out = io::BufWriter::new(io::stdout().lock());
        table.truncate(self.top).write(self.format(), &mut out)?;
        out.flush()?;
        Ok(())
    }
}

/// A thin subcommand: count the corpus, print one table.
fn print_table(
    corpus: &CorpusArgs,
    output: &OutputArgs,
    table: impl Fn(&Report) -> Table,
) -> Result<ExitCode> {
    let analyzed = corpus.analyze()?;
    output.print(table(&analyzed.report))?;
    Ok(analyzed.exit_code())
}
