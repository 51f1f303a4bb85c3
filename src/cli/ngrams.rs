//! `corpstat ngrams -n N`: the n-gram table of one order.

use super::ExitCode;

use crate::options::Tables;
use crate::output::{TableSpec, NGRAMS_CSV};
use anyhow::Result;
use clap::Args;

use super::{print_table, CorpusArgs, OutputArgs};

/// The table this subcommand prints one order of: the report's `ngrams.csv`.
pub const TABLE: TableSpec = NGRAMS_CSV;

/// Print the n-grams of one order
///
/// With their counts and document frequencies. N-grams never cross a sentence boundary. Sorted by count descending, then n-gram.
#[derive(Args)]
pub struct NgramsArgs {
    /// The n-gram order.
    #[arg(short = 'n', default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..))]
    n: u16,
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// What `corpstat ngrams` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[super::Takes::Counting, super::Takes::NgramTable],
    after_help: Some(|| super::columns_help(TABLE.columns)),
};

pub fn run(mut args: NgramsArgs) -> Result<ExitCode> {
    let n = args.n as usize;
    args.corpus.ngrams = (n, n);
    let min = args.corpus.ngram_min_count;
    let corpus = args.corpus.counting(Tables::NGRAMS);
    print_table(&corpus, &args.output, |r| {
        let table = r.ngrams_table(Some(n));
        if table.rows.is_empty() && n >= 2 && min > 1 {
            eprintln!(
                "corpstat: no {n}-gram is seen {min} times or more (--ngram-min-count {min}); --ngram-min-count 1 lists every one"
            );
        }
        table
    })
}
