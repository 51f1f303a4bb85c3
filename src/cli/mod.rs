//! Subcommands, one file each, and what they share: corpus arguments, output
//! formats and exit codes.

mod applies;
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
use std::process::ExitCode;

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
    let taken = taken_groups();
    let matches = command().get_matches();
    if let Some(refusal) = applies::refusal(&matches, &taken) {
        eprintln!("corpstat: {refusal}");
        return ExitCode::from(EXIT_ERROR);
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli.command.run() {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpstat: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// The whole command line, as `--help`, the manual page and the completions show it:
/// each subcommand's text after its help from its [`Spec`], `--no-fold`'s steps from
/// the normalization registry, and the narrow options each does not take hidden.
pub fn command() -> clap::Command {
    let steps: Vec<&str> = corpstat::normalize::profile_steps().collect();
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
