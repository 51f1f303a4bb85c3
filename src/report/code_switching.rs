//! `code_switching.csv` and the `code_switching` block of `summary.json`: how the
//! documents switch language from one sentence to the next.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{share, RowSource};
use crate::count::{CodeSwitching, CorpusCounts, DocumentRecord};
use crate::language::Lang;
use crate::table::{float, number, round, text, Column};
use crate::Report;

/// One row of `code_switching.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CodeSwitchingRow {
    /// The document id.
    pub document: String,
    /// Language switches between its consecutive sentences (`und` skipped).
    pub switches: u64,
    /// Switches per 100 of its sentences; `None` without sentences.
    pub switch_rate: Option<f64>,
    /// Its sentences whose words are in two or more scripts.
    pub mixed_sentences: u64,
    /// Its most frequent switch, (from, to).
    pub top_pair: Option<(Lang, Lang)>,
}

/// Columns of `code_switching.csv`.
pub const CODE_SWITCHING_COLUMNS: &[Column] = &[
    text("document", "document id, as in documents.csv"),
    number(
        "switches",
        "changes of language between consecutive sentences that have one (a sentence whose language is und is skipped: fas, und, fas holds no switch)",
    ),
    number(
        "switch_rate",
        "switches per 100 of the document's sentences",
    ),
    number(
        "mixed_sentences",
        "sentences whose words are in two or more scripts (digits and symbols aside)",
    ),
    text(
        "top_pair",
        "the most frequent switch, as from>to (ISO 639-3; ties to the smaller codes); empty without switches",
    ),
];

/// The corpus' code-switching in `summary.json`: metric paths
/// `code_switching.switches`, `code_switching.switch_rate`, ... for `check`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CodeSwitchingSummary {
    /// Language switches between consecutive sentences, summed over documents.
    pub switches: u64,
    /// Switches per 100 sentences of the corpus.
    pub switch_rate: Option<f64>,
    /// Documents with at least one switch.
    pub documents_switching: u64,
    /// Sentences whose words are in two or more scripts.
    pub mixed_sentences: u64,
    /// Their share of the sentences.
    pub mixed_share: Option<f64>,
    /// Switches by `from>to` (ISO 639-3 codes), in code order.
    pub pairs: BTreeMap<String, u64>,
}

impl CodeSwitchingSummary {
    pub(super) fn of(counts: &CorpusCounts) -> Self {
        let corpus = &counts.figures.code_switching;
        CodeSwitchingSummary {
            switches: corpus.switches,
            switch_rate: corpus.switch_rate(counts.figures.sentences).map(round),
            documents_switching: counts
                .documents
                .iter()
                .filter(|d| d.figures.code_switching.switches > 0)
                .count() as u64,
            mixed_sentences: corpus.mixed_sentences,
            mixed_share: (counts.figures.sentences > 0)
                .then(|| round(share(corpus.mixed_sentences, counts.figures.sentences))),
            pairs: corpus
                .pairs
                .iter()
                .map(|((from, to), &n)| (format!("{from}>{to}"), n))
                .collect(),
        }
    }
}

impl Report {
    pub(super) fn code_switching_row(doc: &DocumentRecord) -> CodeSwitchingRow {
        let switching: &CodeSwitching = &doc.figures.code_switching;
        CodeSwitchingRow {
            document: doc.meta.id.clone(),
            switches: switching.switches,
            switch_rate: switching.switch_rate(doc.figures.sentences),
            mixed_sentences: switching.mixed_sentences,
            top_pair: switching.top_pair().map(|(pair, _)| pair),
        }
    }

    /// `code_switching.csv`: one row per document, in documents.csv's order.
    pub fn code_switching(&self) -> &[CodeSwitchingRow] {
        &self.code_switching
    }

    /// The rows of `code_switching.csv`, in any order.
    pub(crate) fn code_switching_source(&self) -> RowSource<'_> {
        RowSource::new(self.code_switching.len(), |i| {
            let row = &self.code_switching[i];
            vec![
                row.document.clone(),
                row.switches.to_string(),
                row.switch_rate.map(float).unwrap_or_default(),
                row.mixed_sentences.to_string(),
                row.top_pair
                    .map(|(from, to)| format!("{from}>{to}"))
                    .unwrap_or_default(),
            ]
        })
    }
}
