//! Options for a corpus analysis, with their defaults.

use serde::Serialize;

use crate::input::InputOptions;
use crate::normalize::NormalizeOptions;
use crate::tokenize::TokenRules;

/// What counts as "together" for co-occurrence. Default: [`CoocScope::Window`].
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CoocScope {
    /// Two tokens at most `window` tokens apart inside one sentence.
    #[default]
    Window,
    /// Two terms in the same sentence, counted once per sentence.
    Sentence,
    /// Two terms in the same document, counted once per document.
    Document,
}

/// Co-occurrence options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CoocOptions {
    /// Scope. Default: window.
    pub scope: CoocScope,
    /// With the window scope, the largest distance in tokens. Default: 5.
    pub window: usize,
    /// With the window scope, count (a, b) only when a comes first. Default: false.
    pub ordered: bool,
    /// List pairs of every token kind, not only words. Default: false.
    pub all_kinds: bool,
    /// Pairs seen fewer times are left out of the table. Default: 3.
    pub min_count: u64,
}

impl Default for CoocOptions {
    fn default() -> Self {
        CoocOptions {
            scope: CoocScope::Window,
            window: 5,
            ordered: false,
            all_kinds: false,
            min_count: 3,
        }
    }
}

/// Everything that changes what an analysis counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Options {
    /// Normalization: profile, case, steps switched off or on. Default: the full profile.
    pub normalize: NormalizeOptions,
    /// Tokenization rules. Default: smart (URLs, e-mail, mentions, hashtags kept whole).
    pub tokens: TokenRules,
    /// Candidate languages for detection (ISO 639-3). Default: empty, every language.
    pub languages: Vec<String>,
    /// Ask the language model about every sentence, instead of once per run of
    /// sentences whose evidence agrees (see [`LanguageDetector`](crate::LanguageDetector)). Slower; kept to
    /// compare the two. Default: false.
    pub detect_every_sentence: bool,
    /// Keep stopwords in distinctive terms, co-occurrence, group terms and keyness. Default: false.
    pub keep_stopwords: bool,
    /// Keyness lists terms whose count in target and reference together reaches this. Default: 3.
    pub keyness_min_count: u64,
    /// Smallest n-gram order in the n-gram table. Default: 1.
    pub ngram_min: usize,
    /// Largest n-gram order. Default: 3.
    pub ngram_max: usize,
    /// N-grams of order 2 and more seen fewer times are left out of the table
    /// (single terms never are). Default: 2, since on a real corpus most longer
    /// n-grams occur once and would make the table larger than the corpus.
    pub ngram_min_count: u64,
    /// Co-occurrence options.
    pub cooccurrence: CoocOptions,
    /// `--memory-limit`, in bytes: the n-gram and pair tables are kept within half
    /// of it by lossy counting (Manku and Motwani), and input
    /// is read in smaller batches. Single terms stay exact. Default: none, every
    /// count exact.
    pub memory_limit: Option<u64>,
    /// Distinctive terms kept per document. Default: 20.
    pub distinctive_per_document: usize,
    /// MATTR window in tokens. Default: 500.
    pub mattr_window: usize,
    /// How input files are read (used by [`crate::Corpus::add_paths`]).
    pub input: InputOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            normalize: NormalizeOptions::default(),
            tokens: TokenRules::Smart,
            languages: Vec::new(),
            detect_every_sentence: false,
            keep_stopwords: false,
            keyness_min_count: 3,
            ngram_min: 1,
            ngram_max: 3,
            ngram_min_count: 2,
            cooccurrence: CoocOptions::default(),
            memory_limit: None,
            distinctive_per_document: 20,
            mattr_window: 500,
            input: InputOptions::default(),
        }
    }
}

/// An option value that makes no sense.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionsError {
    /// The n-gram range is empty or starts at 0.
    #[error("n-gram orders must satisfy 1 <= min <= max, got {min}..{max}")]
    NgramRange {
        /// The smallest order asked for.
        min: usize,
        /// The largest order asked for.
        max: usize,
    },
    /// The co-occurrence window is 0.
    #[error("the co-occurrence window must be at least 1")]
    Window,
    /// `ordered` was asked for with a scope other than window.
    #[error("--ordered needs --cooc-scope window")]
    OrderedScope,
    /// The MATTR window is 0.
    #[error("the MATTR window must be at least 1")]
    MattrWindow,
    /// `--no-fold` names a step that does not exist.
    #[error(transparent)]
    UnknownStep(#[from] crate::normalize::UnknownStep),
    /// `--langs` names a language whatlang does not know.
    #[error(transparent)]
    UnknownLanguage(#[from] crate::language::UnknownLanguage),
}

impl Options {
    /// Checks that the options make sense together.
    pub fn validate(&self) -> Result<(), OptionsError> {
        if self.ngram_min == 0 || self.ngram_min > self.ngram_max {
            return Err(OptionsError::NgramRange {
                min: self.ngram_min,
                max: self.ngram_max,
            });
        }
        if self.cooccurrence.window == 0 {
            return Err(OptionsError::Window);
        }
        if self.cooccurrence.ordered && self.cooccurrence.scope != CoocScope::Window {
            return Err(OptionsError::OrderedScope);
        }
        if self.mattr_window == 0 {
            return Err(OptionsError::MattrWindow);
        }
        crate::normalize::Normalizer::new(&self.normalize)?;
        if !self.languages.is_empty() {
            crate::language::LanguageDetector::with_languages(&self.languages)?;
        }
        Ok(())
    }
}
