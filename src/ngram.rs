//! N-gram and pair tables keyed by term ids, without allocation per key: fixed-size
//! id arrays for n ≤ 4, boxed slices beyond.
//!
//! The corpus-wide tables are split into [`SHARDS`] shards by a hash of the key.
//! A batch of documents is merged by first sorting its entries into one bucket per
//! shard, then adding each bucket to its shard: each shard is small enough to stay
//! in cache while its bucket goes in, and the shards fill in parallel. Counts are
//! sums, so the result does not depend on the order the shards are filled in.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// The largest n whose keys are stored as arrays.
pub const PACKED_MAX: usize = 4;

/// Shards of a corpus-wide table.
pub const SHARDS: usize = 64;

/// A map from n-grams of one order (sequences of `n` ids) to `V`.
#[derive(Debug, Clone)]
pub struct NgramTable<V> {
    n: usize,
    two: FxHashMap<[u32; 2], V>,
    three: FxHashMap<[u32; 3], V>,
    four: FxHashMap<[u32; 4], V>,
    boxed: FxHashMap<Box<[u32]>, V>,
}

impl<V: Default> Default for NgramTable<V> {
    fn default() -> Self {
        NgramTable::new(2)
    }
}

impl<V: Default> NgramTable<V> {
    /// An empty table of n-grams of order `n`.
    pub fn new(n: usize) -> Self {
        NgramTable {
            n,
            two: FxHashMap::default(),
            three: FxHashMap::default(),
            four: FxHashMap::default(),
            boxed: FxHashMap::default(),
        }
    }

    /// The order.
    pub fn order(&self) -> usize {
        self.n
    }

    /// The value for `gram` (of length n), inserted as default when absent.
    #[inline]
    pub fn entry(&mut self, gram: &[u32]) -> &mut V {
        debug_assert_eq!(gram.len(), self.n);
        match *gram {
            [a, b] => self.two.entry([a, b]).or_default(),
            [a, b, c] => self.three.entry([a, b, c]).or_default(),
            [a, b, c, d] => self.four.entry([a, b, c, d]).or_default(),
            _ => {
                if !self.boxed.contains_key(gram) {
                    self.boxed.insert(gram.into(), V::default());
                }
                self.boxed.get_mut(gram).expect("inserted just above")
            }
        }
    }

    /// Number of distinct n-grams.
    pub fn len(&self) -> usize {
        self.two.len() + self.three.len() + self.four.len() + self.boxed.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `f` with each n-gram and its value, in no particular order.
    pub fn for_each(&self, mut f: impl FnMut(&[u32], &V)) {
        self.two.iter().for_each(|(k, v)| f(k, v));
        self.three.iter().for_each(|(k, v)| f(k, v));
        self.four.iter().for_each(|(k, v)| f(k, v));
        self.boxed.iter().for_each(|(k, v)| f(k, v));
    }

    /// Keeps only the n-grams for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&[u32], &mut V) -> bool) {
        self.two.retain(|k, v| keep(k, v));
        self.three.retain(|k, v| keep(k, v));
        self.four.retain(|k, v| keep(k, v));
        self.boxed.retain(|k, v| keep(k, v));
    }

    /// The values, in no particular order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.two
            .values()
            .chain(self.three.values())
            .chain(self.four.values())
            .chain(self.boxed.values())
    }

    /// Bytes the table holds, roughly: its buckets at their current capacity.
    pub fn heap_bytes(&self) -> usize {
        let bucket = |key: usize| key + std::mem::size_of::<V>() + 1;
        self.two.capacity() * bucket(8)
            + self.three.capacity() * bucket(12)
            + self.four.capacity() * bucket(16)
            + self.boxed.capacity() * bucket(16)
            + self.boxed.len() * 4 * self.n
    }
}

/// The shard of a key: a hash unrelated to the one the shard's map uses, so that
/// the keys of one shard still spread over its buckets.
#[inline]
pub fn shard_of(ids: &[u32]) -> usize {
    let mut h: u32 = 0x9E37_79B9;
    for &id in ids {
        h = (h ^ id).wrapping_mul(0x85EB_CA6B);
        h ^= h >> 13;
    }
    h = h.wrapping_mul(0xC2B2_AE35);
    (h >> (32 - SHARDS.trailing_zeros())) as usize
}

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

    /// Entries held.
    pub fn len(&self) -> usize {
        self.values.iter().map(Vec::len).sum()
    }

    /// Whether no entry is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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

/// A count that adds up: how two counts of one key combine.
pub trait Tally: Copy + Send + Sync {
    /// Adds `other` to `self`.
    fn add(&mut self, other: Self);
}

impl Tally for u32 {
    fn add(&mut self, other: Self) {
        *self = self.saturating_add(other);
    }
}

/// Keys are compacted once the recent ones are this many, or an eighth of the
/// sorted ones, whichever is more.
const COMPACT_AT_LEAST: usize = 4096;

/// Counts of one key type, held as a sorted array plus a small hash map of the
/// keys added since the array was last rebuilt.
///
/// A hash map holds each entry in a bucket of a table kept between 44% and 88%
/// full, plus a control byte; a sorted array holds it in exactly its own size.
/// Adding goes to the small map only; when that map reaches an eighth of the
/// array, its entries are sorted and merged into a new array (each key written
/// about eight times over the array's life, in order, which is cheap). So the
/// counts take about 60% of the memory of one large map, and no more than one
/// shard's worth of extra memory is ever needed at once.
#[derive(Debug, Clone)]
pub struct SortedCounts<K, V> {
    sorted: Vec<(K, V)>,
    recent: FxHashMap<K, V>,
}

impl<K, V> Default for SortedCounts<K, V> {
    fn default() -> Self {
        SortedCounts {
            sorted: Vec::new(),
            recent: FxHashMap::default(),
        }
    }
}

impl<K: Ord + std::hash::Hash + Copy, V: Tally> SortedCounts<K, V> {
    /// Adds `value` to the count of `key`.
    #[inline]
    pub fn add(&mut self, key: K, value: V) {
        self.recent
            .entry(key)
            .and_modify(|v| v.add(value))
            .or_insert(value);
    }

    /// Merges the recent keys into the sorted array when they are many enough.
    pub fn settle(&mut self) {
        if self.recent.len() >= COMPACT_AT_LEAST.max(self.sorted.len() / 8) {
            self.compact();
        }
    }

    /// Merges the recent keys into the sorted array.
    pub fn compact(&mut self) {
        if self.recent.is_empty() {
            return;
        }
        let mut fresh: Vec<(K, V)> = std::mem::take(&mut self.recent).into_iter().collect();
        fresh.sort_unstable_by_key(|entry| entry.0);
        let old = std::mem::take(&mut self.sorted);
        let mut merged: Vec<(K, V)> = Vec::with_capacity(old.len() + fresh.len());
        let mut fresh = fresh.into_iter().peekable();
        for (key, mut value) in old {
            while let Some(&(k, v)) = fresh.peek() {
                if k < key {
                    merged.push((k, v));
                    fresh.next();
                } else {
                    if k == key {
                        value.add(v);
                        fresh.next();
                    }
                    break;
                }
            }
            merged.push((key, value));
        }
        merged.extend(fresh);
        merged.shrink_to_fit();
        self.sorted = merged;
    }

    /// Keeps only the entries for which `keep` is true (recent ones are merged first).
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &V) -> bool) {
        self.compact();
        self.sorted.retain(|(k, v)| keep(k, v));
        self.sorted.shrink_to_fit();
    }

    /// Number of distinct keys.
    pub fn len(&mut self) -> usize {
        self.compact();
        self.sorted.len()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty() && self.recent.is_empty()
    }

    /// The count of `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        match self.sorted.binary_search_by(|(k, _)| k.cmp(key)) {
            Ok(i) => match self.recent.get(key) {
                // Both hold a part: only `for_each` and `len`, which compact first, may be relied on.
                Some(_) => None,
                None => Some(&self.sorted[i].1),
            },
            Err(_) => self.recent.get(key),
        }
    }

    /// Every key and its count, in key order (recent ones are merged first).
    pub fn entries(&mut self) -> &[(K, V)] {
        self.compact();
        &self.sorted
    }

    /// Bytes held, roughly.
    pub fn heap_bytes(&self) -> usize {
        let entry = std::mem::size_of::<(K, V)>();
        self.sorted.capacity() * entry + self.recent.capacity() * (entry + 1) * 8 / 7
    }
}

/// The corpus-wide counts of n-grams of one order (or of pairs, as n = 2).
#[derive(Debug, Clone)]
pub struct NgramCounts<V> {
    n: usize,
    two: SortedCounts<[u32; 2], V>,
    three: SortedCounts<[u32; 3], V>,
    four: SortedCounts<[u32; 4], V>,
    boxed: FxHashMap<Box<[u32]>, V>,
}

impl<V> Default for NgramCounts<V> {
    fn default() -> Self {
        NgramCounts::new(2)
    }
}

impl<V> NgramCounts<V> {
    /// No counts yet, for n-grams of order `n`.
    pub fn new(n: usize) -> Self {
        NgramCounts {
            n,
            two: SortedCounts::default(),
            three: SortedCounts::default(),
            four: SortedCounts::default(),
            boxed: FxHashMap::default(),
        }
    }

    /// The order.
    pub fn order(&self) -> usize {
        self.n
    }
}

impl<V: Tally> NgramCounts<V> {
    /// Adds `value` to the count of `gram` (of length n).
    #[inline]
    pub fn add(&mut self, gram: &[u32], value: V) {
        match *gram {
            [a, b] => self.two.add([a, b], value),
            [a, b, c] => self.three.add([a, b, c], value),
            [a, b, c, d] => self.four.add([a, b, c, d], value),
            _ => match self.boxed.get_mut(gram) {
                Some(v) => v.add(value),
                None => {
                    self.boxed.insert(gram.into(), value);
                }
            },
        }
    }

    /// Compacts the recent keys when they are many enough (see [`SortedCounts`]).
    pub fn settle(&mut self) {
        self.two.settle();
        self.three.settle();
        self.four.settle();
    }

    /// Number of distinct n-grams.
    pub fn len(&mut self) -> usize {
        self.two.len() + self.three.len() + self.four.len() + self.boxed.len()
    }

    /// Whether there are none.
    pub fn is_empty(&mut self) -> bool {
        self.len() == 0
    }

    /// The count of `gram`; reliable after [`NgramCounts::settle`] was not called
    /// since the last add, or after `len`/`for_each`.
    pub fn get(&self, gram: &[u32]) -> Option<&V> {
        match *gram {
            [a, b] => self.two.get(&[a, b]),
            [a, b, c] => self.three.get(&[a, b, c]),
            [a, b, c, d] => self.four.get(&[a, b, c, d]),
            _ => self.boxed.get(gram),
        }
    }

    /// Calls `f` with each n-gram and its count, in no particular order.
    pub fn for_each(&mut self, mut f: impl FnMut(&[u32], &V)) {
        self.two.entries().iter().for_each(|(k, v)| f(k, v));
        self.three.entries().iter().for_each(|(k, v)| f(k, v));
        self.four.entries().iter().for_each(|(k, v)| f(k, v));
        self.boxed.iter().for_each(|(k, v)| f(k, v));
    }

    /// Keeps only the n-grams for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&[u32], &V) -> bool) {
        self.two.retain(|k, v| keep(k, v));
        self.three.retain(|k, v| keep(k, v));
        self.four.retain(|k, v| keep(k, v));
        self.boxed.retain(|k, v| keep(k, v));
        self.boxed.shrink_to_fit();
    }

    /// Bytes held, roughly.
    pub fn heap_bytes(&self) -> usize {
        let entry = self.n * 4 + std::mem::size_of::<V>();
        self.two.heap_bytes()
            + self.three.heap_bytes()
            + self.four.heap_bytes()
            + self.boxed.capacity() * (16 + entry + 1) * 8 / 7
    }
}

/// Corpus-wide n-gram (or pair) counts of one order, in shards.
pub type ShardedNgrams<V> = Sharded<NgramCounts<V>>;

impl<V: Tally> Sharded<NgramCounts<V>> {
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

    /// The count of `gram` (see [`NgramCounts::get`]).
    pub fn get(&self, gram: &[u32]) -> Option<&V> {
        self.shards[shard_of(gram)].get(gram)
    }

    /// Bytes held, roughly.
    pub fn heap_bytes(&self) -> usize {
        self.shards.iter().map(NgramCounts::heap_bytes).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_counts_equal_a_hash_map() {
        let mut counts: SortedCounts<[u32; 2], u32> = SortedCounts::default();
        let mut expected: FxHashMap<[u32; 2], u32> = FxHashMap::default();
        let mut x: u32 = 12345;
        for i in 0..200_000u32 {
            // A skewed stream: small ids often, large ids rarely.
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let key = [x % 97, (x >> 8) % (1 + i % 5000)];
            counts.add(key, 1);
            *expected.entry(key).or_default() += 1;
            if i % 1000 == 0 {
                counts.settle();
            }
        }
        assert_eq!(counts.len(), expected.len());
        let entries = counts.entries().to_vec();
        assert!(entries.windows(2).all(|w| w[0].0 < w[1].0));
        for (key, value) in entries {
            assert_eq!(expected[&key], value, "{key:?}");
            assert_eq!(counts.get(&key), Some(&value));
        }
        counts.retain(|_, &v| v > 3);
        assert_eq!(counts.len(), expected.values().filter(|&&v| v > 3).count());
    }

    #[test]
    fn array_and_boxed_keys_round_trip() {
        for n in [2, 3, 4, 5] {
            let mut table: NgramTable<u32> = NgramTable::new(n);
            let a: Vec<u32> = (0..n as u32)
                .map(|i| i * 1_000_003 + u32::MAX / 3)
                .collect();
            let b: Vec<u32> = (0..n as u32).rev().collect();
            *table.entry(&a) += 2;
            *table.entry(&b) += 1;
            *table.entry(&a) += 3;
            let mut seen = Vec::new();
            table.for_each(|gram, &count| seen.push((gram.to_vec(), count)));
            seen.sort();
            let mut expected = vec![(a.clone(), 5), (b.clone(), 1)];
            expected.sort();
            assert_eq!(seen, expected, "n = {n}");
            assert_eq!(table.len(), 2);
        }
    }

    #[test]
    fn buckets_fill_the_right_shards() {
        let mut buckets: Buckets<u32> = Buckets::default();
        let mut sharded: ShardedNgrams<u32> = Sharded::ngrams(3);
        let keys: Vec<[u32; 3]> = (0..1000u32).map(|i| [i, i * 7, i % 13]).collect();
        for key in &keys {
            buckets.push(key, 1);
            buckets.push(key, 2);
        }
        assert_eq!(buckets.len(), 2000);
        sharded.add_buckets(&buckets, |shard, ids, values| {
            for (key, &v) in ids.chunks_exact(3).zip(values) {
                shard.add(key, v);
            }
        });
        assert_eq!(sharded.len(), 1000);
        for key in &keys {
            assert_eq!(sharded.get(key), Some(&3));
        }
        let used = sharded
            .shards
            .iter_mut()
            .map(|s| !s.is_empty())
            .filter(|&u| u)
            .count();
        assert!(used > SHARDS / 2, "keys spread over {used} shards");
        buckets.clear();
        assert!(buckets.is_empty());
    }
}
