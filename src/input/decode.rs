//! Decoding bytes into text: invalid UTF-8 is replaced (and counted), binary files
//! (a NUL byte) are refused, so one bad file costs a problem, not the run.

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
    /// The bytes hold a NUL and are not UTF-16.
    Binary,
}

/// Decodes a file's bytes: a UTF-16 BOM selects UTF-16, a UTF-8 BOM is dropped,
/// a NUL byte anywhere marks the file binary, and invalid UTF-8 is replaced.
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
    if bytes.contains(&0) {
        return Decoded::Binary;
    }
    let (text, replaced) = decode_utf8_lossy(bytes);
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
    }
}
