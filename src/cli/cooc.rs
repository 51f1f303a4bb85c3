//! `corpstat cooc`: co-occurring pairs with association measures.

use super::ExitCode;

use crate::options::Tables;
use crate::output::{TableSpec, COOCCURRENCE_CSV};
use anyhow::Result;
use clap::Args;

use super::{print_table, CorpusArgs, OutputArgs};

/// The table this subcommand prints: the report's `cooccurrence.csv`.
pub const TABLE: TableSpec = COOCCURRENCE_CSV;

/// Print co-occurring pairs of terms, with association measures
///
/// Pairs are counted by --cooc-scope, --window, --ordered and --min-count, with PMI,
/// NPMI, G², χ², t-score, Dice and Jaccard.
/// The formulas and N are in reports/README.md. Sorted by count descending, then terms.
#[derive(Args)]
pub struct CoocArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// What `corpstat cooc` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[
        super::Takes::Counting,
        super::Takes::CoocScope,
        super::Takes::CoocOrder,
        super::Takes::CoocTable,
        super::Takes::KeepStopwords,
        super::Takes::StopwordList,
        super::Takes::LanguageMix,
    ],
    after_help: Some(|| super::columns_help(TABLE.columns)),
};

pub fn run(args: CoocArgs) -> Result<ExitCode> {
    let corpus = args.corpus.counting(Tables::COOCCURRENCE);
    let min = corpus.min_count;
    print_table(&corpus, &args.output, |r| {
        let table = TABLE.table(r);
        if table.rows.is_empty() && min > 1 {
            eprintln!(
                "corpstat: no pair is seen {min} times or more (--min-count {min}); --min-count 1 lists every one"
            );
        }
        table
    })
}
