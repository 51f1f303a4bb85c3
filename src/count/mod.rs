//! Counting: one document's statistics, and the corpus totals they merge into.
//!
//! [`Analyzer::analyze`] turns a [`Document`](crate::Document) into [`DocumentStats`]: normalize,
//! tokenize, then count terms, n-grams, co-occurring pairs and the words of each
//! language, all keyed by document-local integer ids. Documents are independent,
//! so callers analyze them in parallel. [`CorpusCounts`] then takes each
//! document with `+=`, in document order, mapping local ids to corpus-wide ids
//! assigned in order of first occurrence. Counts merge by addition, so their
//! totals do not depend on the order; vocabulary growth (Heaps) and MATTR are
//! defined over the token stream in document order.

mod code_switching;
mod combine;
mod corpus;
mod document;
mod figures;
mod fingerprint;
mod languages;
mod merge;
mod minhash;
mod ngrams;
mod pruning;
mod quality;
mod terms;
mod totals;

pub use code_switching::CodeSwitching;
pub use combine::CombineError;
pub use corpus::CorpusCounts;
pub(crate) use corpus::DocumentRecord;
pub use document::{Analyzer, DocumentStats, MAX_SCOPE_TERMS};
pub use figures::DocumentFigures;
pub use fingerprint::Fingerprint;
pub(crate) use languages::{dominant_language, most_words, totals};
pub use minhash::{Signature, BANDS, HASHES, NEAR_THRESHOLD, ROWS, SHINGLE};
#[cfg(feature = "parquet")]
pub(crate) use pruning::keep_within;
pub use pruning::{Pruning, TABLE_SHARE_OF_LIMIT};
pub use quality::{is_terminal, QualityCounts, RULE_STOPWORDS, TOP_NGRAM_ORDERS};
pub(crate) use totals::{NgramTotals, TermTotals};

use std::collections::BTreeMap;

use crate::language::Lang;
use crate::script::Script;

/// Input problems listed one by one in `summary.json` and on stderr; the rest are
/// counted by kind.
pub const PROBLEMS_LISTED: usize = 100;

/// Words counted per (language, script).
pub type LanguageWords = BTreeMap<(Lang, Script), u64>;
