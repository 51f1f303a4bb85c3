//! The orthography ledger: how much each normalization step changed, and how the
//! Arabic script is written (Arabic yeh and kaf in Persian text, Persian ones in
//! Arabic text, diacritized words). Each row is declared by the step that counts
//! it, in [`STEPS`](super::STEPS): a surface step counts the characters it removed,
//! a fold step the letters its table folds, and the yeh-kaf censuses (declared by
//! `yeh-kaf`, counted whatever the options) the letters of words in sentences of
//! one language. Counted in the pass that normalizes (each distinct written form's
//! letters once per document, when it is first folded), and added up with `+=`
//! from documents to groups and the corpus.

use std::ops::AddAssign;
use std::sync::LazyLock;

use super::spec::{Counts, LedgerStep, Orthography};
use super::{Normalizer, STEPS};
use crate::language::Lang;

/// Every row of the ledger, in the order of the steps that declare them.
pub fn ledger_steps() -> impl Iterator<Item = &'static LedgerStep> {
    STEPS.iter().flat_map(|step| step.ledger)
}

impl LedgerStep {
    /// Its count in `ledger`.
    pub fn count(&self, ledger: &Orthography) -> u64 {
        let mut ledger = *ledger;
        *(self.field)(&mut ledger)
    }

    /// Whether it counts under `normalizer`: a surface or fold step's row when the
    /// step runs, a census always (`None`, no normalizer: the censuses only).
    pub(crate) fn counts_under(&self, normalizer: Option<&Normalizer>) -> bool {
        match self.counts {
            Counts::Census { .. } => true,
            Counts::Removed { .. } | Counts::Folded(_) => {
                normalizer.is_some_and(|n| n.counts_row(self))
            }
        }
    }
}

/// The name under which a ledger's diacritized words are stored as text.
const DIACRITIZED_WORDS: &str = "diacritized-words";

impl AddAssign<&Orthography> for Orthography {
    fn add_assign(&mut self, other: &Orthography) {
        for step in ledger_steps() {
            *(step.field)(self) += step.count(other);
        }
        self.diacritized_words += other.diacritized_words;
    }
}

impl Orthography {
    /// The ledger as text, `name:count` for every count that is not 0, separated by
    /// spaces (`diacritized-words` included): how a partial's documents table
    /// stores it.
    pub fn to_text(&self) -> String {
        let mut items: Vec<String> = ledger_steps()
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
                _ => (ledger_steps().find(|s| s.name == name)?.field)(&mut o),
            };
            *field = n;
        }
        Some(o)
    }
}

/// Ledger rows that count letters ([`Counts::Folded`] and [`Counts::Census`]), at most.
const LETTER_ROWS: usize = 8;

/// The ledger rows that count letters, in ledger order (a row's place here is its
/// slot in [`FormLetters`]), and for each character of U+0600..U+06FF the slots
/// that count it: every letter a row counts lies in that block (checked by a test),
/// so a form is read byte by byte, as two-byte characters led by 0xD8..0xDB.
struct LetterRows {
    rows: Vec<&'static LedgerStep>,
    slots: [u8; 256],
}

static LETTER_ROWS_OF_LEDGER: LazyLock<LetterRows> = LazyLock::new(|| {
    let rows: Vec<&'static LedgerStep> = ledger_steps()
        .filter(|s| !matches!(s.counts, Counts::Removed { .. }))
        .collect();
    assert!(
        rows.len() <= LETTER_ROWS,
        "FormLetters holds {LETTER_ROWS} rows"
    );
    let mut slots = [0u8; 256];
    for (slot, row) in rows.iter().enumerate() {
        let mut mark = |c: char| {
            if let Some(at) = (c as u32).checked_sub(0x0600).filter(|&at| at < 256) {
                slots[at as usize] |= 1 << slot;
            }
        };
        match row.counts {
            Counts::Folded(table) => table
                .iter()
                .flat_map(|&(first, last, _)| first..=last)
                .for_each(&mut mark),
            Counts::Census { letters, .. } => letters.iter().copied().for_each(&mut mark),
            Counts::Removed { .. } => {}
        }
    }
    LetterRows { rows, slots }
});

/// The letters of one written form that the ledger counts, per letter row, found
/// once per distinct form of a document and added once per occurrence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct FormLetters([u32; LETTER_ROWS]);

impl FormLetters {
    /// The letters of `form` (after the surface steps); all 0 for ASCII, which
    /// holds none of them.
    pub(crate) fn of(form: &str) -> FormLetters {
        let mut letters = FormLetters::default();
        let slots = &LETTER_ROWS_OF_LEDGER.slots;
        let bytes = form.as_bytes();
        let mut i = 0;
        while i + 1 < bytes.len() {
            let lead = bytes[i];
            if !(0xD8..=0xDB).contains(&lead) {
                i += 1;
                continue;
            }
            let at = (usize::from(lead & 0x03) << 6) | usize::from(bytes[i + 1] & 0x3F);
            i += 2;
            let mut rows = slots[at];
            while rows != 0 {
                letters.0[rows.trailing_zeros() as usize] += 1;
                rows &= rows - 1;
            }
        }
        letters
    }

    /// Adds `count` occurrences of this form's folded letters to `ledger`, for the
    /// rows of `folds`.
    pub(crate) fn add_to(&self, ledger: &mut Orthography, count: u64, folds: &FoldsCounted) {
        for &slot in &folds.0 {
            let row = LETTER_ROWS_OF_LEDGER.rows[slot];
            *(row.field)(ledger) += count * u64::from(self.0[slot]);
        }
    }
}

/// The ledger rows of the fold steps that run, as slots of [`FormLetters`].
#[derive(Debug, Clone, Default)]
pub(crate) struct FoldsCounted(Vec<usize>);

impl FoldsCounted {
    pub(crate) fn of(normalizer: &Normalizer) -> Self {
        FoldsCounted(
            (LETTER_ROWS_OF_LEDGER.rows.iter().enumerate())
                .filter(|(_, row)| {
                    matches!(row.counts, Counts::Folded(_)) && normalizer.counts_row(row)
                })
                .map(|(slot, _)| slot)
                .collect(),
        )
    }
}

/// A census of the ledger: the letters of the words of sentences in `language`.
pub(crate) struct Census {
    /// The sentences' language.
    pub(crate) language: Lang,
    slot: usize,
}

impl Census {
    /// The censuses that can count in a document whose written forms hold
    /// `letters`: those with a letter in some form.
    pub(crate) fn within(letters: &[FormLetters]) -> Vec<Census> {
        (LETTER_ROWS_OF_LEDGER.rows.iter().enumerate())
            .filter_map(|(slot, row)| match row.counts {
                Counts::Census { language, .. } => Some(Census { language, slot }),
                _ => None,
            })
            .filter(|census| letters.iter().any(|l| l.0[census.slot] > 0))
            .collect()
    }

    /// Adds one occurrence of a form with `letters`, in a sentence of this census'
    /// language.
    pub(crate) fn add(&self, letters: &FormLetters, ledger: &mut Orthography) {
        let row = LETTER_ROWS_OF_LEDGER.rows[self.slot];
        *(row.field)(ledger) += u64::from(letters.0[self.slot]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The count of `form`'s letters in the ledger row `name`.
    fn letters(form: &str, name: &str) -> u32 {
        let slot = LETTER_ROWS_OF_LEDGER
            .rows
            .iter()
            .position(|row| row.name == name)
            .expect("a letter row of that name");
        FormLetters::of(form).0[slot]
    }

    #[test]
    fn a_form_s_letters_are_counted_by_row() {
        // إلى: an alef variant and an alef maksura; کتابي: a Persian kaf and an
        // Arabic yeh; ۱۳۹۶: digits.
        let rows = [
            "alef",
            "yeh-kaf",
            "arabic-yeh-kaf-in-persian",
            "persian-yeh-kaf-in-arabic",
        ];
        assert_eq!(rows.map(|r| letters("إلى", r)), [1, 1, 1, 0]);
        assert_eq!(rows.map(|r| letters("کتابي", r)), [0, 1, 1, 1]);
        assert_eq!(rows.map(|r| letters("ۀمدرسة", r)), [0, 1, 0, 0]);
        assert_eq!(letters("مدرسة", "teh-marbuta"), 1);
        assert_eq!(letters("۱۳۹۶ و ١٢", "digits"), 6);
        assert_eq!(FormLetters::of("plain"), FormLetters::default());
    }

    /// [`FormLetters::of`] reads only U+0600..U+06FF: a row counting a letter
    /// outside it would count nothing.
    #[test]
    fn every_letter_a_row_counts_is_in_the_arabic_block() {
        let mut letters = 0;
        for row in ledger_steps() {
            let chars: Vec<char> = match row.counts {
                Counts::Folded(table) => table.iter().flat_map(|&(a, b, _)| a..=b).collect(),
                Counts::Census { letters, .. } => letters.to_vec(),
                Counts::Removed { .. } => continue,
            };
            for c in chars {
                assert!(
                    ('\u{0600}'..='\u{06FF}').contains(&c),
                    "{} counts {c:?}",
                    row.name
                );
                assert!(FormLetters::of(&c.to_string()).0.iter().sum::<u32>() > 0);
                letters += 1;
            }
        }
        // alef 4, yeh-kaf 4, the censuses 3 and 2, teh marbuta 1, digits 20.
        assert_eq!(letters, 34);
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
