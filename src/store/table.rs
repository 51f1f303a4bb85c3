//! One document's counts: a hash map while the document is counted, then a
//! compact list ([`NgramList`]) while it waits to be merged.

use rustc_hash::FxHashMap;

use super::{key_of, radix};

/// A map from n-grams of one order (sequences of `n` ids) to `V`, in which one
/// document at a time is counted (the corpus-wide counts are [`NgramCounts`](super::NgramCounts),
/// in shards). Keys of up to [`PACKED_MAX`](super::PACKED_MAX) ids are arrays, so
/// that counting allocates nothing per key.
#[derive(Debug, Clone)]
pub enum NgramTable<V> {
    /// Pairs and bigrams.
    Two(FxHashMap<[u32; 2], V>),
    /// Trigrams.
    Three(FxHashMap<[u32; 3], V>),
    /// 4-grams.
    Four(FxHashMap<[u32; 4], V>),
    /// Any other order, with its n.
    Long(usize, FxHashMap<Box<[u32]>, V>),
}

impl<V: Default> Default for NgramTable<V> {
    fn default() -> Self {
        NgramTable::new(2)
    }
}

impl<V: Default> NgramTable<V> {
    /// An empty table of n-grams of order `n`.
    pub fn new(n: usize) -> Self {
        match n {
            2 => NgramTable::Two(FxHashMap::default()),
            3 => NgramTable::Three(FxHashMap::default()),
            4 => NgramTable::Four(FxHashMap::default()),
            _ => NgramTable::Long(n, FxHashMap::default()),
        }
    }

    /// The order.
    pub fn order(&self) -> usize {
        match self {
            NgramTable::Two(_) => 2,
            NgramTable::Three(_) => 3,
            NgramTable::Four(_) => 4,
            NgramTable::Long(n, _) => *n,
        }
    }

    /// The value for `gram` (of length n), inserted as default when absent.
    #[inline]
    pub fn entry(&mut self, gram: &[u32]) -> &mut V {
        debug_assert_eq!(gram.len(), self.order());
        match self {
            NgramTable::Two(map) => map.entry(key_of(gram)).or_default(),
            NgramTable::Three(map) => map.entry(key_of(gram)).or_default(),
            NgramTable::Four(map) => map.entry(key_of(gram)).or_default(),
            NgramTable::Long(_, map) => {
                if !map.contains_key(gram) {
                    map.insert(gram.into(), V::default());
                }
                map.get_mut(gram).expect("inserted just above")
            }
        }
    }

    /// Number of distinct n-grams.
    pub fn len(&self) -> usize {
        match self {
            NgramTable::Two(map) => map.len(),
            NgramTable::Three(map) => map.len(),
            NgramTable::Four(map) => map.len(),
            NgramTable::Long(_, map) => map.len(),
        }
    }
}

impl NgramTable<u32> {
    /// Moves every entry into a compact list, leaving the table empty for the next
    /// document (its memory is kept, unless one large document grew it far).
    pub fn take_list(&mut self) -> NgramList {
        /// Entries a table keeps room for between documents.
        const KEEP_AT_MOST: usize = 1 << 14;
        let mut list = NgramList {
            n: self.order(),
            ids: Vec::with_capacity(self.len() * self.order()),
            counts: Vec::with_capacity(self.len()),
        };
        fn drain_into<K: AsRef<[u32]> + std::hash::Hash + Eq>(
            map: &mut FxHashMap<K, u32>,
            list: &mut NgramList,
        ) {
            for (gram, count) in map.drain() {
                list.push(gram.as_ref(), count);
            }
            map.shrink_to(KEEP_AT_MOST);
        }
        match self {
            NgramTable::Two(map) => drain_into(map, &mut list),
            NgramTable::Three(map) => drain_into(map, &mut list),
            NgramTable::Four(map) => drain_into(map, &mut list),
            NgramTable::Long(_, map) => drain_into(map, &mut list),
        }
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

/// One document's n-grams of one order (or its pairs), counted one order at a time
/// by sorting: each n-gram's ids joined into one integer, the integers sorted by
/// radix, equal ones counted. A document's local ids are small, so its keys fit in
/// 64 bits unless it has very many distinct terms; then they go to a hash map
/// ([`NgramTable`]). Sorting a document's keys costs about a third of adding each
/// to a hash map (`docs/PERFORMANCE.md`), and the memory is reused from one
/// document to the next.
#[derive(Debug, Clone, Default)]
pub struct GramCounter {
    /// The order being counted.
    n: usize,
    /// Bits of each id in a joined key; 0 while the keys go to `table`.
    id_bits: u32,
    keys: Vec<u64>,
    spare: Vec<u64>,
    table: NgramTable<u32>,
}

impl GramCounter {
    /// Starts counting n-grams of order `n` whose ids are at most `largest_id`.
    pub fn start(&mut self, n: usize, largest_id: u32) {
        self.n = n;
        self.keys.clear();
        let bits = radix::id_bits(largest_id).max(1);
        self.id_bits = if bits as usize * n <= 64 { bits } else { 0 };
        if self.id_bits == 0 && self.table.order() != n {
            self.table = NgramTable::new(n);
        }
    }

    /// Counts one occurrence of `gram` (of length n, ids at most the largest given).
    #[inline]
    pub fn add(&mut self, gram: &[u32]) {
        debug_assert_eq!(gram.len(), self.n);
        if self.id_bits > 0 {
            self.keys.push(radix::join(gram, self.id_bits));
        } else {
            *self.table.entry(gram) += 1;
        }
    }

    /// The n-grams counted since [`GramCounter::start`], with their counts, in
    /// the order of their ids.
    pub fn take_list(&mut self) -> NgramList {
        /// Keys kept room for between documents.
        const KEEP_AT_MOST: usize = 1 << 14;
        if self.id_bits == 0 {
            return self.table.take_list();
        }
        let keys = &mut self.keys;
        radix::radix_sort(
            keys,
            &mut self.spare,
            self.id_bits * self.n as u32,
            |&key| key,
        );
        let distinct = keys.len().min(1) + keys.windows(2).filter(|w| w[0] != w[1]).count();
        let mut list = NgramList {
            n: self.n,
            ids: Vec::with_capacity(distinct * self.n),
            counts: Vec::with_capacity(distinct),
        };
        let mut gram = [0u32; 64];
        let gram = &mut gram[..self.n];
        let mut at = 0;
        while at < keys.len() {
            let key = keys[at];
            let run = keys[at..].iter().take_while(|&&k| k == key).count();
            radix::split(key, self.id_bits, gram);
            list.push(gram, run as u32);
            at += run;
        }
        keys.clear();
        if keys.capacity() > KEEP_AT_MOST {
            keys.shrink_to(KEEP_AT_MOST);
            self.spare = Vec::new();
        }
        list
    }
}
