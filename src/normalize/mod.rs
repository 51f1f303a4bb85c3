//! Normalization: an ordered list of small named steps, in two phases.
//!
//! The *surface* phase cleans text without changing how a reader spells a word;
//! the *fold* phase then maps spelling variants of a token to one key. A term is
//! counted under its folded key and shown in its most frequent surface form.
//!
//! The steps, in the order they run, are listed once, in [`STEPS`]: each with
//! its phase, what it does (`about`, from which the report README's list is
//! made), the option that switches it on when it is outside the default profile,
//! and the rows of the orthography ledger it counts (`ledger.rs`).
//!
//! No step depends on a language detector: a word folds the same way in every
//! document. Every step borrows its input when it changes nothing.

mod char_map;
mod fold_table;
mod ledger;
mod lowercase;
mod nfkc;
mod persian_zwnj_repair;
mod spec;
mod stem;
mod steps;
#[cfg(test)]
mod tests;
mod zwnj;

pub use char_map::{CharMap, ALEF, DIACRITICS, DIGITS, INVISIBLE, TATWEEL, TEH_MARBUTA, YEH_KAF};

pub use ledger::ledger_steps;
pub(crate) use ledger::{Census, FoldsCounted, FormLetters};
pub use lowercase::Lowercase;
pub use nfkc::Nfkc;
pub use persian_zwnj_repair::PersianZwnjRepair;
pub use spec::{LedgerStep, Orthography, Phase, StepSpec};
pub use stem::ArabicStem;
pub use steps::{profile_steps, UnknownStep, STEPS};
pub use zwnj::Zwnj;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// How much to normalize. Default: [`NormalForm::Full`].
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NormalForm {
    /// No normalization at all (case handling aside).
    None,
    /// Unicode NFKC only.
    Nfkc,
    /// The default profile: NFKC, invisible characters, ZWNJ, tatweel, diacritics,
    /// alef, yeh/kaf, digits.
    #[default]
    Full,
}

/// Whether to lowercase. Default: [`CaseMode::Fold`].
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    /// Keep the case as written.
    Keep,
    /// Full Unicode lowercasing.
    #[default]
    Fold,
}

/// Normalization settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NormalizeOptions {
    /// Which profile. Default: full.
    pub form: NormalForm,
    /// Case handling. Default: fold.
    pub case: CaseMode,
    /// Steps of the profile switched off by name (`--no-fold STEP`). Default: none.
    pub disabled: Vec<String>,
    /// Fold teh marbuta to heh (`--fold teh-marbuta`). Default: off.
    pub teh_marbuta: bool,
    /// Repair Persian prefixes and suffixes written apart (`--persian-zwnj-repair`). Default: off.
    pub persian_zwnj_repair: bool,
    /// Stem Arabic-script tokens with the Snowball Arabic stemmer (`--stem`). Default: off.
    pub stem: bool,
}

/// One normalization step (named by its [`StepSpec`]).
pub trait NormalizeStep: Send + Sync {
    /// Returns the normalized text, borrowing `text` when nothing changes.
    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str>;
    /// Whether the step changes `text`. The default applies it; a step that can
    /// tell without building the changed text says so faster.
    fn changes(&self, text: &str) -> bool {
        matches!(self.apply(Cow::Borrowed(text)), Cow::Owned(_))
    }
    /// `Some(exceptions)` when the step maps each character on its own, whatever
    /// its neighbours, except the characters listed, which it maps by them; `None`
    /// (the default) when it reads a word whole. When every fold step maps
    /// character by character, words are folded from a table of each character's
    /// key, made by the steps themselves (`FoldTable`, in `normalize/fold_table.rs`).
    fn char_by_char(&self) -> Option<&'static [char]> {
        None
    }
}

const ZWNJ: char = '\u{200C}';

/// A character that no surface step changes, whatever its neighbours (other than a
/// combining mark, which is not stable itself): ASCII, and the Arabic-script letters,
/// digits and punctuation that are NFKC starters without a compatibility mapping.
/// Checked against every step by the tests below.
#[inline]
pub(crate) fn is_surface_stable(c: char) -> bool {
    c.is_ascii()
        || is_stable_letter(c)
        || matches!(c,
        '\u{0660}'..='\u{066D}'
        | '\u{06F0}'..='\u{06F9}'
        | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}'
        | '\u{00AB}' | '\u{00BB}' | '\u{2013}' | '\u{2014}'
        | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}')
}

/// A letter among the [`is_surface_stable`] characters.
#[inline]
fn is_stable_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c,
            '\u{0621}'..='\u{063F}'
            | '\u{0641}'..='\u{064A}'
            | '\u{066E}'..='\u{066F}'
            | '\u{0671}'..='\u{0674}'
            | '\u{0679}'..='\u{06D3}'
            | '\u{06D5}')
}

/// The normalization pipeline: surface steps, then fold steps.
pub struct Normalizer {
    /// The steps that run, in order: their specs.
    specs: Vec<&'static StepSpec>,
    surface: Vec<Box<dyn NormalizeStep>>,
    /// For each surface step, the ledger row that counts what it removes (`None`
    /// for a step the ledger does not count, such as `nfkc`).
    surface_counted: Vec<Option<&'static LedgerStep>>,
    fold: Vec<Box<dyn NormalizeStep>>,
    /// Each character's key under the fold steps, when they all map character by
    /// character (see [`NormalizeStep::char_by_char`]).
    fold_table: Option<fold_table::FoldTable>,
    /// Whether every surface step works within runs of text between ASCII white
    /// space (see [`StepSpec::is_local`]).
    surface_is_local: bool,
}

impl Normalizer {
    /// The pipeline for `options`: every step of [`STEPS`] the options ask for and
    /// `--no-fold` does not switch off.
    pub fn new(options: &NormalizeOptions) -> Result<Self, UnknownStep> {
        if let Some(bad) = options
            .disabled
            .iter()
            .find(|d| !profile_steps().any(|name| name == d.as_str()))
        {
            return Err(UnknownStep(bad.clone()));
        }
        Ok(Self::of_steps(options))
    }

    fn of_steps(options: &NormalizeOptions) -> Self {
        let mut normalizer = Normalizer {
            specs: Vec::new(),
            surface: Vec::new(),
            surface_counted: Vec::new(),
            fold: Vec::new(),
            fold_table: None,
            surface_is_local: true,
        };
        for step in STEPS {
            let off = step.in_profile && options.disabled.iter().any(|d| d == step.name);
            if off || !(step.wanted)(options) {
                continue;
            }
            normalizer.specs.push(step);
            match step.phase {
                Phase::Surface => {
                    normalizer.surface_is_local &= step.is_local;
                    normalizer.surface.push((step.make)());
                    normalizer.surface_counted.push(step.ledger.first());
                }
                Phase::Fold => normalizer.fold.push((step.make)()),
            }
        }
        normalizer.fold_table = fold_table::FoldTable::of(&normalizer.fold);
        normalizer
    }

    /// The names of the steps, in the order they run.
    pub fn step_names(&self) -> Vec<&'static str> {
        self.specs.iter().map(|s| s.name).collect()
    }

    /// Whether the step that declares the ledger row `row` runs.
    pub(crate) fn counts_row(&self, row: &LedgerStep) -> bool {
        self.specs
            .iter()
            .any(|spec| spec.ledger.iter().any(|r| r.name == row.name))
    }

    /// The surface steps: how a term is displayed.
    ///
    /// Most words need none of them. So the text is read as runs between ASCII white
    /// space, and only a run holding a character that a surface step can change goes
    /// through the steps; the others are copied. That gives the same text as running
    /// the steps over the whole of it, because white space neither composes under
    /// NFKC nor counts as a letter to the ZWNJ rule, and the other steps map single
    /// characters.
    pub fn surface<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.surface_counting(text, None)
    }

    /// [`Normalizer::surface`], adding what the invisible, zwnj, tatweel and
    /// diacritics steps removed to `ledger` (in characters; and the words that
    /// carried a diacritic). Only runs that a step can change are looked at, as
    /// in `surface`.
    pub(crate) fn surface_counted<'a>(
        &self,
        text: &'a str,
        ledger: &mut Orthography,
    ) -> Cow<'a, str> {
        self.surface_counting(text, Some(ledger))
    }

    fn surface_counting<'a>(
        &self,
        text: &'a str,
        mut ledger: Option<&mut Orthography>,
    ) -> Cow<'a, str> {
        if self.surface.is_empty() {
            return Cow::Borrowed(text);
        }
        if !self.surface_is_local {
            return self.surface_steps(text, ledger);
        }
        let mut out: Option<String> = None;
        let mut copied = 0;
        let mut run_start = 0;
        let mut stable = true;
        let mut previous: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}') {
                if !stable {
                    self.surface_run(
                        text,
                        run_start..i,
                        &mut out,
                        &mut copied,
                        ledger.as_deref_mut(),
                    );
                }
                run_start = i + 1;
                stable = true;
            } else if stable {
                stable = if c == ZWNJ {
                    // One ZWNJ between two letters is what the zwnj step keeps.
                    let next = chars.peek().map(|&(_, n)| n);
                    previous.is_some_and(is_stable_letter) && next.is_some_and(is_stable_letter)
                } else {
                    is_surface_stable(c)
                };
            }
            previous = Some(c);
        }
        if !stable {
            self.surface_run(text, run_start..text.len(), &mut out, &mut copied, ledger);
        }
        match out {
            None => Cow::Borrowed(text),
            Some(mut out) => {
                out.push_str(&text[copied..]);
                Cow::Owned(out)
            }
        }
    }

    /// Runs the surface steps over `text[run]`, appending to `out` (made on the first
    /// change, holding `text` up to `copied`).
    fn surface_run(
        &self,
        text: &str,
        run: std::ops::Range<usize>,
        out: &mut Option<String>,
        copied: &mut usize,
        ledger: Option<&mut Orthography>,
    ) {
        if let Cow::Owned(changed) = self.surface_steps(&text[run.clone()], ledger) {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[*copied..run.start]);
            out.push_str(&changed);
            *copied = run.end;
        }
    }

    fn surface_steps<'a>(
        &self,
        text: &'a str,
        mut ledger: Option<&mut Orthography>,
    ) -> Cow<'a, str> {
        let mut text = Cow::Borrowed(text);
        for (step, row) in self.surface.iter().zip(&self.surface_counted) {
            let (Some(ledger), Some(row)) = (ledger.as_deref_mut(), row) else {
                text = step.apply(text);
                continue;
            };
            let chars = text.chars().count();
            if let spec::Counts::Removed { words: Some(words) } = row.counts {
                let changed = text.split_whitespace().filter(|w| step.changes(w)).count();
                *words(ledger) += changed as u64;
            }
            text = step.apply(text);
            // Every counted step only removes characters.
            *(row.field)(ledger) += chars.saturating_sub(text.chars().count()) as u64;
        }
        text
    }

    /// The fold steps, applied to surface text or a token: the key a term is counted
    /// under. From the table of each character's key when there is one and it holds
    /// every character of `text`; the same as running the steps one after the other.
    pub fn fold<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if let Some(folded) = self.fold_table.as_ref().and_then(|t| t.fold(text)) {
            return folded;
        }
        self.fold_by_steps(text)
    }

    /// The fold steps run on `text` one after the other.
    fn fold_by_steps<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.fold
            .iter()
            .fold(Cow::Borrowed(text), |acc, step| step.apply(acc))
    }

    /// Every step.
    pub fn normalize(&self, text: &str) -> String {
        self.fold(&self.surface(text)).into_owned()
    }
}

impl Default for Normalizer {
    /// The full profile, with case folding.
    fn default() -> Self {
        Self::of_steps(&NormalizeOptions::default())
    }
}
