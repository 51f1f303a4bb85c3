//! `corpstat terms`: the term table.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use corpstat::output::Column;

use super::{print_table, CorpusArgs, OutputArgs};

pub const COLUMNS: &[Column] = corpstat::TERM_COLUMNS;

/// Print term frequencies: count, document frequency, per million, idf, script.
/// Sorted by count descending, then term.
#[derive(Args)]
pub struct TermsArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(args: TermsArgs) -> Result<ExitCode> {
    print_table(&args.corpus, &args.output, |r| r.terms_table())
}
