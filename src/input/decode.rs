//! Decoding bytes into text: invalid UTF-8 is replaced (and counted), binary files
//! are refused, so one bad file costs a problem, not the run.
//!
//! Binary, as ripgrep and git decide it, for a reason: a NUL byte among the first
//! [`BINARY_PREFIX`] bytes (where file formats keep their headers), or NUL bytes
//! making more than one in [`BINARY_SHARE`] of the bytes (UTF-16 without a BOM, a
//! database). A stray NUL elsewhere in text (17 in 100 MB of news) does not make
//! the file binary: the NUL bytes are dropped and counted (a `nul_bytes`
//! problem), and the text is read.

/// The result of decoding a file's bytes.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Text, and how many invalid bytes were replaced by U+FFFD.
    Text {
        /// The text.
        text: String,
        /// Invalid bytes replaced by U+FFFD.
        replaced: usize,
    },
    /// The bytes are binary (see the module's notes) and not UTF-16.
    Binary,
}

/// A NUL byte among this many first bytes of a file makes it binary.
pub const BINARY_PREFIX: usize = 8192;

/// NUL bytes making more than one in this many bytes make a file binary.
pub const BINARY_SHARE: usize = 100;

/// What the NUL bytes of some bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Nuls {
    /// None.
    None,
    /// Binary: the offset of the first NUL.
    Binary(usize),
    /// This many stray NULs, to drop.
    Stray(usize),
}

/// The verdict of [`Nuls`] on `bytes`, the start of a file when `at_start` (its
/// later parts are judged by the share alone); never binary when `as_text`
/// (`--text`).
pub(super) fn nuls(bytes: &[u8], at_start: bool, as_text: bool) -> Nuls {
    let Some(first) = bytes.iter().position(|&b| b == 0) else {
        return Nuls::None;
    };
    let count = bytes[first..].iter().filter(|&&b| b == 0).count();
    let binary = (at_start && first < BINARY_PREFIX) || count * BINARY_SHARE > bytes.len();
    if binary && !as_text {
        Nuls::Binary(first)
    } else {
        Nuls::Stray(count)
    }
}

/// Decodes a file's bytes: a UTF-16 BOM selects UTF-16, a UTF-8 BOM is dropped,
/// binary bytes (see the module's notes) are refused, stray NUL bytes dropped,
/// and invalid UTF-8 is replaced.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            let replaced = if had_errors {
                text.chars().filter(|&c| c == '\u{FFFD}').count()
            } else {
                0
            };
            return Decoded::Text {
                text: text.into_owned(),
                replaced,
            };
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, replaced) = match nuls(bytes, true, false) {
        Nuls::None => decode_utf8_lossy(bytes),
        Nuls::Binary(_) => return Decoded::Binary,
        Nuls::Stray(_) => {
            let kept: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
            decode_utf8_lossy(&kept)
        }
    };
    Decoded::Text { text, replaced }
}

/// UTF-8 with every invalid sequence replaced by U+FFFD, and the count of invalid bytes.
pub(super) fn decode_utf8_lossy(bytes: &[u8]) -> (String, usize) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), 0),
        Err(_) => {
            let mut text = String::with_capacity(bytes.len());
            let mut replaced = 0;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    replaced += chunk.invalid().len();
                    text.push('\u{FFFD}');
                }
            }
            (text, replaced)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_handles_boms_invalid_bytes_and_binary() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFsalam"),
            Decoded::Text {
                text: "salam".into(),
                replaced: 0
            }
        );
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("سلام".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(
            decode(&utf16le),
            Decoded::Text {
                text: "سلام".into(),
                replaced: 0
            }
        );
        assert_eq!(
            decode(b"ab\xFF\xFEcd"),
            Decoded::Text {
                text: "ab\u{FFFD}\u{FFFD}cd".into(),
                replaced: 2
            }
        );
        assert_eq!(decode(b"text\0more"), Decoded::Binary);
        // A stray NUL past the first 8 KiB, in a small share, is dropped.
        let mut late = vec![b'a'; 10_000];
        late[9_000] = 0;
        assert_eq!(
            decode(&late),
            Decoded::Text {
                text: "a".repeat(9_999),
                replaced: 0
            }
        );
        // Past the first 8 KiB, NULs over 1% of the bytes still make it binary.
        let mut dense = vec![b'a'; 10_000];
        for at in (9_000..10_000).step_by(5) {
            dense[at] = 0;
        }
        assert_eq!(decode(&dense), Decoded::Binary);
    }
}
