//! The collocates of one node word: the co-occurrence rows that hold it, with the
//! counts on each side of it (`corpstat collocates`), as AntConc's collocate tool
//! gives them.

use std::collections::BTreeMap;

use crate::measures::association::{associate, Association};
use crate::normalize::Normalizer;
use crate::options::CoocScope;
use crate::table::{number, text, Column};
use crate::Report;

/// One collocate of the node word.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CollocateRow {
    /// The collocate, as displayed.
    pub collocate: String,
    /// Co-occurrences with the node, as `cooccurrence.csv` counts them (unordered).
    pub count: u64,
    /// Of them, with the collocate before the node (window scope only).
    pub left: Option<u64>,
    /// Of them, with the collocate after the node (window scope only).
    pub right: Option<u64>,
    /// f(node) in the scope.
    pub count_node: u64,
    /// f(collocate) in the scope.
    pub count_collocate: u64,
    /// The association measures, as `cooccurrence.csv` gives them for the pair.
    pub measures: Association,
}

/// Columns of `corpstat collocates`.
pub const COLLOCATE_COLUMNS: &[Column] = &[
    text("collocate", "the word that co-occurs with the node"),
    number(
        "count",
        "c: co-occurrences, as cooccurrence.csv counts them",
    ),
    number(
        "left",
        "of them, the collocate before the node (window scope; empty otherwise)",
    ),
    number(
        "right",
        "of them, the collocate after the node (window scope; empty otherwise)",
    ),
    number("count_node", "f(node) in the scope"),
    number("count_collocate", "f(collocate) in the scope"),
    number("expected", "E11 = f(node)·f(collocate) / N"),
    number("pmi", "log2(c / E11)"),
    number("npmi", "pmi / −log2(c / N)"),
    number("llr", "log-likelihood G²"),
    number("chi2", "Pearson's χ²"),
    number("t_score", "(c − E11) / √c"),
    number("dice", "2c / (f(node) + f(collocate))"),
    number("jaccard", "c / (f(node) + f(collocate) − c)"),
];

impl Report {
    /// The collocates of `node` (matched on its folded form), in no particular
    /// order, with at least `min_count` co-occurrences; `None` when the corpus does
    /// not hold it.
    ///
    /// Under the window scope the report must have been counted with
    /// `cooccurrence.ordered` and a `min_count` of 1: each side is then an ordered
    /// count, and the two together are the unordered count of `cooccurrence.csv`,
    /// with its N (half the ordered one). Under the sentence and document scopes
    /// there are no sides.
    pub fn collocates(&self, node: &str, min_count: u64) -> Option<Vec<CollocateRow>> {
        let normalizer = Normalizer::new(&self.summary.options.normalize).ok()?;
        let key = normalizer.fold(&normalizer.surface(node)).into_owned();
        let node_id = self
            .names
            .iter()
            .position(|name| normalizer.fold(name) == key.as_str())? as u32;
        let cooc = &self.summary.options.cooccurrence;
        let sided = cooc.scope == CoocScope::Window && cooc.ordered;
        // Per collocate: (left, right) when sided, else (count, 0).
        let mut sides: BTreeMap<u32, (u64, u64)> = BTreeMap::new();
        for pair in &self.cooccurrences {
            let count = u64::from(pair.count);
            if pair.b == node_id && pair.a != node_id {
                sides.entry(pair.a).or_default().0 += count;
            } else if pair.a == node_id && pair.b != node_id {
                let side = sides.entry(pair.b).or_default();
                if sided {
                    side.1 += count;
                } else {
                    side.0 += count;
                }
            }
        }
        let n = if sided {
            self.pair_n / 2.0
        } else {
            self.pair_n
        };
        let count_node = self.marginals[node_id as usize];
        Some(
            sides
                .into_iter()
                .filter_map(|(id, (left, right))| {
                    let count = left + right;
                    (count >= min_count.max(1)).then(|| {
                        let count_collocate = self.marginals[id as usize];
                        CollocateRow {
                            collocate: self.names[id as usize].to_string(),
                            count,
                            left: sided.then_some(left),
                            right: sided.then_some(right),
                            count_node,
                            count_collocate,
                            measures: associate(
                                count as f64,
                                count_node as f64,
                                count_collocate as f64,
                                n,
                            ),
                        }
                    })
                })
                .collect(),
        )
    }
}

impl CollocateRow {
    /// The row's cells under [`COLLOCATE_COLUMNS`].
    pub fn cells(&self) -> Vec<String> {
        let side = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
        let mut cells = vec![
            self.collocate.clone(),
            self.count.to_string(),
            side(self.left),
            side(self.right),
            self.count_node.to_string(),
            self.count_collocate.to_string(),
        ];
        cells.extend(super::cooccurrence::measure_cells(&self.measures));
        cells
    }
}
