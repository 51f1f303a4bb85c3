//! `nfkc`: Unicode NFKC, which turns Arabic presentation forms (ligatures such as
//! `ﻻ`) into base letters, so that later steps see one spelling of each letter.

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::NormalizeStep;

/// Unicode NFKC.
#[derive(Debug, Clone, Copy, Default)]
pub struct Nfkc;

impl NormalizeStep for Nfkc {
    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
            return text;
        }
        Cow::Owned(text.nfkc().collect())
    }
}
