//! `lowercase`: full Unicode lowercasing, borrowing the token when no character
//! changes (most Arabic-script tokens).

use std::borrow::Cow;

use super::NormalizeStep;

/// Full Unicode lowercasing, with the final-sigma rule of `str::to_lowercase`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lowercase;

impl NormalizeStep for Lowercase {
    /// `str::to_lowercase` maps every character alone but Σ, which becomes ς at the
    /// end of a word and σ elsewhere (its one context-sensitive mapping).
    fn char_by_char(&self) -> Option<&'static [char]> {
        Some(&['\u{03A3}'])
    }

    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        // Most Arabic-script text has no cased letters at all: check before allocating.
        if !text.chars().any(changes_when_lowercased) {
            return text;
        }
        Cow::Owned(text.to_lowercase())
    }
}

/// Unlike `char::is_uppercase`, this also catches titlecase letters such as `ǅ`.
fn changes_when_lowercased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    let mut lower = c.to_lowercase();
    lower.len() != 1 || lower.next() != Some(c)
}
