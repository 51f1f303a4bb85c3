//! `corpstat collocates WORD [PATH...]`: the collocates of one word.

use super::ExitCode;

use crate::options::{CoocScope, Tables};
use crate::report::{CollocateRow, COLLOCATE_COLUMNS};
use crate::table::Table;
use crate::Report;
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};

use super::{CorpusArgs, OutputArgs};

/// What to sort collocates by, largest first.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum By {
    Llr,
    Pmi,
    Npmi,
    TScore,
    Dice,
    Count,
}

/// Print the collocates of a word, with association measures
///
/// The co-occurrence rows that hold WORD (matched on its folded form), with the
/// measures of cooccurrence.csv and, for the window scope, how many of the
/// co-occurrences have the collocate before the word (left, in reading order) and
/// after it (right). Sorted by --by, largest first, then by collocate.
#[derive(Args)]
pub struct CollocatesArgs {
    /// The node word.
    word: String,

    #[command(flatten)]
    pub(super) corpus: CorpusArgs,

    /// The measure to sort by.
    #[arg(long, value_enum, default_value = "llr")]
    by: By,

    #[command(flatten)]
    output: OutputArgs,
}

pub fn after_help() -> String {
    super::columns_help(COLLOCATE_COLUMNS)
}

/// What `corpstat collocates` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[
        super::Takes::Counting,
        super::Takes::CoocScope,
        super::Takes::CoocTable,
        super::Takes::KeepStopwords,
        super::Takes::StopwordList,
        super::Takes::LanguageMix,
    ],
    after_help: Some(after_help),
};

impl CollocatesArgs {
    /// The corpus arguments that count what the collocates need: sides come from
    /// ordered window counts, every pair kept; the node's rows are added up and
    /// --min-count applied to their sum.
    pub(super) fn counting(&self) -> CorpusArgs {
        let mut corpus = self.corpus.clone().counting(Tables::COOCCURRENCE);
        if corpus.cooc_scope == CoocScope::Window {
            corpus.ordered = true;
        }
        corpus.min_count = 1;
        corpus
    }

    /// The collocates of the word in `report` (counted with
    /// [`CollocatesArgs::counting`]), sorted, cut at `--top`.
    pub(super) fn table(&self, report: &Report) -> Result<Table> {
        let Some(mut rows) = report.collocates(&self.word, self.corpus.min_count) else {
            bail!("{:?} is not in the corpus", self.word);
        };
        let key = |row: &CollocateRow| -> f64 {
            let m = &row.measures;
            match self.by {
                By::Llr => m.llr,
                By::Pmi => m.pmi,
                By::Npmi => m.npmi,
                By::TScore => m.t_score,
                By::Dice => m.dice,
                By::Count => row.count as f64,
            }
        };
        rows.sort_by(|a, b| {
            key(b)
                .total_cmp(&key(a))
                .then_with(|| a.collocate.cmp(&b.collocate))
        });
        Ok(Table {
            columns: COLLOCATE_COLUMNS.into(),
            rows: rows.iter().map(CollocateRow::cells).collect(),
        }
        .truncate(self.output.top))
    }
}

pub fn run(args: CollocatesArgs) -> Result<ExitCode> {
    let analyzed = args.counting().analyze()?;
    args.output.print(args.table(&analyzed.report)?)?;
    Ok(analyzed.exit_code())
}
