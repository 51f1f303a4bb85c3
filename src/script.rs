//! Writing systems: which script a character or a token belongs to.
//!
//! One table of code-point ranges, searched by binary search. A token's script is
//! the script of its first alphabetic character; a token with no letter at all
//! (`2024`, `١٢`) is `common`, as Unicode names the script of digits.

use serde::Serialize;

use crate::first_pages::FirstPages;

/// A writing system, as corpstat names it in its tables (`arabic`, `latin`, ...).
///
/// The variants sort, compare and serialize as their lowercase names, so every table
/// ordered by script name is ordered the same by this type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Script {
    /// `arabic`
    Arabic,
    /// `armenian`
    Armenian,
    /// `bengali`
    Bengali,
    /// `common`: tokens without letters (digits, symbols)
    Common,
    /// `cyrillic`
    Cyrillic,
    /// `devanagari`
    Devanagari,
    /// `ethiopic`
    Ethiopic,
    /// `georgian`
    Georgian,
    /// `greek`
    Greek,
    /// `gujarati`
    Gujarati,
    /// `gurmukhi`
    Gurmukhi,
    /// `han`
    Han,
    /// `hangul`
    Hangul,
    /// `hebrew`
    Hebrew,
    /// `hiragana`
    Hiragana,
    /// `kannada`
    Kannada,
    /// `katakana`
    Katakana,
    /// `khmer`
    Khmer,
    /// `lao`
    Lao,
    /// `latin`
    Latin,
    /// `malayalam`
    Malayalam,
    /// `myanmar`
    Myanmar,
    /// `oriya`
    Oriya,
    /// `other`: letters outside every range of the table
    Other,
    /// `sinhala`
    Sinhala,
    /// `syriac`
    Syriac,
    /// `tamil`
    Tamil,
    /// `telugu`
    Telugu,
    /// `thaana`
    Thaana,
    /// `thai`
    Thai,
    /// `tibetan`
    Tibetan,
}

impl Script {
    /// Every script, in the order of their names.
    pub const ALL: [Script; 31] = [
        Script::Arabic,
        Script::Armenian,
        Script::Bengali,
        Script::Common,
        Script::Cyrillic,
        Script::Devanagari,
        Script::Ethiopic,
        Script::Georgian,
        Script::Greek,
        Script::Gujarati,
        Script::Gurmukhi,
        Script::Han,
        Script::Hangul,
        Script::Hebrew,
        Script::Hiragana,
        Script::Kannada,
        Script::Katakana,
        Script::Khmer,
        Script::Lao,
        Script::Latin,
        Script::Malayalam,
        Script::Myanmar,
        Script::Oriya,
        Script::Other,
        Script::Sinhala,
        Script::Syriac,
        Script::Tamil,
        Script::Telugu,
        Script::Thaana,
        Script::Thai,
        Script::Tibetan,
    ];

    /// The script of a lowercase name (as [`Script::name`] gives it).
    pub fn from_name(name: &str) -> Option<Script> {
        Script::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The lowercase name, as in the CSV tables and `summary.json`.
    pub fn name(self) -> &'static str {
        match self {
            Script::Arabic => "arabic",
            Script::Armenian => "armenian",
            Script::Bengali => "bengali",
            Script::Common => "common",
            Script::Cyrillic => "cyrillic",
            Script::Devanagari => "devanagari",
            Script::Ethiopic => "ethiopic",
            Script::Georgian => "georgian",
            Script::Greek => "greek",
            Script::Gujarati => "gujarati",
            Script::Gurmukhi => "gurmukhi",
            Script::Han => "han",
            Script::Hangul => "hangul",
            Script::Hebrew => "hebrew",
            Script::Hiragana => "hiragana",
            Script::Kannada => "kannada",
            Script::Katakana => "katakana",
            Script::Khmer => "khmer",
            Script::Lao => "lao",
            Script::Latin => "latin",
            Script::Malayalam => "malayalam",
            Script::Myanmar => "myanmar",
            Script::Oriya => "oriya",
            Script::Other => "other",
            Script::Sinhala => "sinhala",
            Script::Syriac => "syriac",
            Script::Tamil => "tamil",
            Script::Telugu => "telugu",
            Script::Thaana => "thaana",
            Script::Thai => "thai",
            Script::Tibetan => "tibetan",
        }
    }
}

impl std::fmt::Display for Script {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The script of tokens without letters.
pub const COMMON: Script = Script::Common;
/// The script of letters outside every range in the table.
pub const OTHER: Script = Script::Other;

/// Sorted, non-overlapping `(first, last, script)` code-point ranges.
const SCRIPT_RANGES: &[(u32, u32, Script)] = &[
    (0x0041, 0x005A, Script::Latin),
    (0x0061, 0x007A, Script::Latin),
    (0x00AA, 0x00AA, Script::Latin),
    (0x00BA, 0x00BA, Script::Latin),
    (0x00C0, 0x024F, Script::Latin),
    (0x0250, 0x02AF, Script::Latin),
    (0x0370, 0x03FF, Script::Greek),
    (0x0400, 0x052F, Script::Cyrillic),
    (0x0530, 0x058F, Script::Armenian),
    (0x0590, 0x05FF, Script::Hebrew),
    (0x0600, 0x06FF, Script::Arabic),
    (0x0700, 0x074F, Script::Syriac),
    (0x0750, 0x077F, Script::Arabic),
    (0x0780, 0x07BF, Script::Thaana),
    (0x0870, 0x08FF, Script::Arabic),
    (0x0900, 0x097F, Script::Devanagari),
    (0x0980, 0x09FF, Script::Bengali),
    (0x0A00, 0x0A7F, Script::Gurmukhi),
    (0x0A80, 0x0AFF, Script::Gujarati),
    (0x0B00, 0x0B7F, Script::Oriya),
    (0x0B80, 0x0BFF, Script::Tamil),
    (0x0C00, 0x0C7F, Script::Telugu),
    (0x0C80, 0x0CFF, Script::Kannada),
    (0x0D00, 0x0D7F, Script::Malayalam),
    (0x0D80, 0x0DFF, Script::Sinhala),
    (0x0E00, 0x0E7F, Script::Thai),
    (0x0E80, 0x0EFF, Script::Lao),
    (0x0F00, 0x0FFF, Script::Tibetan),
    (0x1000, 0x109F, Script::Myanmar),
    (0x10A0, 0x10FF, Script::Georgian),
    (0x1100, 0x11FF, Script::Hangul),
    (0x1200, 0x139F, Script::Ethiopic),
    (0x1780, 0x17FF, Script::Khmer),
    (0x1C80, 0x1C8F, Script::Cyrillic),
    (0x1C90, 0x1CBF, Script::Georgian),
    (0x1E00, 0x1EFF, Script::Latin),
    (0x1F00, 0x1FFF, Script::Greek),
    (0x2C60, 0x2C7F, Script::Latin),
    (0x2DE0, 0x2DFF, Script::Cyrillic),
    (0x3040, 0x309F, Script::Hiragana),
    (0x30A0, 0x30FF, Script::Katakana),
    (0x3130, 0x318F, Script::Hangul),
    (0x31F0, 0x31FF, Script::Katakana),
    (0x3400, 0x4DBF, Script::Han),
    (0x4E00, 0x9FFF, Script::Han),
    (0xA640, 0xA69F, Script::Cyrillic),
    (0xA720, 0xA7FF, Script::Latin),
    (0xAB30, 0xAB6F, Script::Latin),
    (0xAC00, 0xD7AF, Script::Hangul),
    (0xF900, 0xFAFF, Script::Han),
    (0xFB00, 0xFB06, Script::Latin),
    (0xFB1D, 0xFB4F, Script::Hebrew),
    (0xFB50, 0xFDFF, Script::Arabic),
    (0xFE70, 0xFEFF, Script::Arabic),
    (0xFF21, 0xFF3A, Script::Latin),
    (0xFF41, 0xFF5A, Script::Latin),
    (0xFF66, 0xFF9F, Script::Katakana),
    (0xFFA0, 0xFFDC, Script::Hangul),
    (0x20000, 0x3134F, Script::Han),
];

/// The script of one character: from the table, or [`OTHER`].
pub fn char_script(c: char) -> Script {
    let cp = c as u32;
    let i = SCRIPT_RANGES.partition_point(|&(_, last, _)| last < cp);
    match SCRIPT_RANGES.get(i) {
        Some(&(first, _, name)) if first <= cp => name,
        _ => OTHER,
    }
}

/// The script of `c` when it is a letter.
fn script_if_letter(c: char) -> Option<Script> {
    c.is_alphabetic().then(|| char_script(c))
}

/// The script of `c` when it is a letter, looked up below U+0800.
pub fn letter_script(c: char) -> Option<Script> {
    LETTER_SCRIPTS.get(c)
}

/// [`letter_script`], looked up for the characters below U+0800: every term of every
/// document asks for its script, and `char::is_alphabetic` and the binary search of
/// [`char_script`] were most of it.
static LETTER_SCRIPTS: std::sync::LazyLock<FirstPages<Option<Script>>> =
    std::sync::LazyLock::new(|| FirstPages::new(script_if_letter));

/// The script of a token: that of its first alphabetic character, or [`COMMON`].
pub fn token_script(token: &str) -> Script {
    token.chars().find_map(letter_script).unwrap_or(COMMON)
}

#[cfg(test)]
/// The script with the most letters in `text` (ties go to the name that sorts
/// first), or [`COMMON`] when `text` has no letter.
pub fn dominant_script(text: &str) -> Script {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        let script = char_script(c);
        match counts.iter_mut().find(|(name, _)| *name == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map_or(COMMON, |(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table gives what the first alphabetic character's script gives, for
    /// every character below U+0900 alone, after a digit and before a letter of
    /// another script.
    #[test]
    fn token_scripts_from_the_table_are_the_first_letters() {
        let by_search = |token: &str| {
            token
                .chars()
                .find(|c| c.is_alphabetic())
                .map_or(COMMON, char_script)
        };
        for c in (0..0x900u32).filter_map(char::from_u32) {
            for token in [
                c.to_string(),
                format!("1{c}"),
                format!("{c}\u{0915}"),
                format!("-{c}a"),
            ] {
                assert_eq!(token_script(&token), by_search(&token), "{token:?}");
            }
        }
        assert_eq!(token_script("١٢٣"), COMMON);
        assert_eq!(token_script("42कि"), char_script('क'));
    }

    #[test]
    fn scripts_sort_as_their_names() {
        let names: Vec<&str> = Script::ALL.iter().map(|s| s.name()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert!(Script::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            serde_json::to_string(&Script::Arabic).ok().as_deref(),
            Some("\"arabic\"")
        );
    }

    #[test]
    fn table_is_sorted_and_disjoint() {
        for pair in SCRIPT_RANGES.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
        }
    }

    #[test]
    fn scripts_of_tokens() {
        assert_eq!(token_script("الصين"), Script::Arabic);
        assert_eq!(token_script("می‌شود"), Script::Arabic);
        assert_eq!(token_script("Macron"), Script::Latin);
        assert_eq!(token_script("Москва"), Script::Cyrillic);
        assert_eq!(token_script("北京"), Script::Han);
        assert_eq!(token_script("2024"), COMMON);
        assert_eq!(token_script("۱۳۹۶"), COMMON);
        assert_eq!(token_script("24ساعت"), Script::Arabic);
    }

    #[test]
    fn dominant_script_counts_letters() {
        assert_eq!(
            dominant_script("Angela Merkel در برلین گفت که آلمان آماده است"),
            Script::Arabic
        );
        assert_eq!(dominant_script("Merkel هجوم"), Script::Latin);
        assert_eq!(dominant_script("1234 !"), COMMON);
    }
}
