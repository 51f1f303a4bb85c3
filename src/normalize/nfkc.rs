//! `nfkc`: Unicode NFKC, which turns Arabic presentation forms (ligatures such as
//! `ﻻ`) into base letters, so that later steps see one spelling of each letter.
//!
//! One compatibility mapping is undone: NFKC splits the Thai vowel sara am `ำ`
//! (U+0E33) into nikhahit and sara aa (`ํา`), and the Lao `ຳ` (U+0EB3) likewise.
//! Thai and Lao are written with the single letter, and their word dictionaries
//! know words by it: split, ทำ ("do") would be cut in two (`unspaced.rs`).

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::NormalizeStep;

/// Unicode NFKC, with the Thai and Lao sara am kept whole.
#[derive(Debug, Clone, Copy, Default)]
pub struct Nfkc;

/// The Thai and Lao vowels that NFKC splits, and their two parts.
const SARA_AM: [(char, [char; 2]); 2] = [
    ('\u{0E33}', ['\u{0E4D}', '\u{0E32}']),
    ('\u{0EB3}', ['\u{0ECD}', '\u{0EB2}']),
];

impl NormalizeStep for Nfkc {
    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
            return text;
        }
        let normal: String = text.nfkc().collect();
        if !normal.contains(['\u{0E4D}', '\u{0ECD}']) {
            return Cow::Owned(normal);
        }
        let mut kept = String::with_capacity(normal.len());
        let mut chars = normal.chars().peekable();
        while let Some(c) = chars.next() {
            let whole = SARA_AM
                .iter()
                .find(|(_, [first, second])| c == *first && chars.peek() == Some(second));
            match whole {
                Some((vowel, _)) => {
                    kept.push(*vowel);
                    chars.next();
                }
                None => kept.push(c),
            }
        }
        Cow::Owned(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_and_lao_sara_am_stay_whole() {
        let apply = |text: &str| Nfkc.apply(Cow::Borrowed(text)).into_owned();
        assert_eq!(apply("ทำงาน"), "ทำงาน");
        assert_eq!(apply("ຄຳ"), "ຄຳ");
        // The rest of NFKC as ever: the lam-alef ligature is two letters.
        assert_eq!(apply("ﻻ ทำ"), "لا ทำ");
    }
}
