//! The rows and columns of `trends.csv` and `trend_terms.csv`, and the `trends`
//! block of `summary.json`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dates::Period;
use crate::table::{number, text, Column};
use crate::Lang;

/// One period of `trends.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TrendRow {
    /// The period's key (`2024-03`, `2024-W10`, ...).
    pub period: String,
    /// Dated documents in the period.
    pub documents: u64,
    /// Word tokens in them.
    pub tokens: u64,
    /// Distinct terms in them.
    pub types: u64,
    /// Share of the period's words per language of [`Trends::languages`].
    pub shares: Vec<f64>,
}

/// Which way a term went, at the corrected significance level [`TREND_FDR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// A significant rising trend.
    Rising,
    /// A significant falling trend.
    Falling,
    /// No trend at the corrected level.
    None,
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Direction::Rising => "rising",
            Direction::Falling => "falling",
            Direction::None => "none",
        })
    }
}

/// One term of `trend_terms.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TrendTermRow {
    /// Rising, falling or none.
    pub direction: Direction,
    /// Its place among the terms of its direction, from 1.
    pub rank: usize,
    /// The term, as displayed.
    pub term: String,
    /// Its occurrences in the dated documents.
    pub count: u64,
    /// Theil–Sen slope of its per-million frequency, per period.
    pub slope: f64,
    /// The slope over its mean per-million frequency: the share of its usual
    /// frequency gained (or lost) per period, what the terms are sorted by.
    pub relative_slope: f64,
    /// Kendall's τ of its frequencies against time.
    pub tau: f64,
    /// The Mann–Kendall test's two-sided p-value.
    pub p_value: f64,
    /// `p_value` adjusted by Benjamini–Hochberg over every term tested.
    pub p_adjusted: f64,
    /// Periods its test used (those large enough for it: see [`MIN_EXPECTED`]).
    pub periods: u64,
    /// Its per-million frequency in each period of `trends.csv`, in order; `None`
    /// in a period too small to tell (left out of its test).
    pub per_million: Vec<Option<f64>>,
}

/// The trends of a report: empty without `--time-field`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trends {
    /// `trends.csv`, in time order.
    pub rows: Vec<TrendRow>,
    /// The languages of the share columns, by the corpus' words.
    pub languages: Vec<Lang>,
    /// `trend_terms.csv`: rising, then falling, then the rest.
    pub terms: Vec<TrendTermRow>,
}

/// The newest period, for `check` (`trends.last.language_share.eng`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PeriodFigures {
    /// Its key.
    pub period: String,
    /// Dated documents.
    pub documents: u64,
    /// Word tokens.
    pub tokens: u64,
    /// Distinct terms.
    pub types: u64,
    /// Share of its words per language (ISO 639-3), rounded to 6 decimals; a
    /// language absent from it is 0 to `check`.
    pub language_share: BTreeMap<String, f64>,
}

/// The smallest and largest share of a language over periods.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ShareRange {
    /// The smallest.
    pub min: f64,
    /// The largest.
    pub max: f64,
}

/// The `trends` block of `summary.json`, with `--time-field`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TrendSummary {
    /// The period counted by (`--period`, or the coarsest with [`MIN_PERIODS`]).
    pub period: Period,
    /// Periods with at least one dated document.
    pub periods: u64,
    /// Documents with a date.
    pub dated_documents: u64,
    /// Documents without one (each a `no_date` problem, or of a file that is).
    pub undated_documents: u64,
    /// Terms tested for a trend (seen `--trend-min-count` times in dated documents).
    pub terms_tested: u64,
    /// Of those, rising at the corrected level.
    pub rising: u64,
    /// Of those, falling at the corrected level.
    pub falling: u64,
    /// Why no term was tested, when none was though some were frequent enough.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms_skipped: Option<String>,
    /// The newest period; absent without dated documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<PeriodFigures>,
    /// Each language's smallest and largest share over the periods before the
    /// newest: the spread the newest is checked against (`check --init`).
    pub language_share_before_last: BTreeMap<String, ShareRange>,
}

/// Periods the default `--period` gives at least, when the dates allow.
pub const MIN_PERIODS: usize = 8;

/// The false discovery rate at which a term's trend is significant
/// (Benjamini–Hochberg over every term tested).
pub const TREND_FDR: f64 = 0.05;

/// A period enters a word's test only when the word's rate over all the dated
/// text predicts at least this many occurrences in it: in a smaller period a word
/// is absent by chance (a word of 10 per million is absent from most periods of
/// 20,000 tokens), and the zeros of the small early periods of a growing corpus
/// would make every word look as if it rose. Five, as the expected counts of a
/// χ² test.
pub const MIN_EXPECTED: f64 = 5.0;

/// Term trends are tested over at most this many periods: both tests compare every
/// two periods, so the work grows with the square of their number.
pub const MAX_TREND_PERIODS: usize = 400;

/// Columns of `trends.csv`, before one `share_LANG` column per language.
pub const TREND_COLUMNS: &[Column] = &[
    text(
        "period",
        "the period (--period): 2024, 2024-Q1, 2024-03, 2024-W10 or 2024-03-05",
    ),
    number("documents", "dated documents in the period"),
    number("tokens", "tokens"),
    number("types", "distinct terms"),
];

/// Columns of `trend_terms.csv`, before one column of per-million frequencies per
/// period, named by the period (empty where the period is too small for the word).
pub const TREND_TERM_COLUMNS: &[Column] = &[
    text(
        "direction",
        "rising or falling (Mann–Kendall, significant at a false discovery rate of 0.05 over every term tested), or none",
    ),
    number("rank", "1 = the strongest of its direction (by relative_slope; none: by p_value)"),
    text(
        "term",
        "the term (stopwords and non-words left out unless --keep-stopwords)",
    ),
    number("count", "occurrences in dated documents"),
    number(
        "periods",
        "periods its test used: those in which its rate over all dated text predicts at least 5 occurrences (the others are empty below)",
    ),
    number("slope", "Theil–Sen slope of its per-million frequency, per period"),
    number(
        "relative_slope",
        "slope / its mean per-million frequency over the periods: share of its usual frequency gained per period",
    ),
    number("tau", "Kendall's tau of its frequency against time"),
    number("p_value", "Mann–Kendall two-sided p-value"),
    number("p_adjusted", "p_value adjusted by Benjamini–Hochberg over every term tested"),
];
