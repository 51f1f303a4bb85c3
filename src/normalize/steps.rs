//! [`STEPS`], the one list of normalization steps: the pipeline, `--no-fold`'s
//! check and help, the unknown-step error and `summary.json`'s `normalization`
//! are all made from it.
//!
//! Adding a step: write it in a file of its own in this folder (a type that
//! implements [`NormalizeStep`], with its tests; a step that only replaces
//! characters is a table for [`CharMap`] in `char_map.rs` instead), then add one
//! [`StepSpec`] here, where its position is its order within its phase, with what
//! it does (the report README lists it from there) and the ledger rows it counts.

use crate::language::Lang;

use super::spec::{Counts, LedgerStep, Orthography, Phase, StepSpec};
use super::{
    ArabicStem, CaseMode, CharMap, Lowercase, Nfkc, NormalForm, NormalizeOptions,
    PersianZwnjRepair, Zwnj, ALEF, DIACRITICS, DIGITS, INVISIBLE, TATWEEL, TEH_MARBUTA, YEH_KAF,
};

/// Where the ledger counts the words a diacritics step changed.
fn diacritized_words(ledger: &mut Orthography) -> &mut u64 {
    &mut ledger.diacritized_words
}

fn full(options: &NormalizeOptions) -> bool {
    options.form == NormalForm::Full
}

/// Every step, in the order the steps of each phase run.
pub const STEPS: &[StepSpec] = &[
    StepSpec {
        name: "nfkc",
        about: "",
        option: None,
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: |o| o.form != NormalForm::None,
        make: || Box::new(Nfkc),
        ledger: &[],
    },
    StepSpec {
        name: "invisible",
        about: "LRM/RLM/ALM, bidi embeddings, overrides and isolates, ZWJ, BOM removed",
        option: None,
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || CharMap::step(INVISIBLE),
        ledger: &[LedgerStep {
            name: "invisible",
            about: "invisible marks removed (LRM, RLM, ALM, ZWJ, bidi embeddings and isolates, BOM), in characters",
            field: |o| &mut o.invisible,
            counts: Counts::Removed { words: None },
        }],
    },
    StepSpec {
        name: "zwnj",
        about: "repeated ZWNJs collapse, a ZWNJ not between two letters is dropped",
        option: None,
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || Box::new(Zwnj),
        ledger: &[LedgerStep {
            name: "zwnj",
            about: "ZWNJ collapsed (runs of them) or dropped (not between two letters), in characters",
            field: |o| &mut o.zwnj,
            counts: Counts::Removed { words: None },
        }],
    },
    StepSpec {
        name: "persian-zwnj-repair",
        about: "the prefixes می and نمی and the suffixes ها, های, هایی, تر and ترین written apart are joined to their word with a ZWNJ",
        option: Some("--persian-zwnj-repair"),
        phase: Phase::Surface,
        in_profile: false,
        is_local: false,
        wanted: |o| full(o) && o.persian_zwnj_repair,
        make: || Box::new(PersianZwnjRepair),
        ledger: &[],
    },
    StepSpec {
        name: "tatweel",
        about: "",
        option: None,
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || CharMap::step(TATWEEL),
        ledger: &[LedgerStep {
            name: "tatweel",
            about: "tatweel (ـ) removed, in characters",
            field: |o| &mut o.tatweel,
            counts: Counts::Removed { words: None },
        }],
    },
    StepSpec {
        name: "diacritics",
        about: "U+064B–U+065F, U+0670, U+06D6–U+06ED",
        option: None,
        phase: Phase::Surface,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || CharMap::step(DIACRITICS),
        ledger: &[LedgerStep {
            name: "diacritics",
            about: "diacritics and Quranic marks removed, in characters",
            field: |o| &mut o.diacritics,
            counts: Counts::Removed {
                words: Some(diacritized_words),
            },
        }],
    },
    StepSpec {
        name: "alef",
        about: "أ إ آ ٱ → ا",
        option: None,
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || CharMap::step(ALEF),
        ledger: &[LedgerStep {
            name: "alef",
            about: "alef variants (أ إ آ ٱ) folded to ا, in letters",
            field: |o| &mut o.alef,
            counts: Counts::Folded(ALEF),
        }],
    },
    StepSpec {
        name: "yeh-kaf",
        about: "ى ی → ي, ک → ك, ۀ → ه",
        option: None,
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || CharMap::step(YEH_KAF),
        ledger: &[
            LedgerStep {
                name: "yeh-kaf",
                about: "yeh and kaf forms (ى ی ک ۀ) folded to ي ك ه, in letters",
                field: |o| &mut o.yeh_kaf,
                counts: Counts::Folded(YEH_KAF),
            },
            LedgerStep {
                name: "arabic-yeh-kaf-in-persian",
                about: "Arabic yeh, alef maksura and kaf (ي ى ك) in the words of Persian sentences, where Persian writes ی and ک, in letters",
                field: |o| &mut o.arabic_yeh_kaf_in_persian,
                counts: Counts::Census {
                    letters: &['\u{064A}', '\u{0649}', '\u{0643}'],
                    language: Lang::PERSIAN,
                },
            },
            LedgerStep {
                name: "persian-yeh-kaf-in-arabic",
                about: "Persian yeh and kaf (ی ک) in the words of Arabic sentences, where Arabic writes ي ى and ك, in letters",
                field: |o| &mut o.persian_yeh_kaf_in_arabic,
                counts: Counts::Census {
                    letters: &['\u{06CC}', '\u{06A9}'],
                    language: Lang::ARABIC,
                },
            },
        ],
    },
    StepSpec {
        name: "teh-marbuta",
        about: "ة → ه",
        option: Some("--fold teh-marbuta"),
        phase: Phase::Fold,
        in_profile: false,
        is_local: true,
        wanted: |o| full(o) && o.teh_marbuta,
        make: || CharMap::step(TEH_MARBUTA),
        ledger: &[LedgerStep {
            name: "teh-marbuta",
            about: "teh marbuta (ة) folded to ه (with `--fold teh-marbuta`), in letters",
            field: |o| &mut o.teh_marbuta,
            counts: Counts::Folded(TEH_MARBUTA),
        }],
    },
    StepSpec {
        name: "digits",
        about: "٠–٩ and ۰–۹ → 0–9",
        option: None,
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: full,
        make: || CharMap::step(DIGITS),
        ledger: &[LedgerStep {
            name: "digits",
            about: "Arabic-Indic (٠-٩) and Persian (۰-۹) digits folded to 0-9, in digits",
            field: |o| &mut o.digits,
            counts: Counts::Folded(DIGITS),
        }],
    },
    StepSpec {
        name: "lowercase",
        about: "",
        option: None,
        phase: Phase::Fold,
        in_profile: true,
        is_local: true,
        wanted: |o| o.case == CaseMode::Fold,
        make: || Box::new(Lowercase),
        ledger: &[],
    },
    StepSpec {
        name: "stem",
        about: "the Snowball Arabic light stemmer on Arabic-script tokens; tables show each stem's most frequent form",
        option: Some("--stem"),
        phase: Phase::Fold,
        in_profile: false,
        is_local: true,
        wanted: |o| o.stem,
        make: || Box::new(ArabicStem::default()),
        ledger: &[],
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
