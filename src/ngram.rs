//! N-gram tables keyed by term ids: packed into one `u128` for n ≤ 4 (no allocation,
//! no pointer to follow on lookup), boxed slices beyond.

use rustc_hash::FxHashMap;

/// The largest n whose keys are packed.
pub const PACKED_MAX: usize = 4;

/// A map from n-grams of one order (sequences of `n` ids) to `V`.
#[derive(Debug, Clone)]
pub struct NgramTable<V> {
    n: usize,
    packed: FxHashMap<u128, V>,
    boxed: FxHashMap<Box<[u32]>, V>,
}

impl<V: Default> Default for NgramTable<V> {
    fn default() -> Self {
        NgramTable::new(2)
    }
}

fn pack(ids: &[u32]) -> u128 {
    ids.iter()
        .enumerate()
        .fold(0u128, |key, (i, &id)| key | (id as u128) << (32 * i))
}

fn unpack(key: u128, n: usize, out: &mut Vec<u32>) {
    out.clear();
    out.extend((0..n).map(|i| (key >> (32 * i)) as u32));
}

impl<V: Default> NgramTable<V> {
    /// An empty table of n-grams of order `n`.
    pub fn new(n: usize) -> Self {
        NgramTable {
            n,
            packed: FxHashMap::default(),
            boxed: FxHashMap::default(),
        }
    }

    /// The order.
    pub fn order(&self) -> usize {
        self.n
    }

    /// The value for `gram` (of length n), inserted as default when absent.
    pub fn entry(&mut self, gram: &[u32]) -> &mut V {
        debug_assert_eq!(gram.len(), self.n);
        if self.n <= PACKED_MAX {
            self.packed.entry(pack(gram)).or_default()
        } else {
            if !self.boxed.contains_key(gram) {
                self.boxed.insert(gram.into(), V::default());
            }
            self.boxed.get_mut(gram).expect("inserted just above")
        }
    }

    /// Number of distinct n-grams.
    pub fn len(&self) -> usize {
        self.packed.len() + self.boxed.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `f` with each n-gram and its value, in no particular order.
    pub fn for_each(&self, mut f: impl FnMut(&[u32], &V)) {
        let mut ids = Vec::with_capacity(self.n);
        for (&key, value) in &self.packed {
            unpack(key, self.n, &mut ids);
            f(&ids, value);
        }
        for (key, value) in &self.boxed {
            f(key, value);
        }
    }

    /// The values, in no particular order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.packed.values().chain(self.boxed.values())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_and_boxed_keys_round_trip() {
        for n in [2, 4, 5] {
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
}
