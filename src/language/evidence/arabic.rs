//! The letters and function words that tell Arabic, Persian and Urdu apart.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::script::FOREIGN_LETTERS;
use crate::language::Lang;
use crate::script::Script;

/// Letters only Persian uses among the three (Urdu shares some; its own letters
/// are checked first).
const PERSIAN_LETTERS: &[char] = &['\u{067E}', '\u{0686}', '\u{0698}', '\u{06AF}'];
/// Letters only Urdu uses.
const URDU_LETTERS: &[char] = &[
    '\u{0679}', '\u{0688}', '\u{0691}', '\u{06BA}', '\u{06D2}', '\u{06BE}', '\u{06C1}',
];
/// Teh marbuta: Arabic (Persian and Urdu write it only in Arabic loans).
const ARABIC_LETTERS: &[char] = &['\u{0629}'];

const ARABIC_FUNCTION_WORDS: &[&str] = &[
    "في",
    "على",
    "إلى",
    "الى",
    "التي",
    "الذي",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "عن",
    "مع",
    "قد",
    "لم",
    "لن",
    "كان",
    "كانت",
    "أن",
    "إن",
    "أو",
    "بين",
    "حيث",
    "ما",
    "لا",
    "وقال",
    "وفي",
    "هو",
    "هي",
];
const PERSIAN_FUNCTION_WORDS: &[&str] = &[
    "از", "در", "را", "که", "این", "آن", "است", "برای", "با", "های", "هایی", "می", "شد", "شده",
    "یک", "هم", "بود", "کرد", "نیز", "اما", "یا", "تا", "بر", "خود", "ای",
];
const URDU_FUNCTION_WORDS: &[&str] = &[
    "کے", "میں", "ہے", "کی", "سے", "اور", "کا", "نے", "کو", "ہیں", "یہ", "وہ", "پر", "تھا", "گیا",
];

/// Each Arabic-script function word with its language; a word in two lists counts
/// for the first of Arabic, Persian, Urdu.
fn arabic_script_function_words() -> &'static FxHashMap<&'static str, Lang> {
    static WORDS: OnceLock<FxHashMap<&'static str, Lang>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = FxHashMap::default();
        for (language, list) in [
            (Lang::URDU, URDU_FUNCTION_WORDS),
            (Lang::PERSIAN, PERSIAN_FUNCTION_WORDS),
            (Lang::ARABIC, ARABIC_FUNCTION_WORDS),
        ] {
            for &word in list {
                words.insert(word, language);
            }
        }
        words
    })
}

/// Evidence for Arabic, Persian and Urdu in Arabic-script text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(in crate::language) struct ArabicEvidence {
    pub(in crate::language) arabic: f64,
    pub(in crate::language) persian: f64,
    pub(in crate::language) urdu: f64,
    /// Letters Persian (and Urdu) write: ی ک.
    pub(in crate::language) persian_forms: u32,
    /// Their Arabic counterparts and the letters only Arabic writes: ي ك ى ة.
    pub(in crate::language) arabic_forms: u32,
    /// Letters only Urdu writes (ٹ ڈ ڑ ں ے ھ ہ).
    pub(in crate::language) urdu_letters: u32,
    /// Letters Persian and Urdu write and Arabic does not (پ چ ژ گ).
    pub(in crate::language) persian_letters: u32,
    /// Letters no language the detector names writes ([`FOREIGN_LETTERS`]).
    pub(in crate::language) foreign_letters: u32,
    /// Words of the text (counted in the pass that looks for function words).
    pub(in crate::language) words: u32,
}

/// What a letter of the Arabic blocks (U+0600 to U+077F) is evidence of.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ArabicLetter {
    Plain,
    /// ی ک
    PersianForm,
    /// ي ك ى
    ArabicForm,
    /// ة: an Arabic form, and a letter only Arabic writes.
    TehMarbuta,
    Urdu,
    Persian,
    Foreign,
}

/// The first letter of the Arabic blocks, and how many there are.
const ARABIC_BLOCKS: (u32, usize) = (0x0600, 0x180);

/// Each letter of the Arabic blocks classified once from the lists above, so that
/// a letter costs one lookup (every letter of every Arabic-script sentence is
/// looked at).
fn arabic_letters() -> &'static [ArabicLetter; ARABIC_BLOCKS.1] {
    static LETTERS: OnceLock<[ArabicLetter; ARABIC_BLOCKS.1]> = OnceLock::new();
    LETTERS.get_or_init(|| {
        let mut letters = [ArabicLetter::Plain; ARABIC_BLOCKS.1];
        let mut set = |c: char, class: ArabicLetter| {
            if let Some(slot) = (c as usize)
                .checked_sub(ARABIC_BLOCKS.0 as usize)
                .and_then(|i| letters.get_mut(i))
            {
                *slot = class;
            }
        };
        for c in ['\u{06CC}', '\u{06A9}'] {
            set(c, ArabicLetter::PersianForm);
        }
        for c in ['\u{064A}', '\u{0643}', '\u{0649}'] {
            set(c, ArabicLetter::ArabicForm);
        }
        for &c in ARABIC_LETTERS {
            set(c, ArabicLetter::TehMarbuta);
        }
        for &c in PERSIAN_LETTERS {
            set(c, ArabicLetter::Persian);
        }
        for &c in URDU_LETTERS {
            set(c, ArabicLetter::Urdu);
        }
        for &(script, from, to) in FOREIGN_LETTERS {
            if script == Script::Arabic {
                for c in from..=to {
                    set(c, ArabicLetter::Foreign);
                }
            }
        }
        letters
    })
}

impl ArabicEvidence {
    pub(in crate::language) fn of(text: &str) -> Self {
        let mut e = ArabicEvidence::default();
        let letters = arabic_letters();
        for c in text.chars() {
            let Some(&letter) = (c as usize)
                .checked_sub(ARABIC_BLOCKS.0 as usize)
                .and_then(|i| letters.get(i))
            else {
                continue;
            };
            match letter {
                ArabicLetter::Plain => {}
                ArabicLetter::PersianForm => e.persian_forms += 1,
                ArabicLetter::ArabicForm => e.arabic_forms += 1,
                ArabicLetter::TehMarbuta => {
                    e.arabic_forms += 1;
                    e.arabic += 1.0;
                }
                ArabicLetter::Urdu => {
                    e.urdu += 2.0;
                    e.urdu_letters += 1;
                }
                ArabicLetter::Persian => {
                    e.persian += 1.0;
                    e.persian_letters += 1;
                }
                ArabicLetter::Foreign => e.foreign_letters += 1,
            }
        }
        let function_words = arabic_script_function_words();
        for word in text.split(' ') {
            e.words += 1;
            match function_words.get(word) {
                Some(&Lang::ARABIC) => e.arabic += 2.0,
                Some(&Lang::PERSIAN) => e.persian += 2.0,
                Some(_) => e.urdu += 2.0,
                None => {}
            }
        }
        e
    }

    fn ranked(&self) -> [(Lang, f64); 3] {
        let mut r = [
            (Lang::ARABIC, self.arabic),
            (Lang::PERSIAN, self.persian),
            (Lang::URDU, self.urdu),
        ];
        r.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        r
    }

    /// Persian or Arabic, when the letter forms lean one way and Urdu shows no sign.
    pub(in crate::language) fn by_letter_forms(&self) -> Option<Lang> {
        if self.urdu > 0.0 || self.persian_forms == self.arabic_forms {
            return None;
        }
        Some(if self.persian_forms > self.arabic_forms {
            Lang::PERSIAN
        } else {
            Lang::ARABIC
        })
    }

    /// Letters of the text that `language` does not write, of those Arabic,
    /// Persian and Urdu tell apart by (0 for the other languages of the script):
    /// Arabic writes neither ی ک, پ چ ژ گ nor Urdu's own letters; Persian neither
    /// ي ك ى ة nor Urdu's letters; Urdu not ي ك ى ة.
    pub(in crate::language) fn letters_foreign_to(&self, language: Lang) -> u32 {
        match language {
            Lang::ARABIC => self.persian_forms + self.persian_letters + self.urdu_letters,
            Lang::PERSIAN => self.arabic_forms + self.urdu_letters,
            Lang::URDU => self.arabic_forms,
            _ => 0,
        }
    }

    pub(in crate::language) fn strength(&self) -> f64 {
        self.ranked()[0].1
    }

    /// The language when its evidence is at least 2 and three times the runner-up's,
    /// with its share of all evidence.
    /// Urdu is never decided by function words alone: کو and کی are also words of
    /// classical Persian poetry, while Urdu prose has one of its own letters in
    /// nearly every line.
    pub(in crate::language) fn decisive(&self) -> Option<(Lang, f64)> {
        let [best, second, third] = self.ranked();
        if best.0 == Lang::URDU && self.urdu_letters == 0 {
            return None;
        }
        let total = best.1 + second.1 + third.1;
        (best.1 >= 2.0 && best.1 >= 3.0 * second.1).then(|| (best.0, best.1 / total))
    }
}
