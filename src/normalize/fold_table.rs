//! [`FoldTable`]: the fold steps' answer for each character, looked up once per
//! character instead of each step scanning the word in turn.
//!
//! Folding gives every distinct form of a document its term, and it was a tenth of
//! the CPU of `corpstat stats` (`docs/PERFORMANCE.md`): each of the five fold steps
//! walked the word again, the character maps comparing each character with each
//! range of their tables. The default fold steps map each character on its own
//! ([`NormalizeStep::char_by_char`]), so a word's key is the keys of its characters
//! end to end, and each character's can be worked out once, by the steps themselves.

use std::borrow::Cow;

use super::NormalizeStep;

/// Characters below this have an entry: Latin, Greek, Cyrillic, Hebrew, Arabic and
/// the other scripts of the first pages, and the general punctuation block (the
/// invisible marks). A word holding any other character is folded by the steps.
const TABLE_END: u32 = 0x3000;

/// An entry for a character the steps leave as it is.
const SAME: u32 = u32::MAX;
/// An entry for a character a step maps by its neighbours (Greek capital sigma,
/// lowercased as final or not): a word holding it is folded by the steps.
const BY_THE_STEPS: u32 = u32::MAX - 1;

/// The fold steps' result for each character below [`TABLE_END`].
pub(super) struct FoldTable {
    /// `SAME`, `BY_THE_STEPS`, or where the character's key is in `keys`: its start
    /// shifted left by 8, and its length in bytes.
    entries: Vec<u32>,
    /// The keys of the characters the steps change, end to end.
    keys: String,
}

impl FoldTable {
    /// The table of `steps`, run in order; `None` when one of them reads words whole.
    pub(super) fn of(steps: &[Box<dyn NormalizeStep>]) -> Option<Self> {
        let exceptions: Vec<&[char]> = steps
            .iter()
            .map(|step| step.char_by_char())
            .collect::<Option<_>>()?;
        let mut table = FoldTable {
            entries: Vec::with_capacity(TABLE_END as usize),
            keys: String::new(),
        };
        for code in 0..TABLE_END {
            let entry = match char::from_u32(code) {
                None => BY_THE_STEPS,
                Some(c) => table.entry_of(c, steps, &exceptions),
            };
            table.entries.push(entry);
        }
        Some(table)
    }

    /// The entry of `c`: the steps run on `c` alone, unless a step meets a character
    /// it maps by its neighbours.
    fn entry_of(
        &mut self,
        c: char,
        steps: &[Box<dyn NormalizeStep>],
        exceptions: &[&[char]],
    ) -> u32 {
        let alone = c.to_string();
        let mut key = Cow::Borrowed(alone.as_str());
        for (step, exceptions) in steps.iter().zip(exceptions) {
            if key.chars().any(|k| exceptions.contains(&k)) {
                return BY_THE_STEPS;
            }
            key = step.apply(key);
        }
        if key == alone {
            return SAME;
        }
        let start = self.keys.len() as u32;
        self.keys.push_str(&key);
        // A key is at most a few characters; 24 bits of start are 16 MB of keys.
        (start << 8) | key.len() as u32
    }

    /// `text` folded, borrowed when nothing changes; `None` when it holds a character
    /// the table leaves to the steps.
    #[inline]
    pub(super) fn fold<'a>(&self, text: &'a str) -> Option<Cow<'a, str>> {
        let mut folded: Option<String> = None;
        for (at, c) in text.char_indices() {
            let entry = *self.entries.get(c as usize)?;
            match entry {
                SAME => {
                    if let Some(folded) = &mut folded {
                        folded.push(c);
                    }
                }
                BY_THE_STEPS => return None,
                _ => {
                    let (start, len) = ((entry >> 8) as usize, (entry & 0xFF) as usize);
                    folded
                        .get_or_insert_with(|| {
                            let mut folded = String::with_capacity(text.len() + 4);
                            folded.push_str(&text[..at]);
                            folded
                        })
                        .push_str(&self.keys[start..start + len]);
                }
            }
        }
        Some(folded.map_or(Cow::Borrowed(text), Cow::Owned))
    }
}
