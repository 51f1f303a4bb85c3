//! The n-gram and pair tables of partials, read back within a memory budget.

use std::path::Path;

use super::super::parquet_io::for_each_batch;
use super::super::tables::columns;
use super::super::tables::{NGRAMS, PAIRS};
use super::super::PartialError;
use super::{bad, count_column, ids_by_row, saturated, term_id};
use crate::count::{keep_within, CorpusCounts, NgramTotals, Pruning, TABLE_SHARE_OF_LIMIT};
use crate::store::{Buckets, ShardedNgrams};

/// N-gram or pair entries gathered before they are added to the tables.
const ENTRIES_PER_ADD: usize = 1 << 20;

/// The n-gram and pair tables while they are read, kept within `budget` bytes
/// (`merge --memory-limit`) by the lossy counting that counting uses.
pub(super) struct GramTables {
    ngrams: Vec<ShardedNgrams<NgramTotals>>,
    pairs: ShardedNgrams<u32>,
    ngram_buckets: Vec<Buckets<NgramTotals>>,
    pair_buckets: Buckets<u32>,
    pending: usize,
    budget: Option<usize>,
    /// How the merge itself pruned, apart from the shards' own pruning.
    pruning: Option<Pruning>,
}

impl GramTables {
    fn count(&mut self) {
        self.pending += 1;
        if self.pending == ENTRIES_PER_ADD {
            self.flush();
        }
    }

    fn flush(&mut self) {
        for (table, bucket) in self.ngrams.iter_mut().zip(&mut self.ngram_buckets) {
            table.add_all(bucket);
            bucket.clear();
        }
        self.pairs.add_all(&self.pair_buckets);
        self.pair_buckets.clear();
        self.pending = 0;
        if let Some(budget) = self.budget {
            keep_within(&mut self.ngrams, &mut self.pairs, &mut self.pruning, budget);
        }
    }
}

/// Reads the n-gram and pair tables; returns how the merge pruned them.
pub(super) fn read_grams(
    dirs: &[&Path],
    counts: &mut CorpusCounts,
    memory_limit: Option<u64>,
) -> Result<Option<Pruning>, PartialError> {
    let ngrams = std::mem::take(&mut counts.ngrams);
    let mut tables = GramTables {
        ngram_buckets: ngrams.iter().map(|_| Buckets::default()).collect(),
        ngrams,
        pairs: std::mem::take(&mut counts.pairs),
        pair_buckets: Buckets::default(),
        pending: 0,
        budget: memory_limit.map(|limit| (limit as f64 * TABLE_SHARE_OF_LIMIT) as usize),
        pruning: None,
    };
    read_ngrams(dirs, counts, &mut tables)?;
    read_pairs(dirs, counts, &mut tables)?;
    tables.flush();
    counts.ngrams = tables.ngrams;
    counts.pairs = tables.pairs;
    Ok(tables.pruning)
}

pub(super) fn read_ngrams(
    dirs: &[&Path],
    counts: &CorpusCounts,
    tables: &mut GramTables,
) -> Result<(), PartialError> {
    let table = NGRAMS.name;
    let orders = tables.ngrams.len();
    for_each_batch(dirs, &NGRAMS, |rows, at| {
        let dir = dirs[at];
        let grams = rows.text(columns::GRAM);
        let orders_column = count_column(rows, columns::N, dir, table);
        let count = count_column(rows, columns::COUNT, dir, table);
        let doc_freq = count_column(rows, columns::DOC_FREQ, dir, table);
        let (all_ids, ends) = ids_by_row(rows.len(), |row, ids| {
            for term in super::super::gram_key::terms(grams.value(row)) {
                let term = term.ok_or_else(|| {
                    bad(
                        dir,
                        table,
                        format!("the n-gram {:?} holds a bad escape", grams.value(row)),
                    )
                })?;
                ids.push(term_id(counts, &term, dir, table)?);
            }
            Ok(())
        })?;
        for row in 0..rows.len() {
            let ids = &all_ids[if row == 0 { 0 } else { ends[row - 1] }..ends[row]];
            let n = orders_column.at(row)? as usize;
            if n < 2 || n - 2 >= orders {
                return Err(bad(
                    dir,
                    table,
                    format!("holds {n}-grams; the options count 2 to {}", orders + 1),
                ));
            }
            if ids.len() != n {
                return Err(bad(
                    dir,
                    table,
                    format!(
                        "the {n}-gram {:?} has {} terms",
                        grams.value(row),
                        ids.len()
                    ),
                ));
            }
            let totals = NgramTotals {
                count: saturated(count.at(row)?),
                doc_freq: saturated(doc_freq.at(row)?),
            };
            tables.ngram_buckets[n - 2].push(ids, totals);
            tables.count();
        }
        Ok(())
    })
}

pub(super) fn read_pairs(
    dirs: &[&Path],
    counts: &CorpusCounts,
    tables: &mut GramTables,
) -> Result<(), PartialError> {
    let table = PAIRS.name;
    let unordered = !counts.options.cooccurrence.ordered;
    for_each_batch(dirs, &PAIRS, |rows, at| {
        let dir = dirs[at];
        let (a, b) = (rows.text(columns::TERM_A), rows.text(columns::TERM_B));
        let count = count_column(rows, columns::COUNT, dir, table);
        let (ids, _) = ids_by_row(rows.len(), |row, ids| {
            ids.push(term_id(counts, a.value(row), dir, table)?);
            ids.push(term_id(counts, b.value(row), dir, table)?);
            Ok(())
        })?;
        for (row, key) in ids.chunks_exact(2).enumerate() {
            let mut key = [key[0], key[1]];
            if unordered {
                key.sort_unstable();
            }
            tables.pair_buckets.push(&key, saturated(count.at(row)?));
            tables.count();
        }
        Ok(())
    })
}
