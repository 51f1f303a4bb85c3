//! Writing systems: which script a character or a token belongs to.
//!
//! One table of code-point ranges, searched by binary search. A token's script is
//! the script of its first alphabetic character; a token with no letter at all
//! (`2024`, `١٢`) is `common`, as Unicode names the script of digits.

/// The name used for tokens without letters.
pub const COMMON: &str = "common";
/// The name used for letters outside every range in the table.
pub const OTHER: &str = "other";

/// Sorted, non-overlapping `(first, last, script)` code-point ranges.
const SCRIPT_RANGES: &[(u32, u32, &str)] = &[
    (0x0041, 0x005A, "latin"),
    (0x0061, 0x007A, "latin"),
    (0x00AA, 0x00AA, "latin"),
    (0x00BA, 0x00BA, "latin"),
    (0x00C0, 0x024F, "latin"),
    (0x0250, 0x02AF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0700, 0x074F, "syriac"),
    (0x0750, 0x077F, "arabic"),
    (0x0780, 0x07BF, "thaana"),
    (0x0870, 0x08FF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"),
    (0x0B00, 0x0B7F, "oriya"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"),
    (0x0C80, 0x0CFF, "kannada"),
    (0x0D00, 0x0D7F, "malayalam"),
    (0x0D80, 0x0DFF, "sinhala"),
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x0F00, 0x0FFF, "tibetan"),
    (0x1000, 0x109F, "myanmar"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0x1200, 0x139F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"),
    (0x1C80, 0x1C8F, "cyrillic"),
    (0x1C90, 0x1CBF, "georgian"),
    (0x1E00, 0x1EFF, "latin"),
    (0x1F00, 0x1FFF, "greek"),
    (0x2C60, 0x2C7F, "latin"),
    (0x2DE0, 0x2DFF, "cyrillic"),
    (0x3040, 0x309F, "hiragana"),
    (0x30A0, 0x30FF, "katakana"),
    (0x3130, 0x318F, "hangul"),
    (0x31F0, 0x31FF, "katakana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xA640, 0xA69F, "cyrillic"),
    (0xA720, 0xA7FF, "latin"),
    (0xAB30, 0xAB6F, "latin"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xF900, 0xFAFF, "han"),
    (0xFB00, 0xFB06, "latin"),
    (0xFB1D, 0xFB4F, "hebrew"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0xFF21, 0xFF3A, "latin"),
    (0xFF41, 0xFF5A, "latin"),
    (0xFF66, 0xFF9F, "katakana"),
    (0xFFA0, 0xFFDC, "hangul"),
    (0x20000, 0x3134F, "han"),
];

/// The script of one character: a lowercase name from the table, or [`OTHER`].
pub fn char_script(c: char) -> &'static str {
    let cp = c as u32;
    let i = SCRIPT_RANGES.partition_point(|&(_, last, _)| last < cp);
    match SCRIPT_RANGES.get(i) {
        Some(&(first, _, name)) if first <= cp => name,
        _ => OTHER,
    }
}

/// The script of a token: that of its first alphabetic character, or [`COMMON`].
pub fn token_script(token: &str) -> &'static str {
    token
        .chars()
        .find(|c| c.is_alphabetic())
        .map_or(COMMON, char_script)
}

/// The script with the most letters in `text` (ties go to the name that sorts
/// first), or [`COMMON`] when `text` has no letter.
pub fn dominant_script(text: &str) -> &'static str {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        let script = char_script(c);
        match counts.iter_mut().find(|(name, _)| *name == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map_or(COMMON, |(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_disjoint() {
        for pair in SCRIPT_RANGES.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
        }
    }

    #[test]
    fn scripts_of_tokens() {
        assert_eq!(token_script("الصين"), "arabic");
        assert_eq!(token_script("می‌شود"), "arabic");
        assert_eq!(token_script("Macron"), "latin");
        assert_eq!(token_script("Москва"), "cyrillic");
        assert_eq!(token_script("北京"), "han");
        assert_eq!(token_script("2024"), COMMON);
        assert_eq!(token_script("۱۳۹۶"), COMMON);
        assert_eq!(token_script("24ساعت"), "arabic");
    }

    #[test]
    fn dominant_script_counts_letters() {
        assert_eq!(
            dominant_script("Angela Merkel در برلین گفت که آلمان آماده است"),
            "arabic"
        );
        assert_eq!(dominant_script("Merkel هجوم"), "latin");
        assert_eq!(dominant_script("1234 !"), COMMON);
    }
}
