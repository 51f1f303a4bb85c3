//! `orthography.csv` and the `orthography` block of `summary.json`: the ledger of
//! what normalization changed, per document, per group and for the corpus.

use std::collections::BTreeMap;

use serde::Serialize;

use super::groups::group_figures;
use super::{share, DocumentRow, RowSource};
use crate::count::CorpusCounts;
use crate::normalize::Normalizer;
use crate::normalize::{ledger_steps, LedgerStep, Orthography};
use crate::options::Options;
use crate::table::{float, number, round, text, Column};
use crate::Report;

/// One row of `orthography.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrthographyRow {
    /// The document id, or `*` for the corpus.
    pub document: String,
    /// The ledger step.
    pub step: &'static str,
    /// Characters or letters changed.
    pub changes: u64,
    /// Per thousand of the document's tokens.
    pub per_thousand_tokens: Option<f64>,
}

/// Columns of `orthography.csv`.
pub const ORTHOGRAPHY_COLUMNS: &[Column] = &[
    text(
        "document",
        "document id, as in documents.csv; `*` for the corpus",
    ),
    text("step", "the ledger step (see the list below the table)"),
    number(
        "changes",
        "characters or letters the step changed (or, for the two yeh-kaf censuses, found)",
    ),
    number(
        "per_thousand_tokens",
        "changes per 1,000 of the document's tokens",
    ),
];

/// A step's figures in `summary.json`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LedgerFigures {
    /// Characters or letters changed.
    pub changes: u64,
    /// Per 1,000 tokens.
    pub per_thousand_tokens: Option<f64>,
}

/// The ledger of the corpus or of a group in `summary.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct LedgerSummary {
    /// Tokens counted.
    pub tokens: u64,
    /// Each step that ran (and the two censuses), by name.
    pub steps: BTreeMap<&'static str, LedgerFigures>,
    /// Words (runs between white space) that carried a diacritic.
    pub diacritized_words: u64,
    /// Their share of the tokens.
    pub diacritized_share: Option<f64>,
}

/// The `orthography` block of `summary.json`: metric paths
/// `orthography.steps.STEP.per_thousand_tokens`, `orthography.diacritized_share`,
/// and with groups `orthography.groups.GROUP.steps.STEP...`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct OrthographySummary {
    /// The corpus' ledger.
    #[serde(flatten)]
    pub corpus: LedgerSummary,
    /// With `--group-by`: each group's ledger, by name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<String, LedgerSummary>,
}

/// The ledger steps that count under `normalizer`: a fold step counts only
/// when it runs; the censuses always.
fn counted_steps(normalizer: Option<&Normalizer>) -> Vec<&'static LedgerStep> {
    ledger_steps()
        .filter(|s| s.counts_under(normalizer))
        .collect()
}

fn per_thousand(changes: u64, tokens: u64) -> Option<f64> {
    (tokens > 0).then(|| round(1000.0 * share(changes, tokens)))
}

fn ledger_summary(
    ledger: &Orthography,
    tokens: u64,
    steps: &[&'static LedgerStep],
) -> LedgerSummary {
    LedgerSummary {
        tokens,
        steps: steps
            .iter()
            .map(|s| {
                let changes = s.count(ledger);
                (
                    s.name,
                    LedgerFigures {
                        changes,
                        per_thousand_tokens: per_thousand(changes, tokens),
                    },
                )
            })
            .collect(),
        diacritized_words: ledger.diacritized_words,
        diacritized_share: (tokens > 0).then(|| round(share(ledger.diacritized_words, tokens))),
    }
}

impl OrthographySummary {
    pub(super) fn of(
        counts: &CorpusCounts,
        documents: &[DocumentRow],
        normalizer: Option<&Normalizer>,
        options: &Options,
    ) -> Self {
        let steps = counted_steps(normalizer);
        let groups = if options.input.group_by == crate::GroupBy::None {
            BTreeMap::new()
        } else {
            group_figures(counts, documents, &options.input.group_by)
        };
        OrthographySummary {
            corpus: ledger_summary(&counts.figures.orthography, counts.figures.tokens, &steps),
            groups: groups
                .into_iter()
                .map(|(name, g)| (name, ledger_summary(&g.orthography, g.tokens, &steps)))
                .collect(),
        }
    }
}

impl Report {
    /// The rows of `orthography.csv`: each document's steps that changed
    /// something, then the corpus' every step (`*`).
    pub(super) fn orthography_rows(
        counts: &CorpusCounts,
        normalizer: Option<&Normalizer>,
    ) -> Vec<OrthographyRow> {
        let steps = counted_steps(normalizer);
        let mut rows = Vec::new();
        for doc in &counts.documents {
            for step in &steps {
                let changes = step.count(&doc.figures.orthography);
                if changes > 0 {
                    rows.push(OrthographyRow {
                        document: doc.meta.id.clone(),
                        step: step.name,
                        changes,
                        per_thousand_tokens: per_thousand(changes, doc.figures.tokens),
                    });
                }
            }
        }
        for step in &steps {
            let changes = step.count(&counts.figures.orthography);
            rows.push(OrthographyRow {
                document: "*".into(),
                step: step.name,
                changes,
                per_thousand_tokens: per_thousand(changes, counts.figures.tokens),
            });
        }
        rows
    }

    /// `orthography.csv`.
    pub fn orthography(&self) -> &[OrthographyRow] {
        &self.orthography
    }

    /// The rows of `orthography.csv`, in any order.
    pub(crate) fn orthography_source(&self) -> RowSource<'_> {
        RowSource::new(self.orthography.len(), |i| {
            let row = &self.orthography[i];
            vec![
                row.document.clone(),
                row.step.to_string(),
                row.changes.to_string(),
                row.per_thousand_tokens.map(float).unwrap_or_default(),
            ]
        })
    }
}
