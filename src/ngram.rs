//! N-gram and pair tables keyed by term ids, without allocation per key: fixed-size
//! id arrays for n ≤ 4, boxed slices beyond.
//!
//! A document's n-grams are counted in a [`NgramTable`] and handed on as a compact
//! [`NgramList`]. The corpus-wide tables are split into [`SHARDS`] shards by a hash
//! of the key. A batch of documents is merged by first sorting its entries into one bucket per
//! shard, then adding each bucket to its shard: each shard is small enough to stay
//! in cache while its bucket goes in, and the shards fill in parallel. Counts are
//! sums, so the result does not depend on the order the shards are filled in.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// The largest n whose keys are stored as arrays.
pub const PACKED_MAX: usize = 4;

/// Shards of a corpus-wide table.
pub const SHARDS: usize = 64;

/// A map from n-grams of one order (sequences of `n` ids) to `V`, in which one
/// document at a time is counted (the corpus-wide counts are [`NgramCounts`], in
/// shards).
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
}

impl NgramTable<u32> {
    /// Moves every entry into a compact list, leaving the table empty for the next
    /// document (its memory is kept, unless one large document grew it far).
    pub fn take_list(&mut self) -> NgramList {
        let mut list = NgramList {
            n: self.n,
            ids: Vec::with_capacity(self.len() * self.n),
            counts: Vec::with_capacity(self.len()),
        };
        for (gram, count) in self.two.drain() {
            list.push(&gram, count);
        }
        for (gram, count) in self.three.drain() {
            list.push(&gram, count);
        }
        for (gram, count) in self.four.drain() {
            list.push(&gram, count);
        }
        for (gram, count) in self.boxed.drain() {
            list.push(&gram, count);
        }
        const KEEP_AT_MOST: usize = 1 << 14;
        self.two.shrink_to(KEEP_AT_MOST);
        self.three.shrink_to(KEEP_AT_MOST);
        self.four.shrink_to(KEEP_AT_MOST);
        self.boxed.shrink_to(KEEP_AT_MOST);
        list
    }
}

/// One document's n-grams of one order (or its pairs, as n = 2) with their counts,
/// in no particular order: n ids per n-gram in one array, in exactly the memory
/// they need while they wait to be merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NgramList {
    n: usize,
    ids: Vec<u32>,
    counts: Vec<u32>,
}

impl NgramList {
    /// An empty list of n-grams of order `n`.
    pub fn new(n: usize) -> Self {
        NgramList {
            n,
            ..NgramList::default()
        }
    }

    /// Adds an n-gram (of length n) with its count; the caller keeps n-grams distinct.
    pub fn push(&mut self, gram: &[u32], count: u32) {
        debug_assert_eq!(gram.len(), self.n);
        self.ids.extend_from_slice(gram);
        self.counts.push(count);
    }

    /// The order.
    pub fn order(&self) -> usize {
        self.n
    }

    /// Number of n-grams.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The n-grams with their counts.
    pub fn iter(&self) -> impl Iterator<Item = (&[u32], u32)> + '_ {
        self.ids
            .chunks_exact(self.n.max(1))
            .zip(self.counts.iter().copied())
    }

    /// The counts.
    pub fn values(&self) -> impl Iterator<Item = &u32> {
        self.counts.iter()
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
    /// One occurrence in one document: the value most keys of a corpus keep, which
    /// [`SortedCounts`] therefore stores as the key alone.
    const ONE: Self;
    /// Adds `other` to `self`.
    fn add(&mut self, other: Self);
    /// The occurrences counted, which pruning compares with its threshold.
    fn occurrences(&self) -> u32;
    /// Whether this is [`Tally::ONE`].
    fn is_one(&self) -> bool;
}

impl Tally for u32 {
    const ONE: Self = 1;
    fn add(&mut self, other: Self) {
        *self = self.saturating_add(other);
    }
    fn occurrences(&self) -> u32 {
        *self
    }
    fn is_one(&self) -> bool {
        *self == 1
    }
}

/// Keys of a [`PackedKeys`] block: one key in full, the rest as differences.
const PACKED_BLOCK: usize = 64;

/// Sorted, distinct keys of ids in about half their size: each key is stored as
/// LEB128 varints against the key before it, component by component, as the
/// difference while the components before were equal and as the value itself
/// after the first that differs. Every `PACKED_BLOCK`th key starts a block and is
/// stored against zero, so that a key is found by a binary search over blocks.
#[derive(Debug, Clone)]
pub struct PackedKeys<K> {
    bytes: Vec<u8>,
    /// Where each block starts in `bytes`.
    blocks: Vec<usize>,
    len: usize,
    last: K,
}

impl<K: Default> Default for PackedKeys<K> {
    fn default() -> Self {
        PackedKeys {
            bytes: Vec::new(),
            blocks: Vec::new(),
            len: 0,
            last: K::default(),
        }
    }
}

impl<K> PackedKeys<K>
where
    K: Copy + Ord + Default + AsRef<[u32]> + AsMut<[u32]>,
{
    /// Room for `keys` more keys without growing, at most.
    pub fn with_room(keys: usize) -> Self {
        let widest = K::default().as_ref().len() * 5;
        PackedKeys {
            bytes: Vec::with_capacity(keys.saturating_mul(widest)),
            blocks: Vec::with_capacity(keys / PACKED_BLOCK + 1),
            ..PackedKeys::default()
        }
    }

    /// Adds `key`, which must be greater than every key added before.
    pub fn push(&mut self, key: K) {
        debug_assert!(self.len == 0 || key > self.last);
        if self.len.is_multiple_of(PACKED_BLOCK) {
            self.blocks.push(self.bytes.len());
            self.last = K::default();
        }
        // One key is at most 4 ids of 5 bytes; written to the stack, then copied once.
        let mut encoded = [0u8; 5 * PACKED_MAX];
        let mut used = 0;
        let mut equal = true;
        for (&id, &before) in key.as_ref().iter().zip(self.last.as_ref()) {
            let stored = if equal { id - before } else { id };
            equal = equal && stored == 0;
            let mut rest = stored;
            while rest >= 0x80 {
                encoded[used] = rest as u8 | 0x80;
                used += 1;
                rest >>= 7;
            }
            encoded[used] = rest as u8;
            used += 1;
        }
        self.bytes.extend_from_slice(&encoded[..used]);
        self.last = key;
        self.len += 1;
    }

    /// Adds `key`, greater than every key added before, whose encoding against
    /// `against` is `encoded`: copied as it is when `key` follows `against` here
    /// too and starts no block, encoded anew otherwise.
    pub fn push_encoded(&mut self, key: K, against: K, encoded: &[u8]) {
        if self.len.is_multiple_of(PACKED_BLOCK) || against != self.last {
            self.push(key);
            return;
        }
        debug_assert!(key > self.last);
        self.bytes.extend_from_slice(encoded);
        self.last = key;
        self.len += 1;
    }

    /// Gives back the room not used.
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.blocks.shrink_to_fit();
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.blocks.capacity() * std::mem::size_of::<usize>()
    }

    /// The keys in order.
    pub fn iter(&self) -> PackedIter<'_, K> {
        self.iter_from_block(0)
    }

    fn iter_from_block(&self, block: usize) -> PackedIter<'_, K> {
        PackedIter {
            bytes: &self.bytes,
            at: self.blocks.get(block).copied().unwrap_or(self.bytes.len()),
            index: block * PACKED_BLOCK,
            len: self.len,
            last: K::default(),
        }
    }

    /// Whether `key` is held.
    pub fn contains(&self, key: &K) -> bool {
        // The last block whose first key is at most `key`.
        let first = |block: usize| self.iter_from_block(block).next();
        let (mut low, mut high) = (0, self.blocks.len());
        while low < high {
            let mid = (low + high) / 2;
            if first(mid).is_some_and(|k| k <= *key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low > 0
            && self
                .iter_from_block(low - 1)
                .take(PACKED_BLOCK)
                .any(|k| k == *key)
    }
}

/// The keys of a [`PackedKeys`], in order.
pub struct PackedIter<'a, K> {
    bytes: &'a [u8],
    at: usize,
    index: usize,
    len: usize,
    last: K,
}

impl<'a, K: Copy + Default + AsMut<[u32]> + AsRef<[u32]>> PackedIter<'a, K> {
    /// The next key, the key it is encoded against (zero at the start of a block)
    /// and its encoding.
    #[inline]
    pub fn next_encoded(&mut self) -> Option<(K, K, &'a [u8])> {
        if self.index >= self.len {
            return None;
        }
        if self.index.is_multiple_of(PACKED_BLOCK) {
            self.last = K::default();
        }
        let mut key = K::default();
        let mut equal = true;
        let mut bytes = self.bytes[self.at..].iter();
        let mut read = 0;
        for (id, &before) in key.as_mut().iter_mut().zip(self.last.as_ref()) {
            let mut stored: u32 = 0;
            let mut shift = 0;
            for &byte in bytes.by_ref() {
                read += 1;
                stored |= u32::from(byte & 0x7F) << shift;
                if byte < 0x80 {
                    break;
                }
                shift += 7;
            }
            *id = if equal { before + stored } else { stored };
            equal = equal && stored == 0;
        }
        self.at += read;
        let against = std::mem::replace(&mut self.last, key);
        self.index += 1;
        Some((key, against, &self.bytes[self.at - read..self.at]))
    }
}

impl<K: Copy + Default + AsMut<[u32]> + AsRef<[u32]>> Iterator for PackedIter<'_, K> {
    type Item = K;

    #[inline]
    fn next(&mut self) -> Option<K> {
        self.next_encoded().map(|(key, _, _)| key)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.len - self.index;
        (left, Some(left))
    }
}

/// Up to four ids in one integer, compared at once, in the order of the keys.
#[inline]
fn packed<K: AsRef<[u32]>>(key: &K) -> u128 {
    key.as_ref()
        .iter()
        .fold(0u128, |packed, &id| packed << 32 | u128::from(id))
}

/// Keys are compacted once the recent ones are this many, or an eighth of the
/// sorted ones, whichever is more.
const COMPACT_AT_LEAST: usize = 4096;

/// Counts of one key type, held as sorted arrays plus the entries added since
/// the arrays were last rebuilt.
///
/// A hash map holds each entry in a bucket of a table kept between 44% and 88%
/// full, plus a control byte; a sorted array holds it in exactly its own size.
/// Most n-grams and pairs of a corpus are seen once, in one document (76–88% of
/// them on the 50 MB bench), so those keys are kept apart, packed, without a value
/// ("singles", whose value is [`Tally::ONE`]; see [`PackedKeys`]), and only the
/// others carry their value. Adding appends to a vector; when it reaches an
/// eighth of the arrays, its entries are sorted, summed and merged into them
/// (each key written about eight times over the arrays' life, in order). On the
/// 50 MB bench the tables end at 84 MiB this way, against 140 MiB with the singles
/// unpacked, 213 MiB as one sorted array of keys and values, and about 380 MB as
/// hash maps; no more than one shard's worth of extra memory is needed at once.
///
/// Measured and not kept: runs of singles merged like a binary counter (each key
/// rewritten about log₂ of the batches times instead of eight, but a merge of two
/// runs costs more per key than copying one run past the new keys: slower in
/// all); a control-byte key encoding (no faster: reading a key waits on the one
/// before it, however stored); copying untouched singles in runs of bytes rather
/// than key by key (0.06 of 1.3 CPU-s saved on the bench, not worth the code).
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
    singles: PackedKeys<K>,
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
    pub fn compact(&mut self) {
        if self.recent.is_empty() {
            return;
        }
        let mut fresh = std::mem::take(&mut self.recent);
        fresh.sort_unstable_by_key(|entry| packed(&entry.0));
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

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty() && self.singles.is_empty() && self.recent.is_empty()
    }

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

/// The corpus-wide counts of n-grams of one order (or of pairs, as n = 2).
#[derive(Debug, Clone)]
pub struct NgramCounts<V> {
    n: usize,
    two: SortedCounts<[u32; 2], V>,
    three: SortedCounts<[u32; 3], V>,
    four: SortedCounts<[u32; 4], V>,
    /// Longer n-grams, with their Δ.
    boxed: FxHashMap<Box<[u32]>, (V, u32)>,
    boxed_threshold: u32,
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
            boxed_threshold: 0,
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
                Some((v, _)) => v.add(value),
                None => {
                    self.boxed
                        .insert(gram.into(), (value, self.boxed_threshold));
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

    /// Lossy-counting pruning at `threshold` (see [`SortedCounts::prune`]);
    /// returns the n-grams dropped.
    pub fn prune(&mut self, threshold: u32) -> usize {
        let before = self.boxed.len();
        self.boxed.retain(|_, (v, delta)| {
            u64::from(v.occurrences()) + u64::from(*delta) > u64::from(threshold)
        });
        self.boxed.shrink_to_fit();
        self.boxed_threshold = self.boxed_threshold.max(threshold);
        before - self.boxed.len()
            + self.two.prune(threshold)
            + self.three.prune(threshold)
            + self.four.prune(threshold)
    }

    /// Drops every n-gram counted fewer than `min` times (see
    /// [`SortedCounts::retain_at_least`]).
    pub fn retain_at_least(&mut self, min: u64) {
        self.two.retain_at_least(min);
        self.three.retain_at_least(min);
        self.four.retain_at_least(min);
        self.boxed
            .retain(|_, (v, _)| u64::from(v.occurrences()) >= min);
        self.boxed.shrink_to_fit();
    }

    /// Number of distinct n-grams.
    pub fn len(&mut self) -> usize {
        self.two.len() + self.three.len() + self.four.len() + self.boxed.len()
    }

    /// Whether there are none.
    pub fn is_empty(&mut self) -> bool {
        self.len() == 0
    }

    /// The count of `gram` and its Δ (see [`SortedCounts::get`]).
    pub fn get(&self, gram: &[u32]) -> Option<(V, u32)> {
        match *gram {
            [a, b] => self.two.get(&[a, b]),
            [a, b, c] => self.three.get(&[a, b, c]),
            [a, b, c, d] => self.four.get(&[a, b, c, d]),
            _ => self.boxed.get(gram).map(|(v, d)| (*v, *d)),
        }
    }

    /// Calls `f` with each n-gram, its count and its Δ, in no particular order.
    pub fn for_each(&mut self, mut f: impl FnMut(&[u32], &V, u32)) {
        self.two.for_each(|k, v, d| f(k, v, d));
        self.three.for_each(|k, v, d| f(k, v, d));
        self.four.for_each(|k, v, d| f(k, v, d));
        self.boxed.iter().for_each(|(k, (v, d))| f(k, v, *d));
    }

    /// Bytes held, roughly.
    pub fn heap_bytes(&self) -> usize {
        let entry = self.n * 4 + std::mem::size_of::<V>() + 4;
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
            // Mostly ones, which go to the singles, sometimes more at once.
            let value = if x.is_multiple_of(7) { 3 } else { 1 };
            counts.add(key, value);
            *expected.entry(key).or_default() += value;
            if i % 1000 == 0 {
                counts.settle();
            }
        }
        assert_eq!(counts.len(), expected.len());
        let singles = expected.values().filter(|&&v| v == 1).count();
        assert!(
            singles > 1000 && singles < expected.len() - 1000,
            "{singles}"
        );
        assert_eq!(counts.singles.len(), singles);
        let mut entries = Vec::new();
        counts.for_each(|&k, &v, delta| entries.push((k, v, delta)));
        assert!(entries.windows(2).all(|w| w[0].0 < w[1].0));
        for (key, value, delta) in entries {
            assert_eq!(expected[&key], value, "{key:?}");
            assert_eq!(delta, 0);
            assert_eq!(counts.get(&key), Some((value, 0)));
        }
    }

    /// Lossy counting: after pruning, every kept count is at most the last threshold
    /// below the truth, never above it, and every key seen more often is kept.
    #[test]
    fn pruning_keeps_the_lossy_counting_bound() {
        let mut counts: SortedCounts<[u32; 2], u32> = SortedCounts::default();
        let mut truth: FxHashMap<[u32; 2], u32> = FxHashMap::default();
        let mut x: u32 = 7;
        let mut threshold = 0;
        let mut dropped = 0;
        for i in 0..300_000u32 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            // Zipf-like: key k with probability about 1/k.
            let k = 1 + (x >> 8) % 1000;
            let key = [k, (x >> 4) % (1 + 20_000 / k)];
            counts.add(key, 1);
            *truth.entry(key).or_default() += 1;
            if i % 20_000 == 19_999 {
                threshold += 1;
                dropped += counts.prune(threshold);
            }
        }
        assert!(dropped > 1000, "{dropped}");
        let mut kept = FxHashMap::default();
        counts.for_each(|&k, &v, delta| {
            assert!(delta <= threshold);
            kept.insert(k, v);
        });
        for (key, &true_count) in &truth {
            match kept.get(key) {
                Some(&c) => assert!(
                    c <= true_count && true_count - c <= threshold,
                    "{key:?}: {c} of {true_count}"
                ),
                None => assert!(
                    true_count <= threshold,
                    "{key:?} seen {true_count} times was dropped"
                ),
            }
        }
    }

    #[test]
    fn pruning_merges_recent_keys_first() {
        let mut counts: SortedCounts<[u32; 2], u32> = SortedCounts::default();
        let mut expected: FxHashMap<[u32; 2], u32> = FxHashMap::default();
        for i in 0..10_000u32 {
            // Small second ids are frequent, large ones rare.
            let key = [i % 3, i % (1 + i % 50)];
            counts.add(key, 1);
            *expected.entry(key).or_default() += 1;
        }
        let kept = expected.values().filter(|&&v| v > 3).count();
        assert!(kept > 0 && kept < expected.len());
        // Nothing was compacted yet: pruning merges the recent keys first.
        assert_eq!(counts.prune(3), expected.len() - kept);
        assert_eq!(counts.len(), kept);
    }

    #[test]
    fn packed_keys_round_trip_and_are_found() {
        // Sorted keys with equal prefixes, jumps and ids near u32::MAX, over many blocks.
        let mut keys: Vec<[u32; 3]> = Vec::new();
        let mut x: u32 = 99;
        for i in 0..5_000u32 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            keys.push([i / 40, (x >> 20) % 7, x]);
        }
        keys.push([u32::MAX, 0, u32::MAX]);
        keys.push([u32::MAX, u32::MAX, u32::MAX]);
        keys.sort_unstable();
        keys.dedup();
        let mut packed = PackedKeys::with_room(keys.len());
        for &key in &keys {
            packed.push(key);
        }
        packed.shrink_to_fit();
        assert_eq!(packed.len(), keys.len());
        assert_eq!(packed.iter().collect::<Vec<_>>(), keys);
        assert!(
            packed.heap_bytes() < keys.len() * 12,
            "{}",
            packed.heap_bytes()
        );
        for key in keys.iter().step_by(7) {
            assert!(packed.contains(key), "{key:?}");
            let absent = [key[0], key[1], key[2].wrapping_add(1)];
            assert_eq!(
                packed.contains(&absent),
                keys.binary_search(&absent).is_ok()
            );
        }
        assert!(!packed.contains(&[0, 0, 0]) || keys[0] == [0, 0, 0]);
        assert!(!PackedKeys::<[u32; 2]>::default().contains(&[1, 2]));
    }

    /// A list's n-grams and counts, sorted.
    fn sorted_entries(list: &NgramList) -> Vec<(Vec<u32>, u32)> {
        let mut entries: Vec<(Vec<u32>, u32)> = list
            .iter()
            .map(|(gram, count)| (gram.to_vec(), count))
            .collect();
        entries.sort();
        entries
    }

    #[test]
    fn a_table_taken_as_a_list_is_empty_for_the_next_document() {
        let mut table: NgramTable<u32> = NgramTable::new(2);
        *table.entry(&[1, 2]) += 2;
        *table.entry(&[3, 4]) += 1;
        let list = table.take_list();
        assert_eq!(
            sorted_entries(&list),
            vec![(vec![1, 2], 2), (vec![3, 4], 1)]
        );
        assert!(table.is_empty());
        *table.entry(&[1, 2]) += 1;
        assert_eq!(sorted_entries(&table.take_list()), vec![(vec![1, 2], 1)]);
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
            assert_eq!(table.len(), 2);
            let list = table.take_list();
            let mut expected = vec![(a.clone(), 5), (b.clone(), 1)];
            expected.sort();
            assert_eq!(sorted_entries(&list), expected, "n = {n}");
            assert_eq!(list.order(), n);
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
            assert_eq!(sharded.get(key), Some((3, 0)));
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
