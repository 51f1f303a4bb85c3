//! The stopwords the quality counts read: the lists of the terms table and those
//! of Gopher's and FineWeb-2's stopword rule, per language.

use rustc_hash::FxHashMap;

use crate::language::Lang;
use crate::normalize::Normalizer;
use crate::options::Options;
use crate::stopwords::{Stopwords, LANGUAGES as STOPWORD_LANGUAGES};

/// The stopword lists of Gopher's and FineWeb-2's stopword rule, by language: a
/// document passes with at least two tokens of its language's list. English is
/// Gopher's list; Arabic (`arb_Arab`) and Persian (`fas_Arab`) are FineWeb-2's
/// tuned lists (their configs, ODC-BY), less the Arabic comma `،`, which corpstat
/// never makes a token. Other languages have no list, and the rule does not apply.
pub const RULE_STOPWORDS: &[(Lang, &[&str])] = &[
    (
        Lang::of("ara"),
        &[
            "في",
            "من",
            "على",
            "إلى",
            "عام",
            "أن",
            "مع",
            "أو",
            "هو",
            "عن",
            "التي",
            "كان",
            "بين",
            "ما",
            "كانت",
            "هي",
            "المتحدة",
            "بعد",
        ],
    ),
    (
        Lang::of("eng"),
        &["the", "be", "to", "of", "and", "that", "have", "with"],
    ),
    (
        Lang::of("fas"),
        &["در", "و", "به", "از", "که", "است", "این", "را", "با", "یک"],
    ),
];

/// A word in the stopword lists of the terms table (and `--stopwords`).
pub(super) const IN_TERMS_LIST: u8 = 1;
/// A word in the stopword rule's list ([`RULE_STOPWORDS`]).
pub(super) const IN_RULE_LIST: u8 = 2;

/// The stopwords of one language, folded: each word with the lists it is in, so
/// that a term is looked up once.
#[derive(Default)]
pub(crate) struct LanguageStopwords {
    words: FxHashMap<String, u8>,
    /// Whether the language has a list for the stopword rule.
    pub(super) has_rule_list: bool,
}

impl LanguageStopwords {
    /// The lists `key` is in ([`IN_TERMS_LIST`], [`IN_RULE_LIST`]), or 0.
    pub(super) fn flags(&self, key: &str) -> u8 {
        self.words.get(key).copied().unwrap_or(0)
    }
}

/// The stopwords the quality counts read, per language.
pub(crate) struct QualityLists {
    by_language: Vec<(Lang, LanguageStopwords)>,
    /// For every other language: the user's stopwords alone.
    others: LanguageStopwords,
}

impl QualityLists {
    /// The lists of `options` (stopwords-iso's and `--stopwords`, as the terms
    /// table marks them) and of the stopword rule, folded with `normalizer`.
    pub(crate) fn new(options: &Options, normalizer: &Normalizer) -> Self {
        let stopwords = Stopwords::of(options, normalizer);
        let of = |language: Lang| {
            let mut words: FxHashMap<String, u8> = FxHashMap::default();
            for word in stopwords.words_of(language) {
                *words.entry(word.clone()).or_default() |= IN_TERMS_LIST;
            }
            let rule = RULE_STOPWORDS.iter().find(|(l, _)| *l == language);
            for word in rule.into_iter().flat_map(|(_, words)| words.iter()) {
                *words.entry(normalizer.normalize(word)).or_default() |= IN_RULE_LIST;
            }
            LanguageStopwords {
                words,
                has_rule_list: rule.is_some(),
            }
        };
        let mut languages: Vec<Lang> = STOPWORD_LANGUAGES
            .iter()
            .map(|(l, _)| *l)
            .chain(RULE_STOPWORDS.iter().map(|(l, _)| *l))
            .collect();
        languages.sort_unstable();
        languages.dedup();
        QualityLists {
            by_language: languages.into_iter().map(|l| (l, of(l))).collect(),
            others: of(Lang::UNDETERMINED),
        }
    }

    /// The stopwords of `language`.
    pub(crate) fn of(&self, language: Lang) -> &LanguageStopwords {
        self.by_language
            .iter()
            .find(|(l, _)| *l == language)
            .map_or(&self.others, |(_, words)| words)
    }
}
