//! `corpstat langs`: the language mix per document and for the corpus.

use super::ExitCode;

use crate::options::Tables;
use crate::output::{TableSpec, LANGUAGES_CSV};
use anyhow::Result;
use clap::Args;

use super::{print_table, CorpusArgs, OutputArgs};

/// The table this subcommand prints: the report's `languages.csv`.
pub const TABLE: TableSpec = LANGUAGES_CSV;

/// Print the language mix per document and for the corpus
///
/// The words of each language per document, then for the corpus (document *).
/// Each sentence's language is detected from the words of its dominant script (fastText's
/// lid.176 model, with Arabic/Persian/Urdu letter evidence; und when it cannot be told),
/// and all its words count for that language.
#[derive(Args)]
pub struct LangsArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// What `corpstat langs` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[super::Takes::Counting, super::Takes::LanguageMix],
    after_help: Some(|| super::columns_help(TABLE.columns)),
};

pub fn run(args: LangsArgs) -> Result<ExitCode> {
    let corpus = args.corpus.counting(Tables::NONE);
    print_table(&corpus, &args.output, |r| TABLE.table(r))
}
