//! The store's tests: each table against a plain hash map on the same stream.

use rustc_hash::FxHashMap;

use super::sorted::SortedCounts;
use super::table::NgramTable;
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
    assert!(table.len() == 0);
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
        .map(|s| s.len() > 0)
        .filter(|&u| u)
        .count();
    assert!(used > SHARDS / 2, "keys spread over {used} shards");
    buckets.clear();
    assert_eq!(buckets.len(), 0);
}

/// The sorting counter gives a hash map's counts, list after list, whether the
/// document's keys are joined (few distinct ids, few or many keys) or too wide for
/// 64 bits and counted in the hash map.
#[test]
fn a_gram_counter_counts_as_a_hash_map() {
    let mut counter = GramCounter::default();
    let mut x: u32 = 5;
    for (n, largest, occurrences) in [
        (2, 40, 100),
        (2, 40, 5_000),
        (3, 3_000, 20_000),
        (4, 70_000, 3_000),
        (5, 9, 2_000),
        (2, 0, 300),
        (3, 500, 0),
    ] {
        let mut expected: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
        counter.start(n, largest);
        for _ in 0..occurrences {
            let gram: Vec<u32> = (0..n)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    // Skewed: low ids far more often, so that keys repeat.
                    let id = (x >> 8) % (largest + 1);
                    if x.is_multiple_of(3) {
                        id % 4
                    } else {
                        id
                    }
                })
                .collect();
            counter.add(&gram);
            *expected.entry(gram).or_default() += 1;
        }
        let list = counter.take_list();
        assert_eq!(list.order(), n);
        let got = sorted_entries(&list);
        let mut want: Vec<(Vec<u32>, u32)> = expected.into_iter().collect();
        want.sort();
        assert_eq!(got, want, "n {n}, ids up to {largest}");
        if occurrences > 0 {
            assert!(got.iter().any(|(_, count)| *count > 1) || occurrences < 50);
        }
    }
}
