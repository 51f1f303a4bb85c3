//! `cooccurrence.csv`: co-occurring pairs with their association measures.

use rayon::prelude::*;

use super::{RowSource, TermNames};
use crate::count::TermTotals;
use crate::measures::association::{associate, Association};
use crate::options::CoocScope;
use crate::store::ShardedNgrams;
use crate::table::{float, number, text, Column};
use crate::{CorpusCounts, Options, Report, TokenKind};

/// A co-occurring pair kept for `cooccurrence.csv`: term ids and c (the marginals
/// are kept by the report beside the rows), 12 bytes a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PairRow {
    /// The first term (corpus id).
    pub a: u32,
    /// The second term (corpus id).
    pub b: u32,
    /// How often they co-occur in the scope.
    pub count: u32,
}

/// One row of `cooccurrence.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CooccurrenceRow {
    /// The first term, as displayed.
    pub term_a: String,
    /// The second term, as displayed.
    pub term_b: String,
    /// How often the two co-occur in the scope.
    pub count: u64,
    /// f(a): the first term's count in the scope.
    pub count_a: u64,
    /// f(b): the second term's count in the scope.
    pub count_b: u64,
    /// The association measures of the pair.
    pub measures: Association,
}

/// Columns of `cooccurrence.csv`.
pub const COOCCURRENCE_COLUMNS: &[Column] = &[
    text(
        "term_a",
        "first term (unordered pairs: the one that sorts first)",
    ),
    text("term_b", "second term"),
    number("count", "c: co-occurrences, as the scope defines them"),
    number("count_a", "f(a): marginal of term_a (see the scope table)"),
    number("count_b", "f(b): marginal of term_b"),
    number("expected", "E11 = f(a)·f(b) / N"),
    number("pmi", "log2(c / E11)"),
    number("npmi", "pmi / −log2(c / N)"),
    number("llr", "log-likelihood G² = 2 Σ O ln(O / E)"),
    number("chi2", "Pearson's χ², no continuity correction"),
    number("t_score", "(c − E11) / √c"),
    number("dice", "2c / (f(a) + f(b))"),
    number("jaccard", "c / (f(a) + f(b) − c)"),
];

impl Report {
    /// N of the contingency table: tokens / span for the window scope (span = the
    /// window, doubled when unordered), sentences or documents otherwise.
    pub(super) fn cooccurrence_n(counts: &CorpusCounts, options: &Options) -> f64 {
        let cooc = &options.cooccurrence;
        match cooc.scope {
            CoocScope::Window => {
                let span = cooc.window as f64 * if cooc.ordered { 1.0 } else { 2.0 };
                counts.figures.tokens as f64 / span
            }
            CoocScope::Sentence => counts.figures.sentences as f64,
            CoocScope::Document => counts.documents.len() as f64,
        }
    }

    /// The pairs cooccurrence.csv lists, emptying the pair table shard by shard.
    pub(super) fn build_pair_rows(
        pairs: ShardedNgrams<u32>,
        terms: &[TermTotals],
        names: &TermNames,
        options: &Options,
    ) -> Vec<PairRow> {
        let cooc = &options.cooccurrence;
        let mut rows: Vec<PairRow> = Vec::new();
        let shards = pairs.shards;
        let listed = |id: u32| {
            !(names.skip)(id) && (cooc.all_kinds || terms[id as usize].kind == TokenKind::Word)
        };
        for mut shard in shards {
            shard.for_each(|pair, &c, _| {
                let (mut a, mut b) = (pair[0], pair[1]);
                if u64::from(c) >= cooc.min_count.max(1) && listed(a) && listed(b) {
                    if !cooc.ordered && names.text_rank[a as usize] > names.text_rank[b as usize] {
                        std::mem::swap(&mut a, &mut b);
                    }
                    rows.push(PairRow { a, b, count: c });
                }
            });
        }
        let rank = names.text_rank;
        rows.par_sort_unstable_by(|x, y| {
            y.count
                .cmp(&x.count)
                .then_with(|| rank[x.a as usize].cmp(&rank[y.a as usize]))
                .then_with(|| rank[x.b as usize].cmp(&rank[y.b as usize]))
        });
        rows
    }

    /// The rows of `cooccurrence.csv`, with their association measures, made as
    /// they are read.
    pub fn cooccurrence_rows(&self) -> impl Iterator<Item = CooccurrenceRow> + '_ {
        (0..self.cooccurrences.len()).map(|i| self.cooccurrence_row(i))
    }

    pub(super) fn cooccurrence_row(&self, i: usize) -> CooccurrenceRow {
        let p = &self.cooccurrences[i];
        let (count_a, count_b) = (self.marginals[p.a as usize], self.marginals[p.b as usize]);
        CooccurrenceRow {
            term_a: self.names[p.a as usize].to_string(),
            term_b: self.names[p.b as usize].to_string(),
            count: p.count.into(),
            count_a,
            count_b,
            measures: associate(p.count as f64, count_a as f64, count_b as f64, self.pair_n),
        }
    }

    /// The rows of `cooccurrence.csv`, in any order.
    pub(crate) fn cooccurrence_source(&self) -> RowSource<'_> {
        RowSource::new(self.cooccurrences.len(), |i| {
            let c = self.cooccurrence_row(i);
            let mut cells = vec![
                c.term_a,
                c.term_b,
                c.count.to_string(),
                c.count_a.to_string(),
                c.count_b.to_string(),
            ];
            cells.extend(measure_cells(&c.measures));
            cells
        })
    }
}

/// The measure columns of a pair, from `expected` to `jaccard`, as printed: shared
/// by `cooccurrence.csv` and `corpstat collocates`.
pub(super) fn measure_cells(m: &Association) -> [String; 8] {
    [
        float(m.expected),
        float(m.pmi),
        float(m.npmi),
        float(m.llr),
        float(m.chi2),
        float(m.t_score),
        float(m.dice),
        float(m.jaccard),
    ]
}
