//! The orthography ledger: how much each normalization step changed, and how the
//! Arabic script is written (Arabic yeh and kaf in Persian text, Persian ones in
//! Arabic text, diacritized words). Counted in the pass that normalizes (the
//! surface steps report what they removed; each distinct written form's letters
//! are counted once per document, when it is first folded), and added up with
//! `+=` from documents to groups and the corpus.

use std::ops::AddAssign;

use crate::language::Lang;
use crate::normalize::Normalizer;

/// One row of the ledger: its name in orthography.csv and summary.json, what it
/// counts, and where its count is kept.
pub struct LedgerStep {
    /// The name (`step` in orthography.csv; a key under `orthography.steps`).
    pub name: &'static str,
    /// What it counts, for reports/README.md.
    pub about: &'static str,
    /// Where its count is kept in a ledger.
    pub field: fn(&mut Orthography) -> &mut u64,
    /// The normalization step that must run for it to count (`None`: a census of
    /// letters, counted whatever the options).
    pub needs_step: Option<&'static str>,
}

/// Every row of the ledger, in the order the steps run.
pub const LEDGER_STEPS: &[LedgerStep] = &[
    LedgerStep {
        name: "invisible",
        about: "invisible marks removed (LRM, RLM, ALM, ZWJ, bidi embeddings and isolates, BOM), in characters",
        field: |o| &mut o.invisible,
        needs_step: Some("invisible"),
    },
    LedgerStep {
        name: "zwnj",
        about: "ZWNJ collapsed (runs of them) or dropped (not between two letters), in characters",
        field: |o| &mut o.zwnj,
        needs_step: Some("zwnj"),
    },
    LedgerStep {
        name: "tatweel",
        about: "tatweel (ـ) removed, in characters",
        field: |o| &mut o.tatweel,
        needs_step: Some("tatweel"),
    },
    LedgerStep {
        name: "diacritics",
        about: "diacritics and Quranic marks removed, in characters",
        field: |o| &mut o.diacritics,
        needs_step: Some("diacritics"),
    },
    LedgerStep {
        name: "alef",
        about: "alef variants (أ إ آ ٱ) folded to ا, in letters",
        field: |o| &mut o.alef,
        needs_step: Some("alef"),
    },
    LedgerStep {
        name: "yeh-kaf",
        about: "yeh and kaf forms (ى ی ک ۀ) folded to ي ك ه, in letters",
        field: |o| &mut o.yeh_kaf,
        needs_step: Some("yeh-kaf"),
    },
    LedgerStep {
        name: "arabic-yeh-kaf-in-persian",
        about: "Arabic yeh, alef maksura and kaf (ي ى ك) in the words of Persian sentences, where Persian writes ی and ک, in letters",
        field: |o| &mut o.arabic_yeh_kaf_in_persian,
        needs_step: None,
    },
    LedgerStep {
        name: "persian-yeh-kaf-in-arabic",
        about: "Persian yeh and kaf (ی ک) in the words of Arabic sentences, where Arabic writes ي ى and ك, in letters",
        field: |o| &mut o.persian_yeh_kaf_in_arabic,
        needs_step: None,
    },
    LedgerStep {
        name: "teh-marbuta",
        about: "teh marbuta (ة) folded to ه (with `--fold teh-marbuta`), in letters",
        field: |o| &mut o.teh_marbuta,
        needs_step: Some("teh-marbuta"),
    },
    LedgerStep {
        name: "digits",
        about: "Arabic-Indic (٠-٩) and Persian (۰-۹) digits folded to 0-9, in digits",
        field: |o| &mut o.digits,
        needs_step: Some("digits"),
    },
];

impl LedgerStep {
    /// Its count in `ledger`.
    pub fn count(&self, ledger: &Orthography) -> u64 {
        let mut ledger = *ledger;
        *(self.field)(&mut ledger)
    }
}

/// The ledger step counted by the normalization step `name`, if one is.
pub(crate) fn counted_by(name: &str) -> Option<&'static LedgerStep> {
    LEDGER_STEPS.iter().find(|l| l.needs_step == Some(name))
}

/// The name under which a ledger's diacritized words are stored as text.
const DIACRITIZED_WORDS: &str = "diacritized-words";

/// The ledger of a document, a group or a corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Orthography {
    /// Invisible marks removed.
    pub invisible: u64,
    /// ZWNJ collapsed or dropped.
    pub zwnj: u64,
    /// Tatweel removed.
    pub tatweel: u64,
    /// Diacritics removed.
    pub diacritics: u64,
    /// Words (runs between white space) that carried a diacritic.
    pub diacritized_words: u64,
    /// Alef variants folded.
    pub alef: u64,
    /// Yeh and kaf forms folded.
    pub yeh_kaf: u64,
    /// ي ى ك in Persian sentences.
    pub arabic_yeh_kaf_in_persian: u64,
    /// ی ک in Arabic sentences.
    pub persian_yeh_kaf_in_arabic: u64,
    /// Teh marbuta folded.
    pub teh_marbuta: u64,
    /// Arabic-Indic and Persian digits folded.
    pub digits: u64,
}

impl AddAssign<&Orthography> for Orthography {
    fn add_assign(&mut self, o: &Orthography) {
        self.invisible += o.invisible;
        self.zwnj += o.zwnj;
        self.tatweel += o.tatweel;
        self.diacritics += o.diacritics;
        self.diacritized_words += o.diacritized_words;
        self.alef += o.alef;
        self.yeh_kaf += o.yeh_kaf;
        self.arabic_yeh_kaf_in_persian += o.arabic_yeh_kaf_in_persian;
        self.persian_yeh_kaf_in_arabic += o.persian_yeh_kaf_in_arabic;
        self.teh_marbuta += o.teh_marbuta;
        self.digits += o.digits;
    }
}

impl Orthography {
    /// The ledger as text, `name:count` for every count that is not 0, separated by
    /// spaces (`diacritized-words` included): how a partial's documents table
    /// stores it.
    pub fn to_text(&self) -> String {
        let mut items: Vec<String> = LEDGER_STEPS
            .iter()
            .map(|s| (s.name, s.count(self)))
            .chain([(DIACRITIZED_WORDS, self.diacritized_words)])
            .filter(|&(_, n)| n > 0)
            .map(|(name, n)| format!("{name}:{n}"))
            .collect();
        items.sort();
        items.join(" ")
    }

    /// The ledger read back from [`Orthography::to_text`]; `None` when the text is
    /// not such a list.
    pub fn from_text(text: &str) -> Option<Orthography> {
        let mut o = Orthography::default();
        for item in text.split_whitespace() {
            let (name, n) = item.split_once(':')?;
            let n: u64 = n.parse().ok()?;
            let field = match name {
                DIACRITIZED_WORDS => &mut o.diacritized_words,
                _ => (LEDGER_STEPS.iter().find(|s| s.name == name)?.field)(&mut o),
            };
            *field = n;
        }
        Some(o)
    }
}

/// The letters of one written form that the ledger counts, found once per
/// distinct form of a document and added once per occurrence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct FormLetters {
    alef: u32,
    yeh_kaf: u32,
    arabic_yeh_kaf: u32,
    persian_yeh_kaf: u32,
    teh_marbuta: u32,
    digits: u32,
}

impl FormLetters {
    /// The letters of `form` (after the surface steps); all 0 for ASCII, which
    /// holds none of them.
    pub(crate) fn of(form: &str) -> FormLetters {
        let mut letters = FormLetters::default();
        // Every letter counted is in U+0600..U+06FF, two bytes in UTF-8 led by
        // 0xD8..0xDB: the bytes are read, not the characters.
        let bytes = form.as_bytes();
        let mut i = 0;
        while i + 1 < bytes.len() {
            let lead = bytes[i];
            if !(0xD8..=0xDB).contains(&lead) {
                i += 1;
                continue;
            }
            let c = char::from_u32((u32::from(lead & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F))
                .unwrap_or('\0');
            i += 2;
            match c {
                '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => letters.alef += 1,
                '\u{064A}' | '\u{0643}' => letters.arabic_yeh_kaf += 1,
                '\u{0649}' => {
                    letters.arabic_yeh_kaf += 1;
                    letters.yeh_kaf += 1;
                }
                '\u{06CC}' | '\u{06A9}' => {
                    letters.persian_yeh_kaf += 1;
                    letters.yeh_kaf += 1;
                }
                '\u{06C0}' => letters.yeh_kaf += 1,
                '\u{0629}' => letters.teh_marbuta += 1,
                '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => letters.digits += 1,
                _ => {}
            }
        }
        letters
    }

    /// Whether it holds an Arabic yeh or kaf (the census of Persian sentences).
    pub(crate) fn has_arabic_yeh_kaf(&self) -> bool {
        self.arabic_yeh_kaf > 0
    }

    /// Whether it holds a Persian yeh or kaf (the census of Arabic sentences).
    pub(crate) fn has_persian_yeh_kaf(&self) -> bool {
        self.persian_yeh_kaf > 0
    }

    /// Adds `count` occurrences of this form's folded letters to `ledger`, for the
    /// fold steps that run.
    pub(crate) fn add_to(&self, ledger: &mut Orthography, count: u64, folds: &FoldsCounted) {
        if folds.alef {
            ledger.alef += count * u64::from(self.alef);
        }
        if folds.yeh_kaf {
            ledger.yeh_kaf += count * u64::from(self.yeh_kaf);
        }
        if folds.teh_marbuta {
            ledger.teh_marbuta += count * u64::from(self.teh_marbuta);
        }
        if folds.digits {
            ledger.digits += count * u64::from(self.digits);
        }
    }

    /// Adds one occurrence in a sentence of `language` to the yeh-kaf censuses.
    pub(crate) fn add_census(&self, ledger: &mut Orthography, language: Lang) {
        if language == Lang::PERSIAN {
            ledger.arabic_yeh_kaf_in_persian += u64::from(self.arabic_yeh_kaf);
        } else if language == Lang::ARABIC {
            ledger.persian_yeh_kaf_in_arabic += u64::from(self.persian_yeh_kaf);
        }
    }
}

/// Which fold steps of the ledger run, from a normalizer's steps.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FoldsCounted {
    alef: bool,
    yeh_kaf: bool,
    teh_marbuta: bool,
    digits: bool,
}

impl FoldsCounted {
    pub(crate) fn of(normalizer: &Normalizer) -> Self {
        let runs = |name: &str| normalizer.step_names().contains(&name);
        FoldsCounted {
            alef: runs("alef"),
            yeh_kaf: runs("yeh-kaf"),
            teh_marbuta: runs("teh-marbuta"),
            digits: runs("digits"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_s_letters_are_counted_by_class() {
        // إلى: an alef variant and an alef maksura; کتاب: a Persian kaf; ۱۳۹۶: digits.
        let l = FormLetters::of("إلى");
        assert_eq!((l.alef, l.arabic_yeh_kaf, l.yeh_kaf), (1, 1, 1));
        let l = FormLetters::of("کتابي");
        assert_eq!((l.persian_yeh_kaf, l.arabic_yeh_kaf, l.yeh_kaf), (1, 1, 1));
        assert_eq!(FormLetters::of("۱۳۹۶").digits, 4);
        assert_eq!(FormLetters::of("plain"), FormLetters::default());
    }

    #[test]
    fn the_ledger_reads_back_from_its_text() {
        let o = Orthography {
            diacritics: 7,
            diacritized_words: 3,
            arabic_yeh_kaf_in_persian: 2,
            ..Orthography::default()
        };
        let text = o.to_text();
        assert_eq!(
            text,
            "arabic-yeh-kaf-in-persian:2 diacritics:7 diacritized-words:3"
        );
        assert_eq!(Orthography::from_text(&text), Some(o));
        assert_eq!(Orthography::from_text("nonsense:1"), None);
        assert_eq!(Orthography::from_text(""), Some(Orthography::default()));
    }
}
