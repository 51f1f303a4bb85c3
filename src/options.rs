//! Options for a corpus analysis, with their defaults.

use serde::{Deserialize, Serialize};

use crate::dates::Period;
use crate::input::InputOptions;
use crate::normalize::NormalizeOptions;
use crate::tokenize::TokenRules;
use crate::word_list::WordList;

/// How the user's stopwords (`--stopwords`) meet the built-in lists. Default: add.
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StopwordsMode {
    /// The user's words are stopwords too, besides the built-in lists of the
    /// corpus' languages.
    #[default]
    Add,
    /// Only the user's words are stopwords.
    Replace,
}

impl StopwordsMode {
    fn is_add(&self) -> bool {
        *self == StopwordsMode::Add
    }
}

/// What counts as "together" for co-occurrence. Default: [`CoocScope::Window`].
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

/// Which of the costly tables an analysis counts. Default: all. A subcommand that
/// prints none of them (`terms`, `langs`, `stats`) switches them off and pays for
/// none: on a real corpus the n-grams and pairs take most of the counting and
/// merging. Not recorded in `summary.json`, whose figures it does not change (a
/// summary without them has no `duplicates` or `quality` block).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tables {
    /// N-grams of order 2 and more (`ngrams.csv`, `top-ngrams.png`).
    pub ngrams: bool,
    /// Co-occurring pairs (`cooccurrence.csv`, `cooccurrence.png`).
    pub cooccurrence: bool,
    /// Each document's fingerprint, MinHash signature and quality counts, for the
    /// duplicates and the quality signals (`duplicates.csv`, `quality.csv`, and
    /// `duplicates` and `quality` in `summary.json`).
    pub documents: bool,
}

impl Tables {
    /// None of them: for the term, language and summary statistics.
    pub const NONE: Tables = Tables {
        ngrams: false,
        cooccurrence: false,
        documents: false,
    };
    /// N-grams only.
    pub const NGRAMS: Tables = Tables {
        ngrams: true,
        cooccurrence: false,
        documents: false,
    };
    /// Co-occurring pairs only.
    pub const COOCCURRENCE: Tables = Tables {
        ngrams: false,
        cooccurrence: true,
        documents: false,
    };
    /// The duplicates and the quality signals only: for the whole summary
    /// (`corpstat check`, `corpstat stats --format json`).
    pub const SUMMARY: Tables = Tables {
        ngrams: false,
        cooccurrence: false,
        documents: true,
    };
    /// All of them.
    pub const ALL: Tables = Tables {
        ngrams: true,
        cooccurrence: true,
        documents: true,
    };
}

impl Default for Tables {
    fn default() -> Self {
        Tables::ALL
    }
}

/// Everything that changes what an analysis counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The user's stopwords (`--stopwords FILE`), folded like the terms and
    /// stopwords in every language. Default: none. Left out of `summary.json` when
    /// none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopwords: Option<WordList>,
    /// Whether [`Options::stopwords`] adds to the built-in lists or replaces
    /// them. Default: add (left out of `summary.json`).
    #[serde(default, skip_serializing_if = "StopwordsMode::is_add")]
    pub stopwords_mode: StopwordsMode,
    /// Terms taken out of the text before anything is counted (`--ignore FILE`),
    /// folded like the terms: boilerplate that no table should list. Default:
    /// none. Left out of `summary.json` when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore: Option<WordList>,
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
    /// Words or phrases whose every occurrence `concordance.csv` lists
    /// (`corpstat report --kwic`), matched on folded terms. Default: none (left out
    /// of `summary.json`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kwic: Vec<String>,
    /// MATTR window in tokens. Default: 500.
    pub mattr_window: usize,
    /// The period the trends count by (`--period`). Default: none, the coarsest
    /// that gives at least [`MIN_PERIODS`](crate::report::MIN_PERIODS) periods.
    /// Absent from `summary.json` when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// `trend_terms.csv` tests terms seen at least this often in dated documents
    /// (`--trend-min-count`). Default: 20 (absent from `summary.json` when so).
    #[serde(
        default = "default_trend_min_count",
        skip_serializing_if = "is_default_trend_min_count"
    )]
    pub trend_min_count: u64,
    /// How input files are read (used by [`crate::Corpus::add_paths`]).
    pub input: InputOptions,
    /// The large tables counted. Default: both.
    #[serde(skip)]
    pub tables: Tables,
    /// Keep each document's terms for `document_terms.parquet` (`report
    /// --parquet`). Default: false: the report drops them once its tables are made.
    #[serde(skip)]
    pub document_terms: bool,
}

/// The first option on which two sets of options differ (see
/// [`Options::first_difference`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionDifference {
    /// Its dotted path, as under `options` in `summary.json` (`cooccurrence.window`).
    pub path: String,
    /// Its value in the first set, as JSON.
    pub ours: String,
    /// Its value in the second set, as JSON.
    pub theirs: String,
}

impl std::fmt::Display for OptionDifference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is {} against {}", self.path, self.ours, self.theirs)
    }
}

/// The default of [`Options::trend_min_count`].
const TREND_MIN_COUNT: u64 = 20;

fn default_trend_min_count() -> u64 {
    TREND_MIN_COUNT
}

fn is_default_trend_min_count(count: &u64) -> bool {
    *count == TREND_MIN_COUNT
}

/// Under `--memory-limit`, a batch of documents holds at most this share of the limit.
const BATCH_SHARE_OF_LIMIT: u64 = 32;

impl Options {
    /// Bytes of text analysed at once, at most (a batch ends at the document that
    /// reaches it, and always takes one), so that a corpus of a few huge documents
    /// is not held whole.
    pub const BATCH_BYTES: usize = 16 << 20;

    /// Bytes of text per batch: [`Options::BATCH_BYTES`], or under a memory limit a
    /// share of it, from 1 MiB to [`Options::BATCH_BYTES`].
    pub(crate) fn batch_bytes(&self) -> usize {
        match self.memory_limit {
            Some(limit) => usize::try_from(limit / BATCH_SHARE_OF_LIMIT)
                .unwrap_or(Self::BATCH_BYTES)
                .clamp(1 << 20, Self::BATCH_BYTES),
            None => Self::BATCH_BYTES,
        }
    }

    /// How the corpus is read: the input options, with documents split into parts
    /// no longer than a batch under a memory limit. The second reading (the report's
    /// concordance lines) reads through the same, so that a part has the same id and
    /// text both times.
    pub(crate) fn reading_input(&self) -> InputOptions {
        let mut input = self.input.clone();
        if self.memory_limit.is_some() {
            input.max_document_bytes = input.max_document_bytes.min(self.batch_bytes());
        }
        input
    }

    /// The first option, in the order of their paths, on which `self` and `other`
    /// differ; `None` when they count alike. Compared as `summary.json` records
    /// them, so what does not change the counts (the folders left out of the
    /// walk) is not a difference.
    pub fn first_difference(&self, other: &Options) -> Option<OptionDifference> {
        let ours = serde_json::to_value(self).unwrap_or_default();
        let theirs = serde_json::to_value(other).unwrap_or_default();
        first_difference(String::new(), &ours, &theirs)
    }

    /// These options with those that only decide what the report lists, or how
    /// much memory counting may take, set to their defaults: what the shards of a
    /// sharded run must share. They are `keyness_min_count`, `ngram_min`,
    /// `ngram_min_count`, `cooccurrence.min_count`, `distinctive_per_document`, `kwic`,
    /// `period`, `trend_min_count`,
    /// `memory_limit` and `input.max_input_bytes` (a cap on reading, which a
    /// shard that reached it records as a problem); and the word lists' file
    /// names (their hashes stay).
    pub fn counting(&self) -> Options {
        let defaults = Options::default();
        let mut counting = self.clone();
        counting.keyness_min_count = defaults.keyness_min_count;
        counting.ngram_min = defaults.ngram_min;
        counting.ngram_min_count = defaults.ngram_min_count;
        counting.cooccurrence.min_count = defaults.cooccurrence.min_count;
        counting.distinctive_per_document = defaults.distinctive_per_document;
        counting.kwic = Vec::new();
        counting.period = defaults.period;
        counting.trend_min_count = defaults.trend_min_count;
        counting.memory_limit = defaults.memory_limit;
        counting.input.max_input_bytes = defaults.input.max_input_bytes;
        counting.input.exclude = Vec::new();
        // A list is the same list wherever its file lives: its hash tells.
        for list in [&mut counting.stopwords, &mut counting.ignore]
            .into_iter()
            .flatten()
        {
            list.file = String::new();
        }
        counting
    }

    /// The SHA-256, in hex, of [`Options::counting`] as compact JSON: equal for two
    /// runs whose counts can be added.
    pub fn counting_sha256(&self) -> String {
        use sha2::{Digest, Sha256};
        let json = serde_json::to_string(&self.counting()).unwrap_or_default();
        format!("{:x}", Sha256::digest(json.as_bytes()))
    }
}

/// The first path at which two JSON values differ.
fn first_difference(
    path: String,
    ours: &serde_json::Value,
    theirs: &serde_json::Value,
) -> Option<OptionDifference> {
    use serde_json::Value;
    if ours == theirs {
        return None;
    }
    if let (Value::Object(a), Value::Object(b)) = (ours, theirs) {
        let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let inner = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            let (x, y) = (
                a.get(key).unwrap_or(&Value::Null),
                b.get(key).unwrap_or(&Value::Null),
            );
            if let Some(difference) = first_difference(inner, x, y) {
                return Some(difference);
            }
        }
    }
    Some(OptionDifference {
        path,
        ours: ours.to_string(),
        theirs: theirs.to_string(),
    })
}

impl Default for Options {
    fn default() -> Self {
        Options {
            normalize: NormalizeOptions::default(),
            tokens: TokenRules::Smart,
            languages: Vec::new(),
            detect_every_sentence: false,
            keep_stopwords: false,
            stopwords: None,
            stopwords_mode: StopwordsMode::Add,
            ignore: None,
            keyness_min_count: 3,
            ngram_min: 1,
            ngram_max: 3,
            ngram_min_count: 2,
            cooccurrence: CoocOptions::default(),
            memory_limit: None,
            distinctive_per_document: 20,
            kwic: Vec::new(),
            mattr_window: 500,
            period: None,
            trend_min_count: TREND_MIN_COUNT,
            input: InputOptions::default(),
            tables: Tables::default(),
            document_terms: false,
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
    /// `--langs` names a language corpstat does not report.
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The first difference is named by its path; the folders left out of the
    /// walk are no difference; equal options have none.
    #[test]
    fn first_difference_names_the_path() {
        let base = Options::default();
        assert_eq!(base.first_difference(&Options::default()), None);
        let window = Options {
            cooccurrence: CoocOptions {
                window: 3,
                ..CoocOptions::default()
            },
            mattr_window: 100,
            ..Options::default()
        };
        let difference = base.first_difference(&window).expect("they differ");
        assert_eq!(difference.to_string(), "cooccurrence.window is 5 against 3");
        let mut excluded = Options::default();
        excluded.input.exclude.push("reports".into());
        assert_eq!(base.first_difference(&excluded), None);
        let mut folded = Options::default();
        folded.normalize.disabled.push("alef".into());
        assert_eq!(
            base.first_difference(&folded).map(|d| d.path),
            Some("normalize.disabled".to_string())
        );
    }
}
