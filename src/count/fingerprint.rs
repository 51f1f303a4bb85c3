//! [`Fingerprint`]: what tells two documents with the same folded token sequence,
//! exact duplicates (`duplicates.csv`), apart from the rest, in 16 bytes per
//! document that a partial carries to the merge.

use std::borrow::Cow;

use sha2::{Digest, Sha256};

/// The first 16 bytes of the SHA-256 of a document's folded token sequence: two
/// documents whose tokens fold to the same terms in the same order have the same
/// fingerprint, so a copy that differs only in what normalization folds (alef
/// forms, tatweel, ZWNJ, digits, case) is the same text. 128 bits: among a billion
/// documents the chance that two different ones share a fingerprint is about
/// 10⁻²¹. SHA-256 rather than a faster hash because it is the same on every
/// platform and in every version, which a partial read by a later build needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint(pub [u8; 16]);

impl Fingerprint {
    /// The fingerprint of the token sequence `token_ids` over the terms `keys`
    /// (local ids, numbered by first occurrence, as [`DocumentStats`](super::DocumentStats)
    /// holds them); `None` for a document without tokens, which duplicates nothing.
    ///
    /// Local ids are numbered in order of first occurrence, so two documents have
    /// the same token sequence exactly when their term lists and their id sequences
    /// are the same: both are hashed, each term with its length, so that no two
    /// lists hash the same bytes.
    pub fn of(keys: &[Cow<'_, str>], token_ids: &[u32]) -> Option<Fingerprint> {
        if token_ids.is_empty() {
            return None;
        }
        let mut hash = Sha256::new();
        hash.update((keys.len() as u64).to_le_bytes());
        for key in keys {
            hash.update((key.len() as u64).to_le_bytes());
            hash.update(key.as_bytes());
        }
        let mut ids = Vec::with_capacity(token_ids.len() * 4);
        for id in token_ids {
            ids.extend_from_slice(&id.to_le_bytes());
        }
        hash.update(&ids);
        let digest = hash.finalize();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        Some(Fingerprint(bytes))
    }

    /// 32 lowercase hex digits, as a partial stores it.
    pub fn to_hex(self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The fingerprint `to_hex` gave `text`; `None` for anything else.
    pub fn from_hex(text: &str) -> Option<Fingerprint> {
        if text.len() != 32 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0u8; 16];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Fingerprint(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(terms: &[&str], ids: &[u32]) -> Option<Fingerprint> {
        let keys: Vec<Cow<str>> = terms.iter().map(|t| Cow::Borrowed(*t)).collect();
        Fingerprint::of(&keys, ids)
    }

    #[test]
    fn the_same_sequence_is_the_same_fingerprint_and_any_change_is_another() {
        let a = of(&["the", "cat"], &[0, 1, 0]);
        assert_eq!(a, of(&["the", "cat"], &[0, 1, 0]));
        assert_ne!(a, of(&["the", "cat"], &[0, 1, 1]));
        assert_ne!(a, of(&["the", "cats"], &[0, 1, 0]));
        // Terms are hashed with their lengths: "ab"+"c" is not "a"+"bc".
        assert_ne!(of(&["ab", "c"], &[0, 1]), of(&["a", "bc"], &[0, 1]));
        assert_eq!(of(&[], &[]), None);
    }

    #[test]
    fn hex_goes_both_ways() {
        let f = of(&["كتاب"], &[0]).expect("a fingerprint");
        let hex = f.to_hex();
        assert_eq!(hex.len(), 32);
        assert_eq!(Fingerprint::from_hex(&hex), Some(f));
        assert_eq!(Fingerprint::from_hex("zz"), None);
        assert_eq!(Fingerprint::from_hex(&"g".repeat(32)), None);
    }

    #[test]
    fn a_known_answer() {
        // sha256 of: 1u64, 1u64, "a", 0u32 (little-endian), first 16 bytes, worked
        // out with Python's hashlib.
        let f = of(&["a"], &[0]).expect("a fingerprint");
        assert_eq!(f.to_hex(), KNOWN);
    }

    const KNOWN: &str = "cb22d88e8af071046e76c1ec80b2bd43";
}
