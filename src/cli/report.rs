//! `corpstat report [PATH...] [-o DIR]`: the whole report, written into a folder.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use corpstat::write::{write_report, TABLES};

use super::CorpusArgs;

/// Write the full report (summary.json, documents.csv, terms.csv, ngrams.csv,
/// distinctive.csv, languages.csv, cooccurrence.csv, README.md) into a folder.
///
/// Files are written to temporary names and renamed only when all are complete;
/// other files in the folder are left alone. Exits 2 when input was skipped or
/// only partly read (the report is still written), unless --allow-partial.
#[derive(Args)]
pub struct ReportArgs {
    #[command(flatten)]
    corpus: CorpusArgs,

    /// Folder to write the report into (created if needed).
    #[arg(short, long, default_value = "reports")]
    output: PathBuf,

    /// Print nothing but problems and errors.
    #[arg(short, long)]
    quiet: bool,
}

pub fn after_help() -> String {
    let mut help = String::from("Files written:\n  summary.json      every corpus statistic, the language and script shares, the problems\n");
    for (name, _, columns, _) in TABLES {
        let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
        help.push_str(&format!("  {name:<18}{}\n", names.join(",")));
    }
    help.push_str("  README.md         what every file and column means\n");
    help
}

pub fn run(args: ReportArgs) -> Result<ExitCode> {
    let analyzed = args.corpus.analyze()?;
    let written = write_report(&args.output, &analyzed.report)?;
    if !args.quiet {
        let s = &analyzed.report.summary;
        eprintln!(
            "corpstat: {} documents, {} tokens, {} types; wrote {} files to {}",
            s.documents,
            s.tokens,
            s.types,
            written.len(),
            args.output.display()
        );
    }
    Ok(analyzed.exit_code())
}
