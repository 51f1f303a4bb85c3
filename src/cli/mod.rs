//! Subcommands, one file each, and what they share: corpus arguments, output
//! formats and exit codes.

mod applies;
pub mod bindings;
mod check;
mod collocates;
mod compare;
mod completions;
mod cooc;
mod corpus_args;
mod corpus_run;
mod default_inputs;
mod detect;
mod kwic;
mod langs;
mod man;
mod merge;
mod ngrams;
mod output_args;
mod partial;
mod report;
mod stats;
mod terms;
mod value_parsers;

use std::io;

use applies::Takes;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use corpus_args::CorpusArgs;
use output_args::{columns_help, print_table, OutputArgs};

/// Multilingual corpus statistics, Arabic and Persian first
///
/// Term frequencies, n-grams, the language mix, co-occurrence and lexical
/// statistics, as CSV, JSON, PNG charts and an HTML page. `corpstat help COMMAND`
/// or `corpstat COMMAND --help` says more of each.
#[derive(Parser)]
#[command(name = "corpstat", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What a subcommand declares of itself beyond its arguments, in its own file
/// (`SPEC`): [`subcommands!`] lists them beside the subcommands.
pub(crate) struct Spec {
    /// The groups of narrow corpus options it takes (see `applies.rs`).
    pub(super) takes: &'static [Takes],
    /// The text after its `--help`, if any.
    pub(super) after_help: Option<fn() -> String>,
}

/// The one list of subcommands, in the order of `corpstat --help`: the clap enum,
/// the dispatch to each file's `run`, and each one's [`Spec`] are made from it.
macro_rules! subcommands {
    ($($variant:ident => $module:ident::$args:ident),* $(,)?) => {
        #[derive(Subcommand)]
        enum Command {
            $($variant($module::$args),)*
        }

        /// Each subcommand's spec, in the order of [`Command`] (clap's order).
        const SPECS: &[Spec] = &[$($module::SPEC,)*];

        impl Command {
            fn run(self) -> anyhow::Result<ExitCode> {
                match self {
                    $(Command::$variant(args) => $module::run(args),)*
                }
            }
        }
    };
}

subcommands! {
    Report => report::ReportArgs,
    Terms => terms::TermsArgs,
    Ngrams => ngrams::NgramsArgs,
    Langs => langs::LangsArgs,
    Cooc => cooc::CoocArgs,
    Stats => stats::StatsArgs,
    Detect => detect::DetectArgs,
    Check => check::CheckArgs,
    Partial => partial::PartialArgs,
    Merge => merge::MergeArgs,
    Compare => compare::CompareArgs,
    Kwic => kwic::KwicArgs,
    Collocates => collocates::CollocatesArgs,
    Completions => completions::CompletionsArgs,
    Man => man::ManArgs,
}

/// A subcommand's exit code: the `corpstat` binary hands it to the process, the
/// Python package's command to `sys.exit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ExitCode(u8);

impl ExitCode {
    /// Success: 0.
    pub(crate) const SUCCESS: ExitCode = ExitCode(0);
}

impl From<u8> for ExitCode {
    fn from(code: u8) -> Self {
        ExitCode(code)
    }
}

/// The exit code when input was skipped or only partly read, or on any error.
const EXIT_ERROR: u8 = 2;

/// The exit code after Ctrl-C or SIGTERM, as a shell reports a SIGINT.
const EXIT_INTERRUPTED: i32 = 130;

/// Runs the `corpstat` command line as a program, on `args` (the program's name
/// first, as `std::env::args_os` gives them), and returns its exit code: 0 success,
/// 1 for failed checks, 2 for usage errors, input errors and skipped input.
///
/// It acts for the whole process, as the program does: glibc's allocator is tuned
/// (large blocks get their own mappings, handed back when freed), the memory freed by each batch is handed back, and
/// Ctrl-C and SIGTERM remove what a report write has staged and end the process
/// with 130. The `corpstat` binary calls it, and so does the command the Python
/// package puts on the PATH; a program that embeds the library does not.
pub fn run_command_line<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    manage_memory_as_a_program();
    // Ctrl-C and SIGTERM remove what a report write has staged, then end the run;
    // the output folder keeps its old report or the new one, never a mix.
    let _ = ctrlc::set_handler(|| {
        crate::output::abandon_staging();
        std::process::exit(EXIT_INTERRUPTED);
    });
    let taken = taken_groups();
    let matches = match command().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(e) => e.exit(),
    };
    if let Some(refusal) = applies::refusal(&matches, &taken) {
        eprintln!("corpstat: {refusal}");
        return EXIT_ERROR;
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli.command.run() {
        Ok(ExitCode(code)) => code,
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            eprintln!("corpstat: {e:#}");
            EXIT_ERROR
        }
    }
}

/// What the `corpstat` program does with the process's memory: glibc's allocator
/// tuned ([`tune_allocator`]) and the memory freed by each batch handed back
/// ([`release_free_memory`]). Also done by the Python package when it is imported
/// (the package's calls are the program then: see `docs/PYTHON.md`).
pub(crate) fn manage_memory_as_a_program() {
    tune_allocator();
    crate::on_memory_freed(release_free_memory);
}

/// Asks glibc to serve every allocation of 128 KiB or more with its own mapping,
/// returned to the system when freed. By default glibc raises that threshold each
/// time such a block is freed, up to 32 MiB, after which the tables' arrays, which
/// are rebuilt larger again and again as they grow, leave holes in its heaps that
/// it cannot hand back (the peak it saves is in `docs/PERFORMANCE.md`).
/// Called once, before anything is counted. It is the program's choice, not the
/// library's: a program that embeds corpstat keeps its own allocator settings.
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        const M_MMAP_THRESHOLD: i32 = -3;
        // SAFETY: mallopt only changes a setting of the allocator.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, 128 * 1024);
        }
    }
}

/// Hands memory freed by the last batch back to the system. glibc keeps freed
/// memory in its heaps, and the batches' many small allocations, made on worker
/// threads and freed on this one, leave it in pieces it does not return alone.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only releases free pages; it takes no pointer.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// The whole command line, as `--help`, the manual page and the completions show it:
/// each subcommand's text after its help from its [`Spec`], `--no-fold`'s steps from
/// the normalization registry, and the narrow options each does not take hidden.
pub fn command() -> clap::Command {
    let steps: Vec<&str> = crate::normalize::profile_steps().collect();
    let no_fold = format!(
        "Switch off one step of the profile (repeatable): {}",
        steps.join(", ")
    );
    let mut command = Cli::command();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for (name, spec) in names.iter().zip(SPECS) {
        command = command.mut_subcommand(name, |mut c| {
            if reads_a_corpus(&c) {
                c = c.mut_arg("no_fold", |a| a.help(no_fold.clone()));
                for id in applies::not_taken(spec.takes) {
                    c = c.mut_arg(id, |a| a.hide(true));
                }
            }
            match spec.after_help {
                Some(after_help) => c.after_help(after_help()),
                None => c,
            }
        });
    }
    // compare takes its two inputs as TARGET and REFERENCE, not as PATHS.
    command.mut_subcommand("compare", |c| c.mut_arg("paths", |a| a.hide(true)))
}

/// Each subcommand's name with the narrow option groups it takes, in the order of
/// [`subcommands!`] (the unconfigured command keeps it; `mut_subcommand` moves the
/// subcommands it changes); `None` for a subcommand that reads no corpus (it has
/// no `CorpusArgs`).
fn taken_groups() -> Vec<(String, Option<&'static [Takes]>)> {
    Cli::command()
        .get_subcommands()
        .zip(SPECS)
        .map(|(sub, spec)| {
            let takes = reads_a_corpus(sub).then_some(spec.takes);
            (sub.get_name().to_string(), takes)
        })
        .collect()
}

/// Whether a subcommand reads a corpus: it has the corpus arguments.
fn reads_a_corpus(sub: &clap::Command) -> bool {
    sub.get_arguments().any(|a| a.get_id() == "no_fold")
}

/// `corpstat terms | head` closes the pipe early: that is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
