//! [`Signature`]: a MinHash sketch of a document's word shingles, what near
//! duplicates (`duplicates.csv`, kind `near`) are found by, with locality-sensitive
//! hashing over its bands.
//!
//! The parameters are datatrove's: shingles of [`SHINGLE`] consecutive folded
//! tokens, [`BANDS`] bands of [`ROWS`] hash values. Two documents become a
//! candidate pair when all the values of one band agree, which for a Jaccard
//! similarity J of their shingle sets happens with probability
//! 1 − (1 − J⁸)¹⁴: 0.92 at J = 0.8, 0.57 at 0.7, 0.05 at 0.5. A candidate is a near
//! duplicate when the share of its [`HASHES`] values that agree, the estimate of J,
//! is at least [`NEAR_THRESHOLD`]; that estimate's standard error is
//! √(J(1−J)/112), 0.038 at J = 0.8.
//!
//! Everything here is corpstat's own arithmetic with fixed constants, so that a
//! signature is the same on every machine and in every version that reads the
//! partial it travels in.

use std::borrow::Cow;

/// Tokens per shingle.
pub const SHINGLE: usize = 5;
/// Bands of the locality-sensitive hashing.
pub const BANDS: usize = 14;
/// Hash values per band.
pub const ROWS: usize = 8;
/// Hash values per signature.
pub const HASHES: usize = BANDS * ROWS;
/// The estimated Jaccard similarity at or above which a candidate pair is a near
/// duplicate.
pub const NEAR_THRESHOLD: f64 = 0.8;

/// The multipliers and offsets of the [`HASHES`] hash functions
/// `x ↦ (a·x + b) mod 2⁶⁴ >> 32` of a 32-bit x (a odd), drawn once from
/// SplitMix64 with a fixed seed.
const PERMUTATIONS: ([u64; HASHES], [u64; HASHES]) = permutations();

const fn splitmix64(state: u64) -> (u64, u64) {
    let state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (state, z ^ (z >> 31))
}

const fn permutations() -> ([u64; HASHES], [u64; HASHES]) {
    let mut a = [0u64; HASHES];
    let mut b = [0u64; HASHES];
    let mut state = 0x636F_7270_7374_6174; // "corpstat"
    let mut i = 0;
    while i < HASHES {
        let (next, x) = splitmix64(state);
        let (next, y) = splitmix64(next);
        state = next;
        a[i] = x | 1;
        b[i] = y;
        i += 1;
    }
    (a, b)
}

/// FNV-1a over a term's bytes, then SplitMix64's finalizer: a 64-bit hash of a
/// term that does not depend on the platform or the Rust version.
fn term_hash(term: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &byte in term.as_bytes() {
        h = (h ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    splitmix64(h).1
}

/// Lowers each of `least` to the least value its hash function takes over `keys`:
/// the MinHash loop, `x ↦ (a·x + b) mod 2⁶⁴ >> 32` for each function (a
/// 2-independent family for 32-bit keys), which the compiler turns into vector
/// multiplications.
#[inline(always)]
fn least_values(keys: &[u64], least: &mut [u32; HASHES]) {
    let (a, b) = &PERMUTATIONS;
    for &key in keys {
        for i in 0..HASHES {
            let value = (a[i].wrapping_mul(key).wrapping_add(b[i]) >> 32) as u32;
            least[i] = least[i].min(value);
        }
    }
}

/// [`least_values`] compiled for AVX2 (eight 32-bit minimums at once, about four
/// times the SSE2 loop's speed); the same integers, so the same signature.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn least_values_avx2(keys: &[u64], least: &mut [u32; HASHES]) {
    least_values(keys, least);
}

/// A MinHash signature: for each of the [`HASHES`] hash functions, the least
/// value it takes over the document's shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Box<[u32; HASHES]>);

impl Signature {
    /// The signature of the token sequence `token_ids` over the terms `keys` (local
    /// ids, as [`DocumentStats`](super::DocumentStats) holds them): of its shingles
    /// of [`SHINGLE`] tokens, or of the one shingle of all its tokens when it has
    /// fewer; `None` without tokens.
    pub fn of(keys: &[Cow<'_, str>], token_ids: &[u32]) -> Option<Signature> {
        if token_ids.is_empty() {
            return None;
        }
        let terms: Vec<u64> = keys.iter().map(|k| term_hash(k)).collect();
        let width = SHINGLE.min(token_ids.len());
        // Each shingle's 32 high bits: the keys the hash functions take.
        let shingles: Vec<u64> = token_ids
            .windows(width)
            .map(|window| {
                let mut shingle: u64 = 0;
                for &id in window {
                    shingle = splitmix64(shingle ^ terms[id as usize]).1;
                }
                shingle >> 32
            })
            .collect();
        let mut least = [u32::MAX; HASHES];
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, checked just above.
            unsafe { least_values_avx2(&shingles, &mut least) };
            return Some(Signature(Box::new(least)));
        }
        least_values(&shingles, &mut least);
        Some(Signature(Box::new(least)))
    }

    /// The estimate of the Jaccard similarity of two documents' shingle sets: the
    /// share of hash values that agree.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let agree = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(x, y)| x == y)
            .count();
        agree as f64 / HASHES as f64
    }

    /// The key of band `band` (below [`BANDS`]): a hash of its [`ROWS`] values.
    pub fn band_key(&self, band: usize) -> u64 {
        let mut key: u64 = band as u64;
        for &value in &self.0[band * ROWS..(band + 1) * ROWS] {
            key = splitmix64(key ^ u64::from(value)).1;
        }
        key
    }

    /// The values in hex, 8 digits each, as a partial stores them.
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|v| format!("{v:08x}")).collect()
    }

    /// The signature `to_hex` gave `text`; `None` for anything else.
    pub fn from_hex(text: &str) -> Option<Signature> {
        if text.len() != HASHES * 8 || !text.is_ascii() {
            return None;
        }
        let mut values = [0u32; HASHES];
        for (i, value) in values.iter_mut().enumerate() {
            *value = u32::from_str_radix(&text[8 * i..8 * i + 8], 16).ok()?;
        }
        Some(Signature(Box::new(values)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signature(words: &[&str]) -> Signature {
        let mut keys: Vec<Cow<str>> = Vec::new();
        let mut ids = Vec::new();
        for word in words {
            let id = match keys.iter().position(|k| k == word) {
                Some(id) => id,
                None => {
                    keys.push(Cow::Borrowed(*word));
                    keys.len() - 1
                }
            };
            ids.push(id as u32);
        }
        Signature::of(&keys, &ids).expect("tokens")
    }

    #[test]
    fn the_same_words_are_the_same_signature_and_it_survives_hex() {
        let a = signature(&["a", "b", "c", "d", "e", "f", "g"]);
        assert_eq!(a, signature(&["a", "b", "c", "d", "e", "f", "g"]));
        assert_eq!(a.similarity(&a), 1.0);
        assert_eq!(Signature::from_hex(&a.to_hex()), Some(a.clone()));
        assert_eq!(Signature::from_hex("00"), None);
        assert_eq!(Signature::of(&[], &[]), None);
        // Fewer than five tokens: one shingle of them all.
        let short = signature(&["one", "two"]);
        assert_eq!(short.similarity(&signature(&["one", "two"])), 1.0);
        assert!(short.similarity(&signature(&["two", "one"])) < 0.1);
    }

    #[test]
    fn the_vector_loop_gives_the_portable_loops_values() {
        let keys: Vec<u64> = (0..1000u64).map(|i| splitmix64(i).1 >> 32).collect();
        let mut portable = [u32::MAX; HASHES];
        least_values(&keys, &mut portable);
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            let mut vector = [u32::MAX; HASHES];
            // SAFETY: the processor has AVX2, checked just above.
            unsafe { least_values_avx2(&keys, &mut vector) };
            assert_eq!(vector, portable);
        }
        // A known answer of the first function, worked out by hand from its
        // definition: the least of (a·x + b) mod 2⁶⁴ >> 32 over the keys.
        let (a, b) = &PERMUTATIONS;
        let first = keys
            .iter()
            .map(|&x| ((u128::from(a[0]) * u128::from(x) + u128::from(b[0])) % (1u128 << 64)) >> 32)
            .min()
            .unwrap_or(0);
        assert_eq!(u128::from(portable[0]), first);
    }

    #[test]
    fn the_estimate_follows_the_jaccard_similarity() {
        // Two sequences of 400 distinct words that share their first 360: the shingle
        // sets share 356 of 396 + 40 = 436 shingles, J = 0.8165.
        let words: Vec<String> = (0..440).map(|i| format!("w{i}")).collect();
        let first: Vec<&str> = words[..400].iter().map(String::as_str).collect();
        let mut second: Vec<&str> = words[..360].iter().map(String::as_str).collect();
        second.extend(words[400..440].iter().map(String::as_str));
        let estimate = signature(&first).similarity(&signature(&second));
        let jaccard = 356.0 / 436.0;
        // Four standard errors: √(J(1−J)/112) = 0.0366.
        assert!(
            (estimate - jaccard).abs() < 4.0 * 0.0366,
            "{estimate} against {jaccard}"
        );
    }
}
