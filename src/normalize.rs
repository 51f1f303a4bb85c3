//! Normalization: the first text stage, an ordered list of small named steps.
//!
//! Every step maps a whole document's text to new text. Steps run in the order
//! they were added; [`Normalizer::step_names`] lists them, and the report records
//! that list in `summary.json` so a reader knows exactly what was folded.
//!
//! | step        | what it does                                  | example           |
//! |-------------|-----------------------------------------------|-------------------|
//! | `nfkc`      | Unicode NFKC (compatibility composition)      | `ﻻ` → `لا`, `ﬁ` → `fi` |
//! | `lowercase` | full Unicode lowercasing (`str::to_lowercase`) | `İSTANBUL` → `i̇stanbul` |
//!
//! A step allocates only when it changes something: unchanged text is borrowed.

use std::borrow::Cow;

use serde::Serialize;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Which Unicode normalization form to apply. Default: [`NormalForm::Nfkc`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NormalForm {
    /// Leave the text as it is.
    None,
    /// Unicode compatibility composition (NFKC).
    #[default]
    Nfkc,
}

/// Whether to lowercase. Default: [`CaseMode::Fold`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    /// Keep the case as written.
    Keep,
    /// Full Unicode lowercasing.
    #[default]
    Fold,
}

/// One named normalization step.
pub trait NormalizeStep: Send + Sync {
    /// The step's name as it appears in `summary.json` and on the command line.
    fn name(&self) -> &'static str;
    /// Returns the normalized text, borrowing `text` when nothing changes.
    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str>;
}

/// Unicode NFKC.
#[derive(Debug, Clone, Copy, Default)]
pub struct Nfkc;

impl NormalizeStep for Nfkc {
    fn name(&self) -> &'static str {
        "nfkc"
    }

    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
            return text;
        }
        Cow::Owned(text.nfkc().collect())
    }
}

/// Full Unicode lowercasing, with the final-sigma rule of `str::to_lowercase`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lowercase;

impl NormalizeStep for Lowercase {
    fn name(&self) -> &'static str {
        "lowercase"
    }

    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        // Most Arabic-script text has no cased letters at all: check before allocating.
        if !text.chars().any(changes_when_lowercased) {
            return text;
        }
        Cow::Owned(text.to_lowercase())
    }
}

/// Unlike `char::is_uppercase`, this also catches titlecase letters such as `ǅ`.
fn changes_when_lowercased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    let mut lower = c.to_lowercase();
    lower.len() != 1 || lower.next() != Some(c)
}

/// An ordered pipeline of normalization steps.
pub struct Normalizer {
    steps: Vec<Box<dyn NormalizeStep>>,
}

impl Normalizer {
    /// The pipeline for a normalization form and case mode: `nfkc` then `lowercase`
    /// by default, nothing at all with `NormalForm::None` and `CaseMode::Keep`.
    pub fn new(form: NormalForm, case: CaseMode) -> Self {
        let mut steps: Vec<Box<dyn NormalizeStep>> = Vec::new();
        if form == NormalForm::Nfkc {
            steps.push(Box::new(Nfkc));
        }
        if case == CaseMode::Fold {
            steps.push(Box::new(Lowercase));
        }
        Normalizer { steps }
    }

    /// Appends a step at the end of the pipeline.
    pub fn push(&mut self, step: Box<dyn NormalizeStep>) {
        self.steps.push(step);
    }

    /// The names of the steps, in the order they run.
    pub fn step_names(&self) -> Vec<&'static str> {
        self.steps.iter().map(|s| s.name()).collect()
    }

    /// Runs every step over `text`.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.steps
            .iter()
            .fold(Cow::Borrowed(text), |acc, step| step.apply(acc))
    }
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new(NormalForm::default(), CaseMode::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfkc_turns_arabic_presentation_forms_into_base_letters() {
        // U+FEFB is the isolated lam-alef ligature; U+FE8D the isolated alef.
        assert_eq!(Nfkc.apply(Cow::Borrowed("\u{FEFB}\u{FE8D}")), "لاا");
        assert_eq!(Nfkc.apply(Cow::Borrowed("ﬁle")), "file");
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        let n = Normalizer::default();
        assert!(matches!(n.normalize("سلام دنیا"), Cow::Borrowed(_)));
        assert!(matches!(n.normalize("hello"), Cow::Borrowed(_)));
    }

    #[test]
    fn lowercasing_is_full_unicode() {
        let n = Normalizer::default();
        // Final sigma becomes ς; NFKC first splits the digraph ǅ into d + ž.
        assert_eq!(n.normalize("ΟΔΟΣ Straße ǅ"), "οδος straße dž");
        let no_nfkc = Normalizer::new(NormalForm::None, CaseMode::Fold);
        assert_eq!(no_nfkc.normalize("ǅ"), "ǆ");
        assert_eq!(n.normalize("Emmanuel MACRON"), "emmanuel macron");
    }

    #[test]
    fn none_and_keep_is_the_identity() {
        let n = Normalizer::new(NormalForm::None, CaseMode::Keep);
        assert!(n.step_names().is_empty());
        assert_eq!(n.normalize("ﬁ ΑΒΓ"), "ﬁ ΑΒΓ");
    }

    #[test]
    fn steps_are_listed_in_order() {
        assert_eq!(Normalizer::default().step_names(), ["nfkc", "lowercase"]);
        assert_eq!(
            Normalizer::new(NormalForm::None, CaseMode::Fold).step_names(),
            ["lowercase"]
        );
    }
}
