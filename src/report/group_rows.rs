//! The rows and columns of `groups.csv`, `group_terms.csv` and `keyness.csv`.

use serde::Serialize;

use crate::measures::keyness::Keyness;
use crate::table::{number, text, Column};
use crate::Lang;

/// The shared vocabulary of two groups.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct VocabularyOverlap {
    /// Terms both groups use.
    pub shared: u64,
    /// Terms either group uses.
    pub union: u64,
    /// shared / union.
    pub jaccard: f64,
}

/// One row of `groups.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GroupRow {
    /// The group's name.
    pub group: String,
    /// Documents in the group.
    pub documents: u64,
    /// Word tokens in the group.
    pub tokens: u64,
    /// Distinct terms in the group.
    pub types: u64,
    /// Type/token ratio of the group.
    pub ttr: f64,
    /// Dominant language (most words; und only when nothing else).
    pub language: Lang,
    /// With three groups or more: the terms seen `--keyness-min-count` times or
    /// more in the corpus but fewer in the group, which `keyness.csv` leaves out
    /// for it (0 with two groups, where every such term has its row).
    pub keyness_left_out: u64,
    /// Share of the group's words per language of [`Report::group_languages`](crate::Report::group_languages).
    pub shares: Vec<f64>,
}

/// One row of `group_terms.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GroupTermRow {
    /// The group's name.
    pub group: String,
    /// Rank within the group, from 1.
    pub rank: usize,
    /// The term, as displayed.
    pub term: String,
    /// The term's count in the group.
    pub count: u64,
    /// Occurrences per million tokens of the group.
    pub per_million: f64,
}

/// One row of `keyness.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct KeynessRow {
    /// The group under study.
    pub target: String,
    /// What it is compared with: the rest of the corpus, or the other group.
    pub reference: String,
    /// The term, as displayed.
    pub term: String,
    /// The term's count in the target.
    pub count_target: u64,
    /// The term's count in the reference.
    pub count_reference: u64,
    /// Occurrences per million tokens of the target.
    pub per_million_target: f64,
    /// Occurrences per million tokens of the reference.
    pub per_million_reference: f64,
    /// Log-likelihood, χ², log ratio, %DIFF, p-value and direction.
    pub measures: Keyness,
}

/// Terms per group in `group_terms.csv`.
pub const GROUP_TERMS: usize = 200;

/// The first columns of `groups.csv`; one `share_CODE` column per language follows.
pub const GROUP_COLUMNS: &[Column] = &[
    text("group", "the group"),
    number("documents", "documents in the group"),
    number("tokens", "tokens"),
    number("types", "distinct terms"),
    number("ttr", "types / tokens"),
    text("language", "dominant language (ISO 639-3)"),
    number(
        "keyness_left_out",
        "with three groups or more: terms seen --keyness-min-count times or more in the corpus but fewer in the group, which keyness.csv leaves out for it (0 with two groups)",
    ),
];

/// Columns of `group_terms.csv`.
pub const GROUP_TERM_COLUMNS: &[Column] = &[
    text("group", "the group"),
    number("rank", "1 = most frequent in the group"),
    text(
        "term",
        "the term (stopwords and non-words left out unless --keep-stopwords)",
    ),
    number("count", "occurrences in the group"),
    number("per_million", "count per million of the group's tokens"),
];

/// Columns of `keyness.csv`.
pub const KEYNESS_COLUMNS: &[Column] = &[
    text("target", "the group studied"),
    text(
        "reference",
        "what it is set against: the other group, or (rest) for all other groups",
    ),
    text(
        "term",
        "the term (stopwords and non-words left out unless --keep-stopwords)",
    ),
    number("count_target", "a: occurrences in the target"),
    number("count_reference", "b: occurrences in the reference"),
    number("per_million_target", "a per million target tokens"),
    number("per_million_reference", "b per million reference tokens"),
    number(
        "llr",
        "Rayson's log-likelihood, negative when under-used in the target",
    ),
    number("chi2", "Pearson's χ² of [[a, b], [c − a, d − b]]"),
    number(
        "log_ratio",
        "Hardie's log ratio log2((a/c) / (b/d)), a zero count taken as 0.5",
    ),
    number(
        "pct_diff",
        "Gabrielatos' %DIFF 100 (a/c − b/d) / (b/d), a zero count taken as 0.5",
    ),
    number("p_value", "p of llr under χ² with 1 degree of freedom"),
    text("effect", "over, under or equal"),
];

/// The reference of a target when there are more than two groups.
pub const REST: &str = "(rest)";
