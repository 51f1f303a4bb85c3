//! Normalization: an ordered list of small named steps, in two phases.
//!
//! The *surface* phase cleans text without changing how a reader spells a word;
//! the *fold* phase then maps spelling variants of a token to one key. A term is
//! counted under its folded key and shown in its most frequent surface form.
//!
//! | # | step          | phase   | what it does | example |
//! |---|---------------|---------|--------------|---------|
//! | 1 | `nfkc`        | surface | Unicode NFKC; turns Arabic presentation forms into base letters | `ﻻ` → `لا` |
//! | 2 | `invisible`   | surface | removes LRM/RLM/ALM, bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), ZWJ and BOM | `\u{200F}سلام` → `سلام` |
//! | 3 | `zwnj`        | surface | collapses repeated ZWNJs; drops a ZWNJ that is not between two letters | `کتاب\u{200C}\u{200C}ها` → `کتاب\u{200C}ها` |
//! | 4 | `tatweel`     | surface | removes tatweel (U+0640) | `كـتـاب` → `كتاب` |
//! | 5 | `diacritics`  | surface | removes harakat U+064B–U+065F, superscript alef U+0670, Quranic marks U+06D6–U+06ED | `كَتَبَ` → `كتب` |
//! | 6 | `alef`        | fold    | أ إ آ ٱ → ا | `أحمد` → `احمد` |
//! | 7 | `yeh-kaf`     | fold    | ى ی → ي, ک → ك, ۀ → ه | `ایران` → `ايران` |
//! | 8 | `digits`      | fold    | Arabic-Indic ٠–٩ and Persian ۰–۹ → 0–9 | `۱۳۹۶` → `1396` |
//! | 9 | `lowercase`   | fold    | full Unicode lowercasing | `Macron` → `macron` |
//!
//! Off by default, on with an option:
//!
//! | step                  | phase   | what it does | example |
//! |-----------------------|---------|--------------|---------|
//! | `persian-zwnj-repair` | surface | joins the prefixes می/نمی and the suffixes ها/های/هایی/تر/ترین to their word with a ZWNJ | `می شود` → `می‌شود` |
//! | `teh-marbuta`         | fold    | ة → ه | `مدرسة` → `مدرسه` |
//! | `stem`                | fold    | Snowball Arabic light stemming of Arabic-script tokens (rust-stemmers) | `بالمدرسة` → `مدرس` |
//!
//! No step depends on a language detector: a word folds the same way in every
//! document. Every step borrows its input when it changes nothing.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// How much to normalize. Default: [`NormalForm::Full`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NormalForm {
    /// No normalization at all (case handling aside).
    None,
    /// Unicode NFKC only.
    Nfkc,
    /// The default profile: every step in the module table.
    #[default]
    Full,
}

/// Whether to lowercase. Default: [`CaseMode::Fold`].
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

/// One named normalization step.
pub trait NormalizeStep: Send + Sync {
    /// The step's name, as in `summary.json` and `--no-fold`.
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

/// What a [`CharMap`] does with the characters of one range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Remove them.
    Delete,
    /// Replace each by this character.
    With(char),
    /// Replace the range's first character by this one, the next by the one after, ...
    Shift(char),
}

/// A step that maps single characters, from a table of `(first, last, replacement)` ranges.
pub struct CharMap {
    name: &'static str,
    table: &'static [(char, char, Replace)],
}

impl CharMap {
    fn replacement(&self, c: char) -> Option<(char, Replace)> {
        self.table
            .iter()
            .find(|(first, last, _)| (*first..=*last).contains(&c))
            .map(|&(first, _, replace)| (first, replace))
    }
}

impl NormalizeStep for CharMap {
    fn name(&self) -> &'static str {
        self.name
    }

    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        // Every table entry lies outside ASCII: ASCII text is never changed.
        let Some(first_change) = text
            .char_indices()
            .find(|&(_, c)| !c.is_ascii() && self.replacement(c).is_some())
            .map(|(i, _)| i)
        else {
            return text;
        };
        let mut out = String::with_capacity(text.len());
        out.push_str(&text[..first_change]);
        for c in text[first_change..].chars() {
            match self.replacement(c) {
                None => out.push(c),
                Some((_, Replace::Delete)) => {}
                Some((_, Replace::With(r))) => out.push(r),
                Some((first, Replace::Shift(base))) => {
                    let shifted = char::from_u32(base as u32 + (c as u32 - first as u32));
                    out.push(shifted.unwrap_or(c));
                }
            }
        }
        Cow::Owned(out)
    }
}

const ZWNJ: char = '\u{200C}';

/// A character that no surface step changes, whatever its neighbours (other than a
/// combining mark, which is not stable itself): ASCII, and the Arabic-script letters,
/// digits and punctuation that are NFKC starters without a compatibility mapping.
/// Checked against every step by the tests below.
#[inline]
pub fn is_surface_stable(c: char) -> bool {
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

/// The letter-folding tables. Each is one step of the profile.
pub const INVISIBLE: &[(char, char, Replace)] = &[
    ('\u{061C}', '\u{061C}', Replace::Delete), // ARABIC LETTER MARK
    ('\u{200D}', '\u{200D}', Replace::Delete), // ZWJ
    ('\u{200E}', '\u{200F}', Replace::Delete), // LRM, RLM
    ('\u{202A}', '\u{202E}', Replace::Delete), // embeddings and overrides
    ('\u{2066}', '\u{2069}', Replace::Delete), // isolates
    ('\u{FEFF}', '\u{FEFF}', Replace::Delete), // BOM inside text
];
/// Tatweel.
pub const TATWEEL: &[(char, char, Replace)] = &[('\u{0640}', '\u{0640}', Replace::Delete)];
/// Arabic diacritics and Quranic marks.
pub const DIACRITICS: &[(char, char, Replace)] = &[
    ('\u{064B}', '\u{065F}', Replace::Delete),
    ('\u{0670}', '\u{0670}', Replace::Delete),
    ('\u{06D6}', '\u{06ED}', Replace::Delete),
];
/// Alef variants.
pub const ALEF: &[(char, char, Replace)] = &[
    ('\u{0622}', '\u{0623}', Replace::With('\u{0627}')), // آ أ
    ('\u{0625}', '\u{0625}', Replace::With('\u{0627}')), // إ
    ('\u{0671}', '\u{0671}', Replace::With('\u{0627}')), // ٱ
];
/// The yeh and kaf classes, and heh with yeh above.
pub const YEH_KAF: &[(char, char, Replace)] = &[
    ('\u{0649}', '\u{0649}', Replace::With('\u{064A}')), // ى → ي
    ('\u{06CC}', '\u{06CC}', Replace::With('\u{064A}')), // ی → ي
    ('\u{06A9}', '\u{06A9}', Replace::With('\u{0643}')), // ک → ك
    ('\u{06C0}', '\u{06C0}', Replace::With('\u{0647}')), // ۀ → ه
];
/// Arabic-Indic and Persian digits.
pub const DIGITS: &[(char, char, Replace)] = &[
    ('\u{0660}', '\u{0669}', Replace::Shift('0')),
    ('\u{06F0}', '\u{06F9}', Replace::Shift('0')),
];
/// Teh marbuta.
pub const TEH_MARBUTA: &[(char, char, Replace)] =
    &[('\u{0629}', '\u{0629}', Replace::With('\u{0647}'))];

/// ZWNJ clean-up: runs collapse to one, and a ZWNJ not between two letters is dropped.
pub struct Zwnj;

impl NormalizeStep for Zwnj {
    fn name(&self) -> &'static str {
        "zwnj"
    }

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
    fn name(&self) -> &'static str {
        "persian-zwnj-repair"
    }

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

/// Snowball Arabic light stemming of every Arabic-script word; other words pass unchanged.
pub struct ArabicStem(rust_stemmers::Stemmer);

impl Default for ArabicStem {
    fn default() -> Self {
        ArabicStem(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::Arabic,
        ))
    }
}

impl NormalizeStep for ArabicStem {
    fn name(&self) -> &'static str {
        "stem"
    }

    fn apply<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        let is_arabic = |w: &str| {
            w.chars()
                .any(|c| crate::script::char_script(c) == crate::script::Script::Arabic)
        };
        if !is_arabic(&text) {
            return text;
        }
        let stemmed: Vec<Cow<str>> = text
            .split(' ')
            .map(|w| {
                if is_arabic(w) {
                    self.0.stem(w)
                } else {
                    Cow::Borrowed(w)
                }
            })
            .collect();
        let joined = stemmed.join(" ");
        if joined == *text {
            text
        } else {
            Cow::Owned(joined)
        }
    }
}

/// When a step runs: on the text (surface), or on each token (fold).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// On the text, before tokenizing: how a term is displayed.
    Surface,
    /// On each token: the key a term is counted under.
    Fold,
}

/// One normalization step: its name, phase and when it runs. [`STEPS`] lists them
/// all; the pipeline, `--no-fold`'s check and help, and `summary.json`'s
/// `normalization` are made from that list.
pub struct StepSpec {
    /// The name, as in `summary.json` and `--no-fold`.
    pub name: &'static str,
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
}

fn full(options: &NormalizeOptions) -> bool {
    options.form == NormalForm::Full
}

/// Every step, in the order the steps of each phase run.
pub const STEPS: &[StepSpec] = &[
    StepSpec {
        name: "nfkc",
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: |o| o.form != NormalForm::None,
        make: || Box::new(Nfkc),
    },
    StepSpec {
        name: "invisible",
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || char_map("invisible", INVISIBLE),
    },
    StepSpec {
        name: "zwnj",
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || Box::new(Zwnj),
    },
    StepSpec {
        name: "persian-zwnj-repair",
        phase: Phase::Surface,
        in_profile: false,
        is_local: false,
        wanted: |o| full(o) && o.persian_zwnj_repair,
        make: || Box::new(PersianZwnjRepair),
    },
    StepSpec {
        name: "tatweel",
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || char_map("tatweel", TATWEEL),
    },
    StepSpec {
        name: "diacritics",
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || char_map("diacritics", DIACRITICS),
    },
    StepSpec {
        name: "alef",
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || char_map("alef", ALEF),
    },
    StepSpec {
        name: "yeh-kaf",
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || char_map("yeh-kaf", YEH_KAF),
    },
    StepSpec {
        name: "teh-marbuta",
        phase: Phase::Fold,
        in_profile: false,
        is_local: true,
        wanted: |o| full(o) && o.teh_marbuta,
        make: || char_map("teh-marbuta", TEH_MARBUTA),
    },
    StepSpec {
        name: "digits",
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || char_map("digits", DIGITS),
    },
    StepSpec {
        name: "lowercase",
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: |o| o.case == CaseMode::Fold,
        make: || Box::new(Lowercase),
    },
    StepSpec {
        name: "stem",
        phase: Phase::Fold,
        in_profile: false,
        is_local: true,
        wanted: |o| o.stem,
        make: || Box::new(ArabicStem::default()),
    },
];

/// The names `--no-fold` accepts: the steps of the profile, in order.
pub fn profile_steps() -> impl Iterator<Item = &'static str> {
    STEPS.iter().filter(|s| s.in_profile).map(|s| s.name)
}

/// An unknown step name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownStep(pub String);

impl std::fmt::Display for UnknownStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let steps: Vec<&str> = profile_steps().collect();
        write!(
            f,
            "unknown normalization step \"{}\" (steps: {})",
            self.0,
            steps.join(", ")
        )
    }
}

impl std::error::Error for UnknownStep {}

/// The normalization pipeline: surface steps, then fold steps.
pub struct Normalizer {
    surface: Vec<Box<dyn NormalizeStep>>,
    fold: Vec<Box<dyn NormalizeStep>>,
    /// Whether every surface step works within runs of text between ASCII white
    /// space (see [`StepSpec::is_local`]).
    surface_is_local: bool,
}

fn char_map(name: &'static str, table: &'static [(char, char, Replace)]) -> Box<dyn NormalizeStep> {
    Box::new(CharMap { name, table })
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
            surface: Vec::new(),
            fold: Vec::new(),
            surface_is_local: true,
        };
        for step in STEPS {
            let off = step.in_profile && options.disabled.iter().any(|d| d == step.name);
            if off || !(step.wanted)(options) {
                continue;
            }
            match step.phase {
                Phase::Surface => {
                    normalizer.surface_is_local &= step.is_local;
                    normalizer.surface.push((step.make)());
                }
                Phase::Fold => normalizer.fold.push((step.make)()),
            }
        }
        normalizer
    }

    /// The names of the steps, in the order they run.
    pub fn step_names(&self) -> Vec<&'static str> {
        self.surface
            .iter()
            .chain(&self.fold)
            .map(|s| s.name())
            .collect()
    }

    /// The surface steps: how a term is displayed.
    ///
    /// Most words need none of them. So the text is read as runs between ASCII white
    /// space, and only a run holding a character outside [`is_surface_stable`] goes
    /// through the steps; the others are copied. That gives the same text as running
    /// the steps over the whole of it, because white space neither composes under
    /// NFKC nor counts as a letter to the ZWNJ rule, and the other steps map single
    /// characters.
    pub fn surface<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.surface.is_empty() {
            return Cow::Borrowed(text);
        }
        if !self.surface_is_local {
            return self.surface_steps(text);
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
                    self.surface_run(text, run_start..i, &mut out, &mut copied);
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
            self.surface_run(text, run_start..text.len(), &mut out, &mut copied);
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
    ) {
        if let Cow::Owned(changed) = self.surface_steps(&text[run.clone()]) {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[*copied..run.start]);
            out.push_str(&changed);
            *copied = run.end;
        }
    }

    fn surface_steps<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.surface
            .iter()
            .fold(Cow::Borrowed(text), |acc, step| step.apply(acc))
    }

    /// The fold steps, applied to surface text or a token: the key a term is counted under.
    pub fn fold<'a>(&self, text: &'a str) -> Cow<'a, str> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn with(options: NormalizeOptions) -> Normalizer {
        Normalizer::new(&options).unwrap()
    }

    /// Every stable character is left alone by every surface step, alone and next
    /// to any other stable character, and the letters are letters.
    #[test]
    fn stable_characters_are_stable() {
        let n = Normalizer::default();
        let stable: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_surface_stable(c) && !c.is_ascii())
            .collect();
        assert!(stable.len() > 150, "{}", stable.len());
        let mut probes: Vec<char> = stable.clone();
        probes.extend(['a', 'Z', '0', ' ', '.', '\n']);
        for &c in &stable {
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "{c:?}"
            );
            assert_eq!(is_stable_letter(c), c.is_alphabetic(), "{c:?}");
            for &d in &probes {
                for pair in [format!("{c}{d}"), format!("{d}{c}")] {
                    assert_eq!(n.surface_steps(&pair), pair.as_str(), "{pair:?}");
                }
            }
        }
    }

    #[test]
    fn surface_by_runs_equals_surface_over_the_whole_text() {
        let n = Normalizer::default();
        for text in [
            "كَتَبَ الْوَلَدُ می\u{200C}\u{200C}شود \u{200C}کتاب\u{200C} ها ﻻ x",
            "plain ascii only",
            "\u{200C} \u{200C}a\u{200C}b \u{0627}\u{0653} e\u{0301} \u{FE70}",
            "ب\u{200C}\u{064E}ب   \tـ\n",
        ] {
            assert_eq!(n.surface(text), n.surface_steps(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn surface_by_runs_equals_surface_over_the_whole_text_generated(
            text in proptest::collection::vec(
                proptest::prop_oneof![
                    8 => proptest::sample::select(
                        "ab .\n\tبکیيىةأإآا\u{0640}٠۹،؟«\u{064B}\u{064E}\u{0651}\u{0653}\u{0654}\u{0670}\u{200C}\u{200D}\u{200F}\u{06D6}\u{FEFB}\u{FE70}\u{00A0}\u{2026}e\u{0301}"
                            .chars()
                            .collect::<Vec<char>>()
                    ),
                    1 => proptest::prelude::any::<char>(),
                ],
                0..48,
            ).prop_map(|chars| chars.into_iter().collect::<String>())
        ) {
            let text: String = text;
            let n = Normalizer::default();
            proptest::prop_assert_eq!(n.surface(&text), n.surface_steps(&text));
        }
    }

    #[test]
    fn steps_run_in_the_documented_order() {
        let profile = [
            "nfkc",
            "invisible",
            "zwnj",
            "tatweel",
            "diacritics",
            "alef",
            "yeh-kaf",
            "digits",
            "lowercase",
        ];
        assert_eq!(Normalizer::default().step_names(), profile);
        assert_eq!(profile_steps().collect::<Vec<_>>(), profile);
        let all = with(NormalizeOptions {
            persian_zwnj_repair: true,
            teh_marbuta: true,
            stem: true,
            disabled: vec!["digits".into()],
            ..NormalizeOptions::default()
        });
        assert_eq!(
            all.step_names(),
            [
                "nfkc",
                "invisible",
                "zwnj",
                "persian-zwnj-repair",
                "tatweel",
                "diacritics",
                "alef",
                "yeh-kaf",
                "teh-marbuta",
                "lowercase",
                "stem"
            ]
        );
        assert!(!all.surface_is_local && Normalizer::default().surface_is_local);
        let nfkc_only = with(NormalizeOptions {
            form: NormalForm::Nfkc,
            case: CaseMode::Keep,
            ..NormalizeOptions::default()
        });
        assert_eq!(nfkc_only.step_names(), ["nfkc"]);
        let err = Normalizer::new(&NormalizeOptions {
            disabled: vec!["stem".into()],
            ..NormalizeOptions::default()
        })
        .err()
        .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("unknown normalization step \"stem\" (steps: nfkc, invisible, zwnj, tatweel, diacritics, alef, yeh-kaf, digits, lowercase)")
        );
    }

    #[test]
    fn nfkc_turns_arabic_presentation_forms_into_base_letters() {
        assert_eq!(Nfkc.apply(Cow::Borrowed("\u{FEFB}\u{FE8D}")), "لاا");
        assert_eq!(Nfkc.apply(Cow::Borrowed("ﬁle")), "file");
    }

    #[test]
    fn invisible_characters_are_removed() {
        let n = Normalizer::default();
        assert_eq!(
            n.surface("\u{200F}سلام\u{202B}دنیا\u{202C}\u{2067}x\u{2069}\u{200D}\u{FEFF}"),
            "سلامدنیاx"
        );
    }

    #[test]
    fn tatweel_and_diacritics_are_removed() {
        let n = Normalizer::default();
        assert_eq!(n.surface("كـــتـاب"), "كتاب");
        assert_eq!(n.surface("كَتَبَ الْوَلَدُ"), "كتب الولد");
        assert_eq!(n.surface("رَحْمَٰنِ ۖ"), "رحمن ");
    }

    #[test]
    fn alef_variants_fold_together() {
        let n = Normalizer::default();
        for variant in ["أحمد", "إحمد", "آحمد", "ٱحمد", "احمد"] {
            assert_eq!(n.fold(variant), "احمد", "{variant}");
        }
    }

    #[test]
    fn yeh_kaf_and_heh_fold() {
        let n = Normalizer::default();
        assert_eq!(n.fold("ایران"), n.fold("ايران"));
        assert_eq!(n.fold("على"), "علي");
        assert_eq!(n.fold("کتاب"), "كتاب");
        assert_eq!(n.fold("خانۀ"), "خانه");
    }

    #[test]
    fn digits_unify() {
        let n = Normalizer::default();
        assert_eq!(n.fold("۱۳۹۶"), "1396");
        assert_eq!(n.fold("٢٠٢٤"), "2024");
        assert_eq!(n.fold("1396"), "1396");
    }

    #[test]
    fn zwnj_is_kept_inside_words_only() {
        let n = Normalizer::default();
        assert_eq!(n.surface("می\u{200C}\u{200C}شود"), "می\u{200C}شود");
        assert_eq!(n.surface("\u{200C}کتاب\u{200C} ها"), "کتاب ها");
        assert_eq!(n.surface("می\u{200C}شود"), "می\u{200C}شود");
    }

    #[test]
    fn optional_steps() {
        let n = with(NormalizeOptions {
            teh_marbuta: true,
            persian_zwnj_repair: true,
            ..NormalizeOptions::default()
        });
        assert_eq!(n.fold("مدرسة"), "مدرسه");
        assert_eq!(n.surface("می شود"), "می\u{200C}شود");
        assert_eq!(
            n.surface("کتاب ها را نمی خواند"),
            "کتاب\u{200C}ها را نمی\u{200C}خواند"
        );
        assert_eq!(n.surface("ایمیل های ویژه"), "ایمیل\u{200C}های ویژه");
        // Latin words are never joined.
        assert_eq!(n.surface("the ها"), "the ها");
        assert!(n.step_names().contains(&"teh-marbuta"));
        assert_eq!(Normalizer::default().fold("مدرسة"), "مدرسة");
    }

    #[test]
    fn arabic_stemming_is_opt_in() {
        let n = with(NormalizeOptions {
            stem: true,
            ..NormalizeOptions::default()
        });
        assert_eq!(n.step_names().last(), Some(&"stem"));
        // Article, prefixed preposition and feminine ending come off; Latin words stay.
        assert_eq!(n.fold("الكتاب"), "كتاب");
        assert_eq!(n.fold("بالمدرسة"), n.fold("المدرسة"));
        assert_eq!(n.fold("books"), "books");
        assert_eq!(Normalizer::default().fold("الكتاب"), "الكتاب");
    }

    #[test]
    fn steps_can_be_switched_off() {
        let n = with(NormalizeOptions {
            disabled: vec!["digits".into(), "alef".into()],
            ..NormalizeOptions::default()
        });
        assert_eq!(n.fold("۱۳۹۶ أحمد"), "۱۳۹۶ أحمد");
        assert!(!n.step_names().contains(&"digits"));
        let err = Normalizer::new(&NormalizeOptions {
            disabled: vec!["kashida".into()],
            ..NormalizeOptions::default()
        });
        assert!(err.is_err());
    }

    #[test]
    fn lowercasing_is_full_unicode() {
        let n = Normalizer::default();
        // Final sigma becomes ς; NFKC first splits the digraph ǅ into d + ž.
        assert_eq!(n.normalize("ΟΔΟΣ Straße ǅ"), "οδος straße dž");
        let no_nfkc = with(NormalizeOptions {
            form: NormalForm::None,
            ..NormalizeOptions::default()
        });
        assert_eq!(no_nfkc.normalize("ǅ"), "ǆ");
    }

    #[test]
    fn none_and_keep_is_the_identity() {
        let n = with(NormalizeOptions {
            form: NormalForm::None,
            case: CaseMode::Keep,
            ..NormalizeOptions::default()
        });
        assert!(n.step_names().is_empty());
        assert_eq!(n.normalize("ﬁ ΑΒΓ أحمد ۱۳۹۶"), "ﬁ ΑΒΓ أحمد ۱۳۹۶");
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        let n = Normalizer::default();
        assert!(matches!(n.surface("سلام دنیا"), Cow::Borrowed(_)));
        assert!(matches!(n.fold("hello"), Cow::Borrowed(_)));
    }
}
