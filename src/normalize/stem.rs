//! `stem` (off by default): Snowball's Arabic light stemmer, applied only to
//! Arabic-script tokens so that other languages are left as they are.

use std::borrow::Cow;

use super::NormalizeStep;

/// Snowball Arabic light stemming of every Arabic-script word; other words pass unchanged.
pub struct ArabicStem(rust_stemmers::Stemmer);

impl Default for ArabicStem {
    fn default() -> Self {
        ArabicStem(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::Arabic,
        ))
    }
}

impl NormalizeStep for ArabicStem {
    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        let is_arabic = |w: &str| {
            w.chars()
                .any(|c| crate::script::char_script(c) == crate::script::Script::Arabic)
        };
        if !is_arabic(&text) {
            return text;
        }
        let stemmed: Vec<Cow<str>> = text
            .split(' ')
            .map(|w| {
                if is_arabic(w) {
                    self.0.stem(w)
                } else {
                    Cow::Borrowed(w)
                }
            })
            .collect();
        let joined = stemmed.join(" ");
        if joined == *text {
            text
        } else {
            Cow::Owned(joined)
        }
    }
}
