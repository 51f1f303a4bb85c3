//! `persian-zwnj-repair` (off by default): Persian prefixes and suffixes typed
//! with a space instead of a ZWNJ are joined to their word. It looks across a
//! space, so it is the one step that is not local (see [`StepSpec::is_local`](super::StepSpec::is_local)).

use std::borrow::Cow;

use super::{NormalizeStep, ZWNJ};

/// Persian prefixes and suffixes written apart from their word, joined with a ZWNJ.
pub struct PersianZwnjRepair;

/// Prefixes that join the following word (both yeh forms, as typed).
const PERSIAN_PREFIXES: &[&str] = &["می", "مي", "نمی", "نمي"];
/// Suffixes that join the preceding word.
const PERSIAN_SUFFIXES: &[&str] = &[
    "ها",
    "های",
    "هاي",
    "هایی",
    "هايي",
    "هایم",
    "هایت",
    "هایش",
    "هایمان",
    "هایتان",
    "هایشان",
    "تر",
    "ترین",
    "ترين",
];

impl NormalizeStep for PersianZwnjRepair {
    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        let is_arabic_word = |w: &str| {
            w.chars()
                .next()
                .is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
        };
        let words: Vec<&str> = text.split(' ').collect();
        if words.len() < 2 {
            return text;
        }
        let mut out = String::with_capacity(text.len() + 8);
        let mut changed = false;
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                let previous = words[i - 1];
                let join = is_arabic_word(previous)
                    && is_arabic_word(word)
                    && (PERSIAN_PREFIXES.contains(&previous) || PERSIAN_SUFFIXES.contains(word));
                if join {
                    out.push(ZWNJ);
                    changed = true;
                } else {
                    out.push(' ');
                }
            }
            out.push_str(word);
        }
        if changed {
            Cow::Owned(out)
        } else {
            text
        }
    }
}
