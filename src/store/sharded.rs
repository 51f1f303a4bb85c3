//! Corpus-wide tables split into [`SHARDS`](super::SHARDS) shards by a hash of
//! the key, and the buckets a batch is sorted into before each bucket is added to
//! its shard: shards fill in parallel with no lock, and each stays in cache while
//! its bucket goes in.

use rayon::prelude::*;

use super::{shard_of, NgramCounts, Tally, SHARDS};

/// Entries sorted into one bucket per shard: the key's ids and a value each.
#[derive(Debug, Clone)]
pub struct Buckets<V> {
    ids: Vec<Vec<u32>>,
    values: Vec<Vec<V>>,
}

impl<V: Clone> Default for Buckets<V> {
    fn default() -> Self {
        Buckets {
            ids: vec![Vec::new(); SHARDS],
            values: vec![Vec::new(); SHARDS],
        }
    }
}

impl<V: Copy> Buckets<V> {
    /// Adds an entry to its shard's bucket.
    #[inline]
    pub fn push(&mut self, key: &[u32], value: V) {
        let shard = shard_of(key);
        self.ids[shard].extend_from_slice(key);
        self.values[shard].push(value);
    }

    /// Empties every bucket, keeping their memory.
    pub fn clear(&mut self) {
        self.ids.iter_mut().for_each(Vec::clear);
        self.values.iter_mut().for_each(Vec::clear);
    }

    #[cfg(test)]
    /// Entries held.
    pub fn len(&self) -> usize {
        self.values.iter().map(Vec::len).sum()
    }
}

/// A corpus-wide table split into [`SHARDS`] shards by key.
#[derive(Debug, Clone)]
pub struct Sharded<T> {
    /// The shards; the entry for a key is in `shards[shard_of(key)]`.
    pub shards: Vec<T>,
}

impl<T: Default> Default for Sharded<T> {
    fn default() -> Self {
        Sharded::new(T::default)
    }
}

impl<T> Sharded<T> {
    /// A table of empty shards made by `make`.
    pub fn new(make: impl Fn() -> T) -> Self {
        Sharded {
            shards: (0..SHARDS).map(|_| make()).collect(),
        }
    }
}

impl<T: Send> Sharded<T> {
    /// Adds every bucket to its shard with `add`, shards in parallel on the current
    /// rayon pool; `add` gets the shard, the bucket's ids (n per entry) and values.
    pub fn add_buckets<V: Copy + Sync>(
        &mut self,
        buckets: &Buckets<V>,
        add: impl Fn(&mut T, &[u32], &[V]) + Sync,
    ) {
        self.shards
            .par_iter_mut()
            .zip(buckets.ids.par_iter().zip(buckets.values.par_iter()))
            .for_each(|(shard, (ids, values))| {
                if !values.is_empty() {
                    add(shard, ids, values)
                }
            });
    }
}

/// Corpus-wide n-gram (or pair) counts of one order, in shards.
pub type ShardedNgrams<V> = Sharded<NgramCounts<V>>;

impl<V: Tally> Sharded<NgramCounts<V>> {
    /// Adds every entry of `buckets` (keys of this table's order), shards in
    /// parallel on the current rayon pool.
    pub fn add_all(&mut self, buckets: &Buckets<V>) {
        self.add_buckets(buckets, |shard, ids, values| {
            for (gram, &value) in ids.chunks_exact(shard.order()).zip(values) {
                shard.add(gram, value);
            }
            shard.settle();
        });
    }

    /// Empty shards of n-grams of order `n`.
    pub fn ngrams(n: usize) -> Self {
        Sharded::new(|| NgramCounts::new(n))
    }

    /// Number of distinct n-grams.
    pub fn len(&mut self) -> usize {
        self.shards.iter_mut().map(NgramCounts::len).sum()
    }

    /// Whether there are none.
    pub fn is_empty(&mut self) -> bool {
        self.len() == 0
    }

    #[cfg(test)]
    /// The count of `gram` and its Δ (see [`NgramCounts::get`]).
    pub fn get(&self, gram: &[u32]) -> Option<(V, u32)> {
        self.shards[shard_of(gram)].get(gram)
    }

    /// Lossy-counting pruning of every shard at `threshold`, shards in parallel;
    /// returns the n-grams dropped.
    pub fn prune(&mut self, threshold: u32) -> usize {
        self.shards
            .par_iter_mut()
            .map(|shard| shard.prune(threshold))
            .sum()
    }

    /// Drops every n-gram counted fewer than `min` times, shards in parallel.
    pub fn retain_at_least(&mut self, min: u64) {
        self.shards
            .par_iter_mut()
            .for_each(|shard| shard.retain_at_least(min));
    }

    /// Bytes held, roughly.
    pub fn heap_bytes(&self) -> usize {
        self.shards.iter().map(NgramCounts::heap_bytes).sum()
    }
}
