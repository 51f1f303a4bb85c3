//! Gopher's repetition measure of the most repeated n-gram, for n = 2, 3, 4.

use super::TOP_NGRAM_ORDERS;

/// For n = 2, 3, 4: the characters the most repeated n-gram of `token_ids`
/// covers, its count times its length (`key_chars` of its terms and `n - 1`
/// spaces), over the whole token sequence as Gopher takes it (across sentences);
/// ties go to the longer n-gram. One sort serves the three orders: the 4-grams
/// starting at every token (padded past the end with an id no term has), packed
/// into integers and sorted, hold the 2- and 3-grams as runs of equal prefixes.
/// A document of fewer than 65,535 terms (all but a few) packs its ids in 16 bits
/// and sorts 64-bit keys, faster than 128-bit ones.
pub(super) fn top_ngram_chars(token_ids: &[u32], key_chars: &[u64]) -> [u64; 3] {
    if key_chars.len() < 0xFFFF {
        let mut keys: Vec<u64> = packed(token_ids, 16).map(|k| k as u64).collect();
        keys.sort_unstable();
        top_of_sorted(&keys, 16, key_chars)
    } else {
        let mut keys: Vec<u128> = packed(token_ids, 32).collect();
        keys.sort_unstable();
        top_of_sorted(&keys, 32, key_chars)
    }
}

/// The 4-gram starting at each token, `bits` bits an id, the first id highest,
/// padded past the end with the largest id of `bits` bits.
fn packed(token_ids: &[u32], bits: u32) -> impl Iterator<Item = u128> + '_ {
    let pad = (1u128 << bits) - 1;
    (0..token_ids.len()).map(move |i| {
        (0..4).fold(0u128, |key, k| {
            (key << bits) | token_ids.get(i + k).map_or(pad, |&id| u128::from(id))
        })
    })
}

/// [`top_ngram_chars`] from the sorted keys, of `bits` bits an id.
fn top_of_sorted<K: Copy + Into<u128>>(keys: &[K], bits: u32, key_chars: &[u64]) -> [u64; 3] {
    let pad = (1u128 << bits) - 1;
    let mut top = [0u64; 3];
    for (at, n) in TOP_NGRAM_ORDERS.into_iter().enumerate() {
        let shift = bits * (4 - n as u32);
        let prefix = |key: &K| (*key).into() >> shift;
        let mut best = (0u64, 0u64);
        for run in keys.chunk_by(|a, b| prefix(a) == prefix(b)) {
            let ids = prefix(&run[0]);
            let mut chars = n as u64 - 1;
            let mut padded = false;
            for i in 0..n as u32 {
                match (ids >> (bits * i)) & pad {
                    id if id == pad => padded = true,
                    id => chars += key_chars[id as usize],
                }
            }
            if !padded {
                best = best.max((run.len() as u64, chars));
            }
        }
        top[at] = best.0 * best.1;
    }
    top
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_repeated_ngram_covers_its_count_times_its_length() {
        // Terms: 0 "ab" (2 chars), 1 "c" (1), 2 "def" (3).
        let key_chars = [2, 1, 3];
        // ab c ab c ab def: "ab c" 2 times, 4 chars = 8; "c ab" 2 times, 4 chars.
        // 3-grams: "ab c ab" twice (7 chars) = 14.
        // No 4-gram repeats: the longest, once. They are "ab c ab c" (9 chars),
        // "c ab c ab" (9) and "ab c ab def" (11).
        let ids = [0, 1, 0, 1, 0, 2];
        assert_eq!(top_ngram_chars(&ids, &key_chars), [8, 14, 11]);
        // Too short for any: nothing; for 2-grams only: the one 2-gram.
        assert_eq!(top_ngram_chars(&ids[..1], &key_chars), [0, 0, 0]);
        assert_eq!(top_ngram_chars(&ids[..2], &key_chars), [4, 0, 0]);
        // The 32-bit ids of a document of 65,535 terms or more give the same.
        let mut wide: Vec<u128> = packed(&ids, 32).collect();
        wide.sort_unstable();
        assert_eq!(top_of_sorted(&wide, 32, &key_chars), [8, 14, 11]);
    }
}
