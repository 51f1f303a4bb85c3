//! `corpstat langs`: the language mix per document and for the corpus.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use corpstat::table::Column;

use super::{print_table, CorpusArgs, OutputArgs};

pub const COLUMNS: &[Column] = corpstat::report::LANGUAGE_COLUMNS;

/// Print the words of each language per document, then for the corpus (document *).
/// Each sentence is detected (whatlang) and its words go to its language.
#[derive(Args)]
pub struct LangsArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(args: LangsArgs) -> Result<ExitCode> {
    print_table(&args.corpus, &args.output, |r| r.languages_table())
}
