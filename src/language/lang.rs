//! [`Lang`]: a language, as its ISO 639-3 code in three bytes.
//!
//! A `Copy` value that compares, orders and hashes as its code does, so tables
//! keyed by language sort exactly as they did when languages were strings, and
//! a language costs no allocation and no string comparison. The detector decides
//! which codes can occur; this type only guarantees the shape (three lowercase
//! ASCII letters), so that a model that knows more languages needs no new variant.

use std::fmt;

use serde::{Serialize, Serializer};

/// A language, as its ISO 639-3 code (`ara`, `fas`, `eng`; `und` when it cannot
/// be told). Persian is the macrolanguage `fas`, since no model here tells
/// Iranian Persian from Dari.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang([u8; 3]);

impl Lang {
    /// Text whose language cannot be told.
    pub const UNDETERMINED: Lang = Lang::of("und");
    /// Arabic.
    pub const ARABIC: Lang = Lang::of("ara");
    /// Persian (the macrolanguage).
    pub const PERSIAN: Lang = Lang::of("fas");
    /// Urdu.
    pub const URDU: Lang = Lang::of("urd");
    /// Chinese (the macrolanguage: Mandarin, Cantonese and Wu joined).
    pub const CHINESE: Lang = Lang::of("zho");
    /// Japanese.
    pub const JAPANESE: Lang = Lang::of("jpn");
    /// Korean.
    pub const KOREAN: Lang = Lang::of("kor");

    /// The language of a code known when the program is built; a code that is not
    /// three lowercase ASCII letters stops the build (in a `const`) or panics.
    pub const fn of(code: &str) -> Lang {
        match Lang::parse(code) {
            Some(lang) => lang,
            None => panic!("an ISO 639-3 code is three lowercase ASCII letters"),
        }
    }

    /// The language of `code` if it has the shape of an ISO 639-3 code (three
    /// lowercase ASCII letters); whether a model knows it is the detector's
    /// business.
    pub const fn parse(code: &str) -> Option<Lang> {
        let bytes = code.as_bytes();
        if bytes.len() != 3 {
            return None;
        }
        let mut i = 0;
        while i < 3 {
            if !bytes[i].is_ascii_lowercase() {
                return None;
            }
            i += 1;
        }
        Some(Lang([bytes[0], bytes[1], bytes[2]]))
    }

    /// The ISO 639-3 code.
    pub fn code(&self) -> &str {
        // Always three ASCII letters (see `parse`), so always UTF-8.
        std::str::from_utf8(&self.0).unwrap_or("und")
    }

    /// Whether this is [`Lang::UNDETERMINED`].
    pub fn is_undetermined(self) -> bool {
        self == Lang::UNDETERMINED
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl PartialEq<str> for Lang {
    fn eq(&self, other: &str) -> bool {
        self.code() == other
    }
}

impl PartialEq<&str> for Lang {
    fn eq(&self, other: &&str) -> bool {
        self.code() == *other
    }
}

/// Adds `amount` to `language`'s entry of `tally`, a short list of languages with
/// their counts or sums (a handful of entries: a `Vec` searched in order beats a map).
pub(crate) fn add_to<T: std::ops::AddAssign + Copy>(
    tally: &mut Vec<(Lang, T)>,
    language: Lang,
    amount: T,
) {
    match tally.iter_mut().find(|(l, _)| *l == language) {
        Some((_, sum)) => *sum += amount,
        None => tally.push((language, amount)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_keep_their_shape_and_their_order() {
        assert_eq!(Lang::parse("fas"), Some(Lang::PERSIAN));
        assert_eq!(Lang::PERSIAN.to_string(), "fas");
        for bad in ["", "fa", "fasx", "Fas", "fa1", "ف"] {
            assert_eq!(Lang::parse(bad), None, "{bad}");
        }
        let mut codes = ["und", "eng", "ara", "fas", "urd", "cym"];
        let mut langs: Vec<Lang> = codes.iter().map(|c| Lang::of(c)).collect();
        codes.sort();
        langs.sort();
        let sorted: Vec<&str> = langs.iter().map(Lang::code).collect();
        assert_eq!(sorted, codes);
        assert_eq!(
            serde_json::to_string(&Lang::ARABIC).ok().as_deref(),
            Some("\"ara\"")
        );
    }
}
