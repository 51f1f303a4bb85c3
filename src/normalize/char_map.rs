//! Steps that only replace or delete characters (`invisible`, `tatweel`,
//! `diacritics`, `alef`, `yeh-kaf`, `digits`, `teh-marbuta`): one [`CharMap`]
//! type and one table per step, so the letter-folding knowledge is data.

use std::borrow::Cow;

use super::NormalizeStep;

/// What a [`CharMap`] does with the characters of one range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Remove them.
    Delete,
    /// Replace each by this character.
    With(char),
    /// Replace the range's first character by this one, the next by the one after, ...
    Shift(char),
}

/// A step that maps single characters, from a table of `(first, last, replacement)` ranges.
pub struct CharMap {
    table: &'static [(char, char, Replace)],
}

impl CharMap {
    /// The step replacing the characters of `table`.
    pub fn step(table: &'static [(char, char, Replace)]) -> Box<dyn NormalizeStep> {
        Box::new(CharMap { table })
    }

    fn replacement(&self, c: char) -> Option<(char, Replace)> {
        self.table
            .iter()
            .find(|(first, last, _)| (*first..=*last).contains(&c))
            .map(|&(first, _, replace)| (first, replace))
    }
}

impl NormalizeStep for CharMap {
    fn char_by_char(&self) -> Option<&'static [char]> {
        Some(&[])
    }

    fn changes(&self, text: &str) -> bool {
        // Every table entry lies outside ASCII.
        text.chars()
            .any(|c| !c.is_ascii() && self.replacement(c).is_some())
    }

    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        // Every table entry lies outside ASCII: ASCII text is never changed.
        let Some(first_change) = text
            .char_indices()
            .find(|&(_, c)| !c.is_ascii() && self.replacement(c).is_some())
            .map(|(i, _)| i)
        else {
            return text;
        };
        let mut out = String::with_capacity(text.len());
        out.push_str(&text[..first_change]);
        for c in text[first_change..].chars() {
            match self.replacement(c) {
                None => out.push(c),
                Some((_, Replace::Delete)) => {}
                Some((_, Replace::With(r))) => out.push(r),
                Some((first, Replace::Shift(base))) => {
                    let shifted = char::from_u32(base as u32 + (c as u32 - first as u32));
                    out.push(shifted.unwrap_or(c));
                }
            }
        }
        Cow::Owned(out)
    }
}

/// The letter-folding tables. Each is one step of the profile.
pub const INVISIBLE: &[(char, char, Replace)] = &[
    ('\u{061C}', '\u{061C}', Replace::Delete), // ARABIC LETTER MARK
    ('\u{200D}', '\u{200D}', Replace::Delete), // ZWJ
    ('\u{200E}', '\u{200F}', Replace::Delete), // LRM, RLM
    ('\u{202A}', '\u{202E}', Replace::Delete), // embeddings and overrides
    ('\u{2066}', '\u{2069}', Replace::Delete), // isolates
    ('\u{FEFF}', '\u{FEFF}', Replace::Delete), // BOM inside text
];
/// Tatweel.
pub const TATWEEL: &[(char, char, Replace)] = &[('\u{0640}', '\u{0640}', Replace::Delete)];
/// Arabic diacritics and Quranic marks.
pub const DIACRITICS: &[(char, char, Replace)] = &[
    ('\u{064B}', '\u{065F}', Replace::Delete),
    ('\u{0670}', '\u{0670}', Replace::Delete),
    ('\u{06D6}', '\u{06ED}', Replace::Delete),
];
/// Alef variants.
pub const ALEF: &[(char, char, Replace)] = &[
    ('\u{0622}', '\u{0623}', Replace::With('\u{0627}')), // آ أ
    ('\u{0625}', '\u{0625}', Replace::With('\u{0627}')), // إ
    ('\u{0671}', '\u{0671}', Replace::With('\u{0627}')), // ٱ
];
/// The yeh and kaf classes, and heh with yeh above.
pub const YEH_KAF: &[(char, char, Replace)] = &[
    ('\u{0649}', '\u{0649}', Replace::With('\u{064A}')), // ى → ي
    ('\u{06CC}', '\u{06CC}', Replace::With('\u{064A}')), // ی → ي
    ('\u{06A9}', '\u{06A9}', Replace::With('\u{0643}')), // ک → ك
    ('\u{06C0}', '\u{06C0}', Replace::With('\u{0647}')), // ۀ → ه
];
/// Arabic-Indic and Persian digits.
pub const DIGITS: &[(char, char, Replace)] = &[
    ('\u{0660}', '\u{0669}', Replace::Shift('0')),
    ('\u{06F0}', '\u{06F9}', Replace::Shift('0')),
];
/// Teh marbuta.
pub const TEH_MARBUTA: &[(char, char, Replace)] =
    &[('\u{0629}', '\u{0629}', Replace::With('\u{0647}'))];
