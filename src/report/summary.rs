//! `summary.json`: every corpus-level statistic, the shares and the problems.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{share, totals, CodeSwitchingSummary, DuplicatesSummary, OrthographySummary};
use crate::count::Pruning;
use crate::input::{Notice, Problem, ProblemKind};
use crate::measures::lexical;
use crate::report::TermRow;
use crate::table::round;
use crate::{CorpusCounts, Lang, Normalizer, Options};

/// The layout version of `summary.json`. Renaming or removing a metric bumps it,
/// so that `corpstat check` can tell a baseline it cannot compare with.
pub const SCHEMA_VERSION: u32 = 1;

/// Words and their share of all tokens.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Share {
    /// Words (tokens).
    pub words: u64,
    /// `words` divided by the corpus tokens, rounded to 6 decimals.
    pub share: f64,
}

/// The corpus summary: `summary.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
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
    /// Tokens of ignored terms (`--ignore`), taken out before counting: not in
    /// `tokens`. Only with `--ignore`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignored_tokens: Option<u64>,
    /// Distinct terms.
    pub types: u64,
    /// Terms that occur once.
    pub hapax: u64,
    /// Sentences with at least one token.
    pub sentences: u64,
    /// Language switches between sentences, and sentences that mix scripts.
    pub code_switching: CodeSwitchingSummary,
    /// What normalization changed, and how the Arabic script is written.
    pub orthography: OrthographySummary,
    /// Documents that duplicate others; absent when they were not counted (the
    /// subcommands that print no duplicates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicates: Option<DuplicatesSummary>,
    /// Each quality signal's spread and the share of documents each published
    /// rule would drop; absent when they were not counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality: Option<super::QualitySummary>,
    /// With `--time-field`: the periods, the newest's figures and the terms that
    /// rose or fell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trends: Option<super::TrendSummary>,
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
    /// The first 100 input problems met in reading order,
    /// sorted by file, line, kind and message.
    pub problems: Vec<Problem>,
    /// Input problems in all, listed or not.
    pub problems_total: u64,
    /// Input problems in all, by kind.
    pub problems_by_kind: BTreeMap<ProblemKind, u64>,
    /// What the user should know of the reading that is no problem (links
    /// followed out of the folder given); absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
}

impl Summary {
    /// The summary of merged `counts`, whose term rows are `terms` (most frequent first).
    pub(super) fn of(
        counts: &CorpusCounts,
        terms: &[TermRow],
        normalizer: Option<&Normalizer>,
        stopword_languages: &[Lang],
        cooccurrence_n: f64,
    ) -> Summary {
        let sorted_counts: Vec<u64> = terms.iter().map(|t| t.count).collect();
        let heaps = lexical::heaps_fit(&counts.first_positions, counts.figures.tokens);
        let mut problems = counts.problems.clone();
        problems.sort();
        let tokens = counts.figures.tokens;
        let ratio = |x: f64| (tokens > 0).then(|| round(x));
        Summary {
            schema_version: SCHEMA_VERSION,
            corpstat_version: env!("CARGO_PKG_VERSION"),
            normalization: normalizer.map(|n| n.step_names()).unwrap_or_default(),
            stopword_languages: stopword_languages.iter().map(|l| l.to_string()).collect(),
            options: counts.options().clone(),
            documents: counts.documents.len() as u64,
            tokens,
            ignored_tokens: counts
                .options()
                .ignore
                .is_some()
                .then_some(counts.ignored_tokens),
            types: counts.terms.len() as u64,
            hapax: counts.terms.iter().filter(|t| t.count == 1).count() as u64,
            sentences: counts.figures.sentences,
            code_switching: CodeSwitchingSummary::of(counts),
            orthography: OrthographySummary::default(),
            duplicates: None,
            quality: None,
            trends: None,
            ttr: ratio(share(counts.terms.len() as u64, tokens)),
            yules_k: lexical::yules_k(sorted_counts.iter().copied()).map(round),
            mattr: counts.mattr.value().map(round),
            mtld: counts.figures.mtld.mtld().map(round),
            zipf_exponent: lexical::zipf_exponent(&sorted_counts).map(round),
            heaps_k: heaps.map(|h| round(h.0)),
            heaps_beta: heaps.map(|h| round(h.1)),
            cooccurrence_n: round(cooccurrence_n),
            approximate: counts.pruning,
            languages: shares(
                totals(&counts.figures.language_words, |k| k.0),
                counts.figures.tokens,
            ),
            scripts: shares(
                totals(&counts.figures.language_words, |k| k.1),
                counts.figures.tokens,
            ),
            problems,
            problems_total: counts.problem_counts.values().sum(),
            problems_by_kind: counts.problem_counts.clone(),
            notices: counts.notices.clone(),
        }
    }
}

/// A headline statistic of the summary: its metric path (as `corpstat check` and
/// `corpstat stats` name it), its label on the page, and its value.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Metric {
    /// The dotted path into summary.json.
    pub path: &'static str,
    /// The label on index.html.
    pub label: String,
    /// The value.
    pub value: MetricValue,
}

/// The value of a [`Metric`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MetricValue {
    /// A count.
    Count(u64),
    /// A statistic that may be undefined (no tokens, too few points for a fit).
    Ratio(Option<f64>),
}

impl Summary {
    /// The headline statistics, in the order index.html and `corpstat stats` show
    /// them: the one list of them.
    pub fn metrics(&self) -> Vec<Metric> {
        use MetricValue::{Count, Ratio};
        let metric = |path, label: &str, value| Metric {
            path,
            label: label.to_string(),
            value,
        };
        vec![
            metric("documents", "documents", Count(self.documents)),
            metric("tokens", "tokens", Count(self.tokens)),
            metric("types", "types", Count(self.types)),
            metric("hapax", "hapax legomena", Count(self.hapax)),
            metric("sentences", "sentences", Count(self.sentences)),
            metric(
                "code_switching.switch_rate",
                "language switches per 100 sentences",
                Ratio(self.code_switching.switch_rate),
            ),
            metric(
                "code_switching.mixed_share",
                "share of sentences mixing scripts",
                Ratio(self.code_switching.mixed_share),
            ),
            metric("ttr", "type/token ratio", Ratio(self.ttr)),
            metric("yules_k", "Yule's K", Ratio(self.yules_k)),
            metric(
                "mattr",
                &format!("MATTR ({})", self.options.mattr_window),
                Ratio(self.mattr),
            ),
            metric("mtld", "MTLD", Ratio(self.mtld)),
            metric("zipf_exponent", "Zipf exponent", Ratio(self.zipf_exponent)),
            metric("heaps_k", "Heaps K", Ratio(self.heaps_k)),
            metric("heaps_beta", "Heaps β", Ratio(self.heaps_beta)),
            metric(
                "problems.count",
                "input problems",
                Count(self.problems_total),
            ),
        ]
    }
}

/// Words per key (a language or a script) with their share of `tokens`, keyed by name.
fn shares<K: std::fmt::Display>(map: BTreeMap<K, u64>, tokens: u64) -> BTreeMap<String, Share> {
    map.into_iter()
        .map(|(k, words)| {
            let s = Share {
                words,
                share: round(share(words, tokens)),
            };
            (k.to_string(), s)
        })
        .collect()
}
