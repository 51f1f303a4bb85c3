//! [`FirstPages`]: a function of characters worked out once for every character
//! below U+0800 (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac, Thaana,
//! N'Ko) and looked up from then on, for the functions asked of every character or
//! every word: the tokenizer's word and sentence classes, a term's script.
//!
//! A leaf module: it imports nothing of the crate.

/// Characters below this are looked up.
const END: u32 = 0x800;

/// `of(c)` for every character below U+0800, kept; `of` itself for the others.
pub(crate) struct FirstPages<T> {
    values: Vec<T>,
    of: fn(char) -> T,
}

impl<T: Copy> FirstPages<T> {
    /// `of` worked out for every character below U+0800 (none is a surrogate).
    pub(crate) fn new(of: fn(char) -> T) -> Self {
        FirstPages {
            values: (0..END).filter_map(char::from_u32).map(of).collect(),
            of,
        }
    }

    /// `of(c)`: looked up below U+0800, worked out above.
    #[inline]
    pub(crate) fn get(&self, c: char) -> T {
        match self.values.get(c as usize) {
            Some(&value) => value,
            None => (self.of)(c),
        }
    }
}
