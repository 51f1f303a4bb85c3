//! The corpus-wide counts of n-grams of one order: one variant per key width,
//! chosen once by the order, so that every operation dispatches in one place
//! ([`by_arity!`]) and each variant holds only the table its keys need.

use rustc_hash::FxHashMap;

use super::sorted::SortedCounts;
use super::{key_of, Tally};

/// The operations every variant of [`NgramCounts`] has, with keys as slices of
/// ids: a key of the wrong length is a bug in the caller (the order is fixed
/// when the table is made), so it panics rather than returning an error.
trait GramCounts<V> {
    fn add(&mut self, gram: &[u32], value: V);
    fn settle(&mut self);
    fn prune(&mut self, threshold: u32) -> usize;
    fn retain_at_least(&mut self, min: u64);
    fn len(&mut self) -> usize;
    #[cfg(test)]
    fn get(&self, gram: &[u32]) -> Option<(V, u32)>;
    fn for_each(&mut self, f: impl FnMut(&[u32], &V, u32));
    fn heap_bytes(&self) -> usize;
}

impl<K, V: Tally> GramCounts<V> for SortedCounts<K, V>
where
    K: Ord + Copy + Default + AsRef<[u32]> + AsMut<[u32]>,
{
    #[inline]
    fn add(&mut self, gram: &[u32], value: V) {
        SortedCounts::add(self, key_of(gram), value);
    }
    fn settle(&mut self) {
        SortedCounts::settle(self);
    }
    fn prune(&mut self, threshold: u32) -> usize {
        SortedCounts::prune(self, threshold)
    }
    fn retain_at_least(&mut self, min: u64) {
        SortedCounts::retain_at_least(self, min);
    }
    fn len(&mut self) -> usize {
        SortedCounts::len(self)
    }
    #[cfg(test)]
    fn get(&self, gram: &[u32]) -> Option<(V, u32)> {
        SortedCounts::get(self, &key_of(gram))
    }
    fn for_each(&mut self, mut f: impl FnMut(&[u32], &V, u32)) {
        SortedCounts::for_each(self, |k, v, d| f(k.as_ref(), v, d));
    }
    fn heap_bytes(&self) -> usize {
        SortedCounts::heap_bytes(self)
    }
}

/// N-grams longer than [`PACKED_MAX`](super::PACKED_MAX) (rare: only asked for
/// with `--ngrams 5` or more), in a hash map with each key's Δ.
#[derive(Debug, Clone)]
pub struct LongCounts<V> {
    n: usize,
    map: FxHashMap<Box<[u32]>, (V, u32)>,
    /// The last pruning threshold: Δ of keys added anew from now on.
    threshold: u32,
}

impl<V: Tally> GramCounts<V> for LongCounts<V> {
    fn add(&mut self, gram: &[u32], value: V) {
        match self.map.get_mut(gram) {
            Some((v, _)) => v.add(value),
            None => {
                self.map.insert(gram.into(), (value, self.threshold));
            }
        }
    }
    fn settle(&mut self) {}
    fn prune(&mut self, threshold: u32) -> usize {
        let before = self.map.len();
        self.map.retain(|_, (v, delta)| {
            u64::from(v.occurrences()) + u64::from(*delta) > u64::from(threshold)
        });
        self.map.shrink_to_fit();
        self.threshold = self.threshold.max(threshold);
        before - self.map.len()
    }
    fn retain_at_least(&mut self, min: u64) {
        self.map
            .retain(|_, (v, _)| u64::from(v.occurrences()) >= min);
        self.map.shrink_to_fit();
    }
    fn len(&mut self) -> usize {
        self.map.len()
    }
    #[cfg(test)]
    fn get(&self, gram: &[u32]) -> Option<(V, u32)> {
        self.map.get(gram).map(|(v, d)| (*v, *d))
    }
    fn for_each(&mut self, mut f: impl FnMut(&[u32], &V, u32)) {
        self.map.iter().for_each(|(k, (v, d))| f(k, v, *d));
    }
    fn heap_bytes(&self) -> usize {
        let entry = self.n * 4 + std::mem::size_of::<V>() + 4;
        self.map.capacity() * (16 + entry + 1) * 8 / 7
    }
}

/// The corpus-wide counts of n-grams of one order (or of pairs, as n = 2).
#[derive(Debug, Clone)]
pub enum NgramCounts<V> {
    /// Pairs and bigrams.
    Two(SortedCounts<[u32; 2], V>),
    /// Trigrams.
    Three(SortedCounts<[u32; 3], V>),
    /// 4-grams.
    Four(SortedCounts<[u32; 4], V>),
    /// Any other order.
    Long(LongCounts<V>),
}

/// Runs `$body` with `$table` bound to whichever table `$counts` holds: the one
/// place that dispatches on the order.
macro_rules! by_arity {
    ($counts:expr, $table:ident => $body:expr) => {
        match $counts {
            NgramCounts::Two($table) => $body,
            NgramCounts::Three($table) => $body,
            NgramCounts::Four($table) => $body,
            NgramCounts::Long($table) => $body,
        }
    };
}

impl<V> Default for NgramCounts<V> {
    fn default() -> Self {
        NgramCounts::new(2)
    }
}

impl<V> NgramCounts<V> {
    /// No counts yet, for n-grams of order `n`.
    pub fn new(n: usize) -> Self {
        match n {
            2 => NgramCounts::Two(SortedCounts::default()),
            3 => NgramCounts::Three(SortedCounts::default()),
            4 => NgramCounts::Four(SortedCounts::default()),
            _ => NgramCounts::Long(LongCounts {
                n,
                map: FxHashMap::default(),
                threshold: 0,
            }),
        }
    }

    /// The order.
    pub fn order(&self) -> usize {
        match self {
            NgramCounts::Two(_) => 2,
            NgramCounts::Three(_) => 3,
            NgramCounts::Four(_) => 4,
            NgramCounts::Long(long) => long.n,
        }
    }
}

impl<V: Tally> NgramCounts<V> {
    /// Adds `value` to the count of `gram` (of length n).
    #[inline]
    pub fn add(&mut self, gram: &[u32], value: V) {
        by_arity!(self, table => GramCounts::add(table, gram, value))
    }

    /// Compacts the recent keys when they are many enough (see [`SortedCounts`]).
    pub fn settle(&mut self) {
        by_arity!(self, table => GramCounts::settle(table))
    }

    /// Lossy-counting pruning at `threshold` (see [`SortedCounts::prune`]);
    /// returns the n-grams dropped.
    pub fn prune(&mut self, threshold: u32) -> usize {
        by_arity!(self, table => GramCounts::prune(table, threshold))
    }

    /// Drops every n-gram counted fewer than `min` times (see
    /// [`SortedCounts::retain_at_least`]).
    pub fn retain_at_least(&mut self, min: u64) {
        by_arity!(self, table => GramCounts::retain_at_least(table, min))
    }

    /// Number of distinct n-grams.
    pub fn len(&mut self) -> usize {
        by_arity!(self, table => GramCounts::len(table))
    }

    #[cfg(test)]
    /// The count of `gram` and its Δ (see [`SortedCounts::get`]).
    pub fn get(&self, gram: &[u32]) -> Option<(V, u32)> {
        by_arity!(self, table => GramCounts::get(table, gram))
    }

    /// Calls `f` with each n-gram, its count and its Δ, in no particular order.
    pub fn for_each(&mut self, f: impl FnMut(&[u32], &V, u32)) {
        by_arity!(self, table => GramCounts::for_each(table, f))
    }

    /// Bytes held, roughly.
    pub fn heap_bytes(&self) -> usize {
        by_arity!(self, table => GramCounts::heap_bytes(table))
    }
}
