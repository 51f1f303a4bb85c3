//! `zwnj`: the zero-width non-joiner is meaningful in Persian (`می‌شود`), so it is
//! kept between two letters; runs of it collapse, and stray ones are dropped.

use std::borrow::Cow;

use super::{NormalizeStep, ZWNJ};

/// ZWNJ clean-up: runs collapse to one, and a ZWNJ not between two letters is dropped.
pub struct Zwnj;

impl NormalizeStep for Zwnj {
    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        if !text.contains(ZWNJ) {
            return text;
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            if chars[i] != ZWNJ {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let mut end = i;
            while end < chars.len() && chars[end] == ZWNJ {
                end += 1;
            }
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(end);
            if before.is_some_and(char::is_alphabetic) && after.is_some_and(|c| c.is_alphabetic()) {
                out.push(ZWNJ);
            }
            i = end;
        }
        if out == *text {
            text
        } else {
            Cow::Owned(out)
        }
    }
}
