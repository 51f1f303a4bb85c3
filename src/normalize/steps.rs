//! [`STEPS`], the one list of normalization steps: the pipeline, `--no-fold`'s
//! check and help, the unknown-step error and `summary.json`'s `normalization`
//! are all made from it.
//!
//! Adding a step: write it in a file of its own in this folder (a type that
//! implements [`NormalizeStep`], with its tests; a step that only replaces
//! characters is a table for [`CharMap`] in `char_map.rs` instead), then add one
//! [`StepSpec`] here, where its position is its order within its phase. Add its
//! row to the table in the module doc of `normalize` and to `reports/README.md`.

use super::{
    ArabicStem, CaseMode, CharMap, Lowercase, Nfkc, NormalForm, NormalizeOptions, NormalizeStep,
    PersianZwnjRepair, Zwnj, ALEF, DIACRITICS, DIGITS, INVISIBLE, TATWEEL, TEH_MARBUTA, YEH_KAF,
};

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
        make: || CharMap::step("invisible", INVISIBLE),
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
        make: || CharMap::step("tatweel", TATWEEL),
    },
    StepSpec {
        name: "diacritics",
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || CharMap::step("diacritics", DIACRITICS),
    },
    StepSpec {
        name: "alef",
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || CharMap::step("alef", ALEF),
    },
    StepSpec {
        name: "yeh-kaf",
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || CharMap::step("yeh-kaf", YEH_KAF),
    },
    StepSpec {
        name: "teh-marbuta",
        phase: Phase::Fold,
        in_profile: false,
        is_local: true,
        wanted: |o| full(o) && o.teh_marbuta,
        make: || CharMap::step("teh-marbuta", TEH_MARBUTA),
    },
    StepSpec {
        name: "digits",
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || CharMap::step("digits", DIGITS),
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
