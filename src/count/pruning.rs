//! `--memory-limit`: lossy-counting pruning of the n-gram and pair tables once
//! they pass their share of the limit, decided from the counts alone so that the
//! result is the same on any thread count.

use serde::{Deserialize, Serialize};

use super::NgramTotals;
use crate::store::ShardedNgrams;

/// The share of `--memory-limit` the n-gram and pair tables may hold.
pub const TABLE_SHARE_OF_LIMIT: f64 = 0.5;

/// How the n-gram and pair counts were pruned under `--memory-limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Pruning {
    /// The last pruning threshold: every count of an n-gram (n ≥ 2) or pair is at
    /// most this much below the true count (never above it), and any n-gram or pair
    /// seen more often than this is kept. doc_freq is bounded likewise.
    pub max_undercount: u64,
    /// Times the tables were pruned.
    pub rounds: u64,
    /// Entries dropped in all (a key dropped twice counts twice).
    pub dropped: u64,
}

pub(super) fn table_bytes(
    ngrams: &[ShardedNgrams<NgramTotals>],
    pairs: &ShardedNgrams<u32>,
) -> usize {
    ngrams.iter().map(|t| t.heap_bytes()).sum::<usize>() + pairs.heap_bytes()
}

/// Lossy counting: when the tables hold more than `budget` bytes, raise the
/// threshold one step at a time and prune, until they hold at most three
/// quarters of it (so that the next batches fit) or are empty; `pruning` records
/// it. Depends only on the counts, never on timing, so the result is the same on
/// any thread count.
pub(crate) fn keep_within(
    ngrams: &mut [ShardedNgrams<NgramTotals>],
    pairs: &mut ShardedNgrams<u32>,
    pruning: &mut Option<Pruning>,
    budget: usize,
) {
    if table_bytes(ngrams, pairs) <= budget {
        return;
    }
    let mut record = pruning.unwrap_or_default();
    let mut threshold = u32::try_from(record.max_undercount).unwrap_or(u32::MAX);
    while table_bytes(ngrams, pairs) > budget / 4 * 3 && threshold < u32::MAX {
        threshold += 1;
        let mut dropped = pairs.prune(threshold);
        for table in ngrams.iter_mut() {
            dropped += table.prune(threshold);
        }
        record.rounds += 1;
        record.dropped += dropped as u64;
        record.max_undercount = threshold.into();
        let empty = pairs.is_empty() && ngrams.iter_mut().all(|t| t.is_empty());
        if empty {
            break;
        }
    }
    *pruning = Some(record);
}
