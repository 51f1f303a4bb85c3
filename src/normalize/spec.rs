//! The types the step registry ([`STEPS`](super::STEPS)) is written in: a step's
//! spec, and the rows of the orthography ledger it declares, with the ledger's
//! figures, one field per row.

use super::char_map::Replace;
use super::{NormalizeOptions, NormalizeStep};
use crate::language::Lang;

/// When a step runs: on the text (surface), or on each token (fold).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// On the text, before tokenizing: how a term is displayed.
    Surface,
    /// On each token: the key a term is counted under.
    Fold,
}

/// One normalization step: its name, phase and when it runs. [`STEPS`](super::STEPS) lists them
/// all; the pipeline, `--no-fold`'s check and help, and `summary.json`'s
/// `normalization` are made from that list.
pub struct StepSpec {
    /// The name, as in `summary.json` and `--no-fold`.
    pub name: &'static str,
    /// What it does, for the report README (empty when the name says it).
    pub about: &'static str,
    /// The option that switches it on, for a step outside the profile.
    pub option: Option<&'static str>,
    /// When it runs.
    pub phase: Phase,
    /// Whether `--no-fold` can switch it off (the steps of the profile).
    pub in_profile: bool,
    /// Whether it works within runs of text between ASCII white space, so that the
    /// surface phase may skip runs it cannot change (all but `persian-zwnj-repair`,
    /// which joins words across a space).
    pub is_local: bool,
    /// Whether the options ask for it (before `--no-fold`).
    pub wanted: fn(&NormalizeOptions) -> bool,
    /// The step itself.
    pub make: fn() -> Box<dyn NormalizeStep>,
    /// The rows of the orthography ledger it declares (most steps none).
    pub ledger: &'static [LedgerStep],
}

/// One row of the ledger: its name in orthography.csv and summary.json, what it
/// counts, and where its count is kept. Declared by the step that counts it
/// ([`StepSpec::ledger`](super::StepSpec::ledger)).
pub struct LedgerStep {
    /// The name (`step` in orthography.csv; a key under `orthography.steps`).
    pub name: &'static str,
    /// What it counts, for reports/README.md.
    pub about: &'static str,
    /// Where its count is kept in a ledger.
    pub field: fn(&mut Orthography) -> &mut u64,
    /// What it counts.
    pub(crate) counts: Counts,
}

/// What a ledger row counts.
pub(crate) enum Counts {
    /// The characters its surface step removed; with the field that counts the
    /// words (runs between white space) the step changed, if one does.
    Removed {
        words: Option<fn(&mut Orthography) -> &mut u64>,
    },
    /// The letters its fold step's table folds, in every token, when the step runs.
    Folded(&'static [(char, char, Replace)]),
    /// These letters in the words of sentences of `language`, whatever the options.
    Census {
        letters: &'static [char],
        language: Lang,
    },
}

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
