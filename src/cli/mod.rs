//! Subcommands, one file each, and what they share: corpus arguments, output
//! formats and exit codes.

mod applies;
mod check;
mod collocates;
mod compare;
mod completions;
mod cooc;
mod corpus_args;
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

use std::io;
use std::process::ExitCode;

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
    Partial(partial::PartialArgs),
    Merge(merge::MergeArgs),
    Compare(compare::CompareArgs),
    Kwic(kwic::KwicArgs),
    Collocates(collocates::CollocatesArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
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
        .mut_subcommand("terms", |c| {
            c.after_help(columns_help(terms::TABLE.columns))
        })
        .mut_subcommand("ngrams", |c| {
            c.after_help(columns_help(ngrams::TABLE.columns))
        })
        .mut_subcommand("langs", |c| {
            c.after_help(columns_help(langs::TABLE.columns))
        })
        .mut_subcommand("cooc", |c| c.after_help(columns_help(cooc::TABLE.columns)))
        .mut_subcommand("stats", |c| c.after_help(stats::after_help()))
        .mut_subcommand("detect", |c| c.after_help(detect::after_help()))
        .mut_subcommand("check", |c| c.after_help(check::after_help()))
        .mut_subcommand("kwic", |c| c.after_help(kwic::after_help()))
        .mut_subcommand("collocates", |c| c.after_help(collocates::after_help()))
        // compare takes its two inputs as TARGET and REFERENCE, not as PATHS.
        .mut_subcommand("compare", |c| {
            c.mut_arg("paths", |a| a.hide(true))
                .after_help(compare::after_help())
        });
    let command = applies::hide_narrow_options(command);
    let matches = command.clone().get_matches();
    if let Some(refusal) = applies::refusal(&matches) {
        eprintln!("corpstat: {refusal}");
        return ExitCode::from(EXIT_ERROR);
    }
    let cli = match Cli::from_arg_matches(&matches) {
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
        Command::Partial(args) => partial::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Kwic(args) => kwic::run(args),
        Command::Collocates(args) => collocates::run(args),
        Command::Completions(args) => completions::run(args, command),
        Command::Man(args) => man::run(args, command),
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
