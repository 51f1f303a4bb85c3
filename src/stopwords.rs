//! Stopword lists, folded like the terms they are matched against.
//!
//! The lists are the stopwords-iso collection (MIT licence,
//! <https://github.com/stopwords-iso>), as shipped by the `stop-words` crate. Each
//! word is normalized with the same surface and fold steps as the corpus, so the
//! list's "في" matches the corpus' "في" however either was typed.

use rustc_hash::FxHashSet;

use crate::language::Lang;
use crate::normalize::Normalizer;
use crate::options::{Options, StopwordsMode};
use crate::word_list::WordList;

/// The languages with a list: (ISO 639-3 code as reported, the list's ISO 639-1 code).
pub const LANGUAGES: &[(Lang, &str)] = &[
    (Lang::of("ara"), "ar"),
    (Lang::of("deu"), "de"),
    (Lang::of("eng"), "en"),
    (Lang::of("fas"), "fa"),
    (Lang::of("fra"), "fr"),
    (Lang::of("ita"), "it"),
    (Lang::of("nld"), "nl"),
    (Lang::of("por"), "pt"),
    (Lang::of("rus"), "ru"),
    (Lang::of("spa"), "es"),
    (Lang::of("tur"), "tr"),
    (Lang::of("urd"), "ur"),
];

/// Folded stopword sets per language, and the user's own words.
pub struct Stopwords {
    lists: Vec<(Lang, FxHashSet<String>)>,
    /// The user's words (`--stopwords`): stopwords whatever the language.
    own: FxHashSet<String>,
}

impl Stopwords {
    /// Every built-in list, folded with `normalizer`.
    pub fn new(normalizer: &Normalizer) -> Self {
        let lists = LANGUAGES
            .iter()
            .filter_map(|&(code, iso1)| {
                let words = stop_words::lookup(iso1)?;
                let folded = words.iter().map(|w| normalizer.normalize(w)).collect();
                Some((code, folded))
            })
            .collect();
        Stopwords {
            lists,
            own: FxHashSet::default(),
        }
    }

    /// The stopwords `options` ask for: the built-in lists and the user's words
    /// (`--stopwords`), or the user's words alone (`--stopwords-mode replace`).
    pub fn of(options: &Options, normalizer: &Normalizer) -> Self {
        let mut stopwords = match options.stopwords_mode {
            StopwordsMode::Add => Stopwords::new(normalizer),
            StopwordsMode::Replace => Stopwords {
                lists: Vec::new(),
                own: FxHashSet::default(),
            },
        };
        stopwords.own = folded_words(options.stopwords.as_ref(), normalizer);
        stopwords
    }

    #[cfg(test)]
    /// The languages that have a list.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.lists.iter().map(|(code, _)| *code)
    }

    /// The words that are stopwords in `language`: its list's (when it has one)
    /// and the user's.
    pub fn words_of(&self, language: Lang) -> impl Iterator<Item = &String> + '_ {
        self.lists
            .iter()
            .filter(move |(code, _)| *code == language)
            .flat_map(|(_, words)| words.iter())
            .chain(self.own.iter())
    }

    /// Whether `key`, a folded term, is in the list of any of `languages`, or
    /// among the user's words.
    pub fn contains(&self, key: &str, languages: &[Lang]) -> bool {
        self.own.contains(key)
            || self
                .lists
                .iter()
                .any(|(code, words)| languages.contains(code) && words.contains(key))
    }
}

/// The words of a user's list (`--stopwords`, `--ignore`) folded as terms are:
/// the list's "Read" matches the corpus' "read", its "فی" the corpus' "في".
pub fn folded_words(list: Option<&WordList>, normalizer: &Normalizer) -> FxHashSet<String> {
    list.map(|list| list.words.iter().map(|w| normalizer.normalize(w)).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_folded_like_terms() {
        let n = Normalizer::default();
        let s = Stopwords::new(&n);
        assert_eq!(s.languages().count(), LANGUAGES.len());
        // Typed with Persian yeh or Arabic yeh, "in" is a stopword of Arabic...
        assert!(s.contains(&n.normalize("في"), &[Lang::of("ara")]));
        assert!(s.contains(&n.normalize("فی"), &[Lang::of("ara")]));
        // ... and "را", "از", "در" are Persian ones; "the" is English.
        for w in ["را", "از", "در", "این"] {
            assert!(s.contains(&n.normalize(w), &[Lang::of("fas")]), "{w}");
        }
        assert!(s.contains("the", &[Lang::of("eng")]));
        assert!(!s.contains("the", &[Lang::of("ara"), Lang::of("fas")]));
        assert!(!s.contains(
            &n.normalize("الصين"),
            &[Lang::of("ara"), Lang::of("fas"), Lang::of("eng")]
        ));
    }
}
