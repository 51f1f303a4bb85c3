//! `quality.csv` and the `quality` block of `summary.json`: each document's
//! quality signals (ratios of its [`QualityCounts`](crate::count::QualityCounts)), their median and 5th and
//! 95th percentiles, and the share of documents each published rule would drop
//! ([`RULES`]).

use std::collections::BTreeMap;

use serde::Serialize;

use super::groups::group_name;
use super::quality_rules::{RuleInput, RULES};
use super::{DocumentRow, RowSource};
use crate::count::CorpusCounts;
use crate::input::GroupBy;
use crate::language::Lang;
use crate::table::{float, number, round, text, Column};
use crate::Report;

/// One quality signal: its name (a column of `quality.csv`, documented in
/// [`QUALITY_COLUMNS`], and a key of `quality.signals`) and its value for a
/// document (`None` when what it divides by is 0).
pub struct Signal {
    /// Its name.
    pub name: &'static str,
    /// Whether its values are whole numbers (written without decimals).
    pub whole: bool,
    /// Its value for a document.
    pub value: fn(&RuleInput) -> Option<f64>,
}

/// A signal that is a ratio, written with decimals.
const fn ratio(name: &'static str, value: fn(&RuleInput) -> Option<f64>) -> Signal {
    Signal {
        name,
        whole: false,
        value,
    }
}

/// Every signal, in `quality.csv`'s column order.
pub const SIGNALS: &[Signal] = &[
    Signal {
        name: "words",
        whole: true,
        value: |d| Some(d.words() as f64),
    },
    ratio("mean_word_length", |d| d.mean_word_length()),
    ratio("no_letter_words", |d| d.per_word(d.counts.no_letter_words)),
    ratio("symbol_word_ratio", |d| d.symbol_word_ratio()),
    ratio("terminal_lines", |d| d.terminal_lines()),
    ratio("bullet_lines", |d| d.bullet_lines()),
    ratio("ellipsis_lines", |d| d.ellipsis_lines()),
    ratio("duplicate_lines", |d| d.duplicate_lines()),
    ratio("duplicate_line_chars", |d| d.duplicate_line_chars()),
    ratio("top_2gram_chars", |d| d.top_ngram_chars(0)),
    ratio("top_3gram_chars", |d| d.top_ngram_chars(1)),
    ratio("top_4gram_chars", |d| d.top_ngram_chars(2)),
    ratio("stopwords", |d| d.per_word(d.counts.stopwords)),
    ratio("url_email_words", |d| d.per_word(d.counts.url_email_words)),
    ratio("other_script_letters", |d| {
        let letters = d.counts.letters;
        let others = letters.saturating_sub(d.counts.main_script_letters);
        (letters > 0).then(|| others as f64 / letters as f64)
    }),
];

/// Columns of `quality.csv`: the document, each signal of [`SIGNALS`] in its
/// order, and the rules it fails.
pub const QUALITY_COLUMNS: &[Column] = &[
    text("document", "document id, as in documents.csv"),
    text(
        "language",
        "its dominant language, as in documents.csv: the rules use its thresholds",
    ),
    number(
        "words",
        "word tokens",
    ),
    number(
        "mean_word_length",
        "mean characters per word token, as written",
    ),
    number(
        "no_letter_words",
        "share of word tokens without a letter (numbers)",
    ),
    number(
        "symbol_word_ratio",
        "`#` characters or ellipses (`...`, `…`) per word token, whichever is more (Gopher's two symbol ratios in one)",
    ),
    number(
        "terminal_lines",
        "share of lines that end in terminal punctuation (. ! ? closing quotes, the ellipsis, ؟ ۔ । 。 and the like; not the Arabic comma ، or semicolon ؛)",
    ),
    number(
        "bullet_lines",
        "share of lines that start with a bullet •",
    ),
    number(
        "ellipsis_lines",
        "share of lines that end in an ellipsis",
    ),
    number(
        "duplicate_lines",
        "share of lines that repeat an earlier line of the document",
    ),
    number(
        "duplicate_line_chars",
        "share of the text's characters in lines that repeat an earlier line",
    ),
    number(
        "top_2gram_chars",
        "share of the text's characters covered by the most repeated 2-gram of folded tokens (its count times its length)",
    ),
    number(
        "top_3gram_chars",
        "the same for the most repeated 3-gram",
    ),
    number(
        "top_4gram_chars",
        "the same for the most repeated 4-gram",
    ),
    number(
        "stopwords",
        "share of word tokens in the stopword list of the document's language (the terms table's lists; 0 for a language without one)",
    ),
    number(
        "url_email_words",
        "share of word tokens that are web or e-mail addresses",
    ),
    number(
        "other_script_letters",
        "share of the letters outside the document's main script (the script with the most letters)",
    ),
    text(
        "fails",
        "the rules of summary.json's quality.rules that the document fails, separated by spaces, in the report README's order (empty when it fails none)",
    ),
];

/// One row of `quality.csv`: a document's signals and the rules it fails.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct QualityRow {
    /// The document id, as in documents.csv.
    pub document: String,
    /// Its dominant language, whose thresholds the rules used.
    pub language: Lang,
    /// Each signal's value, in [`SIGNALS`]' order (`None` when undefined).
    pub signals: Vec<Option<f64>>,
    /// Whether it fails each rule, in [`RULES`]' order (`None` where a rule does
    /// not apply).
    pub rules: Vec<Option<bool>>,
}

impl QualityRow {
    /// The names of the rules it fails, in [`RULES`]' order.
    pub fn fails(&self) -> impl Iterator<Item = &'static str> + '_ {
        RULES
            .iter()
            .zip(&self.rules)
            .filter(|(_, failed)| **failed == Some(true))
            .map(|(rule, _)| rule.name)
    }
}

/// A signal's spread over the documents where it is defined.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Percentiles {
    /// The 5th percentile (linear between the nearest ranks, as numpy's default).
    pub p5: Option<f64>,
    /// The median.
    pub median: Option<f64>,
    /// The 95th percentile.
    pub p95: Option<f64>,
}

/// How many documents a rule applies to and fails.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RuleShare {
    /// Documents it applies to.
    pub documents: u64,
    /// Of those, documents that fail it.
    pub flagged: u64,
    /// `flagged / documents`, rounded to 6 decimals; `None` when it applies to none.
    pub share: Option<f64>,
}

/// The quality figures of the corpus or of one group.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct QualityFigures {
    /// Each signal's percentiles, by name.
    pub signals: BTreeMap<&'static str, Percentiles>,
    /// Each rule's documents and failures, by name.
    pub rules: BTreeMap<&'static str, RuleShare>,
    /// Documents that fail at least one rule.
    pub any_rule: RuleShare,
}

/// The `quality` block of `summary.json`: metric paths
/// `quality.signals.mean_word_length.median`, `quality.rules.gopher_stopwords.share`,
/// ... and with groups `quality.groups.GROUP....` for `check`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct QualitySummary {
    /// The corpus' figures.
    #[serde(flatten)]
    pub corpus: QualityFigures,
    /// Per group (`--group-by`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<String, QualityFigures>,
}

/// The value at rank `p` (0 to 1) of `sorted`, linear between the nearest ranks.
fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = p * last as f64;
    let below = h.floor() as usize;
    let above = (below + 1).min(last);
    Some(round(
        sorted[below] + (h - below as f64) * (sorted[above] - sorted[below]),
    ))
}

/// The figures of the documents `members` (indices into `rows`).
fn figures_of(rows: &[QualityRow], members: &[usize]) -> QualityFigures {
    let mut figures = QualityFigures::default();
    for (at, signal) in SIGNALS.iter().enumerate() {
        let mut values: Vec<f64> = members
            .iter()
            .filter_map(|&m| rows[m].signals[at])
            .collect();
        values.sort_unstable_by(f64::total_cmp);
        figures.signals.insert(
            signal.name,
            Percentiles {
                p5: percentile(&values, 0.05),
                median: percentile(&values, 0.5),
                p95: percentile(&values, 0.95),
            },
        );
    }
    let share = |documents: u64, flagged: u64| RuleShare {
        documents,
        flagged,
        share: (documents > 0).then(|| round(flagged as f64 / documents as f64)),
    };
    for (at, rule) in RULES.iter().enumerate() {
        let applied = members.iter().filter_map(|&m| rows[m].rules[at]);
        let (documents, flagged) =
            applied.fold((0, 0), |(n, f), failed| (n + 1, f + u64::from(failed)));
        figures.rules.insert(rule.name, share(documents, flagged));
    }
    let any = members
        .iter()
        .filter(|&&m| rows[m].rules.contains(&Some(true)))
        .count() as u64;
    figures.any_rule = share(members.len() as u64, any);
    figures
}

impl Report {
    /// The rows of `quality.csv` and the `quality` block of `summary.json`, from
    /// `counts` whose documents are in documents.csv order (`rows`). Documents
    /// without quality counts (none, when they were counted) are left out.
    pub(super) fn quality(
        counts: &CorpusCounts,
        rows: &[DocumentRow],
        group_by: &GroupBy,
    ) -> (Vec<QualityRow>, QualitySummary) {
        let mut table = Vec::new();
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (record, row) in counts.documents.iter().zip(rows) {
            let Some(quality) = &record.quality else {
                continue;
            };
            let input = RuleInput {
                counts: quality,
                figures: &record.figures,
                language: row.language,
            };
            if *group_by != GroupBy::None {
                groups
                    .entry(group_name(record, row, group_by))
                    .or_default()
                    .push(table.len());
            }
            table.push(QualityRow {
                document: record.meta.id.clone(),
                language: row.language,
                signals: SIGNALS.iter().map(|s| (s.value)(&input)).collect(),
                rules: RULES.iter().map(|r| (r.fails)(&input)).collect(),
            });
        }
        let everyone: Vec<usize> = (0..table.len()).collect();
        let summary = QualitySummary {
            corpus: figures_of(&table, &everyone),
            groups: groups
                .into_iter()
                .map(|(group, members)| (group, figures_of(&table, &members)))
                .collect(),
        };
        (table, summary)
    }

    /// The rows of `quality.csv`, in documents.csv's order.
    pub(crate) fn quality_source(&self) -> RowSource<'_> {
        RowSource::new(self.quality.len(), |i| {
            let row = &self.quality[i];
            let mut cells = Vec::with_capacity(SIGNALS.len() + 2);
            cells.push(row.document.clone());
            cells.push(row.language.to_string());
            cells.extend(row.signals.iter().zip(SIGNALS).map(|(v, s)| match v {
                None => String::new(),
                Some(v) if s.whole => format!("{v:.0}"),
                Some(v) => float(*v),
            }));
            cells.push(row.fails().collect::<Vec<_>>().join(" "));
            cells
        })
    }

    /// `quality.csv`: each document's quality signals and the rules it fails.
    pub fn quality_rows(&self) -> &[QualityRow] {
        &self.quality
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signal_has_its_documented_column() {
        let names: Vec<&str> = QUALITY_COLUMNS.iter().map(|c| c.name.as_ref()).collect();
        let mut expected = vec!["document", "language"];
        expected.extend(SIGNALS.iter().map(|s| s.name));
        expected.push("fails");
        assert_eq!(names, expected);
    }

    #[test]
    fn percentiles_are_linear_between_ranks() {
        let values = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&values, 0.5), Some(3.0));
        // numpy.percentile([1, 2, 3, 4, 5], 5) = 1.2, 95 → 4.8.
        assert_eq!(percentile(&values, 0.05), Some(1.2));
        assert_eq!(percentile(&values, 0.95), Some(4.8));
        assert_eq!(percentile(&[7.0], 0.05), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
    }
}
