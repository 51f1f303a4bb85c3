//! `distinctive.csv`: the top terms of each document by TF-IDF.

use rayon::prelude::*;

use super::{RowSource, TermNames};
use crate::table::{float, number, text, Column};
use crate::{CorpusCounts, Report};

/// A distinctive term kept for `distinctive.csv`: the document (its index in
/// [`Report::documents`]), its rank there, the term id, its count and TF-IDF.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct DistinctiveEntry {
    /// The document: its index in [`Report::documents`].
    pub document: u32,
    /// Rank within the document, from 1.
    pub rank: u32,
    /// The term (corpus id).
    pub term: u32,
    /// The term's count in the document.
    pub count: u32,
    /// Its TF-IDF in the document.
    pub tfidf: f64,
}

/// One row of `distinctive.csv`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DistinctiveRow {
    /// The document id.
    pub document: String,
    /// Rank within the document, from 1.
    pub rank: usize,
    /// The term, as displayed.
    pub term: String,
    /// The term's count in the document.
    pub count: u64,
    /// Its TF-IDF in the document.
    pub tfidf: f64,
}

/// Columns of `distinctive.csv`.
pub const DISTINCTIVE_COLUMNS: &[Column] = &[
    text("document", "document id"),
    number("rank", "1 = most distinctive in the document"),
    text("term", "the term"),
    number("count", "occurrences in the document"),
    number(
        "tfidf",
        "count × idf (idf as in terms.csv); stopwords left out by default",
    ),
];

/// Documents scored together for distinctive.csv.
pub(super) const DISTINCTIVE_CHUNK: usize = 64;

impl Report {
    pub(super) fn build_distinctive(
        counts: &CorpusCounts,
        names: &TermNames,
        idf: &[f64],
        top: usize,
    ) -> Vec<DistinctiveEntry> {
        // Documents go in chunks, each with one buffer of scores reused for all of
        // them, and only each document's top `top` terms are sorted.
        let per_chunk: Vec<Vec<DistinctiveEntry>> = counts
            .documents
            .par_chunks(DISTINCTIVE_CHUNK)
            .enumerate()
            .map(|(chunk, documents)| {
                let mut scored: Vec<(f64, &str, usize, u32, u32)> = Vec::new();
                let mut entries = Vec::with_capacity(documents.len() * top);
                for (i, doc) in documents.iter().enumerate() {
                    scored.clear();
                    scored.extend(
                        doc.terms
                            .iter()
                            .enumerate()
                            .filter(|(_, &(id, _))| !(names.skip)(id))
                            .map(|(at, &(id, count))| {
                                (
                                    count as f64 * idf[id as usize],
                                    names.display[id as usize],
                                    at,
                                    id,
                                    count,
                                )
                            }),
                    );
                    // Highest score first, then by text, then in document order: no ties.
                    let order = |a: &(f64, &str, usize, u32, u32),
                                 b: &(f64, &str, usize, u32, u32)| {
                        b.0.total_cmp(&a.0)
                            .then_with(|| a.1.cmp(b.1))
                            .then_with(|| a.2.cmp(&b.2))
                    };
                    if scored.len() > top && top > 0 {
                        scored.select_nth_unstable_by(top - 1, order);
                        scored.truncate(top);
                    }
                    scored.sort_unstable_by(order);
                    let document = (chunk * DISTINCTIVE_CHUNK + i) as u32;
                    entries.extend(scored.iter().take(top).enumerate().map(
                        |(rank, &(tfidf, _, _, term, count))| DistinctiveEntry {
                            document,
                            rank: rank as u32 + 1,
                            term,
                            count,
                            tfidf,
                        },
                    ));
                }
                entries
            })
            .collect();
        per_chunk.concat()
    }

    /// The rows of `distinctive.csv`, made as they are read.
    pub fn distinctive_rows(&self) -> impl Iterator<Item = DistinctiveRow> + '_ {
        (0..self.distinctive.len()).map(|i| self.distinctive_row(i))
    }

    pub(super) fn distinctive_row(&self, i: usize) -> DistinctiveRow {
        let d = &self.distinctive[i];
        DistinctiveRow {
            document: self.documents[d.document as usize].document.clone(),
            rank: d.rank as usize,
            term: self.names[d.term as usize].to_string(),
            count: d.count.into(),
            tfidf: d.tfidf,
        }
    }

    /// The rows of `distinctive.csv`, in any order.
    pub(crate) fn distinctive_source(&self) -> RowSource<'_> {
        RowSource::new(self.distinctive.len(), |i| {
            let d = self.distinctive_row(i);
            vec![
                d.document,
                d.rank.to_string(),
                d.term,
                d.count.to_string(),
                float(d.tfidf),
            ]
        })
    }
}
