//! Sorting a batch of recent entries by key: a radix sort on the ids packed into
//! one integer of as few bits as the batch's largest id needs.
//!
//! The compaction of [`SortedCounts`](super::sorted::SortedCounts) sorts each
//! batch of recent keys, and a comparison sort of them was 45% of the compaction
//! (`docs/PERFORMANCE.md`). Term ids are small (a corpus of 5.9 million words has
//! under 2¹⁹ terms), so a pair fits in 38 bits and a trigram in 57: four or six
//! passes of 10 bits, each a count and a scatter, in place of about log₂ n
//! comparisons per entry.

use std::cell::RefCell;

use super::packed::packed;
use super::Tally;

/// Fewer items than this are sorted by comparison: the passes' count tables would
/// cost more than they save.
const RADIX_AT_LEAST: usize = 256;

/// The widest digit of a pass, in bits: its count table (2¹¹ entries) stays in
/// the first-level cache.
const DIGIT_BITS_AT_MOST: u32 = 11;

/// Sorts `entries` by key, in the order of the ids (the order of [`packed`]).
/// Entries with equal keys end up next to each other, in no stated order.
pub(super) fn sort_by_key<K, V>(entries: &mut [(K, V)])
where
    K: Copy + Default + AsRef<[u32]> + AsMut<[u32]>,
    V: Tally,
{
    let ids_per_key = K::default().as_ref().len() as u32;
    let every_id = entries
        .iter()
        .flat_map(|(key, _)| key.as_ref())
        .fold(0u32, |bits, &id| bits | id);
    let id_bits = id_bits(every_id);
    let key_bits = id_bits * ids_per_key;
    if key_bits > u64::BITS {
        entries.sort_unstable_by_key(|entry| packed(&entry.0));
        return;
    }
    ROOM.with_borrow_mut(|(joined, spare)| {
        joined.clear();
        joined.extend(entries.iter().map(|(key, value)| {
            u128::from(join(key.as_ref(), id_bits)) << 64 | u128::from(value.to_bits())
        }));
        radix_sort(joined, spare, key_bits, |&entry| (entry >> 64) as u64);
        for (entry, &sorted) in entries.iter_mut().zip(joined.iter()) {
            let mut key = K::default();
            split((sorted >> 64) as u64, id_bits, key.as_mut());
            *entry = (key, V::from_bits(sorted as u64));
        }
        if joined.capacity() > ROOM_KEPT {
            *joined = Vec::new();
            *spare = Vec::new();
        }
    });
}

/// Entries of the buffers a thread keeps between sorts, at most (8 MiB each).
const ROOM_KEPT: usize = 1 << 19;

thread_local! {
    /// The entries being sorted, each key joined with its count in 128 bits, and the
    /// room the passes write to: kept from one compaction to the next, since buffers
    /// this large are mapped from the system and faulted in anew at each allocation
    /// (`docs/PERFORMANCE.md`).
    static ROOM: RefCell<(Vec<u128>, Vec<u128>)> = RefCell::default();
}

/// Bits that ids up to `largest` need.
pub(super) fn id_bits(largest: u32) -> u32 {
    u32::BITS - largest.leading_zeros()
}

/// `ids` in one integer of `id_bits` bits each, in the order of the ids.
#[inline]
pub(super) fn join(ids: &[u32], id_bits: u32) -> u64 {
    ids.iter()
        .fold(0u64, |joined, &id| joined << id_bits | u64::from(id))
}

/// The ids [`join`] put into `joined`, written to `ids`.
#[inline]
pub(super) fn split(joined: u64, id_bits: u32, ids: &mut [u32]) {
    let mask = (1u64 << id_bits) - 1;
    let mut rest = joined;
    for id in ids.iter_mut().rev() {
        *id = (rest & mask) as u32;
        rest >>= id_bits;
    }
}

/// Sorts `items` by `key(item)`, a number below 2^`key_bits`, by LSD radix in passes
/// of at most [`DIGIT_BITS_AT_MOST`] bits (by comparison when they are fewer than
/// [`RADIX_AT_LEAST`]); items with equal keys end up in no stated order. `spare` is
/// the room each pass writes to (its contents are lost, its memory kept for the next
/// call).
pub(super) fn radix_sort<T: Copy>(
    items: &mut Vec<T>,
    spare: &mut Vec<T>,
    key_bits: u32,
    key: impl Fn(&T) -> u64,
) {
    if key_bits == 0 || items.len() < 2 {
        return;
    }
    if items.len() < RADIX_AT_LEAST {
        items.sort_unstable_by_key(key);
        return;
    }
    let passes = key_bits.div_ceil(DIGIT_BITS_AT_MOST);
    let digit_bits = key_bits.div_ceil(passes);
    let mask = (1u64 << digit_bits) - 1;
    let mut starts = [0u32; 1 << DIGIT_BITS_AT_MOST];
    let starts = &mut starts[..1 << digit_bits];
    spare.clear();
    spare.extend_from_slice(items);
    for pass in 0..passes {
        let shift = pass * digit_bits;
        let digit = |item: &T| ((key(item) >> shift) & mask) as usize;
        starts.fill(0);
        for item in items.iter() {
            starts[digit(item)] += 1;
        }
        let mut start = 0;
        for slot in starts.iter_mut() {
            let count = *slot;
            *slot = start;
            start += count;
        }
        for item in items.iter() {
            let slot = &mut starts[digit(item)];
            spare[*slot as usize] = *item;
            *slot += 1;
        }
        std::mem::swap(items, spare);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorts `entries` and checks the keys come out in order with every entry kept.
    fn check<K: Copy + Default + Ord + std::fmt::Debug + AsRef<[u32]> + AsMut<[u32]>>(
        mut entries: Vec<(K, u32)>,
    ) {
        let mut expected = entries.clone();
        expected.sort_unstable();
        sort_by_key(&mut entries);
        assert!(entries.windows(2).all(|w| w[0].0 <= w[1].0), "{entries:?}");
        entries.sort_unstable();
        assert_eq!(entries, expected);
    }

    /// The radix sort gives the comparison sort's order, on keys small and large,
    /// for batches on either side of the threshold, every value kept with its key.
    #[test]
    fn radix_sort_orders_as_the_comparison_sort() {
        let mut x: u64 = 99;
        let mut next = |below: u32| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((x >> 33) as u32) % below
        };
        for (len, below) in [
            (100, 50),
            (5_000, 7),
            (20_000, 300_000),
            (3_000, u32::MAX),
            (600, 1),
        ] {
            check(
                (0..len)
                    .map(|i| ([next(below), next(below)], i))
                    .collect::<Vec<_>>(),
            );
            check(
                (0..len)
                    .map(|i| ([next(below), next(below), next(below)], i))
                    .collect::<Vec<_>>(),
            );
        }
    }
}
