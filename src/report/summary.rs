//! `summary.json`: every corpus-level statistic, the shares and the problems.

use super::*;

/// The layout version of `summary.json`. Renaming or removing a metric bumps it,
/// so that `corpstat check` can tell a baseline it cannot compare with.
pub const SCHEMA_VERSION: u32 = 1;

/// Words and their share of all tokens.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    /// Words (tokens).
    pub words: u64,
    /// `words` divided by the corpus tokens, rounded to 6 decimals.
    pub share: f64,
}

/// The corpus summary: `summary.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The version of this file's layout: bumped when a metric is renamed or removed.
    pub schema_version: u32,
    /// The version of corpstat that wrote it.
    pub corpstat_version: &'static str,
    /// The options used.
    pub options: Options,
    /// The normalization steps, in the order they ran.
    pub normalization: Vec<&'static str>,
    /// Languages whose stopwords are marked (at least 5% of the words).
    pub stopword_languages: Vec<String>,
    /// Documents read (including empty ones).
    pub documents: u64,
    /// Word tokens.
    pub tokens: u64,
    /// Distinct terms.
    pub types: u64,
    /// Terms that occur once.
    pub hapax: u64,
    /// Sentences with at least one token.
    pub sentences: u64,
    /// Type/token ratio.
    pub ttr: Option<f64>,
    /// Yule's K.
    pub yules_k: Option<f64>,
    /// Moving-average TTR.
    pub mattr: Option<f64>,
    /// Measure of textual lexical diversity.
    pub mtld: Option<f64>,
    /// Zipf exponent.
    pub zipf_exponent: Option<f64>,
    /// Heaps' law K.
    pub heaps_k: Option<f64>,
    /// Heaps' law β.
    pub heaps_beta: Option<f64>,
    /// N of the co-occurrence contingency tables.
    pub cooccurrence_n: f64,
    /// `null` when every count is exact; under `--memory-limit`, once the n-gram and
    /// pair tables were pruned, how far their counts may be off (single terms and
    /// every other statistic stay exact).
    pub approximate: Option<Pruning>,
    /// Words per language (ISO 639-3).
    pub languages: BTreeMap<String, Share>,
    /// Words per script.
    pub scripts: BTreeMap<String, Share>,
    /// The first 100 input problems met in reading order (see
    /// [`crate::count::PROBLEMS_LISTED`]), sorted by file, line, kind and message.
    pub problems: Vec<Problem>,
    /// Input problems in all, listed or not.
    pub problems_total: u64,
    /// Input problems in all, by kind.
    pub problems_by_kind: BTreeMap<ProblemKind, u64>,
}
