//! N-gram and pair tables keyed by term ids, without allocation per key: fixed-size
//! id arrays for n ≤ 4, boxed slices beyond.
//!
//! A document's n-grams are counted by a [`GramCounter`] and handed on as a compact
//! [`NgramList`]. The corpus-wide tables are split into [`SHARDS`] shards by a hash
//! of the key. A batch of documents is merged by first sorting its entries into one bucket per
//! shard, then adding each bucket to its shard: each shard is small enough to stay
//! in cache while its bucket goes in, and the shards fill in parallel. Counts are
//! sums, so the result does not depend on the order the shards are filled in.

mod counts;
mod packed;
mod radix;
mod sharded;
mod sorted;
mod table;
#[cfg(test)]
mod tests;

pub use counts::NgramCounts;
pub use packed::PackedKeys;
pub use sharded::{Buckets, Sharded, ShardedNgrams};
pub use table::{GramCounter, NgramList};

/// The largest n whose keys are stored as arrays.
pub const PACKED_MAX: usize = 4;

/// Shards of a corpus-wide table.
pub const SHARDS: usize = 64;

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
    /// The count in 64 bits, given back by [`Tally::from_bits`]: how the radix sort
    /// carries counts beside their keys, in buffers each thread keeps for any kind.
    fn to_bits(self) -> u64;
    /// The count [`Tally::to_bits`] gave `bits` for.
    fn from_bits(bits: u64) -> Self;
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
    fn to_bits(self) -> u64 {
        u64::from(self)
    }
    fn from_bits(bits: u64) -> Self {
        bits as u32
    }
}

/// A fixed-width key from a slice of the same length (the caller knows the order).
#[inline]
fn key_of<K: Default + AsMut<[u32]>>(gram: &[u32]) -> K {
    let mut key = K::default();
    key.as_mut().copy_from_slice(gram);
    key
}
