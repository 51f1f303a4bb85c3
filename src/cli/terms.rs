//! `corpstat terms`: the term table.

use super::ExitCode;

use crate::options::Tables;
use crate::output::{TableSpec, TERMS_CSV};
use anyhow::Result;
use clap::Args;

use super::{print_table, CorpusArgs, OutputArgs};

/// The table this subcommand prints: the report's `terms.csv`.
pub const TABLE: TableSpec = TERMS_CSV;

/// Print term frequencies
///
/// Count, document frequency, per million, idf, script.
/// Sorted by count descending, then term.
#[derive(Args)]
pub struct TermsArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// What `corpstat terms` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[
        super::Takes::Counting,
        super::Takes::StopwordList,
        super::Takes::LanguageMix,
    ],
    after_help: Some(|| super::columns_help(TABLE.columns)),
};

pub fn run(args: TermsArgs) -> Result<ExitCode> {
    let corpus = args.corpus.counting(Tables::NONE);
    print_table(&corpus, &args.output, |r| TABLE.table(r))
}
