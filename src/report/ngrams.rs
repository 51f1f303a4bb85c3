//! `ngrams.csv`: the n-grams of every order asked for, made from the merged tables.

use rayon::prelude::*;

use super::{joined, table, RowSource, TermNames};
use crate::count::NgramTotals;
use crate::store::ShardedNgrams;
use crate::table::{number, text, Column, Table};
use crate::{Options, Report};

/// The n-grams of one order kept for `ngrams.csv`, in rank order, held as term ids
/// (the text is made when a row is read), so that a large table costs little more
/// than its ids and counts.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct NgramRows {
    n: usize,
    /// The term ids of every n-gram, n per n-gram, in the order they were found.
    ids: Vec<u32>,
    /// In rank order: the n-gram's place in `ids` (in n-grams), its count and doc_freq.
    rows: Vec<(u32, u32, u32)>,
}

impl NgramRows {
    /// The order.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Number of n-grams.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The term ids, count and doc_freq of the n-gram of rank `i + 1`.
    pub fn get(&self, i: usize) -> (&[u32], u64, u64) {
        let (at, count, doc_freq) = self.rows[i];
        let at = at as usize * self.n;
        (&self.ids[at..at + self.n], count.into(), doc_freq.into())
    }
}

/// One row of `ngrams.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct NgramRow {
    /// The order.
    pub n: usize,
    /// Rank within the order, from 1.
    pub rank: usize,
    /// The n-gram, its terms joined by a space.
    pub ngram: String,
    /// Occurrences.
    pub count: u64,
    /// Documents it occurs in.
    pub doc_freq: u64,
}

/// Columns of `ngrams.csv`.
pub const NGRAM_COLUMNS: &[Column] = &[
    number("n", "order: 1 for single terms, 2 for bigrams, ..."),
    number("rank", "1 = most frequent among n-grams of this order"),
    text("ngram", "the n-gram's terms joined by one space"),
    number(
        "count",
        "occurrences (n-grams never cross a sentence boundary)",
    ),
    number("doc_freq", "documents that contain it"),
];

impl Report {
    /// The n-grams of order 2 and more that ngrams.csv lists, one order at a time,
    /// each table emptied shard by shard as its rows are taken.
    pub(super) fn build_ngram_rows(
        tables: Vec<ShardedNgrams<NgramTotals>>,
        names: &TermNames,
        options: &Options,
    ) -> Vec<NgramRows> {
        let mut out = Vec::new();
        for (i, table) in tables.into_iter().enumerate() {
            let n = i + 2;
            if n < options.ngram_min {
                continue;
            }
            let mut grams = NgramRows {
                n,
                ids: Vec::new(),
                rows: Vec::new(),
            };
            for mut shard in table.shards {
                shard.for_each(|key, totals, _| {
                    if u64::from(totals.count) >= options.ngram_min_count {
                        let at = (grams.ids.len() / n) as u32;
                        grams.ids.extend_from_slice(key);
                        grams.rows.push((at, totals.count, totals.doc_freq));
                    }
                });
            }
            let ids = &grams.ids;
            let key = |at: u32| &ids[at as usize * n..(at as usize + 1) * n];
            grams.rows.par_sort_unstable_by(|x, y| {
                y.1.cmp(&x.1)
                    .then_with(|| names.cmp_ngrams(key(x.0), key(y.0)))
            });
            out.push(grams);
        }
        out
    }

    /// The terms of an n-gram (term ids) joined by one space.
    pub fn ngram_text(&self, ids: &[u32]) -> String {
        joined(&self.names, ids)
    }

    /// The rows of `ngrams.csv`, or only those of order `only`, made as they are read.
    pub fn ngram_rows(&self, only: Option<usize>) -> impl Iterator<Item = NgramRow> + '_ {
        let parts = self.ngram_parts(only);
        let len = parts.last().map_or(0, |p| p.0 + p.2);
        (0..len).map(move |i| self.ngram_row(&parts, i))
    }

    /// The parts of `ngrams.csv` (or of its order `only`), one per order: the first
    /// row of each, its rows (`None` for the unigrams, which are the terms) and how
    /// many.
    pub(super) fn ngram_parts(
        &self,
        only: Option<usize>,
    ) -> Vec<(usize, Option<&NgramRows>, usize)> {
        let wanted = |n: usize| only.is_none_or(|o| o == n);
        let mut parts = Vec::new();
        let mut start = 0;
        if self.summary.options.ngram_min <= 1 && wanted(1) {
            parts.push((0, None, self.terms.len()));
            start = self.terms.len();
        }
        for grams in self.ngrams.iter().filter(|g| wanted(g.n())) {
            parts.push((start, Some(grams), grams.len()));
            start += grams.len();
        }
        parts
    }

    /// Row `i` of the n-grams split into `parts` (see [`Report::ngram_parts`]).
    pub(super) fn ngram_row(
        &self,
        parts: &[(usize, Option<&NgramRows>, usize)],
        i: usize,
    ) -> NgramRow {
        let part = parts.partition_point(|p| p.0 <= i) - 1;
        let (start, grams, _) = parts[part];
        let at = i - start;
        match grams {
            None => {
                let t = &self.terms[at];
                NgramRow {
                    n: 1,
                    rank: t.rank,
                    ngram: t.term.clone(),
                    count: t.count,
                    doc_freq: t.doc_freq,
                }
            }
            Some(g) => {
                let (ids, count, doc_freq) = g.get(at);
                NgramRow {
                    n: g.n(),
                    rank: at + 1,
                    ngram: self.ngram_text(ids),
                    count,
                    doc_freq,
                }
            }
        }
    }

    /// Rows of `ngrams.csv`.
    pub fn ngram_count(&self) -> usize {
        let unigrams = if self.summary.options.ngram_min <= 1 {
            self.terms.len()
        } else {
            0
        };
        unigrams + self.ngrams.iter().map(NgramRows::len).sum::<usize>()
    }

    /// `ngrams.csv`, or only the n-grams of order `only` when given.
    pub fn ngrams_table(&self, only: Option<usize>) -> Table {
        table(NGRAM_COLUMNS, self.ngrams_source(only), usize::MAX)
    }

    /// The rows of `ngrams.csv` (or of its order `only`), in any order.
    pub(crate) fn ngrams_source(&self, only: Option<usize>) -> RowSource<'_> {
        let parts = self.ngram_parts(only);
        let len = parts.last().map_or(0, |p| p.0 + p.2);
        RowSource::new(len, move |i| {
            let g = self.ngram_row(&parts, i);
            vec![
                g.n.to_string(),
                g.rank.to_string(),
                g.ngram,
                g.count.to_string(),
                g.doc_freq.to_string(),
            ]
        })
    }
}
