//! Sorted keys stored as varint differences in blocks: the keys seen once (most of
//! them) in about half their size, still searchable by a binary search over blocks.

use super::PACKED_MAX;

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

    #[cfg(test)]
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
pub(super) fn packed<K: AsRef<[u32]>>(key: &K) -> u128 {
    key.as_ref()
        .iter()
        .fold(0u128, |packed, &id| packed << 32 | u128::from(id))
}
