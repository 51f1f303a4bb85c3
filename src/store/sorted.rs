//! [`SortedCounts`]: counts of one key width as sorted arrays plus recent
//! additions, compacted in batches; and lossy-counting pruning for `--memory-limit`.

use super::radix;
use super::{PackedKeys, Tally};

/// Keys are compacted once the recent ones are this many, or an eighth of the
/// sorted ones, whichever is more.
const COMPACT_AT_LEAST: usize = 4096;

/// Counts of one key type, held as sorted arrays plus the entries added since
/// the arrays were last rebuilt.
///
/// A hash map holds each entry in a bucket of a table kept between 44% and 88%
/// full, plus a control byte; a sorted array holds it in exactly its own size.
/// Most n-grams and pairs of a corpus are seen once, in one document, so those
/// keys are kept apart, packed, without a value ("singles", whose value is
/// [`Tally::ONE`]; see [`PackedKeys`]), and only the others carry their value.
/// Adding appends to a vector; when it reaches an eighth of the arrays, its
/// entries are sorted, summed and merged into them (each key written about eight
/// times over the arrays' life, in order), so no more than one shard's worth of
/// extra memory is needed at once. The memory this saves, and the layouts that
/// were measured and not kept, are in `docs/PERFORMANCE.md`.
///
/// Pruning ([`SortedCounts::prune`]) is lossy counting (Manku and Motwani, 2002):
/// every key carries Δ, the most occurrences it may have lost, which is the
/// threshold in force when it was last added anew (0 before any pruning), and a
/// key is dropped when its count + Δ is at most the new threshold. So a kept
/// count is never above the truth nor more than Δ ≤ the last threshold below it,
/// and a key seen more often than the last threshold is never dropped. The Δs are
/// stored only once pruning has begun, and never for singles: a single's Δ is the
/// threshold in force, since every pruning drops every single (its count, 1, plus
/// that threshold is at most the next, higher one).
#[derive(Debug, Clone)]
pub struct SortedCounts<K, V> {
    /// Keys with a value other than [`Tally::ONE`], sorted.
    sorted: Vec<(K, V)>,
    /// Δ of each sorted entry; empty until the first pruning.
    deltas: Vec<u32>,
    /// Keys whose value is [`Tally::ONE`]; none of them is in `sorted`.
    pub(super) singles: PackedKeys<K>,
    /// Entries added since the last compaction, as added: a key may be here more
    /// than once, and in the arrays too. Appending and sorting them later costs
    /// less than a hash map, which would have to grow, rehash and fault in pages.
    recent: Vec<(K, V)>,
    /// The last pruning threshold: Δ of keys added anew from now on.
    threshold: u32,
}

impl<K: Default, V> Default for SortedCounts<K, V> {
    fn default() -> Self {
        SortedCounts {
            sorted: Vec::new(),
            deltas: Vec::new(),
            singles: PackedKeys::default(),
            recent: Vec::new(),
            threshold: 0,
        }
    }
}

impl<K, V: Tally> SortedCounts<K, V>
where
    K: Ord + Copy + Default + AsRef<[u32]> + AsMut<[u32]>,
{
    /// Adds `value` to the count of `key`.
    #[inline]
    pub fn add(&mut self, key: K, value: V) {
        self.recent.push((key, value));
    }

    /// Merges the recent keys into the sorted arrays when they are many enough.
    pub fn settle(&mut self) {
        let held = self.sorted.len() + self.singles.len();
        if self.recent.len() >= COMPACT_AT_LEAST.max(held / 8) {
            self.compact();
        }
    }

    /// Merges the recent keys into the sorted arrays, in three steps once they are
    /// sorted and summed: recent keys already counted more than once are added in
    /// place; the others are merged with the singles, which they either join or
    /// leave (a single seen again); and the keys leaving the singles, with the new
    /// ones seen more than once, are merged into the counted array.
    ///
    /// One function of about a hundred lines: the three merges share cursors into
    /// the same arrays, and this is the merge's inner loop (most of the merge's
    /// time; see `docs/PERFORMANCE.md`), where a call per step costs.
    pub fn compact(&mut self) {
        if self.recent.is_empty() {
            return;
        }
        let mut fresh = std::mem::take(&mut self.recent);
        radix::sort_by_key(&mut fresh);
        let mut distinct = 0;
        for i in 0..fresh.len() {
            if distinct > 0 && fresh[distinct - 1].0 == fresh[i].0 {
                let value = fresh[i].1;
                fresh[distinct - 1].1.add(value);
            } else {
                fresh[distinct] = fresh[i];
                distinct += 1;
            }
        }
        fresh.truncate(distinct);

        let mut rest: Vec<(K, V)> = Vec::with_capacity(fresh.len());
        let mut i = 0;
        for (key, value) in fresh {
            while i < self.sorted.len() && self.sorted[i].0 < key {
                i += 1;
            }
            match self.sorted.get_mut(i) {
                Some(entry) if entry.0 == key => entry.1.add(value),
                _ => rest.push((key, value)),
            }
        }
        if rest.is_empty() {
            return;
        }

        let mut singles = PackedKeys::with_room(self.singles.len() + rest.len());
        let mut promoted: Vec<(K, V)> = Vec::new();
        let old_singles = std::mem::take(&mut self.singles);
        let mut old = old_singles.iter();
        // Old singles are decoded to be compared, and copied without encoding again
        // where nothing was inserted before them.
        let mut next_old = old.next_encoded();
        for (key, value) in rest {
            while let Some((single, against, encoded)) = next_old {
                if single >= key {
                    break;
                }
                singles.push_encoded(single, against, encoded);
                next_old = old.next_encoded();
            }
            if next_old.is_some_and(|(single, _, _)| single == key) {
                next_old = old.next_encoded();
                let mut total = V::ONE;
                total.add(value);
                promoted.push((key, total));
            } else if value.is_one() {
                singles.push(key);
            } else {
                promoted.push((key, value));
            }
        }
        while let Some((single, against, encoded)) = next_old {
            singles.push_encoded(single, against, encoded);
            next_old = old.next_encoded();
        }
        singles.shrink_to_fit();
        drop(old_singles);
        self.singles = singles;
        if promoted.is_empty() {
            return;
        }

        let lossy = self.threshold > 0 || !self.deltas.is_empty();
        let old = std::mem::take(&mut self.sorted);
        let old_deltas = std::mem::take(&mut self.deltas);
        let total = old.len() + promoted.len();
        let mut merged: Vec<(K, V)> = Vec::with_capacity(total);
        let mut deltas: Vec<u32> = Vec::with_capacity(if lossy { total } else { 0 });
        let mut promoted = promoted.into_iter().peekable();
        for (i, entry) in old.into_iter().enumerate() {
            while let Some(new) = promoted.next_if(|new| new.0 < entry.0) {
                merged.push(new);
                if lossy {
                    deltas.push(self.threshold);
                }
            }
            merged.push(entry);
            if lossy {
                deltas.push(old_deltas.get(i).copied().unwrap_or(0));
            }
        }
        for new in promoted {
            merged.push(new);
            if lossy {
                deltas.push(self.threshold);
            }
        }
        self.sorted = merged;
        self.deltas = deltas;
    }

    /// Drops every key whose count + Δ is at most `threshold`, and makes
    /// `threshold` the Δ of keys added anew (lossy counting; see the type's
    /// documentation). Returns the keys dropped.
    pub fn prune(&mut self, threshold: u32) -> usize {
        self.compact();
        if self.deltas.len() != self.sorted.len() {
            self.deltas = vec![0; self.sorted.len()];
        }
        let before = self.sorted.len() + self.singles.len();
        let kept = self.retain_counted(|value, delta| {
            u64::from(value.occurrences()) + u64::from(delta) > u64::from(threshold)
        });
        let single = u64::from(V::ONE.occurrences()) + u64::from(self.threshold);
        if single <= u64::from(threshold) {
            self.singles = PackedKeys::default();
        }
        self.threshold = self.threshold.max(threshold);
        before - kept - self.singles.len()
    }

    /// Drops every key counted fewer than `min` times (Δ aside), compacting first.
    pub fn retain_at_least(&mut self, min: u64) {
        self.compact();
        if u64::from(V::ONE.occurrences()) < min {
            self.singles = PackedKeys::default();
        }
        self.retain_counted(|value, _| u64::from(value.occurrences()) >= min);
    }

    /// Keeps the counted (non-single) entries for which `keep(value, Δ)` holds, with
    /// their Δs when those are stored; returns how many were kept.
    fn retain_counted(&mut self, keep: impl Fn(V, u32) -> bool) -> usize {
        let lossy = self.deltas.len() == self.sorted.len() && !self.deltas.is_empty();
        let mut kept = 0;
        for i in 0..self.sorted.len() {
            let delta = if lossy { self.deltas[i] } else { 0 };
            if keep(self.sorted[i].1, delta) {
                self.sorted[kept] = self.sorted[i];
                if lossy {
                    self.deltas[kept] = delta;
                }
                kept += 1;
            }
        }
        self.sorted.truncate(kept);
        self.sorted.shrink_to_fit();
        if lossy {
            self.deltas.truncate(kept);
            self.deltas.shrink_to_fit();
        }
        kept
    }

    /// Number of distinct keys.
    pub fn len(&mut self) -> usize {
        self.compact();
        self.sorted.len() + self.singles.len()
    }

    #[cfg(test)]
    /// The count of `key` and its Δ (after [`SortedCounts::compact`]).
    pub fn get(&self, key: &K) -> Option<(V, u32)> {
        match self.sorted.binary_search_by(|(k, _)| k.cmp(key)) {
            Ok(i) => Some((self.sorted[i].1, self.deltas.get(i).copied().unwrap_or(0))),
            Err(_) => self
                .singles
                .contains(key)
                .then_some((V::ONE, self.threshold)),
        }
    }

    /// Calls `f` with every key, its count and its Δ, in key order (recent ones
    /// are merged first).
    pub fn for_each(&mut self, mut f: impl FnMut(&K, &V, u32)) {
        self.compact();
        let mut singles = self.singles.iter().peekable();
        for (i, (k, v)) in self.sorted.iter().enumerate() {
            while let Some(single) = singles.next_if(|single| single < k) {
                f(&single, &V::ONE, self.threshold);
            }
            f(k, v, self.deltas.get(i).copied().unwrap_or(0));
        }
        for single in singles {
            f(&single, &V::ONE, self.threshold);
        }
    }

    /// Bytes held, roughly.
    pub fn heap_bytes(&self) -> usize {
        let entry = std::mem::size_of::<(K, V)>();
        self.sorted.capacity() * entry
            + self.deltas.capacity() * 4
            + self.singles.heap_bytes()
            + self.recent.capacity() * entry
    }
}
