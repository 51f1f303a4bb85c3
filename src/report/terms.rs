//! `terms.csv`: one row per distinct term.

use rayon::prelude::*;

use super::{share, RowSource, TermNames};
use crate::measures::dispersion::DispersionSums;
use crate::table::{boolean, float, number, text, Column};
use crate::{CorpusCounts, Report, Script, TokenKind};

/// One row of `terms.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TermRow {
    /// Rank, from 1: count descending, then term.
    pub rank: usize,
    /// The term, in its most frequent surface form.
    pub term: String,
    /// Occurrences.
    pub count: u64,
    /// Documents it occurs in.
    pub doc_freq: u64,
    /// Occurrences per million tokens.
    pub per_million: f64,
    /// Smoothed inverse document frequency ln((1 + N) / (1 + df)) + 1.
    pub idf: f64,
    /// Gries' DP over the documents (see [`crate::measures::dispersion`]).
    pub dp: f64,
    /// DP normalised; `None` for a corpus of one document with tokens.
    pub dp_norm: Option<f64>,
    /// Juilland's D over the documents; `None` for fewer than two.
    pub juilland_d: Option<f64>,
    /// The script of its first letter (`common` without letters).
    pub script: Script,
    /// The token kind: word, number, url, email, mention or hashtag.
    pub kind: TokenKind,
    /// Whether it is a stopword of a language with at least 5% of the words.
    pub stopword: bool,
}

/// Columns of `terms.csv`.
pub const TERM_COLUMNS: &[Column] = &[
    number("rank", "1 = most frequent"),
    text("term", "the term as written most often (after nfkc, invisible, zwnj, tatweel, diacritics); counted under its folded form"),
    number("count", "occurrences in the corpus"),
    number("doc_freq", "documents that contain it"),
    number("per_million", "count per million tokens"),
    number("idf", "ln((1 + documents) / (1 + doc_freq)) + 1"),
    number("dp", "Gries' DP over the documents, weighted by their tokens: 0 = spread as the text is, towards 1 = in one small document"),
    number("dp_norm", "DP / (1 - the smallest document's share of the tokens); empty for one document"),
    number("juilland_d", "Juilland's D over the documents' relative frequencies: 1 = perfectly even; empty for one document"),
    text("script", "script of the term's first letter; common for a term without letters"),
    text("kind", "word, number, url, email, mention or hashtag"),
    boolean("stopword", "true when the term is in the stopword list of a language with at least 5% of the words"),
];

/// A language needs this share of the corpus' words for its stopwords to be marked.
pub const STOPWORD_LANGUAGE_SHARE: f64 = 0.05;

impl Report {
    /// The rows of `terms.csv`, in any order.
    pub(crate) fn terms_source(&self) -> RowSource<'_> {
        RowSource::new(self.terms.len(), |i| {
            let t = &self.terms[i];
            vec![
                t.rank.to_string(),
                t.term.clone(),
                t.count.to_string(),
                t.doc_freq.to_string(),
                float(t.per_million),
                float(t.idf),
                float(t.dp),
                t.dp_norm.map(float).unwrap_or_default(),
                t.juilland_d.map(float).unwrap_or_default(),
                t.script.to_string(),
                t.kind.name().to_string(),
                t.stopword.to_string(),
            ]
        })
    }

    /// The most frequent terms, at most `n`.
    pub fn top_terms(&self, n: usize) -> &[TermRow] {
        &self.terms[..n.min(self.terms.len())]
    }
}

/// The rows of terms.csv: every term, by count descending, then display form.
pub(super) fn term_rows(
    counts: &CorpusCounts,
    names: &TermNames,
    idf: &[f64],
    is_stopword: &[bool],
) -> Vec<TermRow> {
    let display = names.display;
    let dispersion = dispersion_sums(counts);
    let parts = counts
        .documents
        .iter()
        .filter(|d| d.figures.tokens > 0)
        .count() as u64;
    let smallest_share = counts
        .documents
        .iter()
        .filter(|d| d.figures.tokens > 0)
        .map(|d| share(d.figures.tokens, counts.figures.tokens))
        .fold(f64::INFINITY, f64::min)
        .min(1.0);
    let mut term_order: Vec<u32> = (0..counts.terms.len() as u32).collect();
    term_order.par_sort_unstable_by(|&a, &b| {
        names.by_count_then_text(
            (counts.terms[a as usize].count, a),
            (counts.terms[b as usize].count, b),
        )
    });
    term_order
        .par_iter()
        .enumerate()
        .map(|(i, &id)| {
            let t = &counts.terms[id as usize];
            TermRow {
                rank: i + 1,
                term: display[id as usize].to_string(),
                count: t.count,
                doc_freq: t.doc_freq,
                per_million: share(t.count, counts.figures.tokens) * 1e6,
                idf: idf[id as usize],
                dp: dispersion[id as usize].dp(),
                dp_norm: dispersion[id as usize].dp_norm(smallest_share),
                juilland_d: dispersion[id as usize].juilland_d(parts),
                script: t.script,
                kind: t.kind,
                stopword: is_stopword[id as usize],
            }
        })
        .collect()
}

/// The dispersion sums of every term, by term id, over the documents in their
/// (sorted) order: the same floating-point sums whatever the thread count.
fn dispersion_sums(counts: &CorpusCounts) -> Vec<DispersionSums> {
    let mut sums = vec![DispersionSums::default(); counts.terms.len()];
    for document in &counts.documents {
        for &(id, count) in &document.terms {
            let frequency = counts.terms[id as usize].count;
            sums[id as usize].add(
                u64::from(count),
                frequency,
                document.figures.tokens,
                counts.figures.tokens,
            );
        }
    }
    sums
}
